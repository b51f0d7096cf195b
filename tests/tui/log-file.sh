#!/bin/sh
# log-file.sh - the screens' log (stderr while curses owns the terminal):
# a FIFO at its name is refused with one line instead of hanging before
# the first drawing, and with HOME unset it goes where every other path
# goes, under the passwd entry's home (paths.c), never under "/".
. "$top_srcdir/tests/tui/home-common.sh"

state="$test_tmp/state"

# A FIFO named rehabit.log: open(2) for writing waits for a reader.
mkdir -p "$state/rehabit"
mkfifo "$state/rehabit/rehabit.log"
tui_start env XDG_STATE_HOME="$state" "$REHABIT" --library "$lib"
ok "a FIFO as the log: exit 74" tui_wait "[exit 74]"
like "$(tui_screen | tr -d '\n')" "^rehabit: $state/rehabit/rehabit\.log: not a regular file\[exit 74\]" \
    "a FIFO as the log: one line naming it, no screen"
tui_stop
rm "$state/rehabit/rehabit.log"

# HOME unset: the passwd entry's home, here a private folder mounted over
# it (a mount namespace of its own), so the real one is left alone.
pwhome=$(getent passwd "$(id -u)" | cut -d: -f6)
[ "$(id -u)" -eq 0 ] && [ -d "$pwhome" ] &&
    unshare -m true 2>/dev/null && have_ns=yes || have_ns=no
if [ "$have_ns" = yes ]; then
	mkdir "$test_tmp/pwhome"
	cat >"$test_tmp/nohome" <<-EOF
	mount --bind '$test_tmp/pwhome' '$pwhome' &&
	    exec env -u HOME '$REHABIT' --library '$lib'
	EOF
	tui_start unshare -m sh "$test_tmp/nohome"
	ok "HOME unset: the home screen" tui_wait -L "q quit"
	tui_keys q
	ok "HOME unset: quits" tui_wait "[exit 0]"
	tui_stop
	ok "HOME unset: the log is under the passwd entry's home" \
	    test -f "$test_tmp/pwhome/.local/state/rehabit/rehabit.log"
	is "$(ls -A "$test_tmp/pwhome")" ".local" \
	    "HOME unset: nothing else is made there"
else
	for _t in 1 2 3 4; do
		t_count=$((t_count + 1))
		echo "ok $t_count # SKIP needs root and unshare(1) for a" \
		    "private mount over the passwd home"
	done
fi

done_testing
