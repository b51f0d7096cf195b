#!/bin/sh
# progress.sh - the progress screen: from home with p, its three views,
# picking an exercise, the window, ?, resizing, and back.
. "$top_srcdir/tests/lib.sh"

lib="$top_srcdir/tests/fixtures/report/library"
gen="$top_builddir/tests/report-gen"
data="$XDG_DATA_HOME/rehabit"
mkdir -p "$XDG_CONFIG_HOME/rehabit"
printf 'sound: false\n' >"$XDG_CONFIG_HOME/rehabit/config.yaml"

need_faketime

# at : rehabit in tmux on Sunday 29 November 2026, 21:00 UTC.
at() {
	tui_at "2026-11-29 21:00:00"
}

# --- no history -----------------------------------------------------------
at
tui_wait "Welcome to rehabit" >/dev/null
tui_keys p
ok "no history: p opens progress" tui_wait "No sessions recorded yet."
tui_keys q
ok "no history: q goes back home" tui_wait "Welcome to rehabit"
tui_keys q
tui_wait "[exit 0]" >/dev/null
tui_stop

# --- a year of history ------------------------------------------------------
"$gen" "$data" 156 1795986000 || echo "# report-gen failed"
at
tui_wait "p progress" >/dev/null
tui_keys p
ok "p: the progress screen" tui_wait "Progress: last 12 weeks"
scr=$(tui_screen)
like "$scr" 'sessions: [0-9]+ done of [0-9]+ planned' "the sessions line"
like "$scr" 'pain after sessions: [0-9.]+ → 1 over 12 weeks' "the pain trend"
like "$scr" '\[1 Pain\]' "the pain view first"
like "$scr" '^ *5┤' "the pain chart's scale"
like "$scr" '1/2/3 pain, volume, calendar' "the key bar"

tui_keys 2
ok "2: the volume view" tui_wait "Volume a week"
scr=$(tui_screen)
like "$scr" 'Wall sit +[▁▂▃▄▅▆▇█ ]+ +[0-9]+:[0-9]+' "volume: a sparkline per exercise"
like "$scr" 'Walk-run' "volume: every exercise"
tui_keys Down
ok "Down: picks the first exercise" tui_wait "> Wall sit"
scr=$(tui_screen)
like "$scr" 'Wall sit: 3 x [0-9]+ s hold → 3 x [0-9]+ s hold' \
    "the exercise's dose, start to now"
like "$scr" 'pain-green' "its dose changes with their rule"
tui_keys Down
ok "Down again: the next exercise" tui_wait "> Step-down"

tui_keys 3
ok "3: the calendar view" tui_wait "Sessions (■ done"
like "$(tui_screen)" '^ *Mo ■' "calendar: weekday rows"
tui_keys Left
ok "Left: back to volume" tui_wait "Volume a week"
tui_keys Right Right
ok "Right wraps round to pain" tui_wait "[1 Pain]"
like "$(tui_screen)" 'Pain in Step-down' "pain of the picked exercise"
like "$(tui_screen)" 'No pain was given for this exercise' \
    "an exercise without its own pain says so"

tui_keys w
ok "w: 26 weeks" tui_wait "Progress: last 26 weeks"
tui_keys w w
ok "w w: the whole history" tui_wait "Progress: all, since"
tui_keys w
ok "w: round to 4 weeks" tui_wait "Progress: last 4 weeks"
tui_keys -
ok "-: back to all" tui_wait "Progress: all, since"

tui_keys '?'
ok "?: the keys" tui_wait "close this help"
like "$(tui_screen)" 'w +window' "?: lists w"
tui_keys x
tui_gone "close this help"
ok "any key closes the help" test $? -eq 0

# A pane made smaller keeps the old screen's last lines (the title on
# the first line goes), a bigger one the old screen over blank lines: the
# title and the key bar where they belong are the new drawing.
tui_resize 60 20
ok "resize: redrawn narrower" tui_wait "Progress: all, since"
ok "resize: the key bar on the last line" tui_wait -E -L '^1/2/3'
scr=$tui_seen
ok "resize: nothing past column 60" \
    test "$(printf '%s\n' "$scr" | wc -L)" -le 60
tui_resize 100 30
ok "resize: redrawn wider" tui_wait -E -L '^1/2/3'
like "$tui_seen" 'Progress: all, since' "resize: the title"

tui_keys q
ok "q: back home" tui_wait "p progress"
tui_keys q
ok "q on home: exit 0" tui_wait "[exit 0]"
tui_stop

# --- a new user, three weeks in, at 80x24 ------------------------------------
"$REHABIT" --library "$lib" --data-dir "$test_tmp/new" import \
    "$top_srcdir/tests/fixtures/report/new-user.yaml" >/dev/null ||
    echo "# import failed"
tui_at "2026-11-29 21:00:00" --data-dir "$test_tmp/new"
# The last session (Friday) has no morning score yet: skip the question.
tui_wait "Morning check" >/dev/null && tui_keys Enter
tui_wait "p progress" >/dev/null
tui_keys p
ok "new user: the window starts at the first session" \
    tui_wait "Progress: 3 weeks since the first session, 9 Nov 2026 to 29 Nov 2026"
scr=$tui_seen
like "$scr" '^ Pain per session, the highest score \(! above 5: 1\)' \
    "new user: each session's pain under the weeks'"
like "$scr" '^   │        !$' "new user: the bad day marked ! over its bar"
like "$scr" '^  5┤┈{12}$' "new user: the weekly guides end at the last week"
is "$(printf '%s\n' "$scr" | tail -n 1 | cut -c 1-28)" \
    "1/2/3 pain, volume, calendar" "new user: the key bar on the last line"
ok "new user: 24 lines, none past 80 columns" \
    test "$(printf '%s\n' "$scr" | wc -L)" -le 80 -a \
    "$(printf '%s\n' "$scr" | wc -l)" -le 24
tui_keys 3
ok "new user: weeks on plan of 3, not 12" tui_wait "3 of 3 weeks on plan"
like "$tui_seen" '^ Mo ■ ■ !$' "new user: ! on a red-flag day with a session"
tui_keys 2
ok "new user: volume" tui_wait "Volume a week"
like "$tui_seen" 'Wall sit +[▁▂▃▄▅▆▇█]+ +4:30$' \
    "new user: volume a week over 3 weeks, not 12"
tui_stop

# --- rehabit progress on a terminal: colours, unless --no-color -------------
esc=$(printf '\033')
tui_start -x 100 -y 100 "$REHABIT" --library "$lib" progress
tui_wait "[exit 0]" >/dev/null
scr=$(tmux -L "$tui_sock" capture-pane -p -e)
like "$scr" "${esc}\\[32m" "progress on a terminal: green in colour"
like "$(tui_screen)" '^sessions: [0-9]+ done' "progress on a terminal: the text"
tui_stop
tui_start -x 100 -y 100 "$REHABIT" --no-color --library "$lib" progress
tui_wait "[exit 0]" >/dev/null
scr=$(tmux -L "$tui_sock" capture-pane -p -e)
unlike "$scr" "${esc}\\[3[1-6]m" "--no-color: no colours"

done_testing
