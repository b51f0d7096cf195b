#!/bin/sh
# store-export.sh - rehabit export and import: the round trip, CSV,
# idempotence, atomicity, checking against the library, every error path.
. "$top_srcdir/tests/lib.sh"

fix="$top_srcdir/tests/fixtures/store"
lib="--library=$fix/library"
a="$test_tmp/a" b="$test_tmp/b"

run "$REHABIT" export --help
is "$rc" 0 "export --help exits 0"
like "$out" '^Usage: rehabit export \[--format yaml\|csv\] \[FILE\]$' \
    "export --help: usage"
run "$REHABIT" import --help
is "$rc" 0 "import --help exits 0"
like "$out" '^Usage: rehabit import FILE$' "import --help: usage"

run "$REHABIT" --data-dir "$a" export
is "$rc" 0 "export of an empty history exits 0"
is "$out" "format: rehabit-history/1
sessions: []
pain: []" "an empty history file"

# --- round trip ---------------------------------------------------------------

run "$REHABIT" --data-dir "$a" $lib import "$fix/history.yaml"
is "$rc" 0 "import exits 0"
is "$out" "Imported $fix/history.yaml: 2 new sessions, 0 already there; 1 new pain report, 0 already there." \
    "import says what it did, one report singular"
run "$REHABIT" --data-dir "$a" $lib import "$fix/history.yaml"
is "$out" "Imported $fix/history.yaml: 0 new sessions, 2 already there; 0 new pain reports, 1 already there." \
    "importing again adds nothing"

run "$REHABIT" --data-dir "$a" export "$test_tmp/one.yaml"
is "$rc" 0 "export FILE exits 0"
is "$out" "" "export FILE: quiet"
ok "the exported file is 0600" test "$(stat -c %a "$test_tmp/one.yaml")" = 600
run "$REHABIT" --data-dir "$b" $lib import "$test_tmp/one.yaml"
is "$rc" 0 "import the export into a new history"
run "$REHABIT" --data-dir "$b" export --format yaml "$test_tmp/two.yaml"
ok "export -> import -> export gives the same file" \
    cmp "$test_tmp/one.yaml" "$test_tmp/two.yaml"
run "$REHABIT" --data-dir "$a" export -
ok "export - writes to standard output" \
    test "$out" = "$(cat "$test_tmp/one.yaml")"
run "$REHABIT" --data-dir "$a" export "$test_tmp/one.yaml"
is "$rc" 0 "export replaces an existing file"
ok "no temporary file left" test "$(ls "$test_tmp" | grep -c 'one.yaml.')" = 0

run "$REHABIT" --data-dir "$a" export --format csv
is "$rc" 0 "export --format csv exits 0"
is "$(printf '%s\n' "$out" | head -n 1)" \
    "start,end,routine,completed,pain_during,pain_after,pain_morning,flags,note,exercise,side,prescribed,set,done,exercise_pain$(printf '\r')" \
    "CSV: a header row, CRLF"
is "$(printf '%s\n' "$out" | wc -l)" 13 "CSV: one row per set and per report"
like "$out" '^2026-11-04T18:05:00\+01:00,2026-11-04T18:15:30\+01:00,knee-strength-1,false,4,,,swelling,stopped: knee sore,wall-sit,both,sets=3 hold=35 rest=45,2,20,' \
    "CSV: a set row"

# --- atomic: a bad record at the end imports nothing ---------------------------

run "$REHABIT" --data-dir "$a" export "$test_tmp/before.yaml"
cp "$a/history.db" "$test_tmp/before.db"
run "$REHABIT" --data-dir "$a" $lib import "$fix/bad-last.yaml"
is "$rc" 65 "a bad last record: exit 65"
is "$err" "$fix/bad-last.yaml:27:59: score: 12 is not between 0 and 10
rehabit: $fix/bad-last.yaml: nothing imported" \
    "FILE:LINE:COLUMN: message, and nothing imported"
run "$REHABIT" --data-dir "$a" export "$test_tmp/after.yaml"
ok "the history is unchanged" cmp "$test_tmp/before.yaml" "$test_tmp/after.yaml"
ok "the database file is unchanged" cmp "$test_tmp/before.db" "$a/history.db"

# --- import errors ----------------------------------------------------------------

printf 'format: rehabit-history/1\nsessions:\n- routine: hip-care\n  start: 2026-11-02T18:00:00Z\n  completed: true\n' \
    >"$test_tmp/unknown.yaml"
