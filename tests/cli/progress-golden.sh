#!/bin/sh
# progress-golden.sh - the whole output of `progress` and `report` on a
# generated ten-year history at a fixed time, against golden files in
# tests/fixtures/report/ (REHABIT_REGEN=1 rewrites them: review the diff).
. "$top_srcdir/tests/lib.sh"

lib="$top_srcdir/tests/fixtures/report/library"
fix="$top_srcdir/tests/fixtures/report"
gen="$top_builddir/tests/report-gen"

need_faketime

# Sunday 29 November 2026, 21:00 UTC.
now=1795986000
"$gen" "$test_tmp/data" 1560 "$now" || echo "# report-gen failed"

# golden NAME ARGS... : the command's output at $now against NAME.
golden() {
	_name=$1; shift
	run env LD_PRELOAD="$faketime_lib" FAKETIME="@2026-11-29 21:00:00" \
	    "$REHABIT" --library "$lib" --data-dir "$test_tmp/data" "$@"
	is "$rc" 0 "$_name: exit 0"
	if [ -n "${REHABIT_REGEN:-}" ]; then
		printf '%s\n' "$out" >"$fix/$_name"
	fi
	is "$out" "$(cat "$fix/$_name")" "$_name: as the golden file"
}

golden progress-12w.txt progress
golden progress-52w.txt progress --weeks 52
COLUMNS=60 golden progress-52w-60.txt progress --weeks 52
golden progress-all-ascii.txt progress --weeks all --ascii
golden report.md report --weeks 26

done_testing
