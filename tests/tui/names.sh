#!/bin/sh
# names.sh - long names stay told apart at every width: with the bundled
# library, home's routine table, the routine list and the summary's
# prescribed column at 80x24, 40x12 and the minimum size; names that do
# not fit are cut in the middle ("Runner's knee…phase 1", "..." without
# UTF-8), and the key bar is never drawn over.
. "$top_srcdir/tests/tui/home-common.sh"

lib="$top_srcdir/exercises"

# Both strength phases, a side per set of one exercise.
"$seed" "$data" >/dev/null <<SEED
session knee-strength-1 $(epoch "2026-11-23 18:00") 0 1 30
set wall-sit both sets=5,hold=10,rest=30,level=2 1 10
pain during 1
pain after 1
pain morning 1
session knee-strength-2 $(epoch "2026-11-25 18:00") 0 0 20
set lateral-step-down left sets=3,reps=8,rest=60,level=3 1 8
set lateral-step-down right sets=3,reps=8,rest=60,level=3 1 8
pain during 2
pain after 1
pain morning 1
SEED

# lines_like TEXT ERE : how many lines of TEXT match ERE.
lines_like() {
	printf '%s\n' "$1" | grep -Ec -- "$2"
}

home_start "2026-11-26 10:00:00"
ok "80x24: home" tui_wait "Due today"
scr=$(tui_screen)
like "$scr" "^   Runner's knee - strength, phase 1 +3 days ago +1 of 3 " \
    "80x24: phase 1's whole name, last done, this week"
like "$scr" "^   Runner's knee - strength, phase 2 +yesterday +1 of 3 " \
    "80x24: phase 2's whole name"
like "$scr" "Runner's knee - strength, phase 2, Wed 25 Nov" \
    "80x24: the latest pain names its routine whole"

tui_keys r
ok "80x24: the routine list" tui_wait "Choose a routine"
# After a resize, wait for what only the new drawing shows: a shrunk
# pane keeps the old screen's bottom lines, without its table header.
tui_resize 40 12
ok "40x12: redrawn" tui_wait "Runner's knee…phase 1 "
scr=$tui_seen
unlike "$scr" 'Last done' "40x12: the Last done column dropped"
like "$scr" "^ > Runner's knee…phase 1 " "40x12: phase 1, cut in the middle"
like "$scr" "^   Runner's knee…phase 2 " "40x12: phase 2, told apart"
like "$scr" "Return to…walk-run +not started" \
    "40x12: the state kept whole beside the name"
unlike "$scr" '.{41}' "40x12: nothing wider than the pane"

tui_resize 30 8
ok "30x8: the minimum size" tui_wait "Runner'…phase 1 "
scr=$tui_seen
unlike "$scr" 'Return to' "30x8: the state column dropped"
like "$scr" "^ > Runner'…phase 1 " "30x8: still phase 1"
like "$scr" '^Up/Down choose +\? help$' "30x8: the key bar whole"
tui_keys Down
ok "30x8: the cursor on phase 2" tui_wait "> Runner'…phase 2"

# The last session's summary: the prescribed column whole at 80, a line
# of its own at 40.
tui_resize 80 24
tui_keys Escape
tui_wait "Due today" >/dev/null
tui_keys l
ok "80x24: the summary" tui_wait "Done per set"
scr=$(tui_screen)
like "$scr" "Runner's knee - strength, phase 2, Wed 25 Nov 18:00, 20 min" \
    "summary: the routine whole, the date and length"
like "$scr" 'Lateral step-down \(left\) +3 x 8 each side \(15 cm step\) +8 reps$' \
    "summary: the prescribed column whole, with the level"
like "$scr" 'Lateral step-down \(right\) +3 x 8 each side \(15 cm step\) +8 reps$' \
    "summary: each side"
tui_resize 40 12
ok "40x12: the summary stacked" tui_wait "Exercise, prescribed"
scr=$(tui_screen)
like "$scr" '^  Lateral step-down \(left\) +8 reps$' "40x12: the name and sets done"
like "$scr" '^    3 x 8 each side \(15 cm step\)$' \
    "40x12: the prescription whole on the next line"
is "$(lines_like "$scr" '^  Lateral step-down \((left|right)\)')" 2 \
    "40x12: both sides"
