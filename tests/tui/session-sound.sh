#!/bin/sh
# session-sound.sh - a whole session with sound, captured for real:
# libcanberra's ALSA backend writes to a WAV file through ALSA's file
# plugin (HOME/.asoundrc), and the file must hold audio.
. "$top_srcdir/tests/tui/session-common.sh"

"$REHABIT" --version | grep -q '+sound' ||
    skip_all "built without libcanberra"
command -v sox >/dev/null 2>&1 || skip_all "sox is not installed"

wav="$test_tmp/out.wav"
cat >"$HOME/.asoundrc" <<ASOUND
pcm.!default {
	type file
	slave.pcm "null"
	file "$wav"
	format "wav"
}
ASOUND
printf 'ready: 1\nswitch: 1\nsound: true\n' \
    >"$XDG_CONFIG_HOME/rehabit/config.yaml"

session_start intervals
ok "the session runs" tui_wait "WORK" 5
ok "the session ends" tui_wait "[exit 0]" 15
ok "a WAV file was written" test -s "$wav"
max=$(sox "$wav" -n stat 2>&1 | awk '/^Maximum amplitude/ { print $3 }')
ok "the WAV holds audio (maximum amplitude $max)" \
    awk -v m="${max:-0}" 'BEGIN { exit !(m > 0.01) }'
done_testing
