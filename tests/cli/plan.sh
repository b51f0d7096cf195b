#!/bin/sh
# plan.sh - rehabit plan: text, yaml and --why after importing a history,
# with the clock faked to 2026-11-06; the default routine; every error.
. "$top_srcdir/tests/lib.sh"

fix="$top_srcdir/tests/fixtures/progression"
lib="$fix/library"
data="$test_tmp/data"
# libfaketime is preloaded: let an ASan build start all the same.
ASAN_OPTIONS="$ASAN_OPTIONS:verify_asan_link_order=0"
export ASAN_OPTIONS

plan() {
	run faketime '2026-11-06 12:00:00' "$REHABIT" --library "$lib" \
	    --data-dir "$data" plan "$@"
}

# --- before any history ---------------------------------------------------------

plan knee-strength-1 --format yaml
is "$rc" 0 "plan with no history exits 0"
is "$(printf '%s\n' "$out" | grep -c '^    rule: start$')" 2 \
    "no history: both steps start (the two sides alike: one line)"
like "$out" '^    prescription: \{sets: 3, hold: 30, rest: 45\}$' \
    "no history: the routine's dose"
like "$out" '^as_of: 2026-11-06$' "as_of is today's date"
ok "plan creates no database" test ! -e "$data/history.db"

# --- after an import ---------------------------------------------------------------

run "$REHABIT" --library "$lib" --data-dir "$data" import \
    "$fix/history.yaml"
is "$rc" 0 "import the history"

plan knee-strength-1 --format yaml
is "$rc" 0 "plan --format yaml exits 0"
is "$out" "$(cat "$fix/plan.yaml")" "plan --format yaml: as rehabit(1) shows it"
is "$err" "" "plan: nothing on stderr"

plan --format=yaml
is "$out" "$(cat "$fix/plan.yaml")" \
    "no routine named: the one done most recently"

plan
is "$rc" 0 "plan (text) exits 0"
like "$out" "^Runner's knee - strength, phase 1 \(knee-strength-1\), as of 2026-11-06$" \
    "text: the routine and the date"
like "$out" '^  Wall sit: 3 x 35 s hold.* - up: Pain stayed at 2/10 or less' \
    "text: one line per exercise, dose, decision, reason"
like "$out" '^  Lateral step-down \(left\): 3 x 12.* - up: ' \
    "text: the left side progresses"
like "$out" '^  Lateral step-down \(right\): 3 x 8.* - down: Pain reached 6/10' \
    "text: the right side, which hurt, steps down"
like "$out" '^!! KEEP FIT ANOTHER WAY: walk, cycle or swim' \
    "text: cross-train advice stands out"
like "$out" 'pain above 5/10 \(Lateral step-down\)' \
    "text: cross-train names what triggered it"
unlike "$out" 'PHYSIOTHERAPIST' "text: no see-physio without a reason"
unlike "$out" '^    rule:' "text: no details without --why"

plan --why
is "$rc" 0 "plan --why exits 0"
like "$out" '^    rule: pain-green$' "--why: the rule"
like "$out" '^      2026-11-04: pain 2/10, .*all sets done, green$' \
    "--why: the sessions and their pain"
like "$out" '^      2026-11-04: pain 6/10 \(this exercise\), .*red$' \
    "--why: the exercise's own pain for the side that hurt"
like "$out" '^    days since the last session: 2$' "--why: days since"
like "$out" '^    volume in the last 7 days \(2026-10-31 to 2026-11-06\): 180 s$' \
    "--why: the volume of the last 7 days, in seconds"
like "$out" '^    weekly average: under 2 weeks of history; capped against the routine.s starting dose: volume 90 s \(load cap 1\.3 x: 117\.0 s\)$' \
    "--why: no 4-week average yet: capped against the routine's dose"
like "$out" '^    change: 3 x 30 s hold.* \(volume 90 s\) -> 3 x 35 s hold.* \(volume 105 s\)$' \
    "--why: the change"

unlike "$out" ' - (progress|hold|regress|deload): ' \
    "text: no decision word a hold's dose could be mistaken for"
like "$out" '^    change: 3 x 10 each side.* \(volume 30 reps\) -> ' \
    "--why: reps counted in reps"

# The load cap counts the 7 days to today, not the calendar week: on
# Monday 9 November the Wednesday before is counted, though the week is new.
run faketime '2026-11-09 12:00:00' "$REHABIT" --library "$lib" \
    --data-dir "$data" plan knee-strength-1 --why
like "$out" '^    volume in the last 7 days \(2026-11-03 to 2026-11-09\): 90 s$' \
    "--why on a Monday: last week's Wednesday is within the 7 days"
unlike "$out" 'this week' "--why: no week it does not count"

run faketime '2026-11-06 12:00:00' "$REHABIT" --library "$lib" \
    --data-dir "$data" show knee-strength-1
