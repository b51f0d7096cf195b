#!/bin/sh
# tests/fuzz/run.sh - run one libFuzzer target for a while.
#
#	sh tests/fuzz/run.sh TARGET SECONDS	(from a build dir configured
#						 with --enable-fuzzing)
#
# The target is tests/fuzz/TARGET-fuzzer in the current (build) folder.
# Seeds: tests/fuzz/seeds/TARGET/, the regressions in
# tests/fuzz/regress/TARGET/, the project's fixtures and the YAML test
# suite; new inputs go to fuzz-corpus/TARGET/ in the build folder. A crash
# is written to fuzz-crashes/TARGET/ and the script exits non-zero: copy
# the file into tests/fuzz/regress/TARGET/ once it is fixed, so that
# `make check` replays it for good.
set -u
target=$1
seconds=${2:-60}
src=$(cd "$(dirname "$0")/../.." && pwd)
bin=tests/fuzz/$target-fuzzer

[ -x "$bin" ] || { echo "fuzz: $bin is not built" >&2; exit 1; }
case $target in
catalog)
	seeds="$src/tests/fixtures/catalog $src/tests/fixtures/yaml-test-suite
	    $src/exercises" ;;
histfile)
	seeds="$src/tests/fixtures/yaml-test-suite"
	[ -d "$src/tests/fixtures/store" ] &&
	    seeds="$src/tests/fixtures/store $seeds" ;;
conf)
	seeds="$src/tests/fixtures/yaml-test-suite" ;;
fit|actxml)
	seeds="$src/tests/fixtures/activities" ;;
*)
	echo "fuzz: unknown target $target" >&2; exit 1 ;;
esac
for d in "$src/tests/fixtures/$target" "$src/tests/fuzz/seeds/$target" \
    "$src/tests/fuzz/regress/$target"; do
	[ -d "$d" ] && seeds="$d $seeds"
done

corpus=fuzz-corpus/$target
crashes=fuzz-crashes/$target
mkdir -p "$corpus" "$crashes"
echo "fuzz: $target for ${seconds}s"
# -timeout: an input that takes 10 s is a hang; -rss_limit_mb: one that
# needs 1 GiB is unbounded memory. Both are findings.
# shellcheck disable=SC2086
"$bin" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=1024 \
    -max_len=65536 -print_final_stats=1 \
    -dict="$src/tests/fuzz/$target.dict" \
    -artifact_prefix="$crashes/" "$corpus" $seeds \
    >"fuzz-$target.log" 2>&1
rc=$?
tail -n 12 "fuzz-$target.log"
if [ "$rc" -ne 0 ]; then
	echo "fuzz: $target FAILED (status $rc); see fuzz-$target.log and" \
	    "$crashes/" >&2
	ls "$crashes" >&2
	exit 1
fi
echo "fuzz: $target ok"
