#!/bin/sh
# progress.sh - `rehabit progress` with 0, 1 and 1,560 sessions, its width,
# ASCII fallback and errors.
. "$top_srcdir/tests/lib.sh"

lib="$top_srcdir/tests/fixtures/report/library"
gen="$top_builddir/tests/report-gen"
esc=$(printf '\033')

progress() {
	# progress DATA-DIR [ARG...]
	_d=$1; shift
	run "$REHABIT" --library "$lib" --data-dir "$_d" progress "$@"
}

# Columns the widest line takes.
widest() {
	printf '%s\n' "$1" | wc -L
}

# True when the text holds a byte outside printable ASCII (or tab).
non_ascii() {
	printf '%s\n' "$1" | LC_ALL=C grep -q '[^ -~	]'
}

# --- no history ---------------------------------------------------------------

progress "$test_tmp/none"
is "$rc" 0 "empty history: exit 0"
like "$out" '^No sessions recorded yet' "empty history: a friendly message"
is "$err" "" "empty history: nothing on stderr"
ok "empty history: nothing created" test ! -e "$test_tmp/none/history.db"

progress "$test_tmp/none" --routine knee-mobility
is "$rc" 0 "a routine without sessions: exit 0"
like "$out" 'No sessions recorded for knee-mobility yet' \
    "a routine without sessions: says so"

# --- errors -------------------------------------------------------------------

for bad in 0 -3 abc 5201 12x ""; do
	progress "$test_tmp/none" --weeks "$bad"
	is "$rc" 2 "--weeks '$bad': exit 2"
	is "$err" "rehabit: progress: --weeks wants a number of weeks from 1 to 5200, or 'all', not '$bad' (see 'rehabit progress --help')" \
	    "--weeks '$bad': one-line error"
done

progress "$test_tmp/none" --weeks
is "$rc" 2 "--weeks without a value: exit 2"
is "$err" "rehabit: progress: option '--weeks' needs a value (see 'rehabit progress --help')" \
    "--weeks without a value: one-line error"

progress "$test_tmp/none" --frob
is "$rc" 2 "unknown option: exit 2"
like "$err" "^rehabit: progress: unknown option '--frob'" \
    "unknown option: one-line error"

progress "$test_tmp/none" extra
is "$rc" 2 "an operand: exit 2"
like "$err" "^rehabit: progress: unexpected argument 'extra'" \
    "an operand: one-line error"

progress "$test_tmp/none" --routine no-such-routine
is "$rc" 66 "unknown routine: exit 66"
is "$err" "rehabit: progress: no routine 'no-such-routine' in the library or the history" \
    "unknown routine: one-line error"

run "$REHABIT" --library "$test_tmp/no-library" --data-dir "$test_tmp/none" \
    progress
is "$rc" 66 "missing library folder: exit 66"

mkdir -p "$test_tmp/notdb"
echo "not a database" >"$test_tmp/notdb/history.db"
progress "$test_tmp/notdb"
ok "a damaged history: fails ($rc)" test "$rc" -ne 0
like "$err" '^rehabit: ' "a damaged history: one-line error"

run "$REHABIT" progress --help
is "$rc" 0 "--help: exit 0"
like "$out" '^Usage: rehabit progress \[--weeks N\]' "--help: usage"

# --- one session ----------------------------------------------------------------

"$gen" "$test_tmp/one" 1 || echo "# report-gen failed"
progress "$test_tmp/one"
is "$rc" 0 "one session: exit 0"
like "$out" '^Progress over the [12] weeks? since the first session, ' \
    "one session: header"
like "$out" '^sessions: 1 done of [0-9]+ planned' "one session: counted"
like "$out" '^pain after sessions: 3 \(one week of scores\)' \
    "one session: no trend from one week"
like "$out" '^Wall sit +3 x 30 s' "one session: the exercise table"
unlike "$out" 'Dose changes' "one session: no dose changes"

# --- a new user: three weeks, one bad day ---------------------------------------

need_faketime
run "$REHABIT" --library "$lib" --data-dir "$test_tmp/new" import \
    "$top_srcdir/tests/fixtures/report/new-user.yaml"
is "$rc" 0 "new user: imported"
# Sunday 29 November 2026, three weeks after the first session.
new_user() {
	run env LD_PRELOAD="$faketime_lib" FAKETIME="@2026-11-29 21:00:00" \
	    "$REHABIT" --library "$lib" --data-dir "$test_tmp/new" "$@"
}
new_user progress
is "$rc" 0 "new user: exit 0"
like "$out" '^Progress over the 3 weeks since the first session, 9 Nov 2026 to 29 Nov 2026' \
    "new user: 3 weeks since the first session, not 12"
