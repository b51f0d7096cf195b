#!/bin/sh
# home-errors.sh - what goes wrong before the home screen or the pain form
# can open is a plain one-line error with its exit status, and the screen
# is never started (a broken library file is shown on home instead);
# SIGTERM on the summary restores the terminal.
. "$top_srcdir/tests/tui/home-common.sh"

run "$REHABIT" --library "$lib"
is "$rc" 2 "no terminal: exit 2"
is "$err" "rehabit: the home screen needs a terminal (see 'rehabit --help' for the commands)" \
    "no terminal: one-line error"

# A library file with problems does not stop home: it shows the problem
# and leaves out what depends on the file (here, everything).
tui_start "$REHABIT" --library "$top_srcdir/tests/fixtures/ui-home/bad"
ok "a broken library file: home opens" tui_wait "No routines in the library."
like "$(tui_screen)" '^ Library +bad\.yaml:4:15: .*per_week' \
    "a broken library file: FILE:LINE:COLUMN: message on home"
tui_keys q
tui_wait "[exit 0]" >/dev/null
tui_stop

# In a terminal: a bad settings file, a history that is not one. The
# shell that ran rehabit shows the message and the status.

printf 'sound: maybe\n' >"$XDG_CONFIG_HOME/rehabit/config.yaml"
tui_start "$REHABIT" --library "$lib"
ok "bad settings: exit 65" tui_wait "[exit 65]"
like "$(tui_screen)" 'config\.yaml:1:[0-9]+: ' \
    "bad settings: FILE:LINE:COLUMN: message"
tui_stop
tui_start "$REHABIT" --library "$lib" pain
ok "pain form, bad settings: exit 65" tui_wait "[exit 65]"
tui_stop
printf 'sound: false\n' >"$XDG_CONFIG_HOME/rehabit/config.yaml"

mkdir -p "$test_tmp/junk"
printf 'not a database, just text\n' >"$test_tmp/junk/history.db"
tui_start "$REHABIT" --library "$lib" --data-dir "$test_tmp/junk"
ok "not a history: exit 74" tui_wait "[exit 74]"
like "$(tui_screen)" '^rehabit: .*history\.db' "not a history: names the file"
tui_stop
tui_start "$REHABIT" --library "$lib" --data-dir "$test_tmp/junk" pain
ok "pain form, not a history: exit 74" tui_wait "[exit 74]"
tui_stop
is "$(cat "$test_tmp/junk/history.db")" "not a database, just text" \
    "the file is left as it was"

# SIGTERM on the summary.
"$seed" "$data" >/dev/null <<SEED
session mobility $(epoch "2026-11-27 18:00") 0 1
set quad-stretch both sets=1,hold=2,rest=1 1 2
pain morning 1
SEED
home_start "2026-11-27 19:00:00"
tui_wait "Due today" >/dev/null
tui_keys l
ok "the summary" tui_wait "Done per set"
kill -TERM "$(tui_pid)"
ok "SIGTERM on the summary: exit 143" tui_wait "[exit 143]"
unlike "$(tui_screen)" 'Done per set|Session done' \
    "SIGTERM on the summary: the shell's screen is back"

done_testing
