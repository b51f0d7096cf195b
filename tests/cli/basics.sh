#!/bin/sh
# basics.sh - global options, --help, --version, unknown commands.
. "$top_srcdir/tests/lib.sh"

run "$REHABIT" --version
is "$rc" 0 "--version exits 0"
like "$out" '^rehabit [0-9]+\.[0-9]+\.[0-9]+$' "--version names the version"
like "$out" '^features: [-+]sound' "--version names the features built"

run "$REHABIT" --help
is "$rc" 0 "--help exits 0"
like "$out" '^Usage: rehabit' "--help shows usage"
like "$out" 'physiotherapist' "--help says it is a coach, not a diagnosis"

run "$REHABIT" --frobnicate
is "$rc" 2 "unknown option exits 2"
is "$err" "rehabit: unknown option '--frobnicate' (see 'rehabit --help')" \
    "unknown option: one-line error"

run "$REHABIT" frobnicate
is "$rc" 2 "unknown command exits 2"
is "$err" "rehabit: unknown command 'frobnicate' (see 'rehabit --help')" \
    "unknown command: one-line error"

run "$REHABIT" --library
is "$rc" 2 "--library without a folder exits 2"
like "$err" "^rehabit: option '--library' needs a folder" \
    "--library without a folder: one-line error"

run "$REHABIT" --data-dir= --version
is "$rc" 2 "--data-dir= (empty) exits 2"

done_testing