unlike "$scr" '.{41}' "40x12: nothing wider than the pane"
tui_keys q
tui_wait "Due today" >/dev/null
tui_keys q
ok "q: exit 0" tui_wait "[exit 0]"
tui_stop

# Without UTF-8 the cut is marked with "...".
tui_start env LC_ALL=C LD_PRELOAD="$faketime_lib" \
    "FAKETIME='@2026-11-26 10:00:00'" FAKETIME_DONT_FAKE_MONOTONIC=1 \
    "$REHABIT" --library "$lib"
tui_wait "Due today" >/dev/null
tui_keys r
tui_wait "Choose a routine" >/dev/null
tui_resize 40 12
ok "ASCII, 40x12: the routine list" tui_wait "Runner's...phase 1 "
scr=$tui_seen
unlike "$scr" 'Last done' "ASCII, 40x12: the Last done column dropped"
like "$scr" "Runner's\.\.\.phase 1 " "ASCII: phase 1 cut with ..."
like "$scr" "Runner's\.\.\.phase 2 " "ASCII: phase 2 told apart"
unlike "$scr" '[^ -~]' "ASCII: nothing but ASCII on the screen"
tui_stop

# Sentences too long for a narrow line wrap between words, not cut.
tui_at "2026-11-26 10:00:00" --data-dir "$test_tmp/empty"
tui_wait "Welcome to rehabit" >/dev/null
tui_resize 40 12
ok "40x12: the welcome" tui_wait "session takes you through each"
scr=$(tui_screen)
like "$scr" '^ A coach for home rehab exercise\. A$' "40x12: broken between words"
like "$scr" "^ session's dose follows from that\.$" "40x12: to the end"
like "$scr" "^ First session  Runner's knee…phase 1$" \
    "40x12: the first routine, cut in the middle"
# A session's cues, one line each, end in "…" where they do not fit.
tui_keys Enter
ok "40x12: the first exercise" tui_wait "GET READY"
tui_keys Enter
tui_wait HOLD >/dev/null
tui_keys q
ok "40x12: q asks, the cues shown" tui_wait "End the session?"
scr=$(tui_screen)
like "$scr" '^  • Leg straight, press the back of…$' \
    "40x12: a long cue cut at a word, marked"
like "$scr" '^  • Breathe out while you hold, then…$' "40x12: each cue"
unlike "$scr" '.{41}' "40x12: nothing wider than the pane"
tui_keys n
tui_stop
tui_at "2026-11-26 10:00:00" --data-dir "$test_tmp/empty" pain
tui_wait "Pain now" >/dev/null
tui_resize 40 12
tui_keys 3 Enter y Enter Enter
ok "40x12: a warning sign on the pain form's review" \
    tui_wait "Stop increasing the exercises and"
scr=$(tui_screen)
like "$scr" '^  see a physiotherapist\.$' "40x12: the advice whole"
like "$scr" '^ in the last day\)$' "40x12: the form's title whole"
tui_stop

# Wide characters take two columns each: cut by columns, never past the
# pane, the ends kept.
mkdir -p "$test_tmp/wide"
cat >"$test_tmp/wide/wide.yaml" <<'YAML'
exercises:
  - id: squat
    name: スクワット
    kind: reps
    focus: strength
    sides: both
routines:
  - id: wide-1
    name: 膝のリハビリ 筋力トレーニング 第1段階
    per_week: 3
    steps:
      - {exercise: squat, sets: 1, reps: 2, rest: 1}
  - id: wide-2
    name: 膝のリハビリ 筋力トレーニング 第2段階
    per_week: 3
    steps:
      - {exercise: squat, sets: 1, reps: 2, rest: 1}
YAML
lib="$test_tmp/wide"
tui_at "2026-11-26 10:00:00" --data-dir "$test_tmp/wide-data"
tui_wait "Welcome to rehabit" >/dev/null
tui_keys r
tui_wait "Choose a routine" >/dev/null
tui_resize 40 12
ok "wide: 40x12" tui_wait "膝のリハビリ…第1段階 "
scr=$tui_seen
unlike "$scr" 'Last done' "wide: the Last done column dropped"
like "$scr" '^ > 膝のリハビリ…第1段階 ' "wide: the first routine, cut in the middle"
like "$scr" '^   膝のリハビリ…第2段階 ' "wide: the second, told apart"
ok "wide: nothing wider than the pane" \
    test "$(printf '%s\n' "$scr" | wc -L)" -le 40

done_testing
