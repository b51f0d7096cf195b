#!/bin/sh
# start.sh - `rehabit start` before the screen: its help, usage errors, an
# unknown routine, a bad settings file, no terminal.
. "$top_srcdir/tests/lib.sh"

lib="$top_srcdir/tests/fixtures/tui/library"
conf="$XDG_CONFIG_HOME/rehabit/config.yaml"

run "$REHABIT" start --help
is "$rc" 0 "start --help exits 0"
like "$out" '^Usage: rehabit start \[ROUTINE\]' "start --help: usage"
like "$out" 'q +quit' "start --help: the keys"
like "$out" 'config.yaml' "start --help: the settings file"

run "$REHABIT" --library "$lib" start --fast
is "$rc" 2 "an unknown option exits 2"
is "$err" "rehabit: start: unknown option '--fast' (see 'rehabit start --help')" \
    "unknown option: one line"

run "$REHABIT" --library "$lib" start quick long
is "$rc" 2 "two routines exit 2"
like "$err" '^rehabit: start: one routine at a time' "two routines: one line"

run "$REHABIT" --library "$lib" start nosuch </dev/null
is "$rc" 66 "an unknown routine exits 66"
is "$err" "rehabit: start: no routine 'nosuch' in the library (see 'rehabit list')" \
    "unknown routine: one line"

run "$REHABIT" --library "$lib" start quick </dev/null
is "$rc" 2 "no terminal exits 2"
is "$err" "rehabit: start: the session needs a terminal ('rehabit show quick' prints it)" \
    "no terminal: one line"
ok "no terminal: no history created" test ! -e "$XDG_DATA_HOME/rehabit"
run "$REHABIT" --library "$lib" start </dev/null
is "$rc" 2 "no terminal, no routine named: exits 2"
is "$err" "rehabit: start: the session needs a terminal ('rehabit plan' prints today's doses)" \
    "no terminal, no routine named: one line"

mkdir -p "$XDG_CONFIG_HOME/rehabit"
printf 'ready: 1\nvolume: 11\n' >"$conf"
run "$REHABIT" --library "$lib" start quick </dev/null
is "$rc" 65 "a bad settings file exits 65"
is "$err" "$conf:2:1: unknown setting 'volume' (known: sound, color, ready, rest, switch)" \
    "bad settings: FILE:LINE:COLUMN: message"

printf 'ready: soon\n' >"$conf"
run "$REHABIT" --library "$lib" start quick </dev/null
is "$rc" 65 "a bad value exits 65"
is "$err" "$conf:1:8: 'ready' takes a number of seconds from 0 to 3600, not 'soon'" \
    "bad value: FILE:LINE:COLUMN: message"

printf 'ready: [1\n' >"$conf"
run "$REHABIT" --library "$lib" start quick </dev/null
is "$rc" 65 "broken YAML exits 65"
like "$err" "^$conf:2:1: " "broken YAML: FILE:LINE:COLUMN"

rm "$conf"
mkdir "$conf"
run "$REHABIT" --library "$lib" start quick </dev/null
is "$rc" 74 "an unreadable settings file exits 74"
like "$err" "^$conf: " "unreadable settings: names the file"
rmdir "$conf"

# A FIFO named config.yaml: opening it would wait for a writer for ever.
mkfifo "$conf"
run timeout 10 "$REHABIT" --library "$lib" start quick </dev/null
is "$rc" 74 "a FIFO as the settings file exits 74 at once"
is "$err" "$conf: not a regular file" "FIFO settings: one line naming it"
rm "$conf"

run "$REHABIT" --library "$test_tmp/none" start quick </dev/null
is "$rc" 66 "a missing library exits 66"

# The manual documents the session keys and every setting.
m1="$top_srcdir/man/rehabit.1"
m5="$top_srcdir/man/rehabit.5"
sed -n '/^\.SH KEYS/,/^\.SH/s/^\.BR\{0,1\} //p' "$m1" |
    sed 's/\\-/-/g; s/[",]/ /g' | tr ' ' '\n' | grep -v '^$' >"$test_tmp/keys"
for k in Enter p s u n Right b Left + - q '?'; do
	ok "rehabit(1) KEYS: $k" grep -qFx -- "$k" "$test_tmp/keys"
done
sed -n '/^\.SH CONFIGURATION/,/^\.SH/p' "$m5" >"$test_tmp/conf"
for k in sound color ready rest switch; do
	ok "rehabit(5) CONFIGURATION: $k" grep -Eq "^\.BI?R? \"?$k:" \
	    "$test_tmp/conf"
done

# A library file with problems stops only what depends on it.
own="$XDG_CONFIG_HOME/rehabit/library"
mkdir -p "$own"
printf 'exercises:\n  - {id: my-ex, name: Mine, kind: reps, colour: red}\n' \
    >"$own/zbad.yaml"
printf 'routines:\n  - {id: my-other, name: Other, steps: [{exercise: my-ex, sets: 1, reps: 5}]}\n' \
    >"$own/mine.yaml"
run "$REHABIT" start knee-strength-1 </dev/null
is "$rc" 2 "a broken file: a bundled routine still goes on (to the terminal check)"
run "$REHABIT" start my-other </dev/null
is "$rc" 65 "a routine that needs the broken file: exit 65"
is "$err" "$own/zbad.yaml:2:41: unknown key 'colour' in an exercise (expected id, name, kind, focus, sides, cues, levels)
rehabit: start: 'my-other' cannot start: it uses 'my-ex' of $own/zbad.yaml, which has problems (see 'rehabit check')" \
    "a routine that needs the broken file: the problem, then why"
rm -r "$own"
done_testing