like "$out" '^Wall sit +3 x 30 s hold +[^ ]+ +4:30$' \
    "new user: volume a week over 3 weeks (9 x 90 s / 3), not 12"
ok "new user: the weekly pain chart ends at its last week" \
    test "$(printf '%s\n' "$out" | grep -m 1 '^ 5┤')" = " 5┤┈┈┈┈┈┈┈┈┈┈┈┈"
like "$out" '^Pain per session, the highest score given \(! above 5\)' \
    "new user: a chart of each session's pain"
is "$(printf '%s\n' "$out" | grep -A 3 '^Pain per session' | tail -n 1)" \
    "  │        !" "new user: the bad day marked ! over its bar"
like "$out" '^pain above 5 in 1 session: 18 Nov 2026 \(7\)$' \
    "new user: the bad day named"
is "$(printf '%s\n' "$out" | grep -A 2 '^Sessions (' | tail -n 1)" \
    "Mo ■ ■ !" "new user: ! on a red-flag day with a session done"
new_user progress --weeks 1 --ascii
like "$out" '^Progress over the last 1 week, ' "new user: --weeks 1"
unlike "$out" 'pain above 5' "new user: no bad day in the last week"
like "$out" '^Mo # # !|^Mo !' "new user, ASCII: ! on the red-flag day"

# --- ten years: 1,560 sessions ----------------------------------------------------

"$gen" "$test_tmp/ten" 1560 || echo "# report-gen failed"
progress "$test_tmp/ten"
is "$rc" 0 "1,560 sessions: exit 0"
is "$err" "" "1,560 sessions: nothing on stderr"
like "$out" '^sessions: [0-9]+ done of [0-9]+ planned \([0-9]+%\), [0-9]+ stopped early' \
    "1,560 sessions: sessions against planned"
like "$out" '^streak: [0-9]+ weeks? on plan' "1,560 sessions: a streak"
like "$out" '^pain after sessions: 1 → 1 over 1[12] weeks \(under 2 points\)' \
    "1,560 sessions: pain after, last 12 weeks"
like "$out" '^Pain after sessions, weekly average' "1,560 sessions: the pain chart"
like "$out" '^ 5┤' "1,560 sessions: the pain scale"
like "$out" '^Mo ' "1,560 sessions: the calendar"
like "$out" '^Walk-run ' "1,560 sessions: timed exercises in the table"
unlike "$out" "$esc" "piped: no escape codes"
ok "piped: fits 80 columns ($(widest "$out"))" test "$(widest "$out")" -le 80

progress "$test_tmp/ten" --weeks all
is "$rc" 0 "--weeks all: exit 0"
like "$out" '^Progress since ' "--weeks all: since the first session"
like "$out" '^pain after sessions: 5 → 1 over 520 weeks \(meaningful\)' \
    "--weeks all: the meaningful change"
like "$out" '^red flags reported: swelling: see a physiotherapist' \
    "--weeks all: the red flag"
like "$out" '^Dose changes' "--weeks all: dose changes"

progress "$test_tmp/ten" --weeks 520 --routine knee-test
is "$rc" 0 "--weeks 520 --routine: exit 0"
like "$out" '\(routine knee-test\)' "--routine: named in the header"

progress "$test_tmp/ten" --weeks 1
is "$rc" 0 "--weeks 1: exit 0"
like "$out" '^Progress over the last 1 week, ' "--weeks 1: one week"

COLUMNS=50 progress "$test_tmp/ten" --weeks 52
is "$rc" 0 "COLUMNS=50: exit 0"
ok "COLUMNS=50: fits ($(widest "$out"))" test "$(widest "$out")" -le 50

COLUMNS=160 progress "$test_tmp/ten"
ok "COLUMNS=160: fits ($(widest "$out"))" test "$(widest "$out")" -le 160

progress "$test_tmp/ten" --ascii
is "$rc" 0 "--ascii: exit 0"
ok "--ascii: only ASCII" eval '! non_ascii "$out"'
like "$out" '-> ' "--ascii: ASCII arrows"

LC_ALL=C progress "$test_tmp/ten"
is "$rc" 0 "C locale: exit 0"
ok "C locale: ASCII without --ascii" eval '! non_ascii "$out"'

progress "$test_tmp/ten" --weeks 4
ok "UTF-8 locale: block glyphs" non_ascii "$out"

done_testing