run "$REHABIT" --data-dir "$a" $lib import "$test_tmp/unknown.yaml"
is "$rc" 65 "an unknown routine: exit 65"
like "$err" "^$test_tmp/unknown.yaml:3:12: unknown routine 'hip-care' \(not in the library\)$" \
    "names the routine and its place"

printf 'format: rehabit-history/1\nsessions:\n- routine: knee-strength-1\n  start: 2026-11-02T18:00:00Z\n  completed: true\n  exercises:\n  - {exercise: quad-set}\n' \
    >"$test_tmp/ex.yaml"
run "$REHABIT" --data-dir "$a" $lib import "$test_tmp/ex.yaml"
is "$rc" 65 "an exercise not in --library: exit 65"
like "$err" "^$test_tmp/ex.yaml:7:16: unknown exercise 'quad-set' \(not in the library\)$" \
    "names the exercise"
run "$REHABIT" --data-dir "$a" import "$test_tmp/ex.yaml"
is "$rc" 0 "the bundled library has it"

printf 'format: rehabit-history/1\nsessions: [\n' >"$test_tmp/broken.yaml"
run "$REHABIT" --data-dir "$a" $lib import "$test_tmp/broken.yaml"
is "$rc" 65 "broken YAML: exit 65"
like "$err" "^$test_tmp/broken.yaml:3:1: " "broken YAML: its place"

printf 'format: rehabit-history/1\npain:\n- {at: 2026-11-02T07:00:00, kind: morning, score: 2}\n' \
    >"$test_tmp/tz.yaml"
run "$REHABIT" --data-dir "$a" $lib import "$test_tmp/tz.yaml"
is "$rc" 65 "a time without offset: exit 65"
like "$err" "^$test_tmp/tz.yaml:3:8: at: '2026-11-02T07:00:00' is not a date and time like 2026-11-02T18:00:00\+01:00$" \
    "a time without offset: message"

printf 'format: rehabit-history/1\npain:\n- {at: 2026-11-02T07:00:00Z, kind: morning, score: 2, flags: [sore]}\n' \
    >"$test_tmp/flag.yaml"
run "$REHABIT" --data-dir "$a" $lib import "$test_tmp/flag.yaml"
is "$rc" 65 "an unknown flag: exit 65"

printf 'x: &a [1]\ny: *a\n' >"$test_tmp/alias.yaml"
run "$REHABIT" --data-dir "$a" $lib import "$test_tmp/alias.yaml"
is "$rc" 65 "anchors: exit 65"
like "$err" "^$test_tmp/alias.yaml:1:4: anchors are not allowed in a history file$" \
    "anchors: message"

run "$REHABIT" --data-dir "$a" $lib import "$test_tmp/missing.yaml"
is "$rc" 66 "a missing file: exit 66"
is "$err" "rehabit: import: $test_tmp/missing.yaml: No such file or directory" \
    "a missing file: one line"

run "$REHABIT" --data-dir "$a" $lib import "$test_tmp"
is "$rc" 65 "a folder: exit 65"
is "$err" "rehabit: import: $test_tmp: not a regular file" "a folder: one line"

mkfifo "$test_tmp/fifo"
run "$REHABIT" --data-dir "$a" $lib import "$test_tmp/fifo"
is "$rc" 65 "a FIFO: exit 65, without hanging"

run "$REHABIT" --data-dir "$a" $lib import
is "$rc" 2 "import without a file exits 2"
is "$err" "rehabit: import: which file? (rehabit import FILE) (see 'rehabit import --help')" \
    "import without a file: one-line error"
run "$REHABIT" --data-dir "$a" $lib import a b
is "$rc" 2 "import of two files exits 2"
run "$REHABIT" --data-dir "$a" $lib import --merge x
is "$rc" 2 "import --merge exits 2"
is "$err" "rehabit: import: unknown option '--merge' (see 'rehabit import --help')" \
    "import --merge: one-line error"
run "$REHABIT" --data-dir "$a" --library "$test_tmp/nolib" import "$fix/history.yaml"
is "$rc" 66 "import with a missing library exits 66"

# --- clearances: "I saw a physiotherapist" ------------------------------------

c="$test_tmp/c"
cat >"$test_tmp/cleared.yaml" <<'EOF'
format: rehabit-history/1
sessions: []
pain:
- {at: 2026-11-03T07:30:00+01:00, kind: morning, score: 3, flags: [swelling]}
clearances:
- at: 2026-11-05T16:00:00+01:00
  note: 'Physio: no effusion, carry on'
