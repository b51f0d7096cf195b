#!/bin/sh
# session-whole.sh - a whole session by keys: reps counted with Enter,
# rests, get-ready and holds, then every set is in the history.
. "$top_srcdir/tests/tui/session-common.sh"

session_start quick
ok "the session opens" tui_wait "Quick test routine"
scr=$(tui_screen)
like "$scr" 'exercise 1 of 2' "header: where you are"
like "$scr" '^ *Squat' "the exercise's name"
like "$scr" 'Feet hip-width apart' "its cues"
like "$scr" 'Set 1 of 2' "set n of m"
like "$scr" '0 of 2 reps' "the rep counter"
like "$scr" 'Next: Wall sit, ' "what comes next"
like "$scr" 'Enter count a rep' "the keys"
like "$scr" '█' "big digits at 80x24"

tui_keys Enter
ok "Enter counts a rep" tui_wait "1 of 2 reps"
tui_keys u
ok "u undoes it" tui_wait "0 of 2 reps"
tui_keys Enter Enter
# The rest lasts 3 s: what it shows is read from the capture that saw it.
ok "the set ends: rest" tui_wait "REST"
like "$tui_seen" 'REST · next: Set 2 of 2' "the rest shows what comes next"
ok "the rest ends by itself" tui_wait "0 of 2 reps" 10
like "$tui_seen" 'Set 2 of 2' "then set 2"
tui_keys Enter Enter
ok "the next exercise: Wall sit" tui_wait "exercise 2 of 2" 5
ok "its level" tui_wait "Level 2 of 2: Wall sit 60 degrees"
ok "a hold counts down" tui_wait "HOLD" 5
like "$tui_seen" 'of 0:03' "the hold's length"
ok "the session ends: the pain form" tui_wait "Pain during the session" 15
tui_keys q
ok "under it, the summary" tui_wait "Session done"
like "$(tui_screen)" 'Wall sit' "the summary lists the exercises"
tui_keys q
ok "and the program ends" tui_wait "[exit 0]"

is "$(sql 'SELECT routine, completed, end IS NOT NULL FROM session')" \
    "quick|1|1" "the session is recorded as completed"
is "$(sets_done)" "squat 0 1 2
squat 0 2 2
wall-sit 0 1 3
wall-sit 0 2 3" "every set is recorded"
done_testing
