#!/bin/sh
# bench/plan.sh - `rehabit plan` on a 10-year history (1,560 sessions of 10
# exercises) must take no more than 3 x `rehabit --version`: it reads only
# the weeks of history the rules need.
#
#	bench/plan.sh [BUILD_DIR]      (default: build)
#
# Exits 1 when plan is too slow. Not part of `make check`: timings on a
# busy machine are noisy.
set -eu

top=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$top/build}
rehabit=$build/src/rehabit
runs=${RUNS:-30}
tmp=$(mktemp -d "${TMPDIR:-/tmp}/rehabit-bench.XXXXXX")
trap 'rm -rf "$tmp"' EXIT INT TERM
mkdir "$tmp/lib" "$tmp/data"

# A routine of 10 exercises.
{
	echo "exercises:"
	i=1
	while [ $i -le 10 ]; do
		echo "  - {id: ex$i, name: Exercise $i, kind: reps}"
		i=$((i + 1))
	done
	echo "routines:"
	echo "  - id: bench"
	echo "    name: Bench"
	echo "    per_week: 3"
	echo "    steps:"
	i=1
	while [ $i -le 10 ]; do
		echo "      - {exercise: ex$i, sets: 3, reps: 10}"
		i=$((i + 1))
	done
} >"$tmp/lib/bench.yaml"

# 3 sessions a week for 520 weeks, up to yesterday.
today=$(($(date +%s) / 86400))
awk -v today="$today" '
function civil(z,    era, doe, yoe, y, doy, mp, d, m) {
	z += 719468
	era = int(z / 146097)
	doe = z - era * 146097
	yoe = int((doe - int(doe / 1460) + int(doe / 36524) - \
	    int(doe / 146096)) / 365)
	y = yoe + era * 400
	doy = doe - (365 * yoe + int(yoe / 4) - int(yoe / 100))
	mp = int((5 * doy + 2) / 153)
	d = doy - int((153 * mp + 2) / 5) + 1
	m = mp < 10 ? mp + 3 : mp - 9
	return sprintf("%04d-%02d-%02d", y + (m <= 2), m, d)
}
BEGIN {
	print "format: rehabit-history/1"
	print "sessions:"
	for (w = 520; w >= 1; w--) {
		for (k = 0; k < 3; k++) {
			day = civil(today - w * 7 + k * 2 + 1)
			print "  - routine: bench"
			print "    start: " day "T18:00:00+00:00"
			print "    end: " day "T18:30:00+00:00"
			print "    completed: true"
			print "    pain: {during: " (w + k) % 4 ", after: " \
			    (w * 7 + k) % 3 "}"
			print "    exercises:"
			for (e = 1; e <= 10; e++) {
				print "      - exercise: ex" e
				print "        side: both"
				print "        prescribed: {sets: 3, reps: 10}"
				print "        done: [10, 10, 10]"
			}
		}
	}
}' >"$tmp/history.yaml"

"$rehabit" --library "$tmp/lib" --data-dir "$tmp/data" import \
    "$tmp/history.yaml" >/dev/null

# Nanoseconds for $runs runs of the command.
timeit() {
	t0=$(date +%s%N)
	n=0
	while [ $n -lt "$runs" ]; do
		"$@" >/dev/null
		n=$((n + 1))
	done
	t1=$(date +%s%N)
	echo $((t1 - t0))
}

"$rehabit" --library "$tmp/lib" --data-dir "$tmp/data" plan >/dev/null
version=$(timeit "$rehabit" --version)
plan=$(timeit "$rehabit" --library "$tmp/lib" --data-dir "$tmp/data" plan)
echo "rehabit --version: $((version / runs / 1000)) us a run"
echo "rehabit plan (1,560 sessions): $((plan / runs / 1000)) us a run"
awk -v p="$plan" -v v="$version" 'BEGIN {
	printf "ratio: %.2f (at most 3)\n", p / v
	exit (p <= 3 * v ? 0 : 1)
}'
