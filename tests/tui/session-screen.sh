#!/bin/sh
# session-screen.sh - the session screen adapts to the terminal: big
# digits at 80x24, a smaller layout at 40x12 and 30x8, "too small" at 18x5
# and back again; box-drawing lines in a UTF-8 locale whatever the terminal
# type; ASCII glyphs without UTF-8.
. "$top_srcdir/tests/tui/session-common.sh"

# digit_rows SCREEN : the rows of big digits (the bar's row has ░ too).
digit_rows() {
	printf '%s\n' "$1" | grep '█' | grep -vc '░'
}

# order SCREEN : "ok" when the name, the set, the cue, the digits, the
# countdown under them and the key bar come in that order, each on rows
# of its own.
order() {
	printf '%s\n' "$1" | awk '
	    /Wall sit$/ && !n { n = NR }
	    /HOLD/ { st = NR }
	    /Back flat/ { c = NR }
	    /█/ && !/░/ { if (!d1) d1 = NR; d2 = NR }
	    /[0-9]:[0-9][0-9] of 0:30/ { sub_ = NR }
	    /\? help/ { k = NR }
	    END { print (n < c && c < st && st < d1 && d2 < sub_ &&
		sub_ < k) ? "ok" : \
		n " " c " " st " " d1 "-" d2 " " sub_ " " k }'
}

# The digits grow with the window, up to two fifths of its lines. (The
# program starts at the LINES and COLUMNS of tests/env.sh: resize it.)
session_start long
ok "the hold starts" tui_wait "HOLD" 5
tui_resize 120 40
ok "120x40: redrawn" tui_wait -L '? help'
ok "120x40: the digits grow" tui_wait -E '█{9} ' 5
is "$(digit_rows "$tui_seen")" 15 "120x40: the digits are 15 rows high"
is "$(order "$tui_seen")" ok "120x40: name, cue, set, digits, countdown, keys"
tui_resize 100 30
ok "100x30: redrawn" tui_wait -L '? help'
ok "100x30: smaller digits" tui_wait -E '^ *█{6} ' 5
is "$(digit_rows "$tui_seen")" 10 "100x30: the digits are 10 rows high"
is "$(order "$tui_seen")" ok "100x30: nothing covered"
tui_stop

session_start long
ok "the hold starts" tui_wait "HOLD" 5
scr=$(tui_screen)
like "$scr" '█' "80x24: big digits"
is "$(digit_rows "$scr")" 5 "80x24: five rows high, as before"
is "$(order "$scr")" ok "80x24: nothing covered"
like "$scr" 'Back flat on the wall' "80x24: the cues"
like "$scr" '━|─' "80x24: a rule under the header"

tui_resize 40 12
ok "40x12: redrawn" tui_wait "1/2"
scr=$(tui_screen)
like "$scr" 'Wall sit' "40x12: the exercise"
like "$scr" 'HOLD' "40x12: the phase"
like "$scr" '[0-9]:[0-9]{2} of 0:30' "40x12: the countdown"
like "$scr" 'q quit' "40x12: the keys"
unlike "$scr" '.{41}' "40x12: nothing wider than the pane"

tui_resize 30 8
# The key bar only 30 columns have (the bar fills with █ as the hold goes).
ok "30x8: redrawn" tui_wait -E -L '^p pause  q quit  \? help$'
scr=$tui_seen
is "$(digit_rows "$scr")" 0 "30x8: no big digits"
like "$scr" 'Wall sit' "30x8: the exercise"
like "$scr" '[0-9]:[0-9]{2} of 0:30' "30x8: the countdown in plain digits"
unlike "$scr" 'Back flat' "30x8: the cues dropped"

tui_resize 18 5
ok "18x5: too small" tui_wait "Terminal too small"
tui_resize 80 24
ok "80x24 again: redrawn" tui_wait "Back flat on the wall"
like "$(tui_screen)" '█' "80x24 again: big digits"
# At least a second held (the countdown rounds up), so that the stopped
# set has something to keep and the pain form opens.
tui_wait -E '0:(29|2[0-8]|1[0-9]|0[0-9]) of 0:30' 5 >/dev/null
tui_keys q
tui_wait "End the session?" >/dev/null
tui_keys y
ok "quits" session_ended stopped

# Colours by default; none with NO_COLOR (nor with --no-color, below).
colours() {
	tmux -L "$tui_sock" capture-pane -p -e | grep -c "$(printf '\033')\[[0-9;]*3[1-7]m"
}
tui_stop
session_start long
tui_wait "HOLD" 5 >/dev/null
ok "colours by default" [ "$(colours)" -gt 0 ]
tui_stop
tui_start env NO_COLOR=1 "$REHABIT" --library "$lib" start long
tui_wait "HOLD" 5 >/dev/null
is "$(colours)" 0 "NO_COLOR: no colours"
like "$(tui_screen)" '█' "NO_COLOR: still big digits"

# Lines in a UTF-8 locale are Unicode box characters, not the VT100 set:
# with TERM=xterm-256color inside tmux (tmux gives its panes TERM=screen
# unless told otherwise) that set's lines show as "qqqq".
tui_stop
tui_start env TERM=xterm-256color "$REHABIT" --library "$lib" start long
ok "xterm-256color: the hold starts" tui_wait "HOLD" 5
scr=$(tui_screen)
like "$scr" '^  ─{20}' "xterm-256color: the rule is drawn with ─"
unlike "$scr" 'qqqq' "xterm-256color: no qqqq"
tui_keys '?'
ok "xterm-256color: the help opens" tui_wait "close this help"
scr=$(tui_screen)
like "$scr" '┌─* Keys ─+┐' "xterm-256color: the help's frame, top"
like "$scr" '└─+┘' "xterm-256color: the help's frame, bottom"
like "$scr" '│ p +pause +│' "xterm-256color: the help's frame, sides"
unlike "$scr" 'qqqq|lqq|x p ' "xterm-256color: no VT100 line characters"

# Without UTF-8: ASCII glyphs only.
tui_stop
tui_start env LC_ALL=C "$REHABIT" --library "$lib" --no-color start long
ok "ASCII: the hold starts" tui_wait "HOLD - Set 1 of 2" 5
scr=$(tui_screen)
like "$scr" '###' "ASCII: big digits of #"
like "$scr" '^ *- Back flat on the wall' "ASCII: cues with a dash"
unlike "$scr" '[^ -~]' "ASCII: nothing but ASCII on the screen"
like "$scr" '^  -{20}' "ASCII: the rule is a line of -"
tui_keys '?'
ok "ASCII: the help opens" tui_wait "close this help"
scr=$(tui_screen)
like "$scr" '\+-* Keys -+\+' "ASCII: the help's frame of + and -"
unlike "$scr" '[^ -~]' "ASCII: the help is ASCII too"
is "$(colours)" 0 "--no-color: no colours"
done_testing
