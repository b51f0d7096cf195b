#!/bin/sh
# due.sh - `rehabit due`: what is due today, exit 0 if a session is due, 1
# if not; weeks from Monday, rest days between strength sessions.
. "$top_srcdir/tests/lib.sh"

lib="$top_srcdir/tests/fixtures/ui-home/library"
data="$test_tmp/data"
seed="$top_builddir/tests/tools/seed-history"

# due AT [ARGS...] : run `rehabit due` as if it were AT (UTC).
due() {
	_at=$1; shift
	ASAN_OPTIONS="$ASAN_OPTIONS:verify_asan_link_order=0" \
	    run faketime "$_at" "$REHABIT" --library "$lib" --data-dir "$data" \
	    due "$@"
}
epoch() { date -u -d "$1" +%s; }

due "2026-11-27 10:00:00"
is "$rc" 0 "empty history: a session is due (exit 0)"
ok "due only reads: no database created" test ! -e "$data/history.db"
like "$out" '^Due today: Knee strength \(knee-strength\)$' \
    "never done: the first routine is due"
like "$out" '^This week: 0 of 3 sessions done$' \
    "first run: planned, the first routine's 3"
like "$out" '^  knee-strength  0 of 3 this week  last: never +due today$' \
    "one line per routine"
like "$out" '^  mobility +0 of 5 this week  last: never +not started$' \
    "a routine not begun is not due"

# Knee strength on Monday and Thursday: Friday is a rest day.
"$seed" "$data" >/dev/null <<SEED
session knee-strength $(epoch "2026-11-23 09:00") 0 1
set wall-sit both sets=2,hold=2 1 2
session knee-strength $(epoch "2026-11-26 09:00") 0 1
set wall-sit both sets=2,hold=2 1 2
SEED
due "2026-11-27 10:00:00"
is "$rc" 1 "Friday: rest day, and mobility not started: nothing due"
like "$out" '^Nothing due today\.$' "a rest day does not pass to a routine not begun"
like "$out" "knee-strength +2 of 3 this week +last: yesterday +rest day \(strength yesterday\)" \
    "knee strength rests the day after a strength session"
like "$out" 'mobility +0 of 5 this week +last: never +not started' \
    "mobility: not started"
like "$out" '^This week: 2 of 3 sessions done$' "planned: the active routine's 3"
like "$out" '^Next session: tomorrow, Saturday 28 November \(knee-strength\)$' \
    "Friday's rest day: the next session is tomorrow"

# Thursday, done today: Friday rests, so plan and due both say Saturday.
due "2026-11-26 20:00:00"
is "$rc" 1 "Thursday after the session: nothing due"
like "$out" '^Next session: Saturday 28 November \(knee-strength\)$' \
    "done today, a rest day tomorrow: the next session is Saturday"
ASAN_OPTIONS="$ASAN_OPTIONS:verify_asan_link_order=0" \
    run faketime "2026-11-26 20:00:00" "$REHABIT" --library "$lib" \
    --data-dir "$data" plan knee-strength
is "$rc" 0 "plan on Thursday evening exits 0"
like "$out" '^Rest day: this routine was already done today; the next session is Saturday 28 November\.$' \
    "plan names the same day as due, not tomorrow's rest day"
unlike "$out" 'tomorrow' "plan does not say come back tomorrow"

"$seed" "$data" >/dev/null <<SEED
session mobility $(epoch "2026-11-27 08:00") 0 1
SEED
due "2026-11-27 10:00:00"
is "$rc" 1 "Friday after mobility: nothing due (exit 1)"
like "$out" '^Nothing due today\.$' "says nothing is due"
like "$out" 'mobility +1 of 5 this week +last: today +done today' \
    "mobility done today"
like "$out" '^This week: 3 of 8 sessions done$' "both active: 3 + 5 planned"
due "2026-11-27 10:00:00" --quiet
is "$rc" 1 "--quiet: same exit status"
is "$out" "" "--quiet prints nothing"

due "2026-11-28 10:00:00" -q
is "$rc" 0 "Saturday: knee strength due again"

# A stopped session with nothing done does not count.
"$seed" "$data" >/dev/null <<SEED
session knee-strength $(epoch "2026-11-28 09:00") 0 0
SEED
due "2026-11-28 10:00:00"
is "$rc" 0 "an empty stopped session is not a session done"
like "$out" '^Due today: Knee strength' "knee strength still due"

due "2026-11-30 07:00:00"
like "$out" '^This week: 0 of 8 sessions done$' "Monday starts a new week"
like "$out" 'mobility +0 of 5 this week +last: 3 days ago' \
    "last done, counted in days"

