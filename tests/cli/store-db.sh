#!/bin/sh
# store-db.sh - the history database itself: modes, damaged, foreign and
# newer files refused untouched, migration from schema 1, a busy database.
. "$top_srcdir/tests/lib.sh"

fix="$top_srcdir/tests/fixtures/store"

# --- where and how: XDG data folder, 0700 folder, 0600 file -------------------

umask 022
run "$REHABIT" pain --morning 1 --date 2026-11-01
is "$rc" 0 "pain with the default data folder"
ok "history.db in \$XDG_DATA_HOME/rehabit" \
    test -f "$XDG_DATA_HOME/rehabit/history.db"
is "$(stat -c %a "$XDG_DATA_HOME/rehabit")" 700 "the folder is 0700"
is "$(stat -c %a "$XDG_DATA_HOME/rehabit/history.db")" 600 "the file is 0600"
is "$(sqlite3 "$XDG_DATA_HOME/rehabit/history.db" 'PRAGMA journal_mode')" \
    wal "the database is in WAL mode"
chmod 644 "$XDG_DATA_HOME/rehabit/history.db"
run "$REHABIT" pain --morning 2 --date 2026-11-02
is "$(stat -c %a "$XDG_DATA_HOME/rehabit/history.db")" 600 \
    "a file open to others is tightened to 0600"

# --- refused, untouched -----------------------------------------------------------

refuse() {
	# refuse DIR WANT-REASON DESC: every command refuses the file in DIR
	# with exit 74 and leaves it byte-for-byte as it was.
	cp "$1/history.db" "$test_tmp/orig.db"
	for cmd in "pain --after 2" "log" "export" \
	    "--library=$fix/library import $fix/history.yaml"; do
		# shellcheck disable=SC2086
		run "$REHABIT" --data-dir "$1" $cmd
		is "$rc" 74 "$3: $cmd exits 74"
		is "$err" "rehabit: $1/history.db: $2" "$3: $cmd says why"
	done
	ok "$3: left byte-for-byte untouched" cmp "$test_tmp/orig.db" "$1/history.db"
}

# A damaged database: a good one with a page overwritten.
d="$test_tmp/damaged"
run "$REHABIT" --data-dir "$d" --library "$fix/library" import "$fix/history.yaml"
sqlite3 "$d/history.db" "PRAGMA wal_checkpoint(TRUNCATE)" >/dev/null
size=$(stat -c %s "$d/history.db")
ok "the database has several pages" test "$size" -ge 8192
dd if=/dev/urandom of="$d/history.db" bs=4096 seek=1 count=1 conv=notrunc \
    2>/dev/null
run "$REHABIT" --data-dir "$d" pain --after 2
is "$rc" 74 "a damaged database: pain exits 74"
like "$err" "^rehabit: $d/history.db: the history database is damaged" \
    "a damaged database: says so"
cp "$d/history.db" "$test_tmp/orig.db"
run "$REHABIT" --data-dir "$d" --library "$fix/library" import "$fix/history.yaml"
is "$rc" 74 "a damaged database: import exits 74"
ok "a damaged database is left byte-for-byte untouched" \
    cmp "$test_tmp/orig.db" "$d/history.db"

d="$test_tmp/text"
mkdir -p "$d"
printf 'my notes about my knee, not a database\n%0200d\n' 0 >"$d/history.db"
refuse "$d" "not a rehabit history database (not an SQLite file); left untouched" \
    "a text file"

d="$test_tmp/foreign"
mkdir -p "$d"
sqlite3 "$d/history.db" "CREATE TABLE photos (id, name); INSERT INTO photos VALUES (1, 'knee.jpg');"
refuse "$d" "not a rehabit history database (another program's SQLite file); left untouched" \
    "another program's database"

d="$test_tmp/newer"
run "$REHABIT" --data-dir "$d" pain --morning 1 --date 2026-11-01
sqlite3 "$d/history.db" "PRAGMA user_version = 5"
refuse "$d" "written by a newer rehabit (history schema 5, this rehabit knows up to 4); update rehabit to use it" \
    "a newer database"

# --- migration from schema version 1 ------------------------------------------------

