# tests/lib.sh - TAP helpers for the shell tests, and a tmux driver for the
# screens (regress style: a private server, fixed size, polling with a
# limit, never a blind sleep).
#
#	. "$top_srcdir/tests/lib.sh"
#	run "$REHABIT" list; is "$rc" 0 "list exits 0"; like "$out" 'wall-sit'
#	done_testing

t_count=0
t_failed=0

# A private home for this test, removed at the end.
test_tmp=$(mktemp -d "${TMPDIR:-/tmp}/rehabit-test.XXXXXX")
HOME="$test_tmp/home"
XDG_DATA_HOME="$HOME/.local/share"
XDG_CONFIG_HOME="$HOME/.config"
mkdir -p "$HOME"
# Sanitizer reports go to files that done_testing checks, so a report from
# a program whose stderr a test reads or hides (curses mode) is not missed.
ASAN_OPTIONS="log_path=$test_tmp/sanitizer:detect_leaks=1"
UBSAN_OPTIONS="log_path=$test_tmp/sanitizer:print_stacktrace=1:halt_on_error=1"
export HOME XDG_DATA_HOME XDG_CONFIG_HOME ASAN_OPTIONS UBSAN_OPTIONS test_tmp

# run and tui_start start their command through this, which notes its pid
# (the sanitizers name their reports by pid) and the command line in
# $test_tmp/commands, then becomes the command: done_testing can say which
# process wrote a report.
# (Run with sh: the temporary folder may be mounted noexec.)
cat >"$test_tmp/exec-log" <<'EXEC'
printf '%s %s\n' "$$" "$*" >>"$test_tmp/commands"
exec "$@"
EXEC

ok() {
	# ok DESC COMMAND... : passes when COMMAND exits 0.
	_d=$1; shift
	t_count=$((t_count + 1))
	if "$@"; then
		echo "ok $t_count - $_d"
	else
		echo "not ok $t_count - $_d"
		t_failed=$((t_failed + 1))
	fi
}

is() {
	# is GOT WANT DESC
	t_count=$((t_count + 1))
	if [ "$1" = "$2" ]; then
		echo "ok $t_count - $3"
	else
		echo "not ok $t_count - $3"
		printf '%s\n' "# got:" "$1" "# want:" "$2" | sed 's/^/#   /'
		t_failed=$((t_failed + 1))
	fi
}

like() {
	# like TEXT ERE DESC : TEXT has a line matching the extended regex.
	t_count=$((t_count + 1))
	if printf '%s\n' "$1" | grep -Eq -- "$2"; then
		echo "ok $t_count - $3"
	else
		echo "not ok $t_count - $3"
		printf '%s\n' "# wanted /$2/ in:" "$1" | sed 's/^/#   /'
		t_failed=$((t_failed + 1))
	fi
}

unlike() {
	t_count=$((t_count + 1))
	if printf '%s\n' "$1" | grep -Eq -- "$2"; then
		echo "not ok $t_count - $3"
		printf '%s\n' "# did not want /$2/ in:" "$1" | sed 's/^/#   /'
		t_failed=$((t_failed + 1))
	else
		echo "ok $t_count - $3"
	fi
}

run() {
	# run COMMAND... : sets $out, $err and $rc.
	sh "$test_tmp/exec-log" "$@" >"$test_tmp/out" 2>"$test_tmp/err"
	rc=$?
	out=$(cat "$test_tmp/out")
	err=$(cat "$test_tmp/err")
}

skip_all() {
	echo "1..0 # SKIP $*"
	exit 0
}