is "$rc" 0 "show exits 0"
like "$out" '^     3 x 35 s hold \(Wall sit 45 degrees\), rest 45 s$' \
    "show: today's prescription, not the routine's dose"
like "$out" '^     3 x 8 each side, tempo 2-1-2, rest 60 s$' \
    "show: sides that differ run at the smaller dose"

plan walk-run-1 --format yaml
like "$out" '^    rule: return-after-break$' "27 days off: return-after-break"
like "$out" '^    reason: "27 days since the last session: back to about 65%' \
    "27 days off: 65%"
like "$out" '^advice: \[cross-train\]$' "a break: cross-train"

# --- a red flag ----------------------------------------------------------------------

run "$REHABIT" --library "$lib" --data-dir "$data" import \
    "$fix/red-flag.yaml"
is "$rc" 0 "import a report of swelling and giving way"
plan knee-strength-1
like "$out" '^!! SEE A PHYSIOTHERAPIST: stop progressing' \
    "red flag: see a physiotherapist, plainly"
like "$out" 'you reported swelling, giving-way \(last on 2026-11-05\)' \
    "red flag: named, with its date"
like "$out" '^  Wall sit: 3 x 30 s hold.* - keep: You reported swelling' \
    "red flag: no step up"
plan knee-strength-1 --format yaml
like "$out" '^advice: \[see-physio, cross-train\]$' "red flag: yaml advice"
like "$out" '^    rule: red-flag$' "red flag: the rule"

# --- pain at the top of the scale ---------------------------------------------------
# Quit after a set, 8/10 during and 10/10 after: a physiotherapist, on its
# own, however the sessions before went.

sev="$test_tmp/severe"
cat >"$test_tmp/severe.yaml" <<'EOF'
format: rehabit-history/1
sessions:
  - routine: knee-strength-1
    start: 2026-11-05T18:00:00+01:00
    end: 2026-11-05T18:03:00+01:00
    completed: false
    pain: {during: 8, after: 10}
    exercises:
      - exercise: wall-sit
        side: both
        prescribed: {sets: 3, hold: 30, rest: 45}
        done: [30]
EOF
run "$REHABIT" --library "$lib" --data-dir "$sev" import "$test_tmp/severe.yaml"
is "$rc" 0 "import a session cut short at 10/10"
run faketime '2026-11-06 12:00:00' "$REHABIT" --library "$lib" \
    --data-dir "$sev" plan knee-strength-1 --why
like "$out" '^!! SEE A PHYSIOTHERAPIST: stop progressing.*pain of 8/10 or more, or above 5/10 still the next morning, last time \(Wall sit 10/10\)' \
    "10/10 after a session: see a physiotherapist"
like "$out" '^  Wall sit: .* - down: Pain reached 10/10 .* see a physiotherapist\.$' \
    "10/10: a step down that says to see a physiotherapist"
like "$out" '^    severe \(see a physiotherapist\): pain 8/10 or more, or above 5/10 still the next morning$' \
    "--why: the threshold"
like "$out" '^      2026-11-05: pain 10/10, not all sets done, red, severe$' \
    "--why: the session that was severe"

# Done today while a red flag stands: never "come back tomorrow" beside
# "see a physiotherapist".
cat >"$test_tmp/today.yaml" <<'EOF'
format: rehabit-history/1
sessions:
  - routine: knee-strength-1
    start: 2026-11-06T09:00:00+01:00
    end: 2026-11-06T09:20:00+01:00
    completed: true
    exercises:
      - exercise: wall-sit
        side: both
        prescribed: {sets: 3, hold: 35, rest: 45}
        done: [35, 35, 35]
EOF
run "$REHABIT" --library "$lib" --data-dir "$data" import \
    "$test_tmp/today.yaml"
plan knee-strength-1
like "$out" '^!! SEE A PHYSIOTHERAPIST' "done today, red flag: see a physio"
unlike "$out" 'come back tomorrow' \
    "red flag: never 'come back tomorrow' beside it"
like "$out" '^Rest day: this routine was already done today; see a physiotherapist before the next session\.$' \
    "red flag: the rest day says to see a physiotherapist first"
like "$out" '^   After the visit: rehabit pain --cleared \[--note "what the physio said"\]$' \
    "red flag: the way out"

# A physiotherapist saw the knee: the advice is lifted, the dose restarts.
run faketime '2026-11-06 12:00:00' "$REHABIT" --library "$lib" \
    --data-dir "$data" pain --cleared --note "patellofemoral pain, no effusion"
is "$rc" 0 "pain --cleared exits 0"
like "$out" '^Recorded: a physiotherapist saw the knee \(2026-11-06 12:00\)\.$' \
    "pain --cleared says what it recorded"
run faketime '2026-11-06 13:00:00' "$REHABIT" --library "$lib" \
    --data-dir "$data" plan knee-strength-1
