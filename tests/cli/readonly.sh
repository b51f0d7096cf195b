#!/bin/sh
# readonly.sh - a history that cannot be written (a folder or a file made
# read-only, a backup): every reading command reads it as it is, every
# writing command refuses in one line with exit 74 and changes nothing,
# and a -wal file holding changes rehabit cannot read without write
# access is refused rather than showing an old history.
#
# Root ignores file modes: as root the commands run without that power
# (need_no_override in lib.sh). A read-only file system is in faults.sh.
. "$top_srcdir/tests/lib.sh"

command -v sqlite3 >/dev/null 2>&1 || skip_all "the sqlite3 program is not installed"
need_no_override

fix="$top_srcdir/tests/fixtures/store"
d=$test_tmp/data
db=$d/history.db
trap 'chmod -R u+w "$test_tmp" 2>/dev/null; tui_stop; rm -rf "$test_tmp"' EXIT

rh() {
	# shellcheck disable=SC2086
	run $as_person "$REHABIT" --no-sound --library "$fix/library" \
	    --data-dir "$d" "$@"
}

# The reading commands, one per line, and what each printed while the
# history could be written.
readers="log
log --limit 1
export
export --format csv
progress
report
plan
show knee-strength-1
due"

read_all() {
	# read_all DIR : each reader's exit status and output, in DIR.
	mkdir -p "$1"
	_i=0
	printf '%s\n' "$readers" | while IFS= read -r _cmd; do
		_i=$((_i + 1))
		# shellcheck disable=SC2086
		$as_person "$REHABIT" --no-sound --library "$fix/library" \
		    --data-dir "$d" $_cmd >"$1/$_i.out" 2>"$1/$_i.err"
		echo $? >>"$1/$_i.out"
	done
}

same_reads() {
	# same_reads WHAT : every reader gives what it gave when writable.
	rm -rf "$test_tmp/now"
	read_all "$test_tmp/now"
	_i=0
	printf '%s\n' "$readers" | {
		_bad=0
		while IFS= read -r _cmd; do
			_i=$((_i + 1))
			if ! cmp -s "$test_tmp/was/$_i.out" "$test_tmp/now/$_i.out" ||
			    [ -s "$test_tmp/now/$_i.err" ]; then
				echo "# $_cmd:"
				diff "$test_tmp/was/$_i.out" "$test_tmp/now/$_i.out" |
				    sed 's/^/#   /'
				sed 's/^/#   stderr: /' "$test_tmp/now/$_i.err"
				_bad=1
			fi
		done
		[ $_bad -eq 0 ]
	}
}

writes_refused() {
	# writes_refused WHY WHAT : pain and import exit 74 with WHY.
	rh pain --morning 5 --date 2026-11-06T07:00+01:00
	is "$rc" 74 "$2: pain exits 74"
	is "$err" "rehabit: $db: read-only: $1" "$2: pain says why"
	rh import "$fix/history.yaml"
	is "$rc" 74 "$2: import exits 74"
	is "$err" "rehabit: $db: read-only: $1" "$2: import says why"
}

rh import "$fix/history.yaml"
is "$rc" 0 "a history to read"
rh pain --morning 2 --date 2026-11-05T07:00+01:00
read_all "$test_tmp/was"
# Readers leave an empty -wal file and the -shm index behind (a writer
# removes them as it closes): a history copied elsewhere has neither.
ok "the readers wrote nothing" test ! -s "$db-wal"
rm -f "$db-wal" "$db-shm"
cp "$db" "$test_tmp/orig.db"

# --- a folder made read-only ----------------------------------------------------

chmod 0500 "$d"
ok "read-only folder: every reading command reads the history" \
    same_reads "read-only folder"
writes_refused "no permission to write in the data folder" "read-only folder"
ok "read-only folder: the file is unchanged" cmp "$test_tmp/orig.db" "$db"
is "$(ls "$d")" "history.db" "read-only folder: nothing added to it"
chmod 0700 "$d"
rh pain --morning 5 --date 2026-11-06T07:00+01:00
is "$rc" 0 "writable again: saved"

