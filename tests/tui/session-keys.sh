#!/bin/sh
# session-keys.sh - pause and resume, skip, more and less rest, next and
# previous exercise, help that stops the clock, and quitting part-way with
# the sets done kept (and said so on the terminal given back).
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
# The terminal given back says what was kept, and how to record the pain
# the form was left without.
scr=$(tui_screen)
n=$(sql 'SELECT count(*) FROM sets')
like "$scr" "^Session stopped early: $n sets? saved\\.\$" \
    "q: the terminal says the $n sets saved"
like "$scr" "^No pain is recorded for (it|them) yet: 'rehabit pain' records" \
    "q: and how to record the pain"
unlike "$scr" 'Pain during|Session stopped early \(' "q: the screens are gone"

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
like "$(tui_screen)" \
    '^Session stopped early: no set was done, nothing is saved\.$' \
    "and the terminal says so"
unlike "$(tui_screen)" 'rehabit pain' "no pain to record"

# Pain recorded in the form: the terminal says only what was kept.
tui_stop
printf 'ready: 1\nswitch: 1\nsound: false\n' \
    >"$XDG_CONFIG_HOME/rehabit/config.yaml"
session_start long
tui_wait -E '0:(29|2[0-8]|1[0-9]|0[0-9]) of 0:30' 5 >/dev/null
tui_keys q
tui_wait "End the session?" >/dev/null
tui_keys y
tui_wait "Pain during the session" >/dev/null
tui_keys 2 Enter
tui_wait "How much does it hurt now?" >/dev/null
tui_keys 2 Enter
# The pages after (exercises, warning signs, note), all left as they are.
i=0
while [ $i -lt 8 ] && ! tui_screen | grep -q "Check and save"; do
	tui_keys Enter
	tui_wait -E "Which exercises|Is the knee|Anything|Check and save" 2 \
	    >/dev/null
	i=$((i + 1))
done
tui_keys Enter
ok "pain recorded: the summary" tui_wait "Session stopped early"
tui_keys q
ok "pain recorded: exit 0" tui_wait "[exit 0]"
is "$(sql 'SELECT count(*) FROM pain
    WHERE session = (SELECT max(id) FROM session)')" 2 \
    "pain recorded: in the history"
like "$(tui_screen)" '^Session stopped early: 1 set saved\.$' \
    "pain recorded: the set kept is said"
unlike "$(tui_screen)" 'rehabit pain' \
    "pain recorded: no word about recording it"

# `?` covers the countdown: it stops the clock, says so, and the clock
# stays stopped once it is closed, until p. At 120x40 the countdown's line
# is below the help. A second session in another window of the same
# routine is the witness that time passed: its 3-s work has ended.
witness_pid=
witness_easy() {
	tmux -L "$tui_sock" new-window -d -n witness \
	    "exec env XDG_DATA_HOME='$test_tmp/witness' '$REHABIT' \
	    --library '$lib' start intervals"
	witness_pid=$(tmux -L "$tui_sock" display-message -p -t witness \
	    '#{pane_pid}')
	_i=0
	while [ $_i -lt 300 ]; do
		tmux -L "$tui_sock" capture-pane -p -t witness | grep -q EASY &&
		    return 0
		sleep 0.05
		_i=$((_i + 1))
	done
	return 1
}
tui_stop
# (Without the LINES and COLUMNS of tests/env.sh, curses asks the pane.)
tui_start -x 120 -y 40 env -u LINES -u COLUMNS "$REHABIT" --library "$lib" \
    start intervals
ok "help: the work counts down, at 120x40" tui_wait 'WORK · Set 1 of 1'
tui_keys '?'
ok "? opens the help, saying the clock is paused" \
    tui_wait "Clock paused: p resumes"
scr=$tui_seen
t1=$(printf '%s\n' "$scr" | grep -oE '[0-9]:[0-9]{2} of 0:03')
phase=$(printf '%s\n' "$scr" | grep -oE 'PAUSED · [A-Z]+')
like "$scr" 's +end the set' "help: the keys of the phase it covers"
ok "help: at the countdown ${t1:-(none)}, in ${phase:-(none)}" \
    sh -c '[ -n "$1" ] && [ -n "$2" ]' _ "$t1" "$phase"
ok "help: the witness's 3 s pass" witness_easy
kill -TERM "$witness_pid"
tui_reap 200 "$witness_pid"
like "$(tui_screen)" "$t1" "help: still $t1 while it is open"
tui_keys x
ok "any key closes the help" tui_gone "Clock paused"
scr=$(tui_screen)
like "$scr" "$phase" "help closed: still paused"
is "$(printf '%s\n' "$scr" | grep -oE '[0-9]:[0-9]{2} of 0:03')" "$t1" \
    "help closed: the countdown shows what it showed when help opened"
like "$scr" 'p resume' "help closed: the keys say how to resume"
tui_keys p
ok "p: the countdown goes on" tui_gone "$t1"
unlike "$(tui_screen)" 'PAUSED' "p: no longer paused"
done_testing
