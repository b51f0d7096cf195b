#!/bin/sh
# session-signals.sh - SIGTERM, SIGINT and SIGHUP end the session with the
# terminal restored, the partial session kept and the status 128+signal;
# Ctrl-Z suspends and fg redraws.
. "$top_srcdir/tests/tui/session-common.sh"

# signal_test SIG STATUS
signal_test() {
	tui_stop
	session_start long
	tui_wait "HOLD" 5 >/dev/null
	# A second held, so that the set in progress has something to keep.
	tui_wait "0:29 of 0:30" 5 >/dev/null
	kill -"$1" "$(tui_pid)"
	ok "SIG$1: exit $2" tui_wait "[exit $2]"
	scr=$(tui_screen)
	unlike "$scr" 'HOLD|Wall sit|█' "SIG$1: the shell's screen is back"
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
ok "fg: the hold counts on" tui_wait "0:28 of 0:30" 5
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
done_testing