# --- a file made read-only ------------------------------------------------------

rh log
read_all "$test_tmp/was"
cp "$db" "$test_tmp/orig.db"
chmod 0400 "$db"
ok "read-only file: every reading command reads the history" \
    same_reads "read-only file"
writes_refused "no permission to write the file" "read-only file"
ok "read-only file: the file is unchanged" cmp "$test_tmp/orig.db" "$db"
chmod 0600 "$db"
rh pain --morning 6 --date 2026-11-07T07:00+01:00
is "$rc$err" 0 "writable again: saved (no read-only -shm or -wal left behind)"

# --- changes still in the -wal file ---------------------------------------------

# A writer killed before its changes reached history.db leaves them in
# history.db-wal (with its index, history.db-shm).
mkfifo "$test_tmp/sql"
sqlite3 "$db" <"$test_tmp/sql" >/dev/null 2>&1 &
writer=$!
exec 4>"$test_tmp/sql"
printf 'INSERT INTO pain (kind, score, at) VALUES (2, 9, 1794380400);\n' >&4
i=0
while [ $i -lt 100 ] && [ "$(sqlite3 "$db" 'SELECT count(*) FROM pain
    WHERE score = 9')" != 1 ]; do
	sleep 0.05
	i=$((i + 1))
done
kill -9 $writer
wait $writer 2>/dev/null
exec 4>&-
ok "a -wal file with changes" test -s "$db-wal"
chmod 0500 "$d"
rh log
is "$rc" 0 "read-only folder, -wal and -shm: log exits 0"
like "$out" "^2026-11-11 07:00  \(pain report\) .* -/-/9" \
    "read-only folder, -wal and -shm: the changes in the -wal are read"

chmod 0700 "$d"
mv "$db-shm" "$test_tmp/shm"
chmod 0500 "$d"
for cmd in log export progress; do
	rh $cmd
	is "$rc" 74 "read-only folder, a -wal without its -shm: $cmd exits 74"
	is "$err" "rehabit: $db: read-only, and the latest changes are in history.db-wal, which cannot be read without write access; make the data folder writable and try again" \
	    "read-only folder, a -wal without its -shm: $cmd says so"
done
is "$out" "" "read-only folder, a -wal without its -shm: no old history shown"
chmod 0700 "$d"
rh log
like "$out" "^2026-11-11 07:00  \(pain report\) .* -/-/9" \
    "writable again: the changes in the -wal are read"

# An empty -wal holds nothing: the file is the whole history.
rh pain --morning 1 --date 2026-11-12T07:00+01:00
sqlite3 "$db" 'PRAGMA wal_checkpoint(TRUNCATE);' >/dev/null
: >"$db-wal"
rm -f "$db-shm"
chmod 0500 "$d"
rh log
is "$rc$err" 0 "read-only folder, an empty -wal: log reads the file"
like "$out" "^2026-11-12 07:00  \(pain report\) .* -/-/1" \
    "read-only folder, an empty -wal: all of it"
chmod 0700 "$d"

# --- written by an older rehabit, read-only -------------------------------------

d=$test_tmp/v1
db=$d/history.db
mkdir -p "$d"
sqlite3 "$db" <"$fix/schema-v1.sql"
cp "$db" "$test_tmp/orig.db"
chmod 0500 "$d"
rh log
is "$rc" 74 "an older schema, read-only: exit 74"
is "$err" "rehabit: $db: read-only (no permission to write in the data folder), and written by an older rehabit (history schema 1): make it writable once, so that rehabit can bring it up to date" \
    "an older schema, read-only: says so"
ok "an older schema, read-only: unchanged" cmp "$test_tmp/orig.db" "$db"
chmod 0700 "$d"
rh log
is "$rc" 0 "an older schema, writable again: read"

done_testing
