#!/bin/sh
# store-pain.sh - rehabit pain: where each kind of report goes, red flags,
# and every error path (nothing saved after an error).
. "$top_srcdir/tests/lib.sh"

fix="$top_srcdir/tests/fixtures/store"
lib="--library=$fix/library"
data="$test_tmp/data"

run "$REHABIT" pain --help
is "$rc" 0 "pain --help exits 0"
like "$out" '^Usage: rehabit pain \[--during N\]' "pain --help: usage"
like "$out" 'giving-way' "pain --help: names the flags"

# --- errors: exit 2, one line, nothing saved ------------------------------

bad() {
	# bad WANT-STDERR DESC ARGS...
	_want=$1 _desc=$2; shift 2
	run "$REHABIT" --data-dir "$data" pain "$@"
	is "$rc" 2 "$_desc: exits 2"
	is "$err" "$_want" "$_desc: one-line error"
}
bad "rehabit: pain: give a score: --during N, --after N or --morning N (see 'rehabit pain --help')" \
    "no options, not a terminal" </dev/null
bad "rehabit: pain: --during: '11' is not a score from 0 to 10 (see 'rehabit pain --help')" \
    "--during 11" --during 11
bad "rehabit: pain: --after: '-1' is not a score from 0 to 10 (see 'rehabit pain --help')" \
    "--after -1" --after -1
bad "rehabit: pain: --morning: 'two' is not a score from 0 to 10 (see 'rehabit pain --help')" \
    "--morning two" --morning two
bad "rehabit: pain: --morning: '' is not a score from 0 to 10 (see 'rehabit pain --help')" \
    "--morning empty" --morning ""
bad "rehabit: pain: --flag: unknown flag 'sore' (swelling, locking, giving-way, night-pain, injury) (see 'rehabit pain --help')" \
    "unknown flag" --after 2 --flag sore
bad "rehabit: pain: --date: 'yesterday' is not a date like 2026-11-02 or 2026-11-02T07:30 (see 'rehabit pain --help')" \
    "bad date" --after 2 --date yesterday
bad "rehabit: pain: --date: '2026-02-30' is not a date like 2026-11-02 or 2026-11-02T07:30 (see 'rehabit pain --help')" \
    "30 February" --after 2 --date 2026-02-30
bad "rehabit: pain: --date: '2999-01-01' is in the future (see 'rehabit pain --help')" \
    "future date" --after 2 --date 2999-01-01
bad "rehabit: pain: option '--during' needs a value (see 'rehabit pain --help')" \
    "missing value" --during
bad "rehabit: pain: unknown option '--sore' (see 'rehabit pain --help')" \
    "unknown option" --sore
bad "rehabit: pain: unexpected argument 'now' (see 'rehabit pain --help')" \
    "extra argument" --after 2 now
bad "rehabit: pain: --note: not text (UTF-8, at most 4096 bytes, no control characters) (see 'rehabit pain --help')" \
    "a note that is not UTF-8" --after 2 --note "$(printf 'bad \377 byte')"
bad "rehabit: pain: --note: not text (UTF-8, at most 4096 bytes, no control characters) (see 'rehabit pain --help')" \
    "a note with an escape" --after 2 --note "$(printf 'bad \033[2J')"
bad "rehabit: pain: no session in the 24 hours before: give a score with the flags or note (see 'rehabit pain --help')" \
    "flags alone, no session" --flag swelling
ok "nothing saved after the errors" test ! -e "$data/history.db"

# --- reports on their own ---------------------------------------------------

run "$REHABIT" --data-dir "$data" pain --morning 2 --note stiff \
    --date 2026-11-01T07:30+01:00
is "$rc" 0 "a morning report with no session exits 0"
is "$out" "Recorded morning pain 2/10 on its own (no session to go with)." \
    "kept on its own"
ok "the database is 0600" test "$(stat -c %a "$data/history.db")" = 600
ok "the folder is 0700" test "$(stat -c %a "$data")" = 700

# --- reports for sessions ---------------------------------------------------

run "$REHABIT" --data-dir "$data" $lib import "$fix/history.yaml"
is "$rc" 0 "import the sessions"

run "$REHABIT" --data-dir "$data" pain --morning 3 \
    --date 2026-11-03T07:00+01:00
is "$rc" 0 "morning pain exits 0"
is "$out" "Recorded morning pain 3/10 for knee-strength-1 of 2026-11-02 18:00." \
    "morning pain goes to the session of the day before"

