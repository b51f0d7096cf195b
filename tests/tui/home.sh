#!/bin/sh
# home.sh - the home screen: the first-run view, what is due, the week,
# the latest pain, picking a routine, resizing, SIGTERM.
. "$top_srcdir/tests/tui/home-common.sh"

# The sessions started here are ended with q before anything is done: a
# get-ready of a minute makes sure of that however slow the machine.
printf 'ready: 60\nswitch: 1\nsound: false\n' \
    >"$XDG_CONFIG_HOME/rehabit/config.yaml"

# --- empty history: a friendly first run --------------------------------
home_start "2026-11-27 10:00:00"
ok "first run: a welcome" tui_wait "Welcome to rehabit"
scr=$(tui_screen)
like "$scr" 'First session +Knee strength' "first run: the routine to start"
like "$scr" 'Enter starts it; r chooses another routine' \
    "first run: what Enter and r do"
like "$scr" 'not a diagnosis' "first run: a coach, not a diagnosis"
like "$scr" 'Enter start +r routines' "first run: the key bar"

tui_keys r
ok "r: the routine list" tui_wait "Choose a routine"
scr=$(tui_screen)
like "$scr" '> +Knee strength +never +0 of 3 +due today' \
    "r: the cursor on the due routine"
like "$scr" ' +Mobility +never +0 of 5' "r: every routine listed"
tui_keys Down
tui_wait "> Mobility" 5 >/dev/null
ok "Down moves the cursor" tui_wait "> Mobility"
tui_keys Escape
ok "Esc: back to the welcome" tui_wait "Welcome to rehabit"

# Enter starts the due routine; r then Enter another; both come back home.
tui_keys Enter
ok "Enter: the due routine's session" tui_wait "Back flat on the wall"
tui_keys q
tui_wait "End the session?" >/dev/null
tui_keys y
ok "the session ended: back home" tui_wait "Welcome to rehabit"
tui_keys r Down Enter
ok "r, Down, Enter: the other routine's session" tui_wait "Hips forward"
tui_keys q
tui_wait "End the session?" >/dev/null
tui_keys y
ok "back home again" tui_wait "Welcome to rehabit"

tui_keys '?'
ok "?: the keys of home" tui_wait "close this help"
scr=$(tui_screen)
like "$scr" 'r +routines' "?: lists r"
tui_keys x
tui_gone "close this help" >/dev/null
tui_keys q
ok "q quits with status 0" tui_wait "[exit 0]"
unlike "$(tui_screen)" 'Welcome to rehabit' "q: the shell's screen is back"
tui_stop
is "$(sql 'SELECT count(*) FROM session')" 0 "home records nothing by itself"

# --- some history --------------------------------------------------------
# Knee strength on Monday and Thursday (morning pain given on Tuesday),
# this week; the Thursday session has no morning report yet.
"$seed" "$data" >/dev/null <<SEED
session knee-strength $(epoch "2026-11-23 18:00") 0 1
set wall-sit both sets=2,hold=2,rest=1 1 2
set wall-sit both sets=2,hold=2,rest=1 2 2
pain during 2
pain after 1
pain morning 1
session knee-strength $(epoch "2026-11-26 18:00") 0 1
set wall-sit both sets=2,hold=2,rest=1 1 2
set wall-sit both sets=2,hold=2,rest=1 2 2
pain during 3
pain after 2
SEED

# Friday: the morning question comes first.
home_start "2026-11-27 08:00:00"
ok "a later day: the morning question" tui_wait "Morning check"
like "$(tui_screen)" 'After Knee strength, Thu 26 Nov' \
    "the morning question names the session"
tui_keys Enter
ok "Enter skips it" tui_wait "Due today"
scr=$(tui_screen)
like "$scr" 'Due today +nothing: a rest day' \
    "Friday: strength rests; mobility, not begun, is not due"
like "$scr" "nothing: a rest day after yesterday's strength session; next" \
    "Friday: the reason, then the next session"
like "$scr" ' {12}session tomorrow, Saturday 28 November\.' \
    "the day due and plan name: tomorrow, Saturday"
like "$scr" 'This week .*2 of 3 sessions' "this week: the active routine's 3"
like "$scr" 'Pain +during 3/10, after 2/10' "the latest pain figures"
like "$scr" 'Knee strength +yesterday +2 of 3 +rest day' \
    "knee strength: last done yesterday, resting"
like "$scr" 'Mobility +never +0 of 5 +not started' "mobility: not started"
like "$scr" 'r chooses a routine all the same' "the hint where it fits"
# At 40x12 the reason wraps, whole; the hint, too long for its line, is
# left to the key bar.
tui_resize 40 12
ok "40x12: redrawn" tui_wait -E '^ rehabit *$'
like "$tui_seen" '^ Due today +nothing: a rest day after *$' \
    "40x12: the reason wraps"
like "$tui_seen" "^ {12}yesterday's strength *\$" "40x12: its second line"
like "$tui_seen" '^ {12}session\. *$' "40x12: its end, not cut"
unlike "$tui_seen" 'all the' "40x12: no cut hint"
like "$tui_seen" 'r routines' "40x12: the key bar says it"
tui_resize 80 24
home_quit
is "$(sql 'SELECT count(*) FROM pain WHERE kind = 2')" 1 \
    "skipping records no morning pain"

# Asked again next time; a digit records it for Thursday's session.
home_start "2026-11-27 08:30:00"
ok "skipped: asked again on the next start" tui_wait "Morning check"
tui_keys 4
ok "a digit records it" tui_wait "Morning pain 4/10 recorded."
like "$(tui_screen)" 'during 3/10, after 2/10, next morning 4/10' \
    "home shows the morning pain"
