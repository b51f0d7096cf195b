#!/bin/sh
# signals.sh - SIGINT, SIGTERM and SIGHUP on every screen: rehabit exits
# with 128 + the signal and gives the terminal back as it found it: the
# shell's screen (not the alternate screen), the cursor shown, keypad
# mode off, and the tty in its normal modes (echo, canonical input).
# The screens: home, the routine list, the help overlay, progress, the
# last session's summary, a guided session, the pain form. (Ctrl-Z and fg are tested per screen in
# session-signals.sh, home.sh and pain.sh.)
. "$top_srcdir/tests/tui/home-common.sh"

# The program, then what the terminal is like once it is gone.
cat >"$test_tmp/run.sh" <<'SH'
"$@"
st=$?
echo "[exit $st]"
echo "[tty$(stty -a | grep -o -- ' -*echo \| -*icanon' | tr -d '\n')]"
SH

# A session 10 minutes ago, so that `rehabit pain` opens its form. The
# clock is faked: at 00:05 a session of 23:55 would be yesterday's, and
# home would open on its morning question instead.
now=$(epoch "2026-11-27 10:00:00")
"$seed" "$data" >/dev/null <<SEED
session knee-strength $((now - 600)) 0 1
set wall-sit both sets=2,hold=2,rest=1 1 2
SEED
cat >"$test_tmp/at.sh" <<SH
exec env LD_PRELOAD="$faketime_lib" FAKETIME="@2026-11-27 10:00:00" \
    FAKETIME_DONT_FAKE_MONOTONIC=1 "$REHABIT" --library "$lib" "\$@"
SH

# from_home KEY MARK : home, then KEY; MARK shows the screen KEY opens.
from_home() {
	tui_start sh "$test_tmp/run.sh" sh "$test_tmp/at.sh"
	tui_wait "Due today" >/dev/null
	tui_keys "$1"
	mark=$2
}

open_screen() {
	# open_screen NAME: start rehabit and go to screen NAME; $mark is
	# the text that shows it is there
	case $1 in
	home)
		tui_start sh "$test_tmp/run.sh" sh "$test_tmp/at.sh"
		mark="Due today" ;;
	routines) from_home r "Choose a routine" ;;
	help) from_home '?' "close this help" ;;
	progress) from_home p "Progress: 1 week since the first session" ;;
	summary) from_home l "Done per set" ;;
	session)
		tui_start sh "$test_tmp/run.sh" sh "$test_tmp/at.sh" \
		    start knee-strength
		mark="Knee strength" ;;
	pain)
		tui_start sh "$test_tmp/run.sh" sh "$test_tmp/at.sh" \
		    pain
		mark="Pain during the session" ;;
	esac
}

rehabit_pid() {
	# the pane runs sh run.sh, which runs rehabit
	pgrep -P "$(tui_pid)" | head -n 1
}

pane() {
	tmux -L "$tui_sock" display-message -p "$1"
}

for screen in ${SCREENS:-home routines help progress summary session pain}; do
	for sig in INT:130 TERM:143 HUP:129; do
		name=${sig%:*} status=${sig#*:}
		tui_stop
		open_screen "$screen"
		if ! tui_wait "$mark" 10 >/dev/null; then
			ok "$screen: opens (for SIG$name)" false
			continue
		fi
		is "$(pane '#{alternate_on}')" 1 \
		    "$screen: drawn on the alternate screen"
		kill -"$name" "$(rehabit_pid)"
		ok "$screen, SIG$name: exit $status" tui_wait "[exit $status]" 5
		tui_wait "[tty" 5 >/dev/null
		scr=$(tui_screen)
		unlike "$scr" "$mark" "$screen, SIG$name: the shell's screen is back"
		like "$scr" '^\[tty icanon echo \]$' \
		    "$screen, SIG$name: the tty echoes and reads lines again"
		is "$(pane '#{alternate_on}#{cursor_flag}#{keypad_flag}')" 010 \
		    "$screen, SIG$name: main screen, cursor shown, keypad off"
	done
done

done_testing
