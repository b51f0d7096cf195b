#!/bin/sh
# roundtrip-prop.sh - a property of every history: export, import into an
# empty history and export again give the same YAML, byte for byte, and
# the CSV has a row for every pain report. Each of ROUNDTRIP_RUNS (6)
# random histories is built through the command line from a seeded
# generator: sessions imported with every field at its limits, reports in
# the same second with red flags, notes long, appended to the limit and
# over it, in odd time zones; the first two also get a report through
# the pain form (tmux, the clock faked to an hour after the last session). ROUNDTRIP_SEED=N repeats a run (the seed is
# printed, and again on a failure).
. "$top_srcdir/tests/lib.sh"

lib="$top_srcdir/tests/fixtures/store/library"
need_faketime
seed=${ROUNDTRIP_SEED:-$(od -An -N4 -tu4 /dev/urandom | tr -d ' ')}
runs=${ROUNDTRIP_RUNS:-6}
echo "# seed $seed (ROUNDTRIP_SEED=$seed repeats this run)"

# gen SEED DIR : write DIR/build.sh (the commands that build a history),
# DIR/in.yaml (sessions to import) and the notes they use, DIR/note.N.
gen() {
	# Bytes, not characters: the limits are in bytes.
	LC_ALL=C awk -v seed="$1" -v dir="$2" '
	function rnd(n) { return int(rand() * n) }
	function pick(s,   a, n) { n = split(s, a, " "); return a[1 + rnd(n)] }
	# A note of about `len` bytes: UTF-8, quotes, YAML and CSV specials,
	# formulas, tabs and newlines.
	function note(len,   s, t) {
		s = ""
		while (length(s) < len) {
			t = pick("a b knee x é 漢 🦵 \" \x27 : # - = + @ , ; % \\\\ {} [] & * ! | > yes no 1 0.5 ~ null")
			if (rnd(8) == 0) t = "\t"
			if (rnd(10) == 0) t = "\n"
			if (rnd(5) == 0) t = " "
			s = s t
		}
		return s
	}
	function yq(s) {
		gsub(/\\/, "\\\\", s); gsub(/"/, "\\\"", s)
		gsub(/\t/, "\\t", s); gsub(/\n/, "\\n", s)
		return "\"" s "\""
	}
	# A note exactly `len` bytes long (x padding after the text; a token
	# is at most 4 bytes, so the text is at most 43).
	function exact(len,   s) {
		s = len >= 44 ? note(rnd(40)) : ""
		while (length(s) < len) s = s "x"
		return s
	}
	function savenote(s) {
		nn++
		printf "%s", s > (dir "/note." nn)
		close(dir "/note." nn)
		return nn
	}
	function off() {
		return pick("+00:00 +14:00 -12:00 +05:45 -09:30 +13:45 -03:30 +01:00")
	}
	function stamp(day, h, m, s, o) {
		return sprintf("2026-10-%02dT%02d:%02d:%02d%s", day, h, m, s, o)
	}
	BEGIN {
		srand(seed)
		y = dir "/in.yaml"; b = dir "/build.sh"
		print "format: rehabit-history/1\nsessions:" > y
		ns = 1 + rnd(4)
		for (i = 0; i < ns; i++) {
			day[i] = 2 + 3 * i + rnd(2); o = off()
			print "  - routine: knee-strength-1" > y
			start = stamp(day[i], 17, rnd(60), rnd(60), o)
			print "    start: " start > y
			if (rnd(4) > 0)
				print "    end: " stamp(day[i], 18, rnd(60), rnd(60), o) > y
			print "    completed: " pick("true false") > y
			if (rnd(2))
				printf "    pain: {during: %d, after: %d, morning: %d}\n", rnd(11), pick("0 10"), rnd(11) > y
			if (rnd(3) == 0)
				print "    note: " yq(rnd(2) ? exact(4096) : note(rnd(300))) > y
			print "    flags: [" (rnd(2) ? "swelling, locking, giving-way, night-pain, injury" : "") "]" > y
			print "    exercises:" > y
			print "      - exercise: wall-sit\n        side: both" > y
			print "        prescribed: {sets: 100, hold: 86400, relax: 1, rest: 0, level: 3}" > y
			printf "        done: [86400, 0" > y
			for (k = 0; k < rnd(98); k++) printf ", %d", rnd(86401) > y
			print "]\n        pain: " pick("0 10") > y
			print "      - exercise: lateral-step-down\n        side: " pick("left right") > y
			print "        prescribed: {sets: 1, reps: 10}\n        done: []" > y
		}
		print "pain: []" > y
		# The pain form, for the last session: its start, pain during and
		# now, the five warning signs, a note of one line.
		f = dir "/form"
		print start > f
		print rnd(10) "\n" rnd(10) > f
		print pick("y n n") " " pick("y n n n") " " pick("y n n n") " " \
		    pick("y n n n") " " pick("y n n n") > f
		t = note(rnd(120)); gsub(/[\t\n]/, " ", t)
		print t > f
		close(f)
		print "R=\"$REHABIT --data-dir $data\"" > b
		print "$R --library '"$lib"' import " dir "/in.yaml >/dev/null || exit 1" > b
		nc = 3 + rnd(10)
		for (c = 0; c < nc; c++) {
			cmd = "$R pain"
			# The evening after a session: its pain and its note.
			i = rnd(ns); d = day[i] + (rnd(3) == 0)
			when = rnd(3) == 0 ? sprintf("2026-10-%02d", d) : \
			    sprintf("2026-10-%02dT%s%s", d, pick("19:00 19:00 21:30 07:15"), off())
			if (rnd(4)) cmd = cmd " --" pick("during after morning after") " " rnd(11)
			if (rnd(3) == 0) cmd = cmd " --flag " pick("swelling locking giving-way night-pain injury")
			if (rnd(2)) {
				n = rnd(3) == 0 ? 1000 + rnd(3097) : rnd(60)
				cmd = cmd " --note \"$(cat " dir "/note." savenote(rnd(2) ? exact(n) : note(n)) ")\""
			}
			# Appending past the limit is refused (65): never stored.
			print cmd " --date " when " >/dev/null 2>&1" > b
			print "case $? in 0|2|65) ;; *) exit 1 ;; esac" > b
			# The same report again in the same second, now and then.
			if (rnd(3) == 0)
				print cmd " --date " when " >/dev/null 2>&1 || :" > b
		}
	}'
}

