#!/bin/sh
# store-log.sh - rehabit log: empty history, newest first, --limit, errors.
. "$top_srcdir/tests/lib.sh"

fix="$top_srcdir/tests/fixtures/store"
data="$test_tmp/data"

run "$REHABIT" log --help
is "$rc" 0 "log --help exits 0"
like "$out" '^Usage: rehabit log \[--limit N\]$' "log --help: usage"

run "$REHABIT" --data-dir "$data" log
is "$rc" 0 "log of an empty history exits 0"
is "$out" "No sessions recorded yet. Start one with 'rehabit start'." \
    "a friendly message"
is "$err" "" "nothing on stderr"
ok "log creates nothing" test ! -e "$data"

run "$REHABIT" --data-dir "$data" --library "$fix/library" import \
    "$fix/history.yaml"
is "$rc" 0 "import"

run "$REHABIT" --data-dir "$data" log
is "$rc" 0 "log exits 0"
is "$out" "DATE              ROUTINE          DONE         TIME  PAIN D/A/M  FLAGS
2026-11-05 07:30  (pain report)                       -/-/2       swelling
                  note: stiff
2026-11-04 18:05  knee-strength-1  partial     10:30  4/-/-       swelling
                  note: stopped: knee sore
2026-11-02 18:00  knee-strength-1  complete    24:10  2/3/1
                  note: felt fine" \
    "newest first, in the local time of each, with duration, pain and notes"

run "$REHABIT" --data-dir "$data" log --limit 2
is "$rc" 0 "log --limit 2 exits 0"
is "$(printf '%s\n' "$out" | grep -vc '^ *note: ')" 3 \
    "a header and two entries"
like "$out" '^2026-11-04 18:05' "the newest two"
unlike "$out" '^2026-11-02' "not the oldest"

# A note can hold line breaks and tabs (pain --note), and a history
# written by something else anything: on the terminal it stays one line
# and sends no escape sequence.
cp -R "$data" "$test_tmp/ctl"
sqlite3 "$test_tmp/ctl/history.db" "UPDATE session SET note =
    'up' || char(10) || 'stairs' || char(9) || char(27) || '[31mred' ||
    char(7) || char(127) || char(155) || 'x' WHERE note = 'felt fine'"
run "$REHABIT" --data-dir "$test_tmp/ctl" log
is "$(printf '%s\n' "$out" | tail -n 1)" \
    "                  note: up stairs \\x1b[31mred\\x07\\x7f\\xc2\\x9bx" \
    "a note's line breaks as spaces, control characters as \\xNN"

# The time zone of the reader does not move the times.
TZ=America/New_York run "$REHABIT" --data-dir "$data" log --limit 1
like "$out" '^2026-11-05 07:30' "times as they were where they happened"

for a in 0 -3 x 1000001 ""; do
	run "$REHABIT" --data-dir "$data" log --limit "$a"
	is "$rc" 2 "log --limit '$a' exits 2"
	is "$err" "rehabit: log: --limit: '$a' is not a number from 1 to 1000000 (see 'rehabit log --help')" \
	    "log --limit '$a': one-line error"
done
run "$REHABIT" --data-dir "$data" log --limit
is "$rc" 2 "log --limit without a value exits 2"
is "$err" "rehabit: log: option '--limit' needs a value (see 'rehabit log --help')" \
    "--limit without a value: one-line error"
run "$REHABIT" --data-dir "$data" log --all
is "$rc" 2 "log --all exits 2"
is "$err" "rehabit: log: unknown option '--all' (see 'rehabit log --help')" \
    "unknown option: one-line error"
run "$REHABIT" --data-dir "$data" log today
is "$rc" 2 "log with an argument exits 2"
is "$err" "rehabit: log: unexpected argument 'today' (see 'rehabit log --help')" \
    "extra argument: one-line error"

# A database from a newer rehabit.
sqlite3 "$data/history.db" "PRAGMA user_version = 7"
run "$REHABIT" --data-dir "$data" log
is "$rc" 74 "log of a newer database exits 74"
is "$err" "rehabit: $data/history.db: written by a newer rehabit (history schema 7, this rehabit knows up to 4); update rehabit to use it" \
    "says it is newer"

done_testing
