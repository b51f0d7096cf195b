#!/bin/sh
# usage.sh - every command parses its options the same way (cmd_getopt):
# the same one-line errors and exit 2, --help and -h.
. "$top_srcdir/tests/lib.sh"

data="--data-dir=$test_tmp/data"
cmds=$("$REHABIT" --help | sed -n '/^Commands:/,/^$/s/^  \([a-z]*\) .*/\1/p')
is "$(echo $cmds)" "start list show check plan pain log progress report export import due" \
    "--help lists the commands"

for c in $cmds; do
	run "$REHABIT" "$data" "$c" --frob </dev/null
	is "$rc" 2 "$c --frob: exit 2"
	is "$err" "rehabit: $c: unknown option '--frob' (see 'rehabit $c --help')" \
	    "$c --frob: one line"
	run "$REHABIT" "$data" "$c" -Z </dev/null
	is "$err" "rehabit: $c: unknown option '-Z' (see 'rehabit $c --help')" \
	    "$c -Z: one line, exit $rc"
	run "$REHABIT" "$data" "$c" -h </dev/null
	is "$rc" 0 "$c -h: exit 0"
	like "$out" "^Usage: rehabit $c" "$c -h: the usage"
done

# An option that takes a value, given none: the same message everywhere.
for a in "plan --format" "export --format" "log --limit" "pain --note" \
    "progress --weeks" "report --routine"; do
	set -- $a
	run "$REHABIT" "$data" "$1" "$2" </dev/null
	is "$rc" 2 "$1 $2 without a value: exit 2"
	is "$err" "rehabit: $1: option '$2' needs a value (see 'rehabit $1 --help')" \
	    "$1 $2 without a value: one line"
done

done_testing
