#!/bin/sh
# man.sh - the manual pages: groff finds nothing to warn about, they
# document every command and every library key, and the example in
# rehabit(5) is a valid library file.
. "$top_srcdir/tests/lib.sh"

command -v groff >/dev/null 2>&1 || skip_all "groff is not installed"
m1="$top_srcdir/man/rehabit.1"
m5="$top_srcdir/man/rehabit.5"

for page in "$m1" "$m5"; do
	run groff -man -ww -z "$page"
	is "$rc" 0 "groff reads $(basename "$page")"
	is "$err" "" "groff -ww: no warnings for $(basename "$page")"
done

# Every command in `rehabit --help` has its entry in rehabit(1).
run "$REHABIT" --help
cmds=$(printf '%s\n' "$out" | sed -n '/^Commands:/,/^$/s/^  \([a-z]*\) .*/\1/p')
ok "rehabit --help lists commands" test -n "$cmds"
for c in $cmds; do
	ok "rehabit(1) documents $c" grep -Eq "^\.B[IR]? $c( |\$)" "$m1"
done
sed -n '/^\.SH OPTIONS/,/^\.SH/p' "$m1" | grep '^\.BI\{0,1\} ' \
    >"$test_tmp/opts"
for o in library data-dir no-sound no-color help version; do
	lit=$(printf '%s' "--$o" | sed 's/-/\\-/g')
	ok "rehabit(1) documents --$o" grep -qF -- " $lit" "$test_tmp/opts"
done
sed -n '/^\.SH EXIT STATUS/,/^\.SH/p' "$m1" >"$test_tmp/exit"
for s in 0 2 65 66 74 75; do
	ok "rehabit(1) documents exit status $s" grep -qx "\.B $s" "$test_tmp/exit"
done

# Every key the loader knows is in rehabit(5): the loader lists them in
# its unknown-key message.
printf '%s\n' 'exercises: [{x: 1}]' \
    'routines: [{x: 1, steps: [{x: 1, progression: {x: 1, reps: {x: 1}}}]}]' \
    >"$test_tmp/keys.yaml"
run "$REHABIT" check "$test_tmp/keys.yaml"
keys=$(printf '%s\n' "$err" | sed -n 's/.*unknown key .* (expected \(.*\))$/\1/p' |
    tr ',' '\n' | tr -d ' ' | sort -u)
is "$(printf '%s\n' "$keys" | wc -l)" 29 "the loader names 29 distinct keys"
for k in $keys; do
	ok "rehabit(5) documents '$k'" grep -Eq "^\.B[IR]? $k(\$|[ :])" "$m5"
done

# The example in rehabit(5) is a valid library.
sed -n '/^\.EX/,/^\.EE/p' "$m5" | sed '1d;$d' | sed 's/\\-/-/g' \
    >"$test_tmp/example.yaml"
mkdir "$test_tmp/empty"
run "$REHABIT" --library "$test_tmp/empty" check "$test_tmp/example.yaml"
is "$rc" 0 "the example in rehabit(5) checks clean"
is "$out" "1 file, 3 exercises, 1 routine: ok" "the example's contents"

done_testing
