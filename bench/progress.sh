#!/bin/sh
# bench/progress.sh - `rehabit progress` on a 10-year history (1,560
# sessions, tests/report-gen) against `rehabit --version`: the last 12
# weeks within 4 x, --weeks 520 within 10 x, peak memory within 16 MB.
#
#	bench/progress.sh [BUILD_DIR]      (default: build)
#
# Prints the numbers; exits 1 when a limit is missed. Not part of `make
# check`: timings on a busy machine are noisy.
set -eu

top=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$top/build}
rehabit=$build/src/rehabit
runs=${RUNS:-30}
lib=$top/tests/fixtures/report/library
tmp=$(mktemp -d "${TMPDIR:-/tmp}/rehabit-bench.XXXXXX")
trap 'rm -rf "$tmp"' EXIT INT TERM

make -s -C "$build" tests/report-gen >/dev/null
"$build/tests/report-gen" "$tmp/data" 1560

# us ARGS... : the mean wall time of a run, in microseconds.
us() {
	_t0=$(date +%s%N)
	_i=0
	while [ $_i -lt "$runs" ]; do
		"$rehabit" "$@" >/dev/null
		_i=$((_i + 1))
	done
	_t1=$(date +%s%N)
	echo $(((_t1 - _t0) / 1000 / runs))
}

# Warm the page cache first.
"$rehabit" --library "$lib" --data-dir "$tmp/data" progress >/dev/null

base=$(us --version)
p12=$(us --library "$lib" --data-dir "$tmp/data" progress)
p520=$(us --library "$lib" --data-dir "$tmp/data" progress --weeks 520)
peak=0
if [ -x /usr/bin/time ]; then
	peak=$(/usr/bin/time -f %M "$rehabit" --library "$lib" \
	    --data-dir "$tmp/data" progress --weeks 520 2>&1 >/dev/null |
	    tail -n 1)
fi

rc=0
check() {
	# check NAME VALUE LIMIT UNIT
	if [ "$2" -le "$3" ]; then
		printf '%-34s %8s %s (limit %s)\n' "$1" "$2" "$4" "$3"
	else
		printf '%-34s %8s %s (limit %s) TOO SLOW\n' "$1" "$2" "$4" "$3"
		rc=1
	fi
}
printf '%-34s %8s us\n' "rehabit --version" "$base"
check "progress (12 weeks)" "$p12" $((base * 4)) us
check "progress --weeks 520" "$p520" $((base * 10)) us
[ "$peak" -eq 0 ] || check "peak memory, --weeks 520" "$peak" 16384 KB
exit $rc
