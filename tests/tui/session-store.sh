#!/bin/sh
# session-store.sh - a set the history refuses (another program holds the
# database) is shown as not saved, kept, and saved with the next one.
. "$top_srcdir/tests/tui/session-common.sh"

session_start quick
tui_wait "0 of 2 reps" >/dev/null
tui_keys Enter Enter
ok "set 1 is done" tui_wait "REST"
ok "set 1 is saved" test -s "$db"

# Another connection holds the database's write lock until db_unlock:
# as long as the test needs, however fast or slow the machine.
db_lock "$db"
ok "the database is locked" \
    sh -c '! sqlite3 "$1" "BEGIN IMMEDIATE; ROLLBACK;" >/dev/null 2>&1' _ "$db"

tui_wait "0 of 2 reps" 10 >/dev/null
tui_keys Enter Enter
ok "a refused set is shown at once" \
    tui_wait "1 set not saved yet (another rehabit holds the history): kept" 5
# The rest after it, then the wall sit's get-ready: the screen goes on.
ok "the screen goes on meanwhile" tui_wait "exercise 2 of 2" 10
like "$tui_seen" 'not saved yet' "the refusal stays shown"
db_unlock
ok "the next set saves both" tui_gone "not saved yet" 10
ok "the session ends" session_ended done
is "$(sets_done)" "squat 0 1 2
squat 0 2 2
wall-sit 0 1 3
wall-sit 0 2 3" "no set is lost"
done_testing
