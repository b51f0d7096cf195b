#!/bin/sh
# catalog.sh - rehabit list, show and check; --library and the user's
# library folder; every exit status and error message of the three.
. "$top_srcdir/tests/lib.sh"

fix="$top_srcdir/tests/fixtures/catalog"

# --- list --------------------------------------------------------------------

run "$REHABIT" list
is "$rc" 0 "list exits 0"
like "$out" '^Routines:$' "list: a Routines section"
like "$out" '^Exercises:$' "list: an Exercises section"
like "$out" "^  knee-strength-1 +Runner's knee - strength, phase 1$" \
    "list: a routine, id and name"
like "$out" '^  wall-sit +Wall sit$' "list: an exercise, id and name"
is "$(printf '%s\n' "$out" | grep -c '^  ')" 24 \
    "list: 4 routines and 20 exercises"
is "$err" "" "list: nothing on stderr"

run "$REHABIT" list --help
is "$rc" 0 "list --help exits 0"
like "$out" '^Usage: rehabit list$' "list --help: usage"

run "$REHABIT" list --bogus
is "$rc" 2 "list --bogus exits 2"
is "$err" "rehabit: list: unknown option '--bogus' (see 'rehabit list --help')" \
    "list --bogus: one-line error"

run "$REHABIT" list -x
is "$rc" 2 "list -x exits 2"
is "$err" "rehabit: list: unknown option '-x' (see 'rehabit list --help')" \
    "list -x: one-line error"

run "$REHABIT" list extra
is "$rc" 2 "list with an argument exits 2"
is "$err" "rehabit: list: unexpected argument 'extra' (see 'rehabit list --help')" \
    "list extra: one-line error"

if [ -w /dev/full ]; then
	for c in list "show knee-strength-1" check; do
		# shellcheck disable=SC2086
		"$REHABIT" $c >/dev/full 2>"$test_tmp/err"
		rc=$?
		is "$rc" 74 "$c to a full disk exits 74"
		like "$(cat "$test_tmp/err")" \
		    "^rehabit: ${c%% *}: cannot write the output: No space left on device\$" \
		    "$c to a full disk: one-line error"
	done
fi

# --- --library -----------------------------------------------------------------

run "$REHABIT" --library "$fix/good-split" list
is "$rc" 0 "--library DIR list exits 0"
is "$out" "Routines:
  bridge-day    Bridge day

Exercises:
  glute-bridge  Glute bridge" "--library DIR: only that folder"

run "$REHABIT" list --library="$fix/good-split"
is "$rc" 0 "--library=DIR after the command"
like "$out" '^  bridge-day' "--library=DIR after the command is used"

run "$REHABIT" --library "$test_tmp/nowhere" list
is "$rc" 66 "--library missing folder exits 66"
is "$err" "rehabit: $test_tmp/nowhere: No such file or directory" \
    "--library missing folder: one-line error"

mkdir "$test_tmp/badlib"
cp "$fix/bad-range.yaml" "$test_tmp/badlib/"
run "$REHABIT" --library "$test_tmp/badlib" list
is "$rc" 65 "a library with problems: list exits 65"
like "$err" "^$test_tmp/badlib/bad-range.yaml:11:15: 'sets' must be a whole number from 1 to 100, got 0$" \
    "a library with problems: FILE:LINE:COLUMN: message"
is "$(printf '%s\n' "$err" | wc -l)" 4 "every problem reported"
is "$out" "" "nothing listed from a broken library"

run "$REHABIT" --library "$test_tmp/badlib" show r
is "$rc" 65 "a library with problems: show exits 65"

# --- the user's library folder --------------------------------------------------

mkdir -p "$XDG_CONFIG_HOME/rehabit/library"
cat >"$XDG_CONFIG_HOME/rehabit/library/mine.yaml" <<'YAML'
routines:
  - id: my-knees
    name: My knee routine
    per_week: 2
    steps:
      - {exercise: wall-sit, sets: 2, hold: 20}
      - {exercise: glute-bridge, sets: 2, reps: 12, level: 3}
YAML
run "$REHABIT" list
is "$rc" 0 "list with a user library exits 0"
like "$out" '^  my-knees +My knee routine$' "user routines are listed"
like "$out" '^  knee-strength-1 ' "with the bundled ones"

