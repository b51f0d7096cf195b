#!/bin/sh
# session-kinds.sh - a per-side exercise (left, switch sides, right),
# tempo-paced reps that count themselves, and a walk-run interval routine.
. "$top_srcdir/tests/tui/session-common.sh"

# The get-ready and switch-sides countdowns are looked at: 3 s each, long
# enough to be seen on a loaded machine.
printf 'ready: 3\nswitch: 3\nsound: false\n' \
    >"$XDG_CONFIG_HOME/rehabit/config.yaml"

session_start sides
ok "per side: left first" tui_wait "Set 1 of 1 · LEFT"
tui_keys Enter Enter
ok "then a switch-sides countdown" tui_wait "SWITCH SIDES · now RIGHT"
ok "then the right side" tui_wait "Set 1 of 1 · RIGHT" 10
like "$tui_seen" '0 of 2 reps' "counting starts again"
tui_keys Enter Enter
ok "the session ends" session_ended done
is "$(sets_done)" "step-down 1 1 2
step-down 2 1 2" "each side is recorded"

tui_stop
session_start tempo
ok "tempo: get ready" tui_wait "GET READY"
ok "tempo: the down phase" tui_wait "DOWN · Set 1 of 1" 10
ok "tempo: the up phase" tui_wait "UP · Set 1 of 1" 10
ok "tempo: reps count themselves" tui_wait "1 of 2 reps" 10
ok "tempo: the session ends by itself" session_ended done 20
is "$(sets_done | tail -n 1)" "squat 0 1 2" "tempo: the reps are recorded"

tui_stop
session_start intervals
ok "walk-run: get ready" tui_wait "GET READY"
ok "walk-run: work" tui_wait "WORK · Set 1 of 1" 10
like "$tui_seen" 'round 1 of 2' "walk-run: the round"
ok "walk-run: then easy" tui_wait "EASY" 10
ok "walk-run: work again" tui_wait "round 2 of 2" 10
ok "walk-run: the session ends by itself" session_ended done 20
is "$(sets_done | tail -n 1)" "walk-run 0 1 6" \
    "walk-run: the seconds of work are recorded"

# No routine named: the one due, as home picks it. The routines done
# today are the active ones and none is due; the others were never
# started, so none of them is due either: the last one done is offered.
tui_stop
tui_start "$REHABIT" --library "$lib" start
ok "no routine named, none due: the last one done" \
    tui_wait "Walk-run test routine"
done_testing
