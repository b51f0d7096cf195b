# tests/env.sh - sourced before every test (AM_TESTS_ENVIRONMENT): a fixed
# environment, so that results do not depend on the developer's locale,
# time zone, terminal or files. Shell tests get a private HOME from
# tests/lib.sh; unit tests must not need one.
LC_ALL=C.UTF-8
LANG=C.UTF-8
TZ=UTC
TERM=xterm-256color
LINES=24
COLUMNS=80
REHABIT="$top_builddir/src/rehabit"
HOME=/nonexistent/rehabit-test-home
XDG_DATA_HOME=$HOME/.local/share
XDG_CONFIG_HOME=$HOME/.config
export LC_ALL LANG TZ TERM LINES COLUMNS REHABIT HOME XDG_DATA_HOME \
	XDG_CONFIG_HOME
unset NO_COLOR LANGUAGE DISPLAY XDG_STATE_HOME XDG_CACHE_HOME
