# session-common.sh - what the session screen's tmux tests share (sourced,
# not a test): the short-duration library, a settings file with a 1-second
# get-ready and switch-sides countdown, and helpers to read the history.
. "$top_srcdir/tests/lib.sh"

lib="$top_srcdir/tests/fixtures/tui/library"
db="$XDG_DATA_HOME/rehabit/history.db"
mkdir -p "$XDG_CONFIG_HOME/rehabit"
printf 'ready: 1\nswitch: 1\nsound: false\n' \
    >"$XDG_CONFIG_HOME/rehabit/config.yaml"

# session_start [-x W] [-y H] ROUTINE : the session screen in tmux.
session_start() {
	_size=
	while [ $# -gt 1 ]; do
		_size="$_size $1 $2"
		shift 2
	done
	# shellcheck disable=SC2086
	tui_start $_size "$REHABIT" --library "$lib" start "$1"
}

# The sets recorded, one "exercise side set value" per line.
sets_done() {
	sql "SELECT e.exercise, e.side, s.n, s.value FROM sets s
	    JOIN exercise e ON s.exercise = e.id ORDER BY e.id, s.n" |
	    tr '|' ' '
}

# session_ended done|stopped [SECONDS] : after a session the pain form
# opens on top of the summary; leave both (saving no pain) and wait for
# the exit.
session_ended() {
	tui_wait "Pain during the session" "${2:-15}" || return 1
	tui_keys q
	case $1 in
	done)	tui_wait "Session done" || return 1 ;;
	*)	tui_wait "Session stopped early" || return 1 ;;
	esac
	tui_keys q
	tui_wait "[exit 0]"
}
