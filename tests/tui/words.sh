#!/bin/sh
# words.sh - what a person reads to decide is whole and cannot be misread:
# with the bundled library at 80 and 60 columns, the summary's reasons and
# advice, home's routine states and the progress screen's dose changes are
# wrapped, never cut; decisions read up, keep, down (not "hold" beside a
# hold's dose); sets done have their unit; `?` says what `?` then does.
. "$top_srcdir/tests/tui/home-common.sh"

lib="$top_srcdir/exercises"

# session DAY [WALL-SIT-HOLD [GLUTE-BRIDGE-PAIN]] : knee-strength-1 done in
# full on DAY at 18:00 UTC, pain 1/10 and the next morning 1/10.
session() {
	_h=${2:-10}
	printf 'session knee-strength-1 %s 0 1 30\n' "$(epoch "$1 18:00")"
	printf 'set quad-set both sets=1,reps=10,hold=5,rest=30 1 50\n'
	for _i in 1 2 3; do
		printf 'set straight-leg-raise both sets=3,reps=10,rest=45 %s 10\n' $_i
		printf 'set sit-to-stand both sets=3,reps=10,rest=60 %s 10\n' $_i
		printf 'set clamshell both sets=3,reps=12,rest=45 %s 12\n' $_i
		printf 'set glute-bridge both sets=3,reps=10,rest=45 %s 10\n' $_i
	done
	for _i in 1 2 3 4 5; do
		printf 'set wall-sit both sets=5,hold=%s,rest=30,level=1 %s %s\n' \
		    "$_h" $_i "$_h"
	done
	printf 'pain during 1\npain after 1\npain morning 1\n'
	[ -n "${3:-}" ] && printf 'expain glute-bridge both %s\n' "$3"
	return 0
}

# Three green sessions at the routine's dose; on Wednesday the wall sit
# one step up (10 -> 12 s, one green session at it so far) and the glute
# bridge hurt (6/10).
{
	session 2026-11-18
	session 2026-11-20
	session 2026-11-23
	session 2026-11-25 12 6
} | "$seed" "$data" >/dev/null

# sized W H : home at W x H on Thursday 26 November (the tests' terminal
# is 80x24 at the start, whatever the pane: resized, it is drawn again).
sized() {
	home_start "2026-11-26 10:00:00"
	tui_wait "Due today" >/dev/null
	if [ "$1x$2" != 80x24 ]; then
		tui_resize "$1" "$2"
		tui_wait -L "Enter start" >/dev/null
	fi
}

# flat TEXT : the screen's lines joined, blanks squeezed: a sentence
# wrapped over lines reads whole.
flat() {
	printf '%s\n' "$1" | sed 's/^ *//; s/ *$//' | tr '\n' ' ' | tr -s ' '
}

keep_why='Only one green session at this dose so far \(2 needed\): keep the same dose\.'
down_why='Pain reached 6/10 \(above 5\): one step down, about 20-30% less\.'
up_why='Pain stayed at 2/10 or less and all sets were completed\.'
cross='Keep fit by walking, cycling or swimming \(pain above 5/10 \(Glute bridge\)\)\.'

# summary_end : l on home, then scrolled to the end of the summary (its
# last line, the advice, in view: nothing under it to scroll to).
summary_end() {
	tui_keys l
	tui_wait "Done per set" >/dev/null || tui_wait "Exercise, prescribed" \
	    >/dev/null
	_i=0
	while [ $_i -lt 50 ]; do
		tui_keys Down
		_i=$((_i + 1))
	done
	tui_wait -E 'Glute bridge\)\)\.$'
}

# --- the summary -------------------------------------------------------------
for size in 80x24 60x40; do
	sized "${size%x*}" "${size#*x}"
	tui_keys l
	tui_wait -E "Done per set|Exercise, prescribed" >/dev/null
	scr=$(tui_screen)
	like "$scr" 'Wall sit .* 12 12 12 12 12 s$' \
	    "$size summary: seconds held per set, in s"
	like "$scr" 'Straight-leg raise .* 10 10 10 reps$' \
	    "$size summary: reps per set, in reps"
	like "$scr" 'Glute bridge .*10 10 10 reps  pain 6/10$' \
	    "$size summary: the exercise's pain whole beside its sets"
	tui_keys Enter
	tui_wait "Due today" >/dev/null
	ok "$size summary: scrolled to its end" summary_end
	scr=$tui_seen
	all=$(flat "$scr")
	like "$all" "Wall sit .*keep (5 x 12 s hold \\(40 degree knee bend\\) )?$keep_why" \
	    "$size summary: the wall sit's keep and its reason, whole"
	like "$all" "Glute bridge .*down (3 x 8 \\(Two legs\\) )?$down_why" \
	    "$size summary: the glute bridge's down and its reason, whole"
	like "$all" "Clamshell .*up (3 x 13 each side \\(No band\\) )?$up_why" \
	    "$size summary: a step up and its reason, whole"
	like "$all" "$cross" "$size summary: the advice whole"
	unlike "$scr" '(hold|progress|regress): ' \
	    "$size summary: no decision a hold's dose could be read into"
	unlike "$scr" ".{$((${size%x*} + 1))}" "$size summary: within the pane"
	tui_keys '?'
	ok "$size ?: the summary's keys" tui_wait "Keys"
	like "$tui_seen" 'Enter +back' "$size ?: Enter goes back"
	like "$tui_seen" '│ \? +close this help' \
	    "$size ?: the ? key closes the help, and says so"
	unlike "$tui_seen" '\? +help +│' "$size ?: not 'help' while it is shown"
	tui_keys x
	tui_gone "close this help" >/dev/null
	home_quit
done

# --- home: the routine's state whole --------------------------------------------
for w in 80 60; do
	sized $w 24
	ok "${w} home: drawn" tui_wait "Due today"
	like "$(flat "$tui_seen")" 'yesterday 2 of 3 rest day \(strength yesterday\)|yesterday rest day \(strength yesterday\)' \
	    "${w} home: rest day (strength yesterday), whole"
	unlike "$tui_seen" 'rest day \(strength…' "${w} home: the state not cut"
	tui_keys r
	ok "${w} home: the routine list" tui_wait "Choose a routine"
	like "$(flat "$tui_seen")" 'rest day \(strength yesterday\)' \
	    "${w} the routine list: the state whole"
	home_quit
done

# --- the progress screen: each dose change's reason whole -------------------------
for w in 80 60; do
	sized $w 24
	tui_keys p
	tui_wait "Progress:" >/dev/null
	tui_keys 2
	tui_wait "Volume a week" >/dev/null
	_i=0
	while [ $_i -lt 6 ] && ! tui_screen | grep -q '> Wall sit'; do
		tui_keys Down
		tui_wait -E '^ > ' >/dev/null
		_i=$((_i + 1))
	done
	ok "${w} progress: the wall sit picked" tui_wait "> Wall sit"
	all=$(flat "$tui_seen")
	like "$all" "25 Nov → 5 x 12 s hold \\(40 degree knee bend\\) \\(up, pain-green\\) $up_why" \
	    "${w} progress: the change, its decision, rule and reason whole"
	unlike "$tui_seen" ".{$((w + 1))}" "${w} progress: within the pane"
	home_quit
done

done_testing
