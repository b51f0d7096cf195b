#!/bin/sh
# session-store.sh - a set the history refuses (another program holds the
# database) is shown as not saved, kept, and saved with the next one.
. "$top_srcdir/tests/tui/session-common.sh"

session_start quick
tui_wait "0 of 2 reps" >/dev/null
tui_keys Enter Enter
ok "set 1 is done" tui_wait "REST"
ok "set 1 is saved" test -s "$db"

# Hold the database's write lock for a while from another connection.
(echo 'BEGIN EXCLUSIVE;'; sleep 3; echo 'COMMIT;') | sqlite3 "$db" &
lock=$!
i=0
until ! sqlite3 "$db" 'BEGIN IMMEDIATE; ROLLBACK;' >/dev/null 2>&1; do
	i=$((i + 1)); [ $i -lt 100 ] || break
	sleep 0.05
done
ok "the database is locked" [ $i -lt 100 ]

tui_wait "Set 2 of 2" 5 >/dev/null
tui_wait "0 of 2 reps" 5 >/dev/null
tui_keys Enter Enter
ok "a refused set is shown at once" \
    tui_wait "1 set not saved yet (another rehabit holds the history): kept" 2
ok "the screen goes on meanwhile" tui_wait "GET READY" 3
wait "$lock"
ok "the next set saves both" tui_gone "not saved yet" 10
ok "the session ends" session_ended done
is "$(sets_done)" "squat 0 1 2
squat 0 2 2
wall-sit 0 1 2
wall-sit 0 2 2" "no set is lost"
done_testing
