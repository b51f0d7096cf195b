#!/bin/sh
# completion.sh - the bash and zsh completion scripts: commands, options,
# option values, routine ids and file names, all from `rehabit __complete`
# (the tables that parse the command line), none listed in the scripts.
. "$top_srcdir/tests/lib.sh"

lib="$top_srcdir/tests/fixtures/tui/library"
bash_script="$top_srcdir/completion/bash/rehabit"
zsh_script="$top_srcdir/completion/zsh/_rehabit"

# comp WORD... : what bash offers for the last WORD, sorted, on one line.
comp() {
	bash -c '. "$1"; shift
	    COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); _rehabit
	    printf "%s\n" "${COMPREPLY[@]}" | LC_ALL=C sort | tr "\n" " "' \
	    comp "$bash_script" "$REHABIT" "$@"
}

ok "bash: the script sources without error" \
    bash -c '. "$1" && complete -p rehabit >/dev/null' sh "$bash_script"

is "$(comp '')" "check due export import list log pain plan progress report show start " \
    "bash: every command, and no hidden one"
is "$(comp pl)" "plan " "bash: a command from its first letters"
is "$(comp frob '')" " " "bash: nothing after an unknown command"
is "$(comp --)" "--data-dir --help --library --no-color --no-sound --version " \
    "bash: the global options before a command"

is "$(comp plan --)" "--data-dir --format --help --library --no-color --no-sound --why " \
    "bash: the options of plan, and the global ones"
is "$(comp plan --w)" "--why " "bash: an option from its first letters"
is "$(comp plan --format '')" "text yaml " "bash: the values of plan --format"
is "$(comp export --format '')" "csv yaml " "bash: the values of export --format"
is "$(comp pain --flag g)" "giving-way " "bash: a red flag's name"
is "$(comp pain --during 1)" "1 10 " "bash: a pain score"
is "$(comp due -)" "--data-dir --help --library --no-color --no-sound --quiet " \
    "bash: the options of due"
is "$(comp progress --weeks '')" " " "bash: nothing to offer for a number"

is "$(comp --library "$lib" start '')" "intervals long quick sides tempo " \
    "bash: start, the routine ids of --library"
is "$(comp start --library="$lib" q)" "quick " \
    "bash: --library=DIR after the command, a routine from its first letters"
like "$(comp start '')" "knee-strength-1" \
    "bash: start, the routine ids of the bundled library"
is "$(comp --library "$lib" start quick '')" " " \
    "bash: start takes one routine"
is "$(comp --library "$lib" plan --why '')" "intervals long quick sides tempo " \
    "bash: plan, routine ids after an option"
is "$(comp --library "$lib" show t)" "tempo " "bash: show, a routine id"
is "$(comp --library "$lib" progress --routine '')" \
    "intervals long quick sides tempo " "bash: progress --routine, routine ids"

mkdir -p "$test_tmp/files/sub"
: >"$test_tmp/files/history.yaml"
cd "$test_tmp/files" || exit 1
is "$(comp import h)" "history.yaml " "bash: import, a file name"
is "$(comp export '')" "history.yaml sub " "bash: export, file names"
is "$(comp --data-dir '')" "sub " "bash: --data-dir, folders only"
cd - >/dev/null || exit 1

# Every option offered is one the command takes (the same table).
for cmd in $(comp ''); do
	for opt in $(comp "$cmd" --); do
		run "$REHABIT" --library "$lib" --data-dir "$test_tmp/data" \
		    "$cmd" "$opt" --help </dev/null
		unlike "$err" "unknown option" "$cmd takes the $opt it offers"
	done
done

if command -v zsh >/dev/null 2>&1; then
	ok "zsh: the script parses" zsh -n "$zsh_script"
	# compadd and _files stand in for zsh's completion system.
	zcomp() {
		zsh -f -c 'compadd() { print -r -- "${(@P)2}" }
		    _files() { print -r -- "files $*" }
		    script=$1; shift; words=("$@"); CURRENT=$#
		    source "$script"' zcomp "$zsh_script" "$REHABIT" "$@"
	}
	is "$(zcomp plan --format '')" "text yaml" "zsh: plan --format values"
	is "$(zcomp --library "$lib" start q)" "quick" "zsh: a routine id"
	is "$(zcomp pl)" "plan" "zsh: a command"
	is "$(zcomp export '')" "files " "zsh: export, file names"
	is "$(zcomp --library '')" "files -/" "zsh: --library, folders"
else
	t_count=$((t_count + 1))
	echo "ok $t_count # SKIP zsh is not installed (./quickstart installs it)"
fi

done_testing