run "$REHABIT" --data-dir "$data" pain --during 5 --after 6 --flag locking \
    --flag night-pain --note "clicks" --date 2026-11-04T19:00+01:00
is "$rc" 0 "during and after exit 0"
like "$out" "^Recorded pain during 5/10 for knee-strength-1 of 2026-11-04 18:05.$" \
    "during goes to that evening's session"
like "$out" "^Recorded pain after 6/10 for knee-strength-1 of 2026-11-04 18:05.$" \
    "after too"
like "$out" "^Red flags: locking night-pain.$" "the red flags are repeated"
like "$out" "physiotherapist or doctor" "and point to a professional"

run "$REHABIT" --data-dir "$data" log
like "$out" "^2026-11-04 18:05  knee-strength-1  partial     10:30  5/6/-       swelling,locking,night-pain$" \
    "log shows the new scores and flags"
like "$out" "^2026-11-02 18:00  knee-strength-1  complete    24:10  2/3/3$" \
    "the morning score replaced the old one"
like "$out" "^2026-11-01 07:30  \(pain report\) +-/-/2$" \
    "the report on its own"

run "$REHABIT" --data-dir "$data" export
like "$out" "note: 'stopped: knee sore; clicks'" "the note added to the session's"

run "$REHABIT" --data-dir "$data" pain --flag injury \
    --date 2026-11-04T20:00+01:00
is "$rc" 0 "a flag alone for a session exits 0"
is "$(printf '%s\n' "$out" | head -n 1)" \
    "Recorded red flags for knee-strength-1 of 2026-11-04 18:05." \
    "a flag alone goes to the session"

run "$REHABIT" --data-dir "$data" pain --after 1
is "$rc" 0 "pain now, long after the last session"
is "$out" "Recorded pain after 1/10 on its own (no session to go with)." \
    "kept on its own"

# --- pain --cleared: a physiotherapist has seen the knee ------------------
db="$data/history.db"

run "$REHABIT" pain --help
like "$out" '--cleared +a physiotherapist has seen the knee' \
    "pain --help: says what --cleared does"
bad "rehabit: pain: --cleared: no scores or flags with it (only --note and --date) (see 'rehabit pain --help')" \
    "--cleared with a score" --cleared --after 2
bad "rehabit: pain: --cleared: no scores or flags with it (only --note and --date) (see 'rehabit pain --help')" \
    "--cleared with a flag" --cleared --flag swelling
bad "rehabit: pain: --note: not text (UTF-8, at most 4096 bytes, no control characters) (see 'rehabit pain --help')" \
    "--cleared with a bad note" --cleared --note "$(printf 'a\001b')"
bad "rehabit: pain: --date: '2999-01-01' is in the future (see 'rehabit pain --help')" \
    "--cleared in the future" --cleared --date 2999-01-01
ok "no clearance saved after the errors" \
    test "$(sql 'SELECT count(*) FROM clearance' 2>/dev/null || echo 0)" = 0
run "$REHABIT" --data-dir "$data" pain --cleared \
    --date 2026-11-05T16:00+01:00 --note "no effusion; keep going"
is "$rc" 0 "pain --cleared --date --note exits 0"
is "$(printf '%s\n' "$out" | head -n 1)" \
    "Recorded: a physiotherapist saw the knee (2026-11-05 16:00)." \
    "says what it recorded, and when"
is "$(sql 'SELECT at, utc_off, note FROM clearance')" \
    "1793890800|3600|no effusion; keep going" "kept in the history"
run "$REHABIT" --data-dir "$data" pain --cleared \
    --date 2026-11-05T16:00+01:00
is "$(sql 'SELECT count(*), count(note) FROM clearance')" "1|0" \
    "the same time again is the same clearance (its note replaced)"

# A damaged database: exit 74, and the report not written into it.
printf 'not a database at all, not even close to one......................................................................\n' \
    >"$test_tmp/junk.db"
mkdir -p "$test_tmp/bad"
cp "$test_tmp/junk.db" "$test_tmp/bad/history.db"
run "$REHABIT" --data-dir "$test_tmp/bad" pain --after 2
is "$rc" 74 "pain into a foreign file exits 74"
is "$err" "rehabit: $test_tmp/bad/history.db: not a rehabit history database (not an SQLite file); left untouched" \
    "says so, naming the file"
ok "the foreign file is untouched" cmp -s "$test_tmp/junk.db" "$test_tmp/bad/history.db"

done_testing