# A session keeps the local day it was recorded on: Sunday 23:30 UTC at
# UTC+1 was Monday morning where it happened.
"$seed" "$data" >/dev/null <<SEED
session mobility $(epoch "2026-11-29 23:30") 3600 1
SEED
due "2026-11-30 07:00:00"
like "$out" 'mobility +1 of 5 this week +last: today +done today' \
    "counted on its local day"

# Active means done within 28 days. Last knee strength: 11-26; last
# mobility: 11-30 (local).
due "2026-12-23 10:00:00"
like "$out" 'knee-strength +0 of 3 this week +last: 27 days ago +due today' \
    "27 days: still active and due"
due "2026-12-24 10:00:00"
is "$rc" 0 "28 days: mobility, still active, is due"
like "$out" '^Due today: Mobility \(mobility\)$' "the active routine is picked"
like "$out" 'knee-strength +0 of 3 this week +last: 28 days ago +not done for 4 weeks' \
    "28 days: knee strength lapsed"
like "$out" '^This week: 0 of 5 sessions done$' "planned: mobility's 5"
due "2026-12-25 10:00:00"
like "$out" 'knee-strength .*last: 29 days ago +not done for 4 weeks' \
    "29 days: lapsed"
due "2026-12-28 10:00:00"
is "$rc" 0 "back after a long break: something is due"
like "$out" '^Due today: Knee strength \(knee-strength\)$' \
    "none active: the first in library order"
like "$out" 'mobility +0 of 5 this week +last: 28 days ago +not done for 4 weeks' \
    "mobility lapsed too"
like "$out" '^This week: 0 of 3 sessions done$' "planned: the pick's 3"

# Errors.
due "2026-11-30 07:00:00" --frob
is "$rc" 2 "unknown option: exit 2"
is "$err" "rehabit: due: unknown option '--frob' (see 'rehabit due --help')" \
    "unknown option: one-line error"
due "2026-11-30 07:00:00" knee-strength
is "$rc" 2 "an argument: exit 2"
is "$err" "rehabit: due: unexpected argument 'knee-strength' (see 'rehabit due --help')" \
    "an argument: one-line error"

# A file with problems stops only what depends on it, and says so.
run "$REHABIT" --library "$top_srcdir/tests/fixtures/ui-home/bad" \
    --data-dir "$data" due
is "$rc" 1 "a library of one broken file: nothing due (exit 1)"
like "$err" 'bad/bad\.yaml:4:15: .*per_week' \
    "a broken file: FILE:LINE:COLUMN: message on stderr"
like "$out" '^Nothing due today\.$' "a broken file: its routine left out"

# Listed: the routines used. A first run with the bundled library alone
# lists all of them.
fresh="$test_tmp/fresh"
# due_lib AT [ARGS...] : `rehabit due` with the bundled and the own library.
due_lib() {
	_at=$1; shift
	ASAN_OPTIONS="$ASAN_OPTIONS:verify_asan_link_order=0" \
	    run faketime "$_at" "$REHABIT" --data-dir "$fresh" due "$@"
}
due_lib "2026-11-27 10:00:00"
is "$rc" 0 "bundled library, first run: due (exit 0)"
like "$out" '^  knee-strength-1 .*due today$' "first run: the first is due"
like "$out" '^  return-to-run .*not started$' "first run: every routine listed"

# One routine of their own: only it is listed, and due.
own="$XDG_CONFIG_HOME/rehabit/library"
mkdir -p "$own"
cat >"$own/mine.yaml" <<'YAML'
routines:
  - id: my-knees
    name: My knee routine
    per_week: 2
    steps:
      - {exercise: wall-sit, sets: 2, hold: 20}
YAML
due_lib "2026-11-27 10:00:00"
is "$rc" 0 "an own routine: due (exit 0)"
like "$out" '^Due today: My knee routine \(my-knees\)$' \
    "an own routine: it is picked, not the first bundled one"
unlike "$out" 'knee-strength-1|knee-mobility|return-to-run' \
    "an own routine: the bundled ones not listed"
like "$out" '^4 other routines in the library: rehabit list$' \
    "an own routine: the others counted"
is "$err" "" "an own routine: no problem"

# A routine of an exercise that is nowhere: its file has a problem, and
# all of that file is left out.
cat >"$own/other.yaml" <<'YAML'
routines:
  - id: my-other
    name: Uses a broken exercise
    steps:
      - {exercise: my-ex, sets: 2, reps: 5}
YAML
due_lib "2026-11-27 10:00:00"
like "$err" "other\.yaml:5:10: unknown exercise 'my-ex'" \
    "a routine of an unknown exercise: its problem"
