#!/bin/sh
# ui-timing.sh - how punctual the cues are over a long scripted
# session (issue 4: every cue within 10 ms of its deadline, no drift).
# Not a test: it prints the figures.
#
#	bench/ui-timing.sh [MINUTES [BUILD_DIR]]	(default: 10, build)
#
# A generated routine of 20-second holds with 10-second rests runs in a
# private tmux with no key pressed, up to the pain form that follows it. rehabit logs, when a session ends, how
# many cues it played and the latest any was acted on after the moment the
# engine set for it; the wall time of the whole session is compared with
# the sum of its countdowns.
set -eu

top=$(cd "$(dirname "$0")/.." && pwd)
minutes=${1:-10}
build=${2:-$top/build}
rehabit="$build/src/rehabit"
[ -x "$rehabit" ] || { echo "no $rehabit: build first" >&2; exit 1; }

tmp=$(mktemp -d "${TMPDIR:-/tmp}/rehabit-bench.XXXXXX")
sock="rehabit-bench-$$"
trap 'tmux -L "$sock" kill-server 2>/dev/null; rm -rf "$tmp"' EXIT
export HOME="$tmp" XDG_CONFIG_HOME="$tmp/config" XDG_DATA_HOME="$tmp/data"
export XDG_STATE_HOME="$tmp/state" LC_ALL=C.UTF-8 TERM=xterm-256color
mkdir -p "$XDG_CONFIG_HOME/rehabit" "$tmp/lib"
printf 'ready: 5\nsound: false\n' >"$XDG_CONFIG_HOME/rehabit/config.yaml"

# Each set: 5 s get-ready, 20 s hold, 10 s rest (none after the last).
sets=$((minutes * 60 / 35))
[ "$sets" -ge 1 ] || sets=1
planned=$((sets * 35 - 10))
cat >"$tmp/lib/timing.yaml" <<YAML
exercises:
  - {id: hold, name: Hold, kind: hold, focus: strength, sides: both}
routines:
  - id: timing
    name: Timing benchmark
    per_week: 3
    steps:
      - {exercise: hold, sets: $sets, hold: 20, rest: 10}
YAML

start=$(date +%s.%N)
tmux -L "$sock" -f /dev/null new-session -d -x 80 -y 24 \
    "$rehabit --library $tmp/lib start timing; echo '[done]'; sleep 3600"
limit=$((planned * 20 + 200))
i=0
# The end: the pain form opens (the session screen has written its log).
until tmux -L "$sock" capture-pane -p | grep -qF 'Pain during the session'; do
	i=$((i + 1))
	[ $i -lt $limit ] || { echo "the session did not end" >&2; exit 1; }
	sleep 0.05
done
end=$(date +%s.%N)
line=$(grep 'rehabit: session:' "$XDG_STATE_HOME/rehabit/rehabit.log" |
    tail -n 1)
cues=$(printf '%s\n' "$line" | sed -n 's/.*session: \([0-9]*\) cues.*/\1/p')
late=$(printf '%s\n' "$line" | sed -n 's/.*latest \([0-9]*\) ms.*/\1/p')

awk -v s="$sets" -v p="$planned" -v a="$start" -v b="$end" -v c="$cues" \
    -v l="$late" 'BEGIN {
	wall = b - a
	printf "a scripted session of %d holds, %d s of countdowns:\n", s, p
	printf "  cues:      %d, the latest %d ms after its deadline\n", c, l
	printf "  wall time: %.2f s from start to the pain form (planned %d s; the " \
	    "difference is start-up and polling)\n", wall, p
	printf "  budget:    every cue within 10 ms, no drift\n"
	exit !(l <= 10 && wall - p < 1.5)
}'