# form_report DIR : a report through the pain form, as DIR/form says, an
# hour after the session; saved, or not when the note has no room.
form_report() {
	{ read -r _start; read -r _during; read -r _now; read -r _yn
	    read -r _note; } <"$1/form"
	_t=$(( $(date -u -d "$_start" +%s) + 3600 ))
	tui_at "$(date -u -d "@$_t" '+%Y-%m-%d %H:%M:%S')" --data-dir "$data" pain
	tui_wait "Pain during the session" >/dev/null &&
	    tui_keys "$_during" Enter "$_now" Enter Enter &&
	    tui_wait "Is the knee swollen?" >/dev/null &&
	    tui_keys $_yn Enter &&
	    tui_wait "Anything worth remembering" >/dev/null &&
	    tui_keys -l "$_note" && tui_keys Enter &&
	    tui_wait "Check and save" >/dev/null && tui_keys Enter &&
	    tui_wait -E "Pain recorded|Not saved: the session's note" >/dev/null
	_rc=$?
	tui_stop
	return $_rc
}

# reports_in_csv FILE : the rows of reports on their own (no routine).
reports_in_csv() {
	awk 'BEGIN { RS = "\r\n"; n = 0 }
	    NR > 1 && /^[^,]*,,,/ { n++ }
	    END { print n }' "$1"
}

failed_before=0
i=1
while [ $i -le "$runs" ]; do
	s=$((seed + i))
	d="$test_tmp/run$i"
	mkdir -p "$d"
	gen "$s" "$d"
	data="$d/a"
	if ! REHABIT="$REHABIT" data="$data" sh "$d/build.sh"; then
		ok "history $i (seed $s): built" false
		i=$((i + 1)); continue
	fi
	if [ $i -le 2 ]; then
		ok "history $i (seed $s): a report through the pain form" \
		    form_report "$d"
	fi
	db="$data/history.db"
	reports=$(sql "SELECT count(*) FROM pain WHERE session IS NULL")
	run "$REHABIT" --data-dir "$data" export "$d/e1.yaml"
	is "$rc.$err" "0." "history $i (seed $s): exported"
	run "$REHABIT" --data-dir "$d/b" --library "$lib" import "$d/e1.yaml"
	is "$rc.$err" "0." "history $i (seed $s): imported into an empty history"
	run "$REHABIT" --data-dir "$d/b" --library "$lib" import "$d/e1.yaml"
	like "$out" ": 0 new sessions, [0-9]+ already there; 0 new pain reports, $reports already there\.$" \
	    "history $i (seed $s): imported twice, nothing added"
	"$REHABIT" --data-dir "$d/b" export "$d/e2.yaml"
	ok "history $i (seed $s): exported again, the same YAML" \
	    cmp "$d/e1.yaml" "$d/e2.yaml"
	"$REHABIT" --data-dir "$data" export --format csv "$d/e1.csv"
	is "$(reports_in_csv "$d/e1.csv")" "$reports" \
	    "history $i (seed $s): a CSV row for each of its $reports reports"
	i=$((i + 1))
done
[ "$t_failed" -eq 0 ] || echo "# failed with seed $seed: ROUNDTRIP_SEED=$seed"
done_testing
