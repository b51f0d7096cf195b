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
# libfaketime is preloaded: the sanitizers must not insist on coming first.
ASAN_OPTIONS="$ASAN_OPTIONS:verify_asan_link_order=0"
export ASAN_OPTIONS

epoch() { date -u -d "$1" +%s; }

# The faketime wrapper forks, so a signal sent to "the program under test"
# would reach the wrapper: preload libfaketime ourselves (env execs).
faketime_lib=
for _l in /usr/lib/*/faketime/libfaketime.so.1 \
    /usr/lib/faketime/libfaketime.so.1 /usr/local/lib/faketime/libfaketime.so.1
do
	[ -e "$_l" ] && { faketime_lib=$_l; break; }
done
[ -n "$faketime_lib" ] || skip_all "libfaketime is not installed"

# tui_at [-x W -y H] TIME ARGS... : rehabit ARGS in tmux as if it were TIME
# (UTC, the clock running; the monotonic clock the screens time with is
# left alone).
tui_at() {
	_size=
	while [ $# -gt 2 ] && [ "$1" = -x -o "$1" = -y ]; do
		_size="$_size $1 $2"
		shift 2
	done
	_t=$1; shift
	# shellcheck disable=SC2086
	tui_start $_size env LD_PRELOAD="$faketime_lib" \
	    "FAKETIME='@$_t'" FAKETIME_DONT_FAKE_MONOTONIC=1 \
	    "$REHABIT" --library "$lib" "$@"
}

# home_start [-x W -y H] TIME : the home screen in tmux at TIME.
home_start() {
	tui_at "$@"
}

# sql QUERY : run QUERY on the history database.
sql() {
	sqlite3 -batch -noheader "$db" "$1"
}