unlike "$out" 'my-other' "its file's routines left out"
like "$out" '^Due today: My knee routine' "the other files' still due"

# my-ex in a broken file: a routine using it is listed, never due.
printf 'exercises:\n  - {id: my-ex, name: Mine, kind: reps, colour: red}\n' \
    >"$own/zbad.yaml"
due_lib "2026-11-27 10:00:00"
is "$rc" 0 "a broken file: the rest still due (exit 0)"
is "$err" "$own/zbad.yaml:2:41: unknown key 'colour' in an exercise (expected id, name, kind, focus, sides, cues, levels)" \
    "a broken file: its problem on stderr"
like "$out" '^  my-other .*cannot start: a library file has problems$' \
    "a routine using the broken file's exercise: cannot start"
like "$out" '^Due today: My knee routine' "the others still due"
due_lib "2026-11-27 10:00:00" -q
is "$err" "" "--quiet: no problems printed either"
rm -r "$XDG_CONFIG_HOME/rehabit"

# A bundled routine done once stays listed; those never done are not.
"$seed" "$fresh" >/dev/null <<SEED
session knee-mobility $(epoch "2026-11-26 09:00") 0 1
set quad-stretch both sets=1,hold=2,rest=1 1 2
SEED
due_lib "2026-11-27 10:00:00"
like "$out" '^  knee-mobility .*last: yesterday' "a routine done: listed"
unlike "$out" 'knee-strength-1' "a bundled routine never done: not listed"
like "$out" '^3 other routines in the library: rehabit list$' \
    "the other three counted"

touch "$test_tmp/not-a-dir"
run "$REHABIT" --library "$lib" --data-dir "$test_tmp/not-a-dir" due
is "$rc" 74 "data folder is a file: exit 74"
like "$err" "^rehabit: .*not-a-dir" "data folder is a file: names it"
is "$(printf '%s\n' "$err" | wc -l)" 1 "data folder is a file: one line"

mkdir -p "$test_tmp/junk"
printf 'not a database, just text\n' >"$test_tmp/junk/history.db"
run "$REHABIT" --library "$lib" --data-dir "$test_tmp/junk" due
is "$rc" 74 "not a history database: exit 74"
like "$err" "^rehabit: .*history\.db" "not a history database: names the file"

# --- a red flag: nothing is due until a physiotherapist has seen it ------
rf="$test_tmp/rf"
pain_at() {
	_at=$1; shift
	ASAN_OPTIONS="$ASAN_OPTIONS:verify_asan_link_order=0" \
	    run faketime "$_at" "$REHABIT" --library "$lib" --data-dir "$rf" \
	    pain "$@"
}
due_rf() {
	ASAN_OPTIONS="$ASAN_OPTIONS:verify_asan_link_order=0" \
	    run faketime "$1" "$REHABIT" --library "$lib" --data-dir "$rf" due
}
pain_at "2026-11-25 10:00:00" --after 3 --flag swelling
is "$rc" 0 "a report of swelling"
due_rf "2026-11-27 10:00:00"
is "$rc" 1 "red flag two days ago: nothing due (exit 1)"
like "$out" '^Nothing due today: see a physiotherapist first\.$' \
    "says why nothing is due"
like "$out" '^You reported swelling \(last on 2026-11-25\)\. After the visit:$' \
    "names the red flag and its date"
like "$out" '^  rehabit pain --cleared \[--note "what the physio said"\]$' \
    "says the way out"
like "$out" '^  knee-strength +0 of 3 this week +last: never +held: red flag$' \
    "the routine that would be due is held"
unlike "$out" ' due today$' "no routine is due today"
pain_at "2026-11-27 11:00:00" --cleared --note "no effusion, carry on"
is "$rc" 0 "pain --cleared exits 0"
due_rf "2026-11-27 12:00:00"
is "$rc" 0 "cleared by a physiotherapist: a session is due again"
like "$out" '^Due today: Knee strength \(knee-strength\)$' \
    "cleared: the routine is due"
pain_at "2026-11-28 09:00:00" --after 2 --flag giving-way
due_rf "2026-11-28 10:00:00"
is "$rc" 1 "a red flag after the clearance: nothing due"
like "$out" 'You reported giving-way \(last on 2026-11-28\)' \
    "only the red flag since the clearance is named"

run "$REHABIT" due --help
is "$rc" 0 "--help exits 0"
like "$out" '^Usage: rehabit due \[--quiet\]' "--help shows usage"
like "$out" 'exit 0 if a session is due, 1 if not' "--help gives the exit status"

done_testing
