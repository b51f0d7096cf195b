#!/bin/sh
# home-redflag.sh - while a red flag stands nothing is "due": home says to
# see a physiotherapist, starting a routine asks first (home and `rehabit
# start`) and says which gentle work is still fine, and c records that a
# physiotherapist has seen the knee, which lifts the advice.
. "$top_srcdir/tests/tui/home-common.sh"

# Sessions started here are ended with q before a set is done.
printf 'ready: 60\nswitch: 1\nsound: false\n' \
    >"$XDG_CONFIG_HOME/rehabit/config.yaml"

run faketime "2026-11-25 10:00:00" "$REHABIT" --library "$lib" pain \
    --after 3 --flag swelling
is "$rc" 0 "swelling reported on Wednesday"

# --- home: no "due" beside "see a physiotherapist" -------------------------
home_start "2026-11-27 10:00:00"
ok "two days later: see a physiotherapist" \
    tui_wait "See a physiotherapist before going on."
scr=$tui_seen
like "$scr" 'Due today +nothing: see a physiotherapist first\.' \
    "nothing is due while the red flag stands"
unlike "$scr" 'Enter starts it' "Enter is not said to start a session"
like "$scr" 'Knee strength +never +0 of 3 +held: red flag' \
    "the routine that would be due is held"
like "$scr" 'c saw a physio' "the key bar: c, the way out"

# Enter asks first, and says what is still fine.
tui_keys Enter
ok "Enter: a question, not the session" tui_wait "Start Knee strength anyway?"
scr=$tui_seen
like "$scr" 'You reported swelling \(last on 2026-11-25\)' \
    "the question names the red flag"
like "$scr" 'Knee strength loads the knee\. Still fine meanwhile: gentle' \
    "a strength routine: not the gentle work"
like "$scr" '^ \(Mobility\), and walking, cycling or swimming' \
    "names the gentle routine, and walking, cycling, swimming"
like "$scr" 'y start anyway +n not now' "y and n on the key bar"
unlike "$scr" 'Back flat on the wall' "the session has not started"
tui_keys n
ok "n: back home" tui_wait "See a physiotherapist before going on."

# A mobility routine picked: gentle work, still fine; y starts it.
tui_keys r Down Enter
ok "a mobility routine: still fine" \
    tui_wait "Mobility is gentle mobility work: still fine meanwhile"
tui_keys y
ok "y: the session starts" tui_wait "Hips forward"
tui_keys q
tui_wait "End the session?" >/dev/null
tui_keys y
ok "the session ended: back home" \
    tui_wait "See a physiotherapist before going on."

# c: a physiotherapist has seen the knee.
tui_keys c
ok "c: asks whether one has seen the knee" \
    tui_wait "Has a physiotherapist or doctor seen the knee"
like "$tui_seen" 'y yes, record it +n no' "y and n on the key bar"
tui_keys n
ok "n: nothing recorded, back home" \
    tui_wait "See a physiotherapist before going on."
is "$(sql 'SELECT count(*) FROM clearance')" 0 "n records nothing"
tui_keys c
tui_wait "Has a physiotherapist or doctor seen the knee" >/dev/null
tui_keys y
ok "y: recorded" tui_wait "Recorded: a physiotherapist saw the knee."
scr=$tui_seen
unlike "$scr" 'See a physiotherapist' "the advice is lifted"
like "$scr" 'Due today +Knee strength' "a routine is due again"
like "$scr" 'Enter starts it' "Enter starts it again"
unlike "$scr" 'c saw a physio' "c leaves the key bar"
home_quit
is "$(sql 'SELECT count(*) FROM clearance')" 1 "the clearance is kept"

# --- rehabit start ROUTINE while a red flag stands -----------------------
run faketime "2026-11-28 09:00:00" "$REHABIT" --library "$lib" pain \
    --after 2 --flag giving-way
tui_at "2026-11-28 10:00:00" start knee-strength
ok "start: asks first" tui_wait "Start Knee strength anyway?"
like "$tui_seen" 'You reported giving-way \(last on 2026-11-28\)' \
    "start: names the red flag reported since the clearance"
like "$tui_seen" 'y start anyway +n not now' "start: y and n on the key bar"
tui_keys n
ok "start, n: ends without a session" tui_wait "[exit 0]"
tui_stop
is "$(sql "SELECT count(*) FROM session WHERE routine = 'knee-strength'")" \
    0 "n: no session recorded"
tui_at "2026-11-28 10:00:00" start knee-strength
tui_wait "Start Knee strength anyway?" >/dev/null
tui_keys y
ok "start, y: the session" tui_wait "Back flat on the wall"
tui_keys q
tui_wait "End the session?" >/dev/null
tui_keys y
ok "the session quit: the program ends" tui_wait "[exit 0]"
tui_stop

done_testing