d="$test_tmp/v1"
mkdir -p "$d"
sqlite3 "$d/history.db" <"$fix/schema-v1.sql"
run "$REHABIT" --data-dir "$d" log
is "$rc" 0 "a version-1 database: log exits 0"
is "$out" "DATE              ROUTINE          DONE         TIME  PAIN D/A/M  FLAGS
2026-11-02 18:00  knee-strength-1  complete    24:10  2/3/-
                  note: felt fine" \
    "a version-1 database: its sessions"
is "$(sqlite3 "$d/history.db" 'PRAGMA user_version')" 4 "migrated to version 4"
run "$REHABIT" --data-dir "$d" pain --flag swelling --morning 2 \
    --date 2026-11-03T07:00+01:00
is "$rc" 0 "a migrated database takes new reports with flags"

# --- 8 writers at once ------------------------------------------------------------

d="$test_tmp/many"
for i in 1 2 3 4 5 6 7 8; do
	"$REHABIT" --data-dir "$d" pain --morning "$i" \
	    --date "2026-11-0${i}T07:00:00+01:00" >/dev/null 2>"$test_tmp/w$i" &
done
wait
is "$(cat "$test_tmp"/w?)" "" "8 concurrent writers: no errors"
run "$REHABIT" --data-dir "$d" log
is "$(printf '%s\n' "$out" | grep -c '(pain report)')" 8 \
    "8 concurrent writers: all 8 reports recorded"

# --- busy ----------------------------------------------------------------------

d="$test_tmp/busy"
run "$REHABIT" --data-dir "$d" pain --morning 1 --date 2026-11-01
# Another process holds the write lock for longer than rehabit waits (5 s).
db_lock "$d/history.db"
start=$(date +%s)
run "$REHABIT" --data-dir "$d" pain --morning 3 --date 2026-11-02
end=$(date +%s)
is "$rc" 75 "a database locked by another process: exit 75"
is "$err" "rehabit: $d/history.db: the history is in use by another rehabit (still locked after 5 s); try again" \
    "says it is busy"
ok "waited for the lock first" test $((end - start)) -ge 4
run "$REHABIT" --data-dir "$d" log
is "$rc" 0 "reading is not blocked by a writer (WAL)"
db_unlock
run "$REHABIT" --data-dir "$d" pain --morning 3 --date 2026-11-02
is "$rc" 0 "once the lock is gone, the report is recorded"

# An exclusive lock (PRAGMA locking_mode = EXCLUSIVE) stops readers too:
# each command waits what it says, 5 s, not once per statement it tries.
printf 'format: rehabit-history/1\nsessions: []\n' >"$test_tmp/none.yaml"
db_lock "$d/history.db" 'PRAGMA locking_mode = EXCLUSIVE;
BEGIN IMMEDIATE; COMMIT;'
for c in log export "pain --morning 4 --date 2026-11-03" \
    "import $test_tmp/none.yaml"
do
	start=$(date +%s)
	# shellcheck disable=SC2086
	run "$REHABIT" --data-dir "$d" $c
	end=$(date +%s)
	is "$rc: $err" "75: rehabit: $d/history.db: the history is in use by another rehabit (still locked after 5 s); try again" \
	    "an exclusive lock: ${c%% *} exits 75 and says so"
	ok "an exclusive lock: ${c%% *} waited 5 s ($((end - start)) s)" \
	    test $((end - start)) -ge 4 -a $((end - start)) -le 7
done
db_unlock

# --- a data folder too long for SQLite ---------------------------------------------

# SQLite takes paths of up to 512 bytes: refused before anything is made.
d=$test_tmp/long
while [ ${#d} -lt 520 ]; do
	d=$d/0123456789012345678901234567890123456789
done
run "$REHABIT" --data-dir "$d" pain --morning 1 --date 2026-11-01
is "$rc" 74 "a --data-dir too long for SQLite: exit 74"
like "$err" "^rehabit: $d/history\.db: refused: the path is too long for SQLite \([0-9]+ bytes with \"-journal\", at most 512\); use a shorter --data-dir\$" \
    "a --data-dir too long for SQLite: one line"
ok "a --data-dir too long for SQLite: nothing created" \
    test ! -e "$test_tmp/long"

done_testing