run "$REHABIT" show my-knees
is "$rc" 0 "show a user routine"
is "$out" "My knee routine (my-knees), 2 sessions a week

  1. Wall sit (wall-sit)
     2 x 20 s hold (40 degree knee bend), rest 60 s
  2. Glute bridge (glute-bridge)
     2 x 12 (Marching bridge), rest 60 s" "show: the user routine on bundled exercises"

run "$REHABIT" check "$XDG_CONFIG_HOME/rehabit/library/mine.yaml"
is "$rc" 0 "check a user file that uses bundled exercises"
is "$out" "1 file, 0 exercises, 1 routine: ok" \
    "check FILE: counts the named file only, once"

run "$REHABIT" check
is "$rc" 0 "check with a user library exits 0"
is "$out" "5 files, 20 exercises, 5 routines: ok" \
    "check: the bundled and the user's files"

cat >"$XDG_CONFIG_HOME/rehabit/library/dup.yaml" <<'YAML'
exercises:
  - {id: wall-sit, name: My wall sit, kind: hold}
YAML
run "$REHABIT" list
is "$rc" 65 "a user exercise with a bundled id: exit 65"
like "$err" "dup.yaml:2:5: duplicate exercise id 'wall-sit' \(first defined at .*/exercises/strength.yaml:[0-9]+:5\)$" \
    "the duplicate is named with both places"
rm -r "$XDG_CONFIG_HOME/rehabit"

# --- show --------------------------------------------------------------------------

run "$REHABIT" show knee-strength-1
is "$rc" 0 "show exits 0"
like "$out" "^Runner's knee - strength, phase 1 \(knee-strength-1\), 3 sessions a week$" \
    "show: the routine's name and sessions a week"
like "$out" '^  3\. Wall sit \(wall-sit\)$' "show: each step's exercise"
like "$out" '^     5 x 10 s hold \(40 degree knee bend\), rest 30 s$' \
    "show: a hold dose with its level and rest"
like "$out" '^     3 x 10 each side \(No weight\), rest 45 s$' \
    "show: a reps dose each side"
like "$out" '^     10 x 5 s hold each side \(Lying on your back\), relax 5 s$' \
    "show: holds with relax"
like "$out" 'tempo 3-0-2' "show: the tempo"

run "$REHABIT" show return-to-run
is "$rc" 0 "show return-to-run exits 0"
like "$out" '^     4 rounds: 1:00 work / 4:00 easy$' "show: walk-run intervals"

run "$REHABIT" show nope
is "$rc" 66 "show an unknown routine exits 66"
is "$err" "rehabit: show: no routine 'nope' (see 'rehabit list')" \
    "show unknown routine: one-line error"

run "$REHABIT" show
is "$rc" 2 "show without a routine exits 2"
is "$err" "rehabit: show: which routine? (see 'rehabit list') (see 'rehabit show --help')" \
    "show without a routine: one-line error"

run "$REHABIT" show a b
is "$rc" 2 "show with two routines exits 2"
like "$err" "^rehabit: show: unexpected argument 'b'" "show a b: one-line error"

run "$REHABIT" show --help
is "$rc" 0 "show --help exits 0"
like "$out" '^Usage: rehabit show ROUTINE$' "show --help: usage"

run "$REHABIT" show --all knee-strength-1
is "$rc" 2 "show --all exits 2"
is "$err" "rehabit: show: unknown option '--all' (see 'rehabit show --help')" \
    "show --all: one-line error"

# --- check -------------------------------------------------------------------------

run "$REHABIT" check
is "$rc" 0 "check of the bundled library exits 0"
is "$out" "4 files, 20 exercises, 4 routines: ok" "check: the bundled library"

run "$REHABIT" check "$fix/good-full.yaml"
is "$rc" 0 "check a good file exits 0"
is "$out" "1 file, 4 exercises, 1 routine: ok" "check FILE: counts"

run "$REHABIT" check "$fix/good-split" "$fix/good-defaults.yaml"
is "$rc" 0 "check a folder and a file exits 0"
is "$out" "3 files, 4 exercises, 2 routines: ok" "check DIR FILE: counts"

