#!/bin/sh
# session-idle.sh - what rehabit costs while a 30-second hold counts down
# (issue 4: at most 0.2% of a core and 2 wake-ups a second). Not a test:
# it prints the figures.
#
#	bench/session-idle.sh [BUILD_DIR]	(default: build)
#
# rehabit runs in a private tmux at 80x24 with sound off. Over 20 seconds
# of the hold it reads the process's CPU time (utime + stime in
# /proc/PID/stat, all threads) and its voluntary context switches (each
# is a sleep that ended: a wake-up), summed over its threads.
set -eu

top=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$top/build}
rehabit="$build/src/rehabit"
[ -x "$rehabit" ] || { echo "no $rehabit: build first" >&2; exit 1; }
command -v tmux >/dev/null || { echo "tmux is needed" >&2; exit 1; }

tmp=$(mktemp -d "${TMPDIR:-/tmp}/rehabit-bench.XXXXXX")
sock="rehabit-bench-$$"
trap 'tmux -L "$sock" kill-server 2>/dev/null; rm -rf "$tmp"' EXIT
export HOME="$tmp" XDG_CONFIG_HOME="$tmp/config" XDG_DATA_HOME="$tmp/data"
export XDG_STATE_HOME="$tmp/state" LC_ALL=C.UTF-8 TERM=xterm-256color
mkdir -p "$XDG_CONFIG_HOME/rehabit"
printf 'ready: 1\nsound: false\n' >"$XDG_CONFIG_HOME/rehabit/config.yaml"

tmux -L "$sock" -f /dev/null new-session -d -x 80 -y 24 \
    "$rehabit --library $top/bench start idle; sleep 3600"
i=0
until tmux -L "$sock" capture-pane -p | grep -q 'HOLD'; do
	i=$((i + 1))
	[ $i -lt 200 ] || { echo "the hold did not start" >&2; exit 1; }
	sleep 0.05
done
sh_pid=$(tmux -L "$sock" display-message -p '#{pane_pid}')
pid=$(pgrep -P "$sh_pid" | head -n 1)
hz=$(getconf CLK_TCK)

# CPU time in ns (schedstat: run time, all threads; finer than the
# utime + stime ticks of /proc/PID/stat) and voluntary context switches.
cpu_ns() { cat /proc/"$pid"/task/*/schedstat | awk '{ n += $1 } END { print n }'; }
ticks() { awk '{ print $14 + $15 }' "/proc/$pid/stat"; }
wakes() {
	cat /proc/"$pid"/task/*/status |
	    awk '/^voluntary_ctxt_switches/ { n += $2 } END { print n }'
}

secs=20
t0=$(ticks); n0=$(cpu_ns); w0=$(wakes); s0=$(date +%s.%N)
sleep "$secs"
t1=$(ticks); n1=$(cpu_ns); w1=$(wakes); s1=$(date +%s.%N)
threads=$(ls /proc/"$pid"/task | wc -l)

awk -v t="$((t1 - t0))" -v w="$((w1 - w0))" -v a="$s0" -v b="$s1" \
    -v hz="$hz" -v th="$threads" -v ns="$((n1 - n0))" 'BEGIN {
	wall = b - a
	printf "during a 30-s hold, over %.1f s (%d thread%s):\n", wall, th,
	    th == 1 ? "" : "s"
	cpu = 100 * ns / 1e9 / wall
	printf "  CPU:       %.4f%% of a core (%.2f ms run time; %d ticks " \
	    "of 1/%d s in /proc/PID/stat)\n", cpu, ns / 1e6, t, hz
	printf "  wake-ups:  %.2f per second (%d voluntary context " \
	    "switches)\n", w / wall, w
	printf "  budget:    <= 0.2%% of a core, <= 2 wake-ups per second\n"
	exit !(cpu <= 0.2 && w / wall <= 2)
}'
