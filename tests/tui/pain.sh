#!/bin/sh
# pain.sh - the pain form end to end through `rehabit pain`: scores with
# their anchors, Esc back, per-exercise pain, red flags, a note, the review;
# nothing saved until confirmed; leaving saves nothing; SIGTERM.
. "$top_srcdir/tests/tui/home-common.sh"

# A session this morning: a wall sit and a step-down on each side.
sid=$("$seed" "$data" <<SEED
session knee-strength $(epoch "2026-11-27 09:00") 0 1
set wall-sit both sets=2,hold=2,rest=1 1 2
set wall-sit both sets=2,hold=2,rest=1 2 2
set step-down left sets=1,reps=2,rest=1 1 2
set step-down right sets=1,reps=2,rest=1 1 2
SEED
)
pains() { sql "SELECT count(*) FROM pain"; }

pain_start() {
	tui_at "$1" pain
}

pain_start "2026-11-27 09:30:00"
ok "rehabit pain: the form opens" tui_wait "Pain during the session"
scr=$(tui_screen)
like "$scr" 'Knee strength, Fri 27 Nov 09:00' "for this morning's session"
like "$scr" '1 of 6' "six pages"
like "$scr" 'none +mild +the limit +worst' "the anchors under the scale"
tui_keys Enter
ok "Enter without a score: asks for one" \
    tui_wait "Type a score from 0 to 10 first."
tui_keys 3
ok "3: amber, acceptable" tui_wait "3/10: acceptable"
tui_keys Enter
ok "Enter: pain now" tui_wait "How much does it hurt now?"
tui_keys 1 0
ok "1 then 0: 10" tui_wait "10/10: too much"
tui_keys -
ok "-: one less" tui_wait "9/10: too much"
tui_keys Escape
ok "Esc: back to pain during" tui_wait "3/10: acceptable"
tui_keys Enter
ok "the score kept on the way back" tui_wait "9/10: too much"
tui_keys 2 Enter
ok "pain now 2: the exercise list" tui_wait "Which exercises hurt?"
scr=$(tui_screen)
like "$scr" '> Wall sit' "the session's exercises, cursor on the first"
like "$scr" 'Step-down \(left\)' "each side listed"
like "$scr" 'Step-down \(right\)' "... both sides"
tui_keys Down 4
ok "Down, 4: step-down (left) 4/10" tui_wait "Step-down (left)   4/10"
tui_keys Enter
ok "Enter: the warning signs" tui_wait "Is the knee swollen?"
unlike "$(tui_screen)" 'physiotherapist' "no yes yet: no advice"
tui_keys y
ok "y: yes, and the advice at once" \
    tui_wait "Stop increasing the exercises and see a physiotherapist."
tui_keys n n n n Enter
ok "Enter: the note" tui_wait "Anything worth remembering"
tui_keys -l "stairs? 1 q"
tui_keys BSpace BSpace
ok "typing, ? and q included; Backspace deletes" \
    tui_wait "9 of 200 characters"
tui_keys Enter
ok "Enter: the review" tui_wait "Check and save"
scr=$(tui_screen)
like "$scr" 'Pain during +3/10' "review: pain during"
like "$scr" 'Pain now +2/10' "review: pain now"
like "$scr" 'Exercises +Step-down \(left\) 4' "review: the exercise that hurt"
like "$scr" 'Warning signs +swelling' "review: the red flag"
like "$scr" 'Note +stairs\? 1' "review: the note"
like "$scr" 'see a physiotherapist' "review: the advice stands"
is "$(pains)" 0 "nothing saved before the review is confirmed"
tui_keys Enter
ok "Enter saves and ends" tui_wait "[exit 0]"
like "$(tui_screen)" '^Pain recorded\.' "says it was recorded"
tui_stop
is "$(sql "SELECT kind, score FROM pain WHERE session = $sid ORDER BY kind" |
    tr '\n' ' ')" "0|3 1|2 " "pain during 3 and after 2 stored"
is "$(sql "SELECT flags, note FROM session WHERE id = $sid")" "1|stairs? 1" \
    "the red flag and the note stored with the session"