run "$REHABIT" check "$top_srcdir/exercises/routines.yaml"
is "$rc" 0 "check a library file: the rest of the library resolves it"
is "$out" "1 file, 0 exercises, 4 routines: ok" \
    "check a library file: not loaded twice"

run "$REHABIT" check "$top_srcdir/exercises"
is "$rc" 0 "check the library folder by name"
is "$out" "4 files, 20 exercises, 4 routines: ok" \
    "check the library folder: no duplicates"

cd "$fix" || exit 1
run "$REHABIT" check bad-many.yaml
is "$rc" 65 "check a file with problems exits 65"
is "$err" "$(sed 's/^/bad-many.yaml:/' bad-many.expect)
rehabit: check: 6 problems found" "check: every problem, then a count"
is "$out" "" "check with problems: nothing on stdout"

run "$REHABIT" check bad-syntax.yaml bad-range.yaml
is "$rc" 65 "check two bad files exits 65"
like "$err" '^bad-syntax\.yaml:5:4: YAML syntax error' "the first file's problem"
like "$err" "^bad-range\.yaml:8:15: 'per_week'" "and the second's"
like "$err" '^rehabit: check: 5 problems found$' "counted together"
cd "$top_builddir" || exit 1

# Problems in line order, wherever they were found (a missing key at the
# end of its mapping, an unknown exercise when linking); a key one or two
# letters off gets a "did you mean", a key as near two known ones does not.
cat >"$test_tmp/order.yaml" <<'YAML'
routines:
  - id: r
    steps:
      - {exercise: nope, sets: 2, rpes: 3, rets: 1}
    nme: R
YAML
run "$REHABIT" check "$test_tmp/order.yaml"
is "$rc" 65 "check: problems in line order, exit 65"
is "$err" "$test_tmp/order.yaml:2:5: a routine is missing required key 'name'
$test_tmp/order.yaml:4:10: unknown exercise 'nope' (see 'rehabit list')
$test_tmp/order.yaml:4:35: unknown key 'rpes' in a step (did you mean 'reps'?)
$test_tmp/order.yaml:4:44: unknown key 'rets' in a step (expected exercise, sets, reps, hold, relax, work, easy, rounds, rest, level, tempo, progression)
$test_tmp/order.yaml:5:5: unknown key 'nme' in a routine (did you mean 'name'?)
rehabit: check: 5 problems found" "check: in line order, with did-you-mean"

run "$REHABIT" check "$test_tmp/none.yaml"
is "$rc" 66 "check a missing file exits 66"
is "$err" "rehabit: check: $test_tmp/none.yaml: No such file or directory" \
    "check missing file: one-line error"

run "$REHABIT" check "$fix/good-full.yaml" "$test_tmp/none.yaml"
is "$rc" 66 "check a missing file among good ones exits 66"

mkfifo "$test_tmp/fifo.yaml"
run "$REHABIT" check "$test_tmp/fifo.yaml"
is "$rc" 65 "check a FIFO exits 65, without hanging"
like "$err" "fifo.yaml: not a regular file$" "check a FIFO: the reason"

head -c 5000000 /dev/zero >"$test_tmp/big.yaml"
run "$REHABIT" check "$test_tmp/big.yaml"
is "$rc" 65 "check a huge file exits 65"
like "$err" "big.yaml: larger than 4194304 bytes: not an exercise library$" \
    "check a huge file: the reason"

run "$REHABIT" --library "$fix/good-split" check
is "$rc" 0 "check --library DIR"
is "$out" "2 files, 1 exercise, 1 routine: ok" "check --library DIR: counts"

run "$REHABIT" --library "$test_tmp/nowhere" check
is "$rc" 66 "check --library with a missing folder exits 66"

run "$REHABIT" check --help
is "$rc" 0 "check --help exits 0"
like "$out" '^Usage: rehabit check \[FILE\|DIR\.\.\.\]$' "check --help: usage"

run "$REHABIT" check --strict
is "$rc" 2 "check --strict exits 2"
is "$err" "rehabit: check: unknown option '--strict' (see 'rehabit check --help')" \
    "check --strict: one-line error"

run "$REHABIT" check -- --not-an-option.yaml
is "$rc" 66 "check -- FILE: a file named like an option"

done_testing
