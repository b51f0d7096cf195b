#!/bin/sh
# valgrind.sh - the main command-line paths under valgrind memcheck: no
# invalid read or write, no use of uninitialised memory, no definite
# leak (tests/valgrind.supp names the one glibc/canberra record that is
# not ours). Good input and bad input, read-only and writing commands, on a
# history of one year imported at the start. A command not built yet is a
# TAP skip that names it.
. "$top_srcdir/tests/lib.sh"

command -v valgrind >/dev/null 2>&1 || skip_all "valgrind is not installed"
# valgrind cannot run a program built with AddressSanitizer; that build
# has its own leak and memory checks.
if grep -q __asan_init "$REHABIT" 2>/dev/null; then
	skip_all "this build uses AddressSanitizer (valgrind cannot run it)"
fi

lib=$test_tmp/lib
data=$test_tmp/data
mkdir -p "$lib"
cp "$top_srcdir/bench/lib10.yaml" "$lib/"
sh "$top_srcdir/bench/gen-history" 1 >"$test_tmp/history.yaml"
printf 'format: rehabit-history/1\nsessions:\n  - routine: nope\n' \
    >"$test_tmp/bad-history.yaml"
printf 'exercises:\n  - id: x\n    kind: nope\n' >"$test_tmp/bad-lib.yaml"

has() {
	"$REHABIT" "$1" --help >/dev/null 2>&1
}

vg() {
	# vg STATUS NAME ARGS...: rehabit ARGS under memcheck exits STATUS
	# with an empty valgrind log.
	_want=$1 _name=$2
	shift 2
	if ! has "$_name"; then
		t_count=$((t_count + 1))
		echo "ok $t_count # SKIP '$_name' is not built yet"
		return 0
	fi
	valgrind -q --leak-check=full --errors-for-leak-kinds=definite \
	    --show-leak-kinds=definite --error-exitcode=99 \
	    --suppressions="$top_srcdir/tests/valgrind.supp" \
	    --log-file="$test_tmp/vg.log" \
	    "$REHABIT" --no-sound --library "$lib" --data-dir "$data" "$@" \
	    >"$test_tmp/vg.out" 2>"$test_tmp/vg.err" </dev/null
	_rc=$?
	_log=$(cat "$test_tmp/vg.log")
	t_count=$((t_count + 1))
	if [ "$_rc" -eq "$_want" ] && [ -z "$_log" ]; then
		echo "ok $t_count - valgrind: rehabit $* (exit $_rc)"
	else
		echo "not ok $t_count - valgrind: rehabit $* (exit $_rc," \
		    "want $_want)"
		sed 's/^/#   /' "$test_tmp/vg.log" "$test_tmp/vg.err" | head -60
		t_failed=$((t_failed + 1))
	fi
}

# Writing first, so that the readers below have a history.
vg 0 import import "$test_tmp/history.yaml"
vg 0 import import "$test_tmp/history.yaml"		# merges: nothing new
vg 65 import import "$test_tmp/bad-history.yaml"
vg 66 import import "$test_tmp/no-such-file.yaml"
vg 0 pain pain --morning 2 --note "stiff on the stairs"
vg 0 pain pain --during 3 --after 4 --flag swelling
vg 2 pain pain --morning 11

# Reading.
vg 0 --version --version
vg 0 --help --help
vg 0 list list
vg 0 show show bench-10
vg 66 show show no-such-routine
vg 0 check check
vg 65 check check "$test_tmp/bad-lib.yaml"
vg 0 plan plan bench-10
vg 0 plan plan bench-10 --why --format yaml
vg 0 log log --limit 20
vg 0 export export --format yaml "$test_tmp/export.yaml"
vg 0 export export --format csv "$test_tmp/export.csv"
vg 0 progress progress
vg 0 progress progress --weeks 52
vg 0 report report
vg 1 due due		# the swelling above: nothing due
vg 0 pain pain --cleared --note "seen: carry on"
vg 0 export export --format csv "$test_tmp/cleared.csv"
vg 0 plan plan bench-10

done_testing
