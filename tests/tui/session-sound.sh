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

# The peak amplitude of the WAV, 0 when it holds no audio (yet).
# --ignore-length: the header's data size is written only when the last
# sound's PCM is closed; the samples are in the file before that.
peak() {
	sox --ignore-length "$wav" -n stat 2>&1 | awk '/^Maximum amplitude/ { print $3 }'
}
has_audio() {
	awk -v m="$(peak)" 'BEGIN { exit !(m + 0 > 0.01) }'
}

session_start intervals
ok "the session runs" tui_wait "WORK" 5
# The last cue plays out over the pain form: wait for it there (a slow
# build, such as the sanitizer one, takes seconds per sound).
ok "the session ends: the pain form" tui_wait "Pain during the session" 15
i=0
until has_audio || [ $i -ge 400 ]; do
	sleep 0.05
	i=$((i + 1))
done
ok "a WAV file was written" test -s "$wav"
ok "the WAV holds audio (maximum amplitude $(peak))" has_audio
tui_keys q
tui_wait "Session done" >/dev/null
tui_keys q
ok "the program ends" tui_wait "[exit 0]" 10
done_testing
