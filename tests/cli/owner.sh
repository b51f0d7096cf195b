#!/bin/sh
# owner.sh - health data only in a folder and files of the person running
# rehabit: a data folder, history.db or its -wal owned by another user is
# refused in one line that says how to fix it (as ssh refuses a key file
# others own), and nothing is written there; one of ours that others may
# read or change is made private (0700, 0600) before anything is written.
#
# Giving a file to another user needs root (chown); the world-writable
# folder is then tried as that other user (setpriv).
. "$top_srcdir/tests/lib.sh"

[ "$(id -u)" -eq 0 ] || skip_all "files owned by another user need root (chown)"
command -v sqlite3 >/dev/null 2>&1 || skip_all "the sqlite3 program is not installed"

fix="$top_srcdir/tests/fixtures/store"
other=4242		# no one's uid here
me=$(id -u)

rh() {
	# rh DATA-DIR ARG... : rehabit on the history in DATA-DIR
	_d=$1; shift
	run "$REHABIT" --no-sound --library "$fix/library" --data-dir "$_d" "$@"
}

refusal() {
	# refusal WHAT OWNER YOU : the message after "DIR/history.db: "
	echo "refused: $1 is owned by uid $2, not by you (uid $3), so others" \
	    "could read or change your health data; make it yours (chown)" \
	    "or use another --data-dir"
}

# --- a data folder another user owns --------------------------------------

d=$test_tmp/theirs
mkdir -m 0700 "$d"
chown "$other" "$d"
rh "$d" pain --morning 2 --date 2026-11-01
is "$rc" 74 "a folder owned by another user: pain exits 74"
is "$err" "rehabit: $d/history.db: $(refusal "the data folder" $other $me)" \
    "a folder owned by another user: one line, how to fix it"
is "$(ls -A "$d")" "" "a folder owned by another user: nothing written in it"
rh "$d" log
is "$rc" 74 "a folder owned by another user: log refuses it too"
chown "$me" "$d"
rh "$d" pain --morning 2 --date 2026-11-01
is "$rc" 0 "the folder made ours: the report is saved"

# --- history.db, or its -wal, owned by another user ---------------------------

chown "$other" "$d/history.db"
sum=$(cksum <"$d/history.db")
rh "$d" pain --morning 3 --date 2026-11-02
is "$rc" 74 "history.db owned by another user: pain exits 74"
is "$err" "rehabit: $d/history.db: $(refusal "the file" $other $me)" \
    "history.db owned by another user: one line, how to fix it"
is "$(cksum <"$d/history.db")" "$sum" "history.db owned by another user: unchanged"
rh "$d" export
is "$rc" 74 "history.db owned by another user: export refuses it too"
chown "$me" "$d/history.db"

: >"$d/history.db-wal"
chown "$other" "$d/history.db-wal"
rh "$d" pain --morning 3 --date 2026-11-02
is "$rc" 74 "history.db-wal owned by another user: pain exits 74"
is "$err" "rehabit: $d/history.db: $(refusal "the file history.db-wal" $other $me)" \
    "history.db-wal owned by another user: one line, how to fix it"
rm "$d/history.db-wal"

# --- ours, but open to others: made private first -----------------------------

chmod 0777 "$d"
chmod 0666 "$d/history.db"
rh "$d" pain --morning 3 --date 2026-11-02
is "$rc" 0 "ours, open to others: the report is saved"
is "$(stat -c %a "$d" "$d/history.db" | tr '\n' ' ')" "700 600 " \
    "ours, open to others: folder 0700, file 0600"
db=$d/history.db
is "$(sql 'SELECT count(*) FROM pain')" 2 "ours, open to others: both reports"

# --- someone else's world-writable folder, as an ordinary user ------------------

if command -v setpriv >/dev/null 2>&1; then
	chmod 0711 "$test_tmp"
	d=$test_tmp/shared
	mkdir -m 0777 "$d"
	run setpriv --reuid "$other" --regid "$other" --clear-groups \
	    "$REHABIT" --no-sound --library "$fix/library" --data-dir "$d" \
	    pain --morning 1 --date 2026-11-03
	is "$rc" 74 "a world-writable folder of root's: exit 74"
	is "$err" "rehabit: $d/history.db: $(refusal "the data folder" 0 $other)" \
	    "a world-writable folder of root's: one line, how to fix it"
	is "$(ls -A "$d")" "" "a world-writable folder of root's: nothing written"
	chmod 0700 "$test_tmp"
else
	for _t in 1 2 3; do
		t_count=$((t_count + 1))
		echo "ok $t_count # SKIP setpriv is not installed"
	done
fi

done_testing