is "$(sql "SELECT exercise, side, pain FROM exercise WHERE session = $sid
    AND pain IS NOT NULL")" "step-down|1|4" "the exercise's pain stored"

# Leaving saves nothing: Esc back past the first page, q on the review.
pain_start "2026-11-27 09:40:00"
tui_wait "Pain during the session" >/dev/null
tui_keys 5 Enter
tui_wait "How much does it hurt now?" >/dev/null
tui_keys Escape
tui_wait "Pain during the session" >/dev/null
tui_keys Escape
ok "Esc on the first page leaves" tui_wait "[exit 0]"
like "$(tui_screen)" '^Nothing recorded\.' "says nothing was recorded"
tui_stop
pain_start "2026-11-27 09:41:00"
tui_wait "Pain during the session" >/dev/null
tui_keys 4 Enter 4 Enter Enter Enter Enter
ok "through to the review" tui_wait "Check and save"
tui_keys q
ok "q on the review leaves" tui_wait "Nothing recorded."
tui_stop
is "$(pains)" 2 "leaving the form saved nothing"
is "$(sql "SELECT count(*) FROM sets")" 4 "the session's sets are kept"

# SIGTERM on the form: the terminal restored, nothing saved.
pain_start "2026-11-27 09:42:00"
tui_wait "Pain during the session" >/dev/null
tui_keys 7 Enter
tui_wait "How much does it hurt now?" >/dev/null
tui_resize 40 12
ok "40x12: still drawn" tui_wait "Pain now"
tui_resize 20 6
ok "20x6: too small" tui_wait "Terminal too small"
tui_resize 80 24
ok "80x24: the form is back, as it was" tui_wait "How much does it hurt now?"
kill -TERM "$(tui_pid)"
ok "SIGTERM: exit 143" tui_wait "[exit 143]"
unlike "$(tui_screen)" 'hurt|Pain' "SIGTERM: the shell's screen is back"
tui_stop
is "$(pains)" 2 "SIGTERM saved nothing"

# A session's note is kept within 4096 bytes: a note that would pass it is
# not saved, calmly, and the form stays to shorten it.
sql "UPDATE session SET note = substr(note || replace(printf('%.4090c', 'x'),
    ' ', 'x'), 1, 4090) WHERE id = $sid"
pain_start "2026-11-27 09:50:00"
tui_wait "Pain during the session" >/dev/null
tui_keys 2 Enter 2 Enter Enter n n n n n Enter
tui_wait "Anything worth remembering" >/dev/null
tui_keys -l "sore on stairs"
tui_keys Enter
tui_wait "Check and save" >/dev/null
tui_keys Enter
ok "a note past the session's room: not saved, says why" \
    tui_wait "Not saved: the session's note has no room for this one. Shorten it."
unlike "$(tui_screen)" 'history.db' "no file name, no error code"
is "$(pains)" 2 "nothing saved"
tui_keys Escape
ok "Esc: back to the note" tui_wait "14 of 200 characters"
tui_keys BSpace BSpace BSpace BSpace BSpace BSpace BSpace BSpace BSpace BSpace
ok "shortened to 4 characters" tui_wait "4 of 200 characters"
tui_keys Enter
tui_wait "Check and save" >/dev/null
tui_keys Enter
ok "now it fits: saved" tui_wait "Pain recorded."
tui_stop
is "$(sql "SELECT length(note), substr(note, 4089) FROM session WHERE id = $sid")" \
    "4096|xx; sore" "the note appended, 4096 bytes exactly"

# No session in the last day: a report on its own, pain now only.
pain_start "2026-11-29 09:00:00"
ok "no session today: a report on its own" tui_wait "A pain report on its own"
like "$(tui_screen)" 'Pain now +1 of 4' "pain now, flags, note, review"
tui_keys 1 Enter Enter Enter
ok "the review" tui_wait "Check and save"
unlike "$(tui_screen)" 'Pain during' "no pain during on its own"
tui_keys Enter
ok "saved" tui_wait "Pain recorded."
tui_stop
is "$(sql "SELECT kind, score FROM pain WHERE session IS NULL")" "1|1" \
    "stored as a report on its own"

done_testing
