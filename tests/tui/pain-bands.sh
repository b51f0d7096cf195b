#!/bin/sh
# pain-bands.sh - a routine's own pain thresholds (green 1, red 3) colour
# its scores everywhere: a score of 2, which its rules read as amber, is
# drawn amber on the pain form, the summary, home and `progress --routine`
# (and green where the built-in 2/5 apply).
. "$top_srcdir/tests/tui/home-common.sh"

lib="$test_tmp/library"
mkdir -p "$lib"
cat >"$lib/knee.yaml" <<'YAML'
exercises:
  - id: wall-sit
    name: Wall sit
    kind: hold
    focus: strength
    sides: both
    cues:
      - Back flat on the wall
routines:
  - id: tender
    name: Tender knee
    per_week: 3
    progression: {green: 1, red: 3}
    steps:
      - exercise: wall-sit
        sets: 1
        hold: 2
        rest: 1
YAML
esc=$(printf '\033')

# in_sgr N TEXT : the screen draws TEXT in colour N (SGR 3N) from where
# that colour starts, with no other escape in between but a background.
in_sgr() {
	tmux -L "$tui_sock" capture-pane -p -e |
	    grep -Eq "${esc}\\[3$1m(${esc}\\[4[0-9]m)*[^${esc}]*$2"
}
amber() { in_sgr 3 "$1"; }
green() { in_sgr 2 "$1"; }

home_start "2026-11-27 10:00:00"
tui_wait "Welcome to rehabit" >/dev/null
tui_keys Enter
ok "Enter: the tender-knee session" tui_wait "Back flat on the wall"
ok "after the hold: the pain form" tui_wait "Pain during the session" 15
tui_keys 2
ok "pain form: 2 is acceptable for green 1" tui_wait "2/10: acceptable"
ok "pain form: 2 drawn amber" amber "2/10: acceptable"
tui_keys Enter 2 Enter
ok "pain now 2: the exercise list" tui_wait "Which exercises hurt?"
tui_keys Enter n n n n n Enter
tui_wait "Anything worth remembering" >/dev/null
tui_keys Enter
ok "the review" tui_wait "Check and save"
ok "review: pain during 2 drawn amber" amber "2/10"
tui_keys Enter
ok "saved: the summary" tui_wait "Session done"
like "$(tui_screen)" 'during 2/10   after 2/10' "summary: the pain"
ok "summary: 2 is acceptable, in amber" amber "acceptable"
tui_keys Enter
ok "home again" tui_wait "during 2/10, after 2/10"
ok "home: the latest pain drawn amber" amber "during 2/10, after 2/10"
home_quit

# `progress --routine tender`: its bands; without it, the built-in ones.
blocks='[▁▂▃▄▅▆▇█]'
tui_at -x 100 -y 60 "2026-11-29 21:00:00" progress --routine tender
tui_wait "[exit 0]" >/dev/null
like "$(tui_screen)" \
    'Pain after sessions, weekly average \(green <= 1, amber 2-3, red > 3\)' \
    "progress --routine: the routine's bands in the legend"
like "$(tui_screen)" '^ 3┤' "progress --routine: the scale marks red 3"
ok "progress --routine: the week's 2 is an amber bar" amber "$blocks"
unlike "$(tmux -L "$tui_sock" capture-pane -p -e)" \
    "${esc}\\[32m(${esc}\\[4[0-9]m)*[^${esc}]*$blocks" \
    "progress --routine: no green bar"
tui_stop
tui_at -x 100 -y 60 "2026-11-29 21:00:00" progress
tui_wait "[exit 0]" >/dev/null
like "$(tui_screen)" \
    'Pain after sessions, weekly average \(green <= 2, amber 3-5, red > 5\)' \
    "progress for all routines: the built-in bands"
ok "progress for all routines: 2 is a green bar" green "$blocks"
tui_stop

done_testing
