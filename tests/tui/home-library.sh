#!/bin/sh
# home-library.sh - home lists the routines the person uses (done once, or
# of their own library folder), the rest behind r; a file with problems in
# their folder stops only what depends on it, and home shows its problem.
# The bundled library here, not --library: it is the routines of their
# own folder that home tells from the bundled ones.
. "$top_srcdir/tests/tui/home-common.sh"

own="$XDG_CONFIG_HOME/rehabit/library"
mkdir -p "$own"
printf 'ready: 60\nswitch: 1\nsound: false\n' \
    >"$XDG_CONFIG_HOME/rehabit/config.yaml"

# own_start TIME : home at 80x24 at TIME, the bundled and own library.
own_start() {
	tui_start env LD_PRELOAD="$faketime_lib" "FAKETIME='@$1'" \
	    FAKETIME_DONT_FAKE_MONOTONIC=1 "$REHABIT"
}

# A first run with the bundled library alone: all of it.
own_start "2026-11-27 10:00:00"
ok "bundled only: the welcome" tui_wait "Welcome to rehabit"
like "$(tui_screen)" "First session +Runner's knee - strength, phase 1" \
    "bundled only: the first bundled routine"
tui_keys q
tui_wait "[exit 0]" >/dev/null
tui_stop

# One routine of their own, never done: it alone.
cat >"$own/mine.yaml" <<'YAML'
routines:
  - id: my-knees
    name: My knee routine
    per_week: 2
    steps:
      - {exercise: wall-sit, sets: 2, hold: 20}
YAML
"$seed" "$data" >/dev/null <<SEED
session my-knees $(epoch "2026-11-25 18:00") 0 1
set wall-sit both sets=2,hold=20,rest=60 1 20
pain morning 1
SEED
own_start "2026-11-27 10:00:00"
ok "own routine: home" tui_wait "Due today"
scr=$(tui_screen)
like "$scr" 'Due today +My knee routine' "own routine: it is due"
like "$scr" '^   My knee routine +2 days ago +1 of 2 +due today' \
    "own routine: in the table"
unlike "$scr" "Runner's knee|Return to running" \
    "own routine: none of the four bundled ones"
like "$scr" 'r shows the other 4 routines of the library\.' \
    "own routine: the others behind r"
tui_keys r
ok "r: every routine" tui_wait "Choose a routine"
scr=$(tui_screen)
like "$scr" "Runner's knee - strength, phase 1 +never" "r: the bundled ones"
like "$scr" "Return to running - walk-run +never" "r: all four"
like "$scr" '> +My knee routine' "r: the cursor on the one due"
tui_keys Escape
ok "Esc: back home" tui_wait "Due today"
tui_keys q
tui_wait "[exit 0]" >/dev/null
tui_stop

# A broken file in their folder, holding an exercise that one of their
# routines uses: the bundled routines still start, home shows the
# problem, and that routine says why it cannot start.
printf 'exercises:\n  - {id: my-ex, name: Mine, kind: reps, colour: red}\n' \
    >"$own/zbad.yaml"
cat >>"$own/mine.yaml" <<'YAML'
  - id: my-other
    name: Needs the broken file
    steps:
      - {exercise: my-ex, sets: 2, reps: 5}
YAML
own_start "2026-11-27 10:00:00"
ok "a broken file: home opens" tui_wait "Due today"
scr=$(tui_screen)
like "$scr" "^ Library +zbad\.yaml:2:41: unknown key 'colour' in an exercise" \
    "a broken file: home shows its problem, FILE:LINE:COLUMN"
like "$scr" 'What uses the file cannot start\. See rehabit check\.' \
    "a broken file: what it means"
like "$scr" 'Needs the broken file +never +0 of 3 +cannot start' \
    "the routine that needs it: cannot start"
tui_keys r
tui_wait "Choose a routine" >/dev/null
tui_keys Down Enter
ok "Enter on it: not started, and why" \
    tui_wait "Not started: it uses 'my-ex' of zbad.yaml, which has problems."
tui_keys r
tui_wait "Choose a routine" >/dev/null
# The cursor starts on the routine due, after the four bundled ones.
tui_keys Up Up Up Up Enter
ok "a bundled routine still starts" tui_wait "press the back of the knee down"
tui_keys q
tui_wait "End the session?" >/dev/null
tui_keys y
ok "back home" tui_wait "Due today"
tui_keys q
tui_wait "[exit 0]" >/dev/null
tui_stop

done_testing
