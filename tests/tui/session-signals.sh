#!/bin/sh
# session-signals.sh - SIGTERM, SIGINT (Ctrl-C) and SIGHUP end the session
# with the terminal restored, the partial session kept, said so on the
# terminal, and the status 128+signal; Ctrl-Z suspends and fg redraws.
. "$top_srcdir/tests/tui/session-common.sh"

# The hold's countdown once a second of it is held, whenever it is read.
held='0:(29|2[0-8]|1[0-9]|0[0-9]) of 0:30'

# signal_test SIG STATUS
signal_test() {
	tui_stop
	session_start long
	tui_wait "HOLD" 5 >/dev/null
	# A second held, so that the set in progress has something to keep
	# (the countdown rounds up; its 0:29 lasts only a second).
	tui_wait -E "$held" 5 >/dev/null
	kill -"$1" "$(tui_pid)"
	ok "SIG$1: exit $2" tui_wait "[exit $2]"
	scr=$(tui_screen)
	unlike "$scr" 'HOLD|Wall sit|█' "SIG$1: the shell's screen is back"
	like "$scr" '^Session stopped early: 1 set saved\.$' \
	    "SIG$1: it says what was kept"
	like "$scr" "^No pain is recorded for it yet: 'rehabit pain' records" \
	    "SIG$1: and how to record the pain for it"
}

signal_test TERM 143
is "$(sql 'SELECT count(*), sum(completed), count(end) FROM session')" \
    "1|0|1" "SIGTERM: the partial session is kept, ended, not completed"
v=$(sets_done)
like "$v" '^wall-sit 0 1 [0-9]+$' "SIGTERM: the set in progress is kept"
signal_test INT 130
signal_test HUP 129
is "$(sql 'SELECT count(*) FROM session')" 3 "every signal kept its session"

# Ctrl-Z and fg: needs a shell with job control.
command -v bash >/dev/null 2>&1 || skip_all "bash is not installed"
tui_stop
tui_start bash --norc --noprofile -i
tui_wait '$' >/dev/null
tui_keys "$REHABIT --library $lib start long" Enter
ok "Ctrl-Z: the session runs" tui_wait "Wall sit" 5
tui_keys C-z
ok "Ctrl-Z suspends" tui_wait "Stopped"
unlike "$(tui_screen)" 'HOLD|█' "Ctrl-Z: the shell's screen is back"
tui_keys "fg" Enter
ok "fg redraws" tui_wait "Back flat on the wall"
like "$(tui_screen)" '█' "fg: the whole screen is back"
# Counting on: another second shows, whichever the first one was (the
# hold, once a get-ready the suspension may have caught is over).
tui_wait -E '[0-9]+:[0-9]{2} of 0:30' 5 >/dev/null
t1=$(printf '%s\n' "$tui_seen" | grep -oE '[0-9]+:[0-9]{2} of 0:30')
i=0
while tui_screen | grep -qF -- "$t1" && [ $i -lt 100 ]; do
	sleep 0.05
	i=$((i + 1))
done
ok "fg: the hold counts on (from ${t1:-nothing})" \
    sh -c '[ -n "$1" ] && [ "$2" -lt 100 ]' _ "$t1" "$i"
tui_wait -E "$held" 5 >/dev/null
tui_keys q
tui_wait "End the session?" >/dev/null
tui_keys y
tui_wait "Pain during the session" >/dev/null
tui_keys q
tui_wait "Session stopped early" >/dev/null
tui_keys q
tui_wait '$' >/dev/null
tui_keys 'echo "[status $?]"' Enter
ok "after fg, q ends it normally" tui_wait "[status 0]"

# Ctrl-C from the keyboard (to the program's process group, as the shell
# with job control started it): the same as SIGINT.
tui_keys "$REHABIT --library $lib start long" Enter
tui_wait -E "$held" 5 >/dev/null
tui_keys C-c
tui_wait '$' >/dev/null
tui_keys 'echo "[status $?]"' Enter
ok "Ctrl-C: exit 130" tui_wait "[status 130]"
scr=$(tui_screen)
unlike "$scr" 'HOLD|█' "Ctrl-C: the shell's screen is back"
like "$scr" '^Session stopped early: 1 set saved\.$' \
    "Ctrl-C: it says what was kept"
like "$scr" "^No pain is recorded for it yet: 'rehabit pain' records it" \
    "Ctrl-C: and how to record the pain for it"
done_testing
