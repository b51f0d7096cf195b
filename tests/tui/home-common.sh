# home-common.sh - what the home, pain form and summary tmux tests share
# (sourced, not a test): the short library, a seeding tool and a faked
# clock for "the next morning".
. "$top_srcdir/tests/lib.sh"

lib="$top_srcdir/tests/fixtures/ui-home/library"
data="$XDG_DATA_HOME/rehabit"
db="$data/history.db"
seed="$top_builddir/tests/tools/seed-history"
mkdir -p "$XDG_CONFIG_HOME/rehabit"
printf 'ready: 1\nswitch: 1\nsound: false\n' \
    >"$XDG_CONFIG_HOME/rehabit/config.yaml"
# The faketime wrapper forks, so a signal sent to "the program under test"
# would reach the wrapper: libfaketime is preloaded instead (env execs).
need_faketime

epoch() { date -u -d "$1" +%s; }

# home_start [-x W -y H] TIME : the home screen in tmux at TIME.
home_start() {
	tui_at "$@"
}

# home_quit : q on home, and wait for the program to end.
home_quit() {
	tui_keys q
	tui_wait "[exit 0]" >/dev/null
	tui_stop
}

