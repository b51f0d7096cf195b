#!/bin/sh
# faults.sh - storage faults: a full disk while saving, a read-only data
# folder, a data folder that cannot be created, a database locked by
# another process for longer than rehabit waits. Each gives its exact
# one-line message and exit status 74 (storage) or 75 (busy), leaves the
# history healthy and unchanged, and the data can be saved once the fault
# is gone.
#
# The full disk and the read-only folder use a small tmpfs, which needs
# root (the tests run as root here and in CI); without root those parts
# are skipped and say why.
. "$top_srcdir/tests/lib.sh"

command -v sqlite3 >/dev/null 2>&1 || skip_all "the sqlite3 program is not installed"

lib=$test_tmp/lib
mkdir -p "$lib"
cp "$top_srcdir/bench/lib10.yaml" "$lib/"
sh "$top_srcdir/bench/gen-history" 5 >"$test_tmp/years.yaml"	# about 1 MB in the database

fs=$test_tmp/fs
mkdir -p "$fs"
trap 'umount "$fs" 2>/dev/null; tui_stop; rm -rf "$test_tmp"' EXIT

rh() {
	run "$REHABIT" --no-sound --library "$lib" --data-dir "$d" "$@"
}

counts() {
	# counts: "integrity sessions reports" of the database in $d
	sqlite3 "$d/history.db" 'PRAGMA integrity_check;
	    SELECT count(*) FROM session; SELECT count(*) FROM pain;' 2>&1 |
	    tr '\n' ' '
}

skip() {
	# skip N WHY: N TAP skips
	_i=0
	while [ $_i -lt "$1" ]; do
		t_count=$((t_count + 1))
		echo "ok $t_count # SKIP $2"
		_i=$((_i + 1))
	done
}

have_tmpfs=no
if [ "$(id -u)" -eq 0 ] && mount -t tmpfs -o size=400k,mode=0755 tmpfs "$fs" \
    2>/dev/null; then
	have_tmpfs=yes
fi

# --- a full disk ----------------------------------------------------------------

if [ "$have_tmpfs" = yes ]; then
	d=$fs/data
	db=$d/history.db
	rh pain --morning 1 --date 2020-01-01T07:00
	is "$rc" 0 "full disk: a first report fits"

	# Five years do not fit in 400 KB: the import fails part-way
	# through its transaction.
	rh import "$test_tmp/years.yaml"
	is "$rc" 74 "full disk during an import: exit 74"
	is "$err" "rehabit: $db: cannot write the history: the disk is full; free some space and try again; nothing imported" \
	    "full disk during an import: says so"
	is "$(counts)" "ok 0 1 " "full disk during an import: healthy, nothing imported"

	# The disk full to the last block before rehabit starts.
	printf 'the report of last week\n' >"$fs/report.md"
	dd if=/dev/zero of="$fs/filler" bs=4k 2>/dev/null
	# A report of some 8 KB: more than the old file's 4 KB block.
	"$top_builddir/tests/report-gen" "$test_tmp/elsewhere" 120 ||
	    echo "# report-gen failed"
	run "$REHABIT" --library "$top_srcdir/tests/fixtures/report/library" \
	    --data-dir "$test_tmp/elsewhere" report "$fs/report.md"
	is "$rc" 74 "full disk: report FILE exits 74"
	is "$err" "rehabit: $fs/report.md: No space left on device" \
	    "full disk: report FILE says so"
	is "$(cat "$fs/report.md"; ls "$fs")" "the report of last week
data
filler
report.md" "full disk: the old FILE is whole, no temporary file left"
	rh pain --morning 2 --date 2020-01-02T07:00
	is "$rc" 74 "full disk: a report exits 74"
	is "$err" "rehabit: $db: cannot read the history: the disk is full; free some space and try again" \
	    "full disk: a report says so"
	rh import "$test_tmp/years.yaml"
	is "$rc" 74 "full disk: an import exits 74"
	like "$err" "^rehabit: $db: .*the disk is full; free some space and try again" \
	    "full disk: an import says so"

	# Space is back.
	rm -f "$fs/filler"
	mount -o remount,size=16m "$fs"
	is "$(counts)" "ok 0 1 " "full disk: the history is healthy and unchanged"
	rh pain --morning 2 --date 2020-01-02T07:00
	is "$rc" 0 "space back: the report is saved"
	rh import "$test_tmp/years.yaml"
	is "$rc" 0 "space back: the import is saved"
	is "$(counts)$(sqlite3 "$db" 'SELECT count(*) FROM pain
	    WHERE session IS NULL')" "ok 780 $(sqlite3 "$db" 'SELECT count(*)
	    FROM pain') 262" \
	    "space back: everything is there (780 sessions, 260 + 2 reports)"
else
	skip 16 "a full disk needs a small tmpfs, and mounting one needs root"
fi

# --- a read-only data folder -------------------------------------------------

if [ "$have_tmpfs" = yes ]; then
	before=$(counts)
	rh log --limit 3
	before_log=$out
	mount -o remount,ro "$fs"
	rh pain --morning 3 --date 2020-01-03T07:00
	is "$rc" 74 "read-only folder: a report exits 74"
	is "$err" "rehabit: $db: read-only: the file system is mounted read-only" \
	    "read-only folder: a report says so"
	rh import "$test_tmp/years.yaml"
	is "$rc" 74 "read-only folder: an import exits 74"
	is "$err" "rehabit: $db: read-only: the file system is mounted read-only" \
	    "read-only folder: an import says so"
	rh log --limit 3
	is "$rc$err" 0 "read-only folder: the history is still read"
	is "$out" "$before_log" "read-only folder: all of it"
	d=$fs/new
	rh pain --morning 3 --date 2020-01-03T07:00
	is "$rc" 74 "read-only file system: a new data folder: exit 74"
	is "$err" "rehabit: $d/history.db: cannot create the folder $d: Read-only file system" \
	    "read-only file system: a new data folder: says so"
	d=$fs/data
	mount -o remount,rw "$fs"
	is "$(counts)" "$before" "read-only folder: the history is unchanged"
	rh pain --morning 3 --date 2020-01-03T07:00
	is "$rc" 0 "writable again: the report is saved"
	umount "$fs"
else
	skip 10 "a read-only folder needs a tmpfs remounted read-only (root; root ignores chmod)"
fi

# --- a data folder that cannot be created ------------------------------------

: >"$test_tmp/a-file"
d=$test_tmp/a-file/rehabit
rh pain --morning 1
is "$rc" 74 "a folder under a file: a report exits 74"
is "$err" "rehabit: $d/history.db: cannot create the folder $d: Not a directory" \
    "a folder under a file: a report says so"
rh import "$test_tmp/years.yaml"
is "$rc" 74 "a folder under a file: an import exits 74"
is "$err" "rehabit: $d/history.db: cannot create the folder $d: Not a directory" \
    "a folder under a file: an import says so"
ok "a folder under a file: nothing created" test ! -e "$d"

# --- locked by another process for longer than rehabit waits -----------------

d=$test_tmp/busy
db=$d/history.db
rh pain --morning 1 --date 2020-01-01T07:00
db_lock "$db"
rh import "$test_tmp/years.yaml"
is "$rc" 75 "locked: an import exits 75"
is "$err" "rehabit: $db: the history is in use by another rehabit (still locked after 5 s); try again" \
    "locked: an import says so, in one line"
db_unlock
is "$(counts)" "ok 0 1 " "locked: nothing imported"
rh import "$test_tmp/years.yaml"
is "$rc" 0 "the lock gone: the import is saved"

done_testing