home_quit
thu=$(sql "SELECT id FROM session WHERE start = $(epoch '2026-11-26 18:00')")
is "$(sql "SELECT score FROM pain WHERE kind = 2 AND session = $thu")" 4 \
    "morning pain 4 stored for Thursday's session"
home_start "2026-11-27 09:00:00"
ok "answered: no question" tui_wait "Due today"
unlike "$(tui_screen)" 'Morning check' "answered: not asked again"
home_quit

# morning_after SESSION HOME [stopped] : a mobility session at SESSION,
# then home at HOME asking about it (with the clock stopped at HOME).
morning_after() {
	"$seed" "$data" >/dev/null <<SEED
session mobility $(epoch "$1") 0 1
set quad-stretch both sets=1,hold=2,rest=1 1 2
SEED
	if [ "${3:-}" = stopped ]; then
		tui_start env LD_PRELOAD="$faketime_lib" "FAKETIME='$2'" \
		    "$REHABIT" --library "$lib"
	else
		home_start "$2"
	fi
	tui_wait "Morning check" >/dev/null
}

# 1 then 0 is 10, and a red score stands out in the message. A lone 1
# waits 1.5 s for a 0: with the clock stopped (libfaketime fakes the
# monotonic clock too), it waits as long as the test needs.
morning_after "2026-11-27 18:00" "2026-11-28 08:00:00" stopped
tui_keys 1
ok "a lone 1 waits for a 0" tui_wait "type 0 for 10"
tui_keys 0
ok "1 then 0 records 10" tui_wait "Morning pain 10/10 recorded."
home_quit
mob=$(sql "SELECT id FROM session WHERE routine = 'mobility' AND
    start = $(epoch '2026-11-27 18:00')")
is "$(sql "SELECT score FROM pain WHERE kind = 2 AND session = $mob")" 10 \
    "morning pain 10 stored"

# A lone 1 is recorded as 1 after a moment.
morning_after "2026-11-28 07:00" "2026-11-29 08:00:00"
tui_keys 1
ok "a lone 1 is recorded after a moment" \
    tui_wait "Morning pain 1/10 recorded." 5
home_quit
is "$(sql "SELECT p.score FROM pain p JOIN session s ON p.session = s.id
    WHERE p.kind = 2 AND s.start = $(epoch '2026-11-28 07:00')")" 1 \
    "morning pain 1 stored"

# A red flag: advice to see a physiotherapist stands out on home.
"$seed" "$data" >/dev/null <<SEED
session knee-strength $(epoch "2026-11-28 18:00") 0 1
set wall-sit both sets=2,hold=2,rest=1 1 2
pain after 2 swelling
SEED
home_start "2026-11-28 19:00:00"
ok "a red flag: see a physiotherapist" \
    tui_wait "See a physiotherapist before going on."
like "$(tui_screen)" 'Why: you reported swelling' "the advice says why"
like "$(tui_screen)" 'Keep fit meanwhile by walking, cycling or swimming' \
    "cross-training advised"

tui_keys p
ok "p: the progress review" tui_wait "Progress:"
tui_keys q
ok "q there: back to home, read again" tui_wait "See a physiotherapist"

# --- the last session's summary -------------------------------------------
tui_stop
"$seed" "$data" >/dev/null <<SEED
session knee-strength $(epoch "2026-11-29 18:00") 0 0 24
set wall-sit both sets=2,hold=2,rest=1 1 2
set wall-sit both sets=2,hold=2,rest=1 2 1
set step-down left sets=1,reps=2,rest=1 1 2
set step-down right sets=1,reps=2,rest=1 1 2
pain during 3
pain after 2
expain step-down left 4
note stairs
SEED
home_start "2026-11-29 19:00:00"
tui_wait "Due today" >/dev/null
tui_keys l
ok "l: the last session's summary" tui_wait "Done per set"
scr=$(tui_screen)
like "$scr" 'Session stopped early \(the sets done are kept\)' \
    "summary: stopped early"
like "$scr" 'Knee strength, Sun 29 Nov 18:00, 24 min' \
    "summary: routine, start, minutes"
like "$scr" 'Wall sit +2 x 2 s hold +2 1 s$' \
    "summary: prescribed against done per set"
like "$scr" 'Step-down \(left\) +1 x 2 each side +2 reps  pain 4/10' \
    "summary: a side and its pain"
like "$scr" 'Pain  during 3/10   after 2/10   next morning -   acceptable' \
    "summary: the pain recorded"
like "$scr" 'Note: stairs' "summary: the note"
like "$scr" '^  Next time' "summary: what changes next time"
like "$scr" 'Wall sit +2 x 2 s hold +keep' \
    "summary: one line per exercise with the decision"
tui_keys Enter
ok "Enter: back to home" tui_wait "Due today"

# --- resize and SIGTERM --------------------------------------------------
# A shrunk pane keeps the old screen's bottom lines: the header on the
# first line, without the date, is the new drawing.
tui_resize 40 12
ok "40x12: redrawn" tui_wait -E '^ rehabit *$'
like "$tui_seen" 'See a physiotherapist' "40x12: the advice still shown"
tui_resize 20 6
ok "20x6: too small" tui_wait "Terminal too small"
tui_resize 80 24
ok "80x24 again: home is back" tui_wait "See a physiotherapist"
kill -TERM "$(tui_pid)"
ok "SIGTERM: exit 143" tui_wait "[exit 143]"
unlike "$(tui_screen)" 'physiotherapist|Due today' \
    "SIGTERM: the shell's screen is back"

done_testing
