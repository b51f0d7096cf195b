#!/bin/sh
# report.sh - `rehabit report [FILE]`: the Markdown summary and its errors.
. "$top_srcdir/tests/lib.sh"

lib="$top_srcdir/tests/fixtures/report/library"
gen="$top_builddir/tests/report-gen"

report() {
	# report DATA-DIR [ARG...]
	_d=$1; shift
	run "$REHABIT" --library "$lib" --data-dir "$_d" report "$@"
}

report "$test_tmp/none"
is "$rc" 0 "empty history: exit 0"
like "$out" '^# rehabit progress report' "empty history: a title"
like "$out" 'No sessions recorded yet' "empty history: says so"

"$gen" "$test_tmp/data" 120 || echo "# report-gen failed"
report "$test_tmp/data"
is "$rc" 0 "report: exit 0"
is "$err" "" "report: nothing on stderr"
like "$out" '^Written [0-9]{4}-[0-9]{2}-[0-9]{2}, covering .* \(4[01] weeks\)\.$' \
    "report: the period"
like "$out" '^## Routines' "report: routines"
like "$out" '^\| Knee test routine \(knee-test\) \| 3 \| [0-9-]+ \| [0-9-]+ \(current\) \| 120 \|$' \
    "report: the routine row with dates"
like "$out" '^- Sessions done: 108 of [0-9]+ planned \([0-9]+%\); 12 stopped early\.$' \
    "report: adherence"
like "$out" '^- Pain after sessions: 5 → 1 over 40 weeks \(meaningful\)$' \
    "report: the pain trend"
like "$out" '^```text$' "report: charts in code blocks"
like "$out" '^ 5┤' "report: the pain chart"
like "$out" '^## Red flags' "report: red flags"
like "$out" '^- [0-9-]+: swelling - "knee swollen after the stairs"$' \
    "report: the red flag with its note"
like "$out" '^\| Wall sit \| 3 x 30 s' "report: current doses"
like "$out" '^## Progression decisions' "report: decisions"
like "$out" '^\| [0-9-]+ \| Step-down \| 3 x 10 → 3 x 12 \|' \
    "report: a dose change"
like "$out" '^\| [0-9-]+ \| Wall sit \| [^|]+ \| up \(pain-green\) \| Pain stayed at 2/10 or less' \
    "report: a decision with its rule and reason"
like "$out" '^\| [0-9-]+ \| Step-down \| 3 x 14 → 3 x 10 \| step down \| The rules give another dose' \
    "report: a change the rules do not give is called so"
fences=$(printf '%s\n' "$out" | grep -c '^```')
is "$((fences % 2))" 0 "report: code blocks are closed"
lines=$(printf '%s\n' "$out" | wc -l)
# Two pain charts (by week, by session), the calendar and the notes.
ok "report: about one page ($lines lines)" test "$lines" -le 130

run "$REHABIT" --library "$lib" --data-dir "$test_tmp/data" pain --cleared \
    --note "patellofemoral pain; no effusion, carry on"
is "$rc" 0 "pain --cleared into the report's history"
report "$test_tmp/data"
like "$(printf '%s\n' "$out" | sed -n '/^## Red flags/,/^## /p')" \
    "^- $(date +%Y-%m-%d): seen by a physiotherapist; red flags cleared - \"patellofemoral pain; no effusion, carry on\"$" \
    "report: the visit to a physiotherapist, with what they said, under red flags"

report "$test_tmp/data" --ascii --weeks 4
is "$rc" 0 "--ascii --weeks 4: exit 0"
ok "--ascii: only ASCII" eval \
    "! printf '%s\n' \"\$out\" | LC_ALL=C grep -q '[^ -~	]'"

report "$test_tmp/data" "$test_tmp/out.md"
is "$rc" 0 "report FILE: exit 0"
is "$out" "" "report FILE: nothing on standard output"
ok "report FILE: written" grep -q '^# rehabit progress report' \
    "$test_tmp/out.md"
is "$(stat -c %a "$test_tmp/out.md")" 600 "report FILE: private (0600)"

# Over a file others could read: replaced by a private one, not rewritten
# in place with the old mode.
printf 'old\n' >"$test_tmp/old.md"
chmod 0644 "$test_tmp/old.md"
report "$test_tmp/data" "$test_tmp/old.md"
is "$rc" 0 "report over a 0644 FILE: exit 0"
is "$(stat -c %a "$test_tmp/old.md")" 600 "report over a 0644 FILE: now 0600"
ok "report over a 0644 FILE: the report" grep -q '^# rehabit progress report' \
    "$test_tmp/old.md"

report "$test_tmp/data" -
like "$out" '^# rehabit progress report' "report -: standard output"

report "$test_tmp/data" "$test_tmp/no/such/dir/out.md"
is "$rc" 74 "unwritable FILE: exit 74"
like "$err" "^rehabit: $test_tmp/no/such/dir/out.md: No such file or directory$" \
    "unwritable FILE: one-line error"

report "$test_tmp/data" a.md b.md
is "$rc" 2 "two files: exit 2"
like "$err" "^rehabit: report: unexpected argument 'b.md'" \
    "two files: one-line error"

report "$test_tmp/data" --weeks nine
is "$rc" 2 "bad --weeks: exit 2"
like "$err" "^rehabit: report: --weeks wants a number" "bad --weeks: message"

report "$test_tmp/data" --routine nope
is "$rc" 66 "unknown routine: exit 66"
is "$err" "rehabit: report: no routine 'nope' in the library or the history" \
    "unknown routine: one-line error"

run "$REHABIT" report --help
is "$rc" 0 "--help: exit 0"
like "$out" '^Usage: rehabit report' "--help: usage"

# A new user, three weeks in: a bad day without a red flag, notes.
need_faketime
run "$REHABIT" --library "$lib" --data-dir "$test_tmp/new" import \
    "$top_srcdir/tests/fixtures/report/new-user.yaml"
is "$rc" 0 "new user: imported"
# A note written by something else than rehabit may hold anything.
sqlite3 "$test_tmp/new/history.db" "UPDATE pain SET note = 'stiff' ||
    char(10) || char(27) || '[2J' WHERE note = 'stiff on waking'"
run env LD_PRELOAD="$faketime_lib" FAKETIME="@2026-11-29 21:00:00" \
    "$REHABIT" --library "$lib" --data-dir "$test_tmp/new" report --weeks 12
is "$rc" 0 "new user: exit 0"
like "$out" '^Written 2026-11-29, covering 9 Nov 2026 to 29 Nov 2026 \(3 weeks\)\.$' \
    "new user: 3 weeks from the first session, not 12"
like "$out" '^- Weeks on plan: 3 of 3; ' "new user: weeks on plan of 3"
like "$out" '^\| Wall sit \| 3 x 30 s hold \| 3 x 30 s hold \| 9 \| 4:30 \|$' \
    "new user: volume a week over 3 weeks"
like "$out" '^## Pain by session$' "new user: pain by session"
like "$out" '^  │        !$' "new user: the bad day marked in its chart"
like "$out" '^- 2026-11-18, knee-test: 1/7/-$' \
    "new user: the bad day listed with its scores"
like "$out" '^Mo ■ ■ !$' "new user: the calendar's ! on a day with a session"
is "$(printf '%s\n' "$out" | sed -n '/^## Notes/,/^## Current/p')" \
'## Notes

- 2026-11-14, pain report: "stiff \x1b[2J"
- 2026-11-18, knee-test: "stairs at work, knee sore"
- 2026-11-23, knee-test: "swollen after the run"

## Current doses' "new user: every note, with a flag or not, escaped"

done_testing
