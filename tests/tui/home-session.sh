#!/bin/sh
# home-session.sh - a whole day end to end: home, a session started from
# it, the pain form on top of the summary, the summary, back home with
# fresh figures; and a pain form left without saving.
. "$top_srcdir/tests/tui/home-common.sh"

home_start "2026-11-27 10:00:00"
tui_wait "Welcome to rehabit" >/dev/null
tui_keys r Down Enter
ok "r, Down, Enter: mobility starts" tui_wait "Hips forward"
ok "after the last hold: the pain form" tui_wait "Pain during the session" 15
like "$(tui_screen)" 'Mobility, Fri 27 Nov 10:00' "the form names the session"
tui_keys 2 Enter 1 Enter
ok "the session's exercise listed" tui_wait "> Quad stretch"
tui_keys Enter y n n n n Enter
tui_wait "Anything worth remembering" >/dev/null
tui_keys -l "fine"
tui_keys Enter
ok "the review" tui_wait "Check and save"
tui_keys Enter
ok "saved: the summary under it" tui_wait "Session done"
scr=$(tui_screen)
like "$scr" 'Mobility, Fri 27 Nov 10:00' "summary: the session"
like "$scr" 'Quad stretch +1 x 2 s hold +2 s$' "summary: done against prescribed"
like "$scr" 'during 2/10   after 1/10' "summary: the pain just recorded"
like "$scr" 'Warning signs: swelling\. See a physiotherapist\.' \
    "summary: the red flag and what to do"
like "$scr" 'Note: fine' "summary: the note"
like "$scr" 'Next time' "summary: the next prescription"
tui_keys Enter
ok "Enter: home, read again" tui_wait "See a physiotherapist before going on."
scr=$(tui_screen)
like "$scr" 'This week .*1 of 5 sessions' "home: one of mobility's 5"
like "$scr" 'Mobility +today +1 of 5 +done today' "home: mobility done today"
like "$scr" 'Pain +during 2/10, after 1/10' "home: the latest pain"

# A second session, its pain form left: the sets stay, no pain is saved.
# The red flag stands: starting asks first (tests/tui/home-redflag.sh).
tui_keys r Enter
ok "knee strength: asked first" tui_wait "Start Knee strength anyway?"
tui_keys y
ok "knee strength starts" tui_wait "Back flat on the wall"
# reps_side SIDE : when the side's reps are being counted, count both.
reps_side() {
	_i=0
	while [ $_i -lt 400 ]; do
		_s=$(tui_screen)
		case $_s in
		*"$1"*"0 of 2 reps"*) break ;;
		esac
		sleep 0.05
		_i=$((_i + 1))
	done
	tui_keys Enter
	tui_wait "1 of 2 reps" >/dev/null
	tui_keys Enter
}
reps_side "· LEFT"
reps_side "· RIGHT"
ok "its pain form" tui_wait "Pain during the session" 10
tui_keys Escape
ok "Esc on the first page: the summary, nothing recorded" \
    tui_wait "(not recorded)"
like "$(tui_screen)" 'Wall sit +2 x 2 s hold +2 2 s$' "the sets are kept"
tui_keys q
ok "q: home" tui_wait "Due today"
tui_keys q
tui_wait "[exit 0]" >/dev/null
tui_stop
ks=$(sql "SELECT id FROM session WHERE routine = 'knee-strength'")
is "$(sql "SELECT count(*) FROM pain WHERE session = $ks")" 0 \
    "the left form saved no pain"
is "$(sql "SELECT count(*) FROM sets s JOIN exercise e ON s.exercise = e.id
    WHERE e.session = $ks")" 4 "the session's sets are all kept"

done_testing