- at: 2026-11-20T09:00:00+01:00
EOF
run "$REHABIT" --data-dir "$c" $lib import "$test_tmp/cleared.yaml"
is "$rc" 0 "import of clearances exits 0"
is "$out" "Imported $test_tmp/cleared.yaml: 0 new sessions, 0 already there; 1 new pain report, 0 already there; 2 new clearances, 0 already there." \
    "import counts the clearances"
run "$REHABIT" --data-dir "$c" $lib import "$test_tmp/cleared.yaml"
is "$out" "Imported $test_tmp/cleared.yaml: 0 new sessions, 0 already there; 0 new pain reports, 1 already there; 0 new clearances, 2 already there." \
    "importing clearances again adds nothing (same time, same clearance)"
run "$REHABIT" --data-dir "$c" export
like "$out" '^clearances:$' "export: a top-level clearances list"
like "$out" "^- at: 2026-11-05T16:00:00\+01:00
  note: 'Physio: no effusion, carry on'
- at: 2026-11-20T09:00:00\+01:00$" "export: each clearance, its time and note"
printf '%s\n' "$out" >"$test_tmp/c1.yaml"
run "$REHABIT" --data-dir "$test_tmp/c2" $lib import "$test_tmp/c1.yaml"
run "$REHABIT" --data-dir "$test_tmp/c2" export "$test_tmp/c2.yaml"
ok "clearances: export -> import -> export gives the same file" \
    cmp "$test_tmp/c1.yaml" "$test_tmp/c2.yaml"
run "$REHABIT" --data-dir "$c" export --format csv
like "$out" "^2026-11-05T16:00:00\+01:00,,,,,,,cleared,\"Physio: no effusion, carry on\",,,,,,$(printf '\r')$" \
    "CSV: a clearance row, 'cleared' in the flags column"
is "$(printf '%s\n' "$out" | wc -l)" 4 "CSV: the report and two clearances"
run "$REHABIT" --data-dir "$a" export
unlike "$out" 'clearances' "no clearances: no clearances key"

printf 'format: rehabit-history/1\nclearances:\n- {note: seen}\n' \
    >"$test_tmp/noat.yaml"
run "$REHABIT" --data-dir "$c" $lib import "$test_tmp/noat.yaml"
is "$rc" 65 "a clearance without 'at': exit 65"
like "$err" "^$test_tmp/noat.yaml:3:3: a clearance needs 'at'$" \
    "a clearance without 'at': FILE:LINE:COLUMN: message"
printf 'format: rehabit-history/1\nclearances:\n- {at: 2026-11-05T16:00:00Z, by: dr x}\n' \
    >"$test_tmp/key.yaml"
run "$REHABIT" --data-dir "$c" $lib import "$test_tmp/key.yaml"
is "$rc" 65 "an unknown key in a clearance: exit 65"
like "$err" "^$test_tmp/key.yaml:3:30: unknown key 'by' in a clearance$" \
    "an unknown key in a clearance: its place"
printf 'format: rehabit-history/1\nclearances: yes\n' >"$test_tmp/list.yaml"
run "$REHABIT" --data-dir "$c" $lib import "$test_tmp/list.yaml"
is "$rc" 65 "clearances not a list: exit 65"
like "$err" "^$test_tmp/list.yaml:2:13: clearances must be a list$" \
    "clearances not a list: its place"

# --- export errors ------------------------------------------------------------

run "$REHABIT" --data-dir "$a" export --format json
is "$rc" 2 "export --format json exits 2"
is "$err" "rehabit: export: --format: 'json' is not yaml or csv (see 'rehabit export --help')" \
    "--format json: one-line error"
run "$REHABIT" --data-dir "$a" export a b
is "$rc" 2 "export to two files exits 2"
is "$err" "rehabit: export: unexpected argument 'b' (see 'rehabit export --help')" \
    "two files: one-line error"
run "$REHABIT" --data-dir "$a" export --format
is "$rc" 2 "export --format without a value exits 2"
run "$REHABIT" --data-dir "$a" export "$test_tmp/no/such/dir/h.yaml"
is "$rc" 74 "export into a missing folder exits 74"
is "$err" "rehabit: $test_tmp/no/such/dir/h.yaml: No such file or directory" \
    "export into a missing folder: one line"
if [ -w /dev/full ]; then
	run "$REHABIT" --data-dir "$a" export
	"$REHABIT" --data-dir "$a" export >/dev/full 2>"$test_tmp/err"
	is "$?" 74 "export to a full disk exits 74"
	like "$(cat "$test_tmp/err")" "^rehabit: standard output: " \
	    "a full disk: one line"
fi

done_testing