# need_faketime : set faketime_lib to the libfaketime to preload (a signal
# sent to the program under test must not reach a wrapper), or skip the
# test; the sanitizers must then not insist on coming first.
need_faketime() {
	faketime_lib=
	for _l in /usr/lib/*/faketime/libfaketime.so.1 \
	    /usr/lib/faketime/libfaketime.so.1 \
	    /usr/local/lib/faketime/libfaketime.so.1
	do
		[ -e "$_l" ] && { faketime_lib=$_l; break; }
	done
	[ -n "$faketime_lib" ] || skip_all "libfaketime is not installed"
	ASAN_OPTIONS="$ASAN_OPTIONS:verify_asan_link_order=0"
	export ASAN_OPTIONS
}

# sql QUERY : run QUERY on the history database "$db".
sql() {
	sqlite3 -batch -noheader "$db" "$1"
}

# db_lock DB [SQL] : another process holds DB's write lock (or what SQL
# takes, such as an exclusive lock) until db_unlock.
db_lock() {
	mkfifo "$test_tmp/sql"
	sqlite3 "$1" <"$test_tmp/sql" >"$test_tmp/sql.out" 2>&1 &
	db_locker=$!
	exec 3>"$test_tmp/sql"
	printf '%s\n.print locked\n' "${2:-BEGIN IMMEDIATE;}" >&3
	_i=0
	while [ $_i -lt 100 ] && ! grep -q locked "$test_tmp/sql.out"; do
		sleep 0.05
		_i=$((_i + 1))
	done
}

db_unlock() {
	printf 'ROLLBACK;\n' >&3
	exec 3>&-
	wait "$db_locker"
	rm -f "$test_tmp/sql"
}

# sanitizer_cmd FILE : the command line of the process that wrote the
# sanitizer report FILE (sanitizer.PID), else the last one the test started.
sanitizer_cmd() {
	_pid=${1##*.}
	_c=$(grep "^$_pid " "$test_tmp/commands" 2>/dev/null | tail -n 1)
	if [ -n "$_c" ]; then
		printf 'from: %s' "${_c#* }"
	else
		_c=$(tail -n 1 "$test_tmp/commands" 2>/dev/null)
		printf 'pid %s, the last command started: %s' "$_pid" \
		    "${_c#* }"
	fi
}

done_testing() {
	# tui_stop waits for the program under test to end: a report it
	# writes on its way out is in the folder before it is read.
	tui_stop
	for _f in "$test_tmp"/sanitizer.*; do
		[ -e "$_f" ] || continue
		# LeakSanitizer's exit-time check says so when a thread it
		# stopped was already gone (a sound thread ending as the
		# program does) and goes on: that line alone is no report.
		grep -vqE '^(==[0-9]+==Unable to get registers from thread [0-9]+\.)?$' \
		    "$_f" || continue
		t_count=$((t_count + 1)); t_failed=$((t_failed + 1))
		echo "not ok $t_count - sanitizer report $_f," \
		    "$(sanitizer_cmd "$_f")"
		sed 's/^/#   /' "$_f" | head -40
	done
	echo "1..$t_count"
	rm -rf "$test_tmp"
	[ "$t_failed" -eq 0 ]
	exit $?
}

# --- tmux -------------------------------------------------------------------

tui_sock=
tui_start() {
	# tui_start [-x W] [-y H] COMMAND... : run COMMAND in a fresh tmux.
	_w=80 _h=24
	while [ $# -gt 0 ]; do
		case $1 in
		-x) _w=$2; shift 2 ;;
		-y) _h=$2; shift 2 ;;
		*) break ;;
		esac
	done
	command -v tmux >/dev/null 2>&1 || skip_all "tmux is not installed"
	tui_sock="rehabit-test-$$"
	# The command runs in a shell that stays after it exits, so tests can
	# read the screen it leaves behind.
	printf '%s ' sh "$test_tmp/exec-log" "$@" >"$test_tmp/tui-cmd"
	tmux -L "$tui_sock" -f /dev/null new-session -d -x "$_w" -y "$_h" \
	    "sh -c '. $test_tmp/tui-cmd; echo \"[exit \$?]\"; exec sleep 3600'"
	tmux -L "$tui_sock" set-option -g status off >/dev/null
}

# tui_at [-x W -y H] TIME ARGS... : rehabit --library "$lib" ARGS in tmux
# as if it were TIME (UTC, the clock running; the monotonic clock the
# screens time with is left alone). Call need_faketime first.
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

tui_keys() {
	tmux -L "$tui_sock" send-keys "$@"
}

tui_screen() {
	tmux -L "$tui_sock" capture-pane -p
}

tui_wait() {
	# tui_wait [-E] [-L] TEXT [SECONDS] : poll the screen until it shows
	# TEXT (a fixed string, or with -E an extended regular expression);
	# with -L on its last line only: a pane made bigger keeps the old
	# screen at the top with blank lines under it, so the key bar on the
	# new last line says the program has drawn again at the new size.
	# Returns 1 and prints the screen on time-out. The screen that
	# matched is left in $tui_seen: what a short state shows (a 1-s rest)
	# is read from the same capture, not from a later one.
	_how=-F
	_last=
	while :; do
		case $1 in
		-E)	_how=-E; shift ;;
		-L)	_last=1; shift ;;
		*)	break ;;
		esac
	done
	_limit=$(( ${2:-10} * 20 ))
	_i=0
	while [ $_i -lt $_limit ]; do
		tui_seen=$(tui_screen)
		if printf '%s\n' "$tui_seen" | { if [ -n "$_last" ]; then
		    tail -n 1; else cat; fi; } | grep "$_how" -q -- "$1"; then
			return 0
		fi
		sleep 0.05
		_i=$((_i + 1))
	done
	echo "# timed out waiting for: $1${_last:+ (on the last line)}"
	tui_screen | sed 's/^/#   |/'
	return 1
}

tui_gone() {
	# tui_gone TEXT [SECONDS] : poll the screen until it no longer shows
	# TEXT. Returns 1 and prints the screen on time-out.
	_limit=$(( ${2:-10} * 20 ))
	_i=0
	while [ $_i -lt $_limit ]; do
		tui_screen | grep -Fq -- "$1" || return 0
		sleep 0.05
		_i=$((_i + 1))
	done
	echo "# timed out waiting for '$1' to go"
	tui_screen | sed 's/^/#   |/'
	return 1
}

tui_resize() {
	tmux -L "$tui_sock" resize-window -x "$1" -y "$2"
}

tui_pid() {
	# The pid of the program under test (the child of the pane's shell).
	_sh=$(tmux -L "$tui_sock" display-message -p '#{pane_pid}')
	pgrep -P "$_sh" | head -n 1
}

# tui_kids PID : the processes PID started, and theirs, three levels down.
tui_kids() {
	_p=$1
	_all=
	for _l in 1 2 3; do
		[ -n "$_p" ] || break
		_p=$(echo "$_p" | xargs -n 1 pgrep -P 2>/dev/null)
		_all="$_all $_p"
	done
	echo $_all
}

# tui_alive PID : the process runs (a zombie no longer does).
tui_alive() {
	if [ -r "/proc/$1/status" ]; then
		! grep -q '^State:.*Z' "/proc/$1/status" 2>/dev/null
	else
		kill -0 "$1" 2>/dev/null
	fi
}

# tui_reap N PID... : wait until each PID has ended, N polls in all.
tui_reap() {
	_n=$1
	shift
	_i=0
	for _p in "$@"; do
		while [ $_i -lt "$_n" ] && tui_alive "$_p"; do
			sleep 0.05
			_i=$((_i + 1))
		done
	done
}

tui_stop() {
	# The program under test is ended first, with SIGTERM, while its
	# terminal is still there; the tmux server only then. Killing the
	# server hangs the terminal up: SIGHUP and SIGCONT to everything on
	# it, and a SIGCONT that comes while a sanitizer build checks for
	# leaks on its way out undoes the SIGSTOP LeakSanitizer stops the
	# process with (its tracer then waits for ever, or the check fails
	# with a report). So wait for the program to be gone, as its history
	# and any sanitizer report must be written before the test goes on.
	# kill-server returns before the server has gone: a tui_start at once
	# could reach the dying server and show nothing, so wait for it too.
	if [ -n "$tui_sock" ]; then
		_pane=$(tmux -L "$tui_sock" display-message -p '#{pane_pid}' \
		    2>/dev/null)
		_kids=
		[ -n "$_pane" ] && _kids=$(tui_kids "$_pane")
		# shellcheck disable=SC2086
		[ -n "$_kids" ] && kill -TERM $_kids 2>/dev/null
		# shellcheck disable=SC2086
		tui_reap 400 $_kids
		tmux -L "$tui_sock" kill-server 2>/dev/null
		_i=0
		while [ $_i -lt 100 ] &&
		    tmux -L "$tui_sock" list-sessions >/dev/null 2>&1; do
			sleep 0.05
			_i=$((_i + 1))
		done
		tui_reap 100 $_pane
	fi
	tui_sock=
	return 0
}

trap 'tui_stop; rm -rf "$test_tmp"' EXIT

# need_no_override : set $as_person to a command prefix that runs a program
# without root's power to ignore file modes, so that a folder or file
# chmod'ed read-only is read-only to it too (the tests run as root in CI).
# As root it is setpriv dropping CAP_DAC_OVERRIDE and CAP_DAC_READ_SEARCH
# (uid 0 stays, so the test's own files remain the owner's); as anyone
# else it is empty. Skips the test when neither works.
need_no_override() {
	as_person=
	[ "$(id -u)" -eq 0 ] || return 0
	command -v setpriv >/dev/null 2>&1 ||
	    skip_all "root ignores file modes and setpriv is not installed"
	_caps=-dac_override,-dac_read_search,-fowner
	as_person="setpriv --bounding-set $_caps --inh-caps $_caps"
	mkdir "$test_tmp/probe"
	chmod 0500 "$test_tmp/probe"
	if $as_person sh -c ": >'$test_tmp/probe/f'" 2>/dev/null ||
	    ! $as_person true; then
		as_person=
		skip_all "cannot drop root's power to ignore file modes"
	fi
	rmdir "$test_tmp/probe"
}