unlike "$out" 'PHYSIOTHERAPIST' "cleared: no see-physio advice"
like "$out" 'Rest day: this routine was already done today; the next session is Monday 9 November\.' \
    "cleared: the rest day as usual, with the next session's day"
like "$out" '^  Wall sit: 3 x 28 s hold.* - ease back in: A physiotherapist saw the knee on 2026-11-06: start again at about 80% of the volume\.$' \
    "cleared: each exercise restarts from a break dose (80%)"
run faketime '2026-11-06 13:00:00' "$REHABIT" --library "$lib" \
    --data-dir "$data" plan knee-strength-1 --format yaml
like "$out" '^    rule: return-after-break$' "cleared: the break rule decides"
like "$out" '^advice: \[rest-day\]$' "cleared: only the rest day"

# --- one green session: the two-green rule of pain-green holds the dose ----------

cat >"$test_tmp/one-green.yaml" <<'EOF'
format: rehabit-history/1
sessions:
  - routine: knee-strength-1
    start: 2026-11-04T18:00:00+01:00
    end: 2026-11-04T18:20:00+01:00
    completed: true
    pain: {during: 1, after: 1}
    exercises:
      - exercise: wall-sit
        side: both
        prescribed: {sets: 3, hold: 30, rest: 45}
        done: [30, 30, 30]
EOF
run "$REHABIT" --library "$lib" --data-dir "$test_tmp/green" import \
    "$test_tmp/one-green.yaml"
is "$rc" 0 "import one green session"
run faketime '2026-11-06 12:00:00' "$REHABIT" --library "$lib" \
    --data-dir "$test_tmp/green" plan knee-strength-1 --why
like "$out" '^  Wall sit: 3 x 30 s hold.* - keep: Only one green session at this dose so far \(2 needed\)' \
    "one green session: keep, and why"
like "$out" '^      2026-11-04: pain 1/10, all sets done, green$' \
    "one green session: the session was green"
is "$(printf '%s\n' "$out" | sed -n '/^  Wall sit/{n;p;}')" \
    "    rule: pain-green" "one green session: the rule is pain-green, not pain-amber"

# --- errors ------------------------------------------------------------------------

plan nope
is "$rc" 66 "unknown routine exits 66"
is "$err" "rehabit: plan: no routine 'nope' (see 'rehabit list')" \
    "unknown routine: one-line error"

plan --format xml
is "$rc" 2 "unknown format exits 2"
is "$err" "rehabit: plan: unknown format 'xml' (text or yaml) (see 'rehabit plan --help')" \
    "unknown format: one-line error"

plan --format
is "$rc" 2 "--format without a value exits 2"
is "$err" "rehabit: plan: option '--format' needs a value (see 'rehabit plan --help')" \
    "--format without a value: one-line error"

plan --bogus
is "$rc" 2 "unknown option exits 2"
is "$err" "rehabit: plan: unknown option '--bogus' (see 'rehabit plan --help')" \
    "unknown option: one-line error"

plan a b
is "$rc" 2 "two routines exit 2"
is "$err" "rehabit: plan: unexpected argument 'b' (see 'rehabit plan --help')" \
    "two routines: one-line error"

plan --help
is "$rc" 0 "plan --help exits 0"
like "$out" '^Usage: rehabit plan \[ROUTINE\] \[--why\] \[--format text\|yaml\]$' \
    "plan --help: usage"
like "$out" '^  --why ' "plan --help: --why"

mkdir "$test_tmp/bad"
printf 'exercises:\n  - id: x\n    name: X\n    kind: jumps\n' \
    >"$test_tmp/bad/bad.yaml"
run "$REHABIT" --library "$test_tmp/bad" --data-dir "$data" plan
is "$rc" 65 "a bad library exits 65"
like "$err" "^$test_tmp/bad/bad.yaml:4:11: " "a bad library: FILE:LINE:COLUMN"

mkdir "$test_tmp/empty"
printf 'exercises:\n  - id: x\n    name: X\n    kind: reps\n' \
    >"$test_tmp/empty/ex.yaml"
run "$REHABIT" --library "$test_tmp/empty" --data-dir "$data" plan
is "$rc" 66 "a library without routines exits 66"
is "$err" "rehabit: plan: the library has no routine" \
    "a library without routines: one-line error"

mkdir "$test_tmp/junk"
printf 'this is not a database, not at all, not even a little bit\n' \
    >"$test_tmp/junk/history.db"
run "$REHABIT" --library "$lib" --data-dir "$test_tmp/junk" plan
ok "a broken database fails" test "$rc" -ne 0
like "$err" '^rehabit: .*history.db' "a broken database: one-line error"
is "$(printf '%s\n' "$err" | wc -l)" 1 "a broken database: one line"

done_testing
