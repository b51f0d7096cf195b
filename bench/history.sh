#!/bin/sh
# bench/history.sh - how fast the history is with ten years in it.
#
#	bench/history.sh [BUILD_DIR]
#
# Generates a history file of 10 years (1,560 sessions of 10 exercises,
# 3 sets each, pain and a weekly morning report), then times with
# hyperfine (or a plain loop when it is missing):
#   - importing it into an empty history (goal: under 2 s);
#   - `rehabit log --limit 20` on it against `rehabit --version` (goal: at
#     most 3 times as long).
# Not part of `make check`: timings depend on the machine.
set -eu

top=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$top/build}
rehabit=$build/src/rehabit
[ -x "$rehabit" ] || { echo "bench: build rehabit first ($rehabit)" >&2; exit 1; }

tmp=$(mktemp -d "${TMPDIR:-/tmp}/rehabit-bench.XXXXXX")
trap 'rm -rf "$tmp"' EXIT INT TERM
export TZ=UTC LC_ALL=C.UTF-8 HOME="$tmp/home" XDG_DATA_HOME="$tmp/home/data" \
    XDG_CONFIG_HOME="$tmp/home/config"

# --- the history file ---------------------------------------------------------

awk -v sessions=1560 '
function civil(z,    era, doe, yoe, doy, mp, d, m, y) {
	z += 719468
	era = int(z / 146097)
	doe = z - era * 146097
	yoe = int((doe - int(doe / 1460) + int(doe / 36524) - int(doe / 146096)) / 365)
	doy = doe - (365 * yoe + int(yoe / 4) - int(yoe / 100))
	mp = int((5 * doy + 2) / 153)
	d = doy - int((153 * mp + 2) / 5) + 1
	m = mp < 10 ? mp + 3 : mp - 9
	y = yoe + era * 400 + (m <= 2)
	return sprintf("%04d-%02d-%02d", y, m, d)
}
function stamp(t,    day, s) {
	day = int(t / 86400)
	s = t - day * 86400
	return sprintf("%sT%02d:%02d:%02d+01:00", civil(day), int(s / 3600),
	    int(s / 60) % 60, s % 60)
}
BEGIN {
	split("wall-sit quad-set straight-leg-raise sit-to-stand " \
	    "terminal-knee-extension step-up lateral-step-down " \
	    "side-lying-hip-abduction clamshell glute-bridge", ex, " ")
	print "format: rehabit-history/1"
	print "sessions:"
	# Local times (+01:00) as seconds from 1970, from 2016-01-04 18:00.
	t = 16804 * 86400 + 18 * 3600
	for (i = 0; i < sessions; i++) {
		print "  - routine: knee-strength-1"
		print "    start: " stamp(t)
		print "    end: " stamp(t + 1500)
		print "    completed: " (i % 17 == 0 ? "false" : "true")
		printf "    pain: {during: %d, after: %d, morning: %d}\n",
		    i % 4, (i + 1) % 5, i % 3
		if (i % 9 == 0)
			print "    note: felt fine"
		print "    flags: " (i % 97 == 0 ? "[swelling]" : "[]")
		print "    exercises:"
		for (e = 1; e <= 10; e++) {
			print "      - exercise: " ex[e]
			print "        side: both"
			printf "        prescribed: {sets: 3, reps: %d, rest: 60}\n",
			    8 + i % 5
			printf "        done: [%d, %d, %d]\n", 8 + i % 5,
			    8 + i % 5, 7 + i % 5
		}
		# Monday, Wednesday, Friday.
		t += (i % 3 == 2 ? 3 : 2) * 86400
	}
	print "pain:"
	t = 16805 * 86400 + 7 * 3600
	for (i = 0; i < 520; i++) {
		printf "  - {at: %s, kind: morning, score: %d, flags: []}\n",
		    stamp(t), i % 3
		t += 7 * 86400
	}
}' >"$tmp/history.yaml"
echo "bench: history file: $(wc -c <"$tmp/history.yaml") bytes," \
    "$(grep -c '^  - routine' "$tmp/history.yaml") sessions"

# --- timings ---------------------------------------------------------------------

data="$tmp/data"
if command -v hyperfine >/dev/null 2>&1; then
	hyperfine -N --warmup 1 --runs 5 --export-json "$tmp/import.json" \
	    --prepare "rm -rf $data" \
	    "$rehabit --data-dir $data import $tmp/history.yaml"
	"$rehabit" --data-dir "$data" import "$tmp/history.yaml" >/dev/null
	hyperfine -N --warmup 20 --runs 200 --export-json "$tmp/log.json" \
	    "$rehabit --version" \
	    "$rehabit --data-dir $data log --limit 20"
	# Medians, in milliseconds, from hyperfine's JSON.
	median() {
		tr ',' '\n' <"$1" | grep '"median"' | sed -n "${2}p" |
		    sed 's/.*: *//' | awk '{ printf "%.2f", $1 * 1000 }'
	}
	imp=$(median "$tmp/import.json" 1)
	ver=$(median "$tmp/log.json" 1)
	log=$(median "$tmp/log.json" 2)
else
	echo "bench: hyperfine not found; timing with a plain loop"
	ms() {
		_s=$(date +%s%N); "$@" >/dev/null; _e=$(date +%s%N)
		echo $(( (_e - _s) / 1000 ))
	}
	rm -rf "$data"
	imp=$(ms "$rehabit" --data-dir "$data" import "$tmp/history.yaml")
	imp=$(awk -v u="$imp" 'BEGIN { printf "%.2f", u / 1000 }')
	ver=0 log=0
	for i in 1 2 3 4 5 6 7 8 9 10; do
		ver=$((ver + $(ms "$rehabit" --version)))
		log=$((log + $(ms "$rehabit" --data-dir "$data" log --limit 20)))
	done
	ver=$(awk -v u="$ver" 'BEGIN { printf "%.2f", u / 10000 }')
	log=$(awk -v u="$log" 'BEGIN { printf "%.2f", u / 10000 }')
fi
echo
echo "bench: import of 10 years: $imp ms (goal < 2000 ms)"
echo "bench: rehabit --version: $ver ms; log --limit 20: $log ms;" \
    "ratio $(awk -v a="$log" -v b="$ver" 'BEGIN { printf "%.2f", a / b }')" \
    "(goal <= 3)"
