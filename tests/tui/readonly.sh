#!/bin/sh
# readonly.sh (screens) - a history in a folder that cannot be written:
# the home screen shows it and says so, refuses to start a session that
# could not be saved, and says the morning answer was not saved; `start`
# and the pain form refuse in one line with exit 74 before the screen.
# Nothing is written.
#
# Root ignores file modes: as root rehabit runs without that power
# (need_no_override in lib.sh).
. "$top_srcdir/tests/tui/home-common.sh"

command -v sqlite3 >/dev/null 2>&1 || skip_all "the sqlite3 program is not installed"
need_no_override
trap 'chmod -R u+w "$test_tmp" 2>/dev/null; tui_stop; rm -rf "$test_tmp"' EXIT

# ro_start [-x W] TIME ARGS... : as tui_at, without root's power.
ro_start() {
	_w=80
	if [ "$1" = -x ]; then
		_w=$2
		shift 2
	fi
	_t=$1; shift
	# shellcheck disable=SC2086
	tui_start -x "$_w" $as_person env LD_PRELOAD="$faketime_lib" \
	    "FAKETIME='@$_t'" FAKETIME_DONT_FAKE_MONOTONIC=1 \
	    "$REHABIT" --library "$lib" "$@"
}

# Thursday's session, with no morning report yet.
"$seed" "$data" >/dev/null <<SEED
session knee-strength $(epoch "2026-11-26 18:00") 0 1
set wall-sit both sets=2,hold=2,rest=1 1 2
set wall-sit both sets=2,hold=2,rest=1 2 2
pain during 3
pain after 2
SEED
cp "$db" "$test_tmp/orig.db"
chmod 0500 "$data"

# --- home ----------------------------------------------------------------------

ro_start "2026-11-27 08:00:00"
ok "home opens a read-only history" tui_wait "Morning check"
ok "and says so" \
    tui_wait "Read-only: nothing new is saved (no permission to write in the data folder)."
tui_keys 4
ok "a morning answer: not saved, in one line" \
    tui_wait "Not saved: read-only: no permission to write in the data folder"
tui_keys Enter
ok "skipped: the history is shown" tui_wait "Due today"
like "$(tui_screen)" "during 3/10, after 2/10" "Thursday's pain is shown"
tui_keys r
tui_wait "Choose a routine" 5 >/dev/null
tui_keys Enter
ok "a routine picked: no session that could not be saved" \
    tui_wait "Not started: the history is read-only, so no set could be saved."
tui_keys q
ok "q: the terminal comes back" tui_wait "[exit 0]"
tui_stop

# --- start and the pain form -----------------------------------------------------

ro_start -x 200 "2026-11-27 08:00:00" start knee-strength
ok "start: one line" \
    tui_wait "rehabit: $db: read-only: no permission to write in the data folder"
ok "start: exit 74" tui_wait "[exit 74]"
tui_stop

ro_start -x 200 "2026-11-27 08:00:00" pain
ok "the pain form: one line" \
    tui_wait "rehabit: $db: read-only: no permission to write in the data folder"
ok "the pain form: exit 74" tui_wait "[exit 74]"
tui_stop

ok "nothing was written" cmp "$test_tmp/orig.db" "$db"
is "$(ls "$data")" "history.db" "nothing was added to the folder"

done_testing
