#!/bin/sh
# session-keys.sh - pause and resume, skip, more and less rest, next and
# previous exercise, and quitting part-way with the sets done kept.
. "$top_srcdir/tests/tui/session-common.sh"

# The countdown's text, "0:27 of 0:30".
left() {
	tui_screen | grep -oE '[0-9]+:[0-9]{2} of [0-9]+:[0-9]{2}' | head -n 1
}

# A 3-s get-ready: long enough to be seen on a loaded machine.
printf 'ready: 3\nswitch: 1\nsound: false\n' \
    >"$XDG_CONFIG_HOME/rehabit/config.yaml"
session_start long
ok "a get-ready countdown first" tui_wait "GET READY"
ok "then the hold" tui_wait "HOLD" 10

tui_keys p
ok "p pauses" tui_wait "PAUSED"
like "$(tui_screen)" 'p resume' "the keys say how to resume"
t1=$(left)
# Time must pass to show that the countdown stands still.
sleep 1.5
is "$(left)" "$t1" "the countdown stands still while paused"
tui_keys p
ok "p resumes" tui_gone "PAUSED"
i=0
while [ "$(left)" = "$t1" ] && [ $i -lt 60 ]; do sleep 0.05; i=$((i + 1)); done
isnt=$(left)
ok "the countdown goes on" [ "$isnt" != "$t1" ]

tui_keys s
ok "s ends the hold: rest" tui_wait "REST"
like "$(tui_screen)" 'next: Set 2 of 2' "rest names the next set"
tui_keys +
ok "+ adds 15 s of rest" tui_wait "of 0:45"
tui_keys -
ok "- takes them off again" tui_wait "of 0:30"
tui_keys s
ok "s skips the rest" tui_gone "REST"
like "$(tui_screen)" 'Set 2 of 2' "set 2 comes next"

tui_keys n
ok "n skips to the next exercise" tui_wait "exercise 2 of 2"
ok "the next exercise counts reps" tui_wait "0 of 3 reps"
tui_keys Left
ok "Left goes back to the previous one" tui_wait "exercise 1 of 2"
like "$(tui_screen)" 'Set 1 of 2' "it starts again from set 1"
tui_keys Right
ok "Right skips again" tui_wait "exercise 2 of 2"
tui_keys b
ok "b goes back" tui_wait "exercise 1 of 2"

tui_keys q
ok "q asks first" tui_wait "End the session?"
like "$(tui_screen)" 'The sets done are kept' "and says the sets are kept"
tui_keys n
ok "n keeps going" tui_gone "End the session?"
tui_keys q
tui_wait "End the session?" >/dev/null
tui_keys y
ok "y ends it: pain form, summary" session_ended stopped

is "$(sql 'SELECT routine, completed, end IS NOT NULL FROM session')" \
    "long|0|1" "a partial session is kept, not completed"
v=$(sql "SELECT s.value FROM sets s JOIN exercise e ON s.exercise = e.id
    WHERE e.exercise = 'wall-sit' AND s.n = 1")
ok "the skipped hold keeps the seconds held ($v)" \
    sh -c '[ -n "$1" ] && [ "$1" -ge 1 ] && [ "$1" -lt 30 ]' _ "$v"

# Quitting before any set is done leaves no record. A get-ready of a
# minute: q comes before a second of the hold, however slow the machine.
tui_stop
printf 'ready: 60\nswitch: 1\nsound: false\n' \
    >"$XDG_CONFIG_HOME/rehabit/config.yaml"
session_start long
tui_wait "GET READY" >/dev/null
tui_keys q
tui_wait "End the session?" >/dev/null
like "$(tui_screen)" 'End the session\? \(y/n\)' "nothing done: a plain question"
tui_keys y
ok "quit at once" tui_wait "[exit 0]"
is "$(sql 'SELECT count(*) FROM session')" 1 "no empty session is kept"
done_testing
