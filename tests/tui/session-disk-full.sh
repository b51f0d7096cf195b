#!/bin/sh
# session-disk-full.sh - the disk fills up during a guided session: the
# screen says so in one line and goes on, the sets are kept in memory and
# saved with the next set once there is space again; at the end it stays,
# tries again every few seconds, and saves the whole session when space
# is back. Nothing is lost or corrupted, and the terminal comes back.
#
# The data folder is on a small tmpfs, which needs root (the tests run as
# root here and in CI); without root the test is skipped and says why.
. "$top_srcdir/tests/tui/session-common.sh"

command -v sqlite3 >/dev/null 2>&1 || skip_all "the sqlite3 program is not installed"
[ "$(id -u)" -eq 0 ] || skip_all "a full disk needs a small tmpfs, and mounting one needs root"
fs=$test_tmp/fs
mkdir -p "$fs"
mount -t tmpfs -o size=1m,mode=0755 tmpfs "$fs" 2>/dev/null ||
    skip_all "cannot mount a tmpfs here"
trap 'tui_stop; umount "$fs" 2>/dev/null; rm -rf "$test_tmp"' EXIT
XDG_DATA_HOME=$fs/data
export XDG_DATA_HOME
db=$XDG_DATA_HOME/rehabit/history.db

fill() {
	dd if=/dev/zero of="$fs/filler" bs=4k 2>/dev/null
	[ "$(df -P "$fs" | awk 'NR == 2 { print $4 }')" -eq 0 ]
}

healthy() {
	is "$(sql 'PRAGMA integrity_check')" ok "$1: the database is healthy"
}

# --- full during the session: saved with the next set ---------------------------

session_start quick
tui_wait "0 of 2 reps" >/dev/null
tui_keys Enter Enter
ok "set 1 is done" tui_wait "REST"
ok "the disk is full" fill
tui_wait "0 of 2 reps" 5 >/dev/null
tui_keys Enter Enter
ok "a set not saved: one calm line" \
    tui_wait "1 set not saved yet (the disk is full): kept, tried again after each set." 5
# The rest after it, then the wall sit: the session goes on.
ok "the session goes on" tui_wait "exercise 2 of 2" 15
is "$(sets_done)" "squat 0 1 2" "only the first set is in the history"
rm -f "$fs/filler"
ok "space back: the next set saves both" tui_gone "not saved" 10
ok "the session ends" session_ended done
is "$(sets_done)" "squat 0 1 2
squat 0 2 2
wall-sit 0 1 3
wall-sit 0 2 3" "space back: every set is there"
healthy "space back"
tui_stop

# --- still full at the end: it waits, and saves when space is back --------------

sql 'DELETE FROM session'
session_start quick
tui_wait "0 of 2 reps" >/dev/null
ok "full again" fill
tui_keys Enter Enter
ok "the first set: not saved" tui_wait "1 set not saved yet (the disk is full)" 5
tui_wait "Set 2 of 2" 5 >/dev/null
tui_wait "0 of 2 reps" 5 >/dev/null
tui_keys Enter Enter
ok "the wall sit's sets run on" tui_wait "3 sets not saved yet" 20
ok "the end: it stays and says so" \
    tui_wait "4 sets not saved (the disk is full). Trying again every 5 s." 20
ok "the end: the session is over, nothing lost" \
    tui_wait "Waiting to save it; nothing is lost while this screen is open." 1
ok "the end: what the keys do" tui_wait "Enter try again now" 1
tui_keys Enter
sleep 0.3
ok "Enter on a full disk: still not saved, still there" \
    tui_wait "4 sets not saved (the disk is full)" 1
is "$(sql 'SELECT count(*) FROM session')" 0 "nothing of it in the history yet"
rm -f "$fs/filler"
ok "space back: saved by itself, on to the pain form" \
    tui_wait "Pain during the session" 15
ok "the session ends" session_ended done
is "$(sets_done)" "squat 0 1 2
squat 0 2 2
wall-sit 0 1 3
wall-sit 0 2 3" "space back at the end: every set is there"
is "$(sql 'SELECT completed, end IS NOT NULL FROM session')" "1|1" \
    "space back at the end: the session is complete, with its end"
healthy "space back at the end"
tui_stop

# --- still full, and the person leaves: asked first, then logged ----------------

sql 'DELETE FROM session'
session_start quick
tui_wait "0 of 2 reps" >/dev/null
ok "full a third time" fill
tui_keys Enter
tui_wait "1 of 2 reps" 3 >/dev/null
tui_keys q
tui_wait "End the session?" 3 >/dev/null
tui_keys y
ok "ended early: it waits too" tui_wait "1 set not saved (the disk is full)" 5
tui_keys q
ok "leaving is asked first" \
    tui_wait "Leave without saving them? They will be lost. (y/n)" 3
tui_keys n
ok "n: back to waiting" tui_wait "Trying again every 5 s." 3
tui_keys q
tui_wait "Leave without saving them?" 3 >/dev/null
tui_keys y
ok "y: the terminal comes back" tui_wait "[exit 0]" 5
rm -f "$fs/filler"
like "$(cat "$HOME/.local/state/rehabit/rehabit.log" 2>/dev/null)" \
    "rehabit: session: 1 set not saved: .*the disk is full" \
    "what was lost is in the log"
is "$(sql 'SELECT count(*) FROM session')" 0 "nothing half-written"
healthy "left without saving"

umount "$fs"
done_testing
