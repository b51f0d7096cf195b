#!/bin/sh
# sound-lazy.sh - libcanberra is not linked: only a session that plays
# cues loads it (src/cue.c), so other commands do not pay for mapping it.
. "$top_srcdir/tests/lib.sh"

command -v readelf >/dev/null 2>&1 || skip_all "readelf is not installed"

needed=$(readelf -d "$REHABIT" | awk '/NEEDED/ { print $NF }')
unlike "$needed" 'canberra' "rehabit does not link libcanberra"
like "$needed" 'yaml' "readelf lists the libraries linked (libyaml)"

run "$REHABIT" --version
case $out in
*+sound*)
	like "$out" 'loaded when needed' \
	    "--version says libcanberra is loaded when needed";;
*)
	like "$out" '-sound' "--version: built without sound";;
esac
done_testing
