/*
 * test-histfile.c - the history file: ISO times, reading rehabit(5)'s
 * example, every kind of bad record with its FILE:LINE:COLUMN, hostile
 * input, and write -> read -> write giving the same bytes.
 */
#include "config.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "histfile.h"
#include "isotime.h"
#include "tap.h"
#include "xmalloc.h"

static struct exercise	cat_ex[] = {
	{ .id = "wall-sit" }, { .id = "step-down" }, { .id = "clamshell" }
};
static struct routine	cat_rt[] = { { .id = "knee-strength-1" } };
static struct catalog	cat = {
	.ex = cat_ex, .nex = 3, .rt = cat_rt, .nrt = 1
};

static const char design_example[] =
	"format: rehabit-history/1\n"
	"sessions:\n"
	"  - routine: knee-strength-1\n"
	"    start: 2026-11-02T18:00:00+01:00     # ISO 8601 with offset\n"
	"    end: 2026-11-02T18:24:10+01:00\n"
	"    completed: true\n"
	"    pain: {during: 2, after: 3, morning: 1}\n"
	"    note: felt fine\n"
	"    flags: []\n"
	"    exercises:\n"
	"      - exercise: wall-sit\n"
	"        side: both\n"
	"        prescribed: {sets: 3, hold: 30, rest: 45}\n"
	"        done: [30, 30, 22]\n"
	"        pain: 4\n"
	"pain:\n"
	"  - {at: 2026-11-05T07:30:00+01:00, kind: morning, score: 2, "
	"note: stiff, flags: [swelling]}\n";

static void
test_isotime(void)
{
	struct isotime	t;
	char		buf[ISOTIME_LEN];
	int64_t		utc;
	int		off;

	is_int(isotime_scan("2026-11-02T18:00:00+01:00", &t), 0, "full time");
	is_int(isotime_utc(&t), 1793638800, "UTC of it");
	is_int(t.off, 3600, "its offset");
	isotime_format(1793638800, 3600, buf, sizeof buf);
	is_str(buf, "2026-11-02T18:00:00+01:00", "formats back");
	isotime_format(1793638800, -5 * 3600 - 1800, buf, sizeof buf);
	is_str(buf, "2026-11-02T11:30:00-05:30", "negative half-hour offset");
	isotime_format_short(1793638800, 0, buf, sizeof buf);
	is_str(buf, "2026-11-02 17:00", "short form");
	is_int(isotime_scan("2024-02-29", &t), 0, "leap day");
	ok(!t.has_time && !t.has_off, "a date alone");
	is_int(isotime_scan("2023-02-29", &t), -1, "not a leap year");
	is_int(isotime_scan("1900-02-29", &t), -1, "1900 is not leap");
	is_int(isotime_scan("2000-02-29T00:00Z", &t), 0, "2000 is; Z");
	is_int(isotime_utc(&t), 951782400, "2000-02-29 UTC");
	is_int(isotime_scan("2026-04-31", &t), -1, "April has 30 days");
	is_int(isotime_scan("2026-13-01", &t), -1, "month 13");
	is_int(isotime_scan("2026-11-02T24:00", &t), -1, "hour 24");
	is_int(isotime_scan("2026-11-02T18:60", &t), -1, "minute 60");
	is_int(isotime_scan("2026-11-02T18:00+19:00", &t), -1, "offset +19");
	is_int(isotime_scan("2026-11-02T18:00:00+0100", &t), 0, "+0100");
	is_int(isotime_scan("2026-11-2", &t), -1, "one-digit day");
	is_int(isotime_scan("2026-11-02x", &t), -1, "trailing junk");
	is_int(isotime_scan("yesterday", &t), -1, "words");
	is_int(isotime_scan("", &t), -1, "empty");
	isotime_scan("1969-12-31T23:59:59Z", &t);
	is_int(isotime_utc(&t), -1, "before the epoch");
	isotime_format(-1, 0, buf, sizeof buf);
	is_str(buf, "1969-12-31T23:59:59+00:00", "formats before the epoch");
	/* TZ=UTC in the tests. */
	isotime_scan("2026-11-02T18:00", &t);
	is_int(isotime_resolve(&t, &utc, &off), 0, "local time resolves");
	is_int(utc, 1793642400, "as UTC under TZ=UTC");
	is_int(off, 0, "offset 0 under TZ=UTC");
}

static void
test_design_example(void)
{
	struct history	h;
	struct diags	d;

	history_init(&h);
	diags_init(&d);
	is_int(histfile_parse("ex.yaml", design_example,
	    strlen(design_example), &cat, &h, &d), 0,
	    "rehabit(5)'s example reads");
	diags_print(&d, stdout);
	is_int(h.ns, 1, "one session");
	is_str(h.s[0].routine, "knee-strength-1", "routine");
	is_int(h.s[0].start, 1793638800, "start in UTC");
	is_int(h.s[0].utc_off, 3600, "offset kept");
	is_int(h.s[0].end - h.s[0].start, 24 * 60 + 10, "duration");
	ok(h.s[0].completed, "completed");
	is_int(h.s[0].pain_during, 2, "pain during");
	is_int(h.s[0].pain_after, 3, "pain after");
	is_int(h.s[0].pain_morning, 1, "morning pain");
	is_str(h.s[0].note, "felt fine", "note");
	is_int(h.s[0].flags, 0, "no flags");
	is_int(h.s[0].nex, 1, "one exercise");
	is_int(h.s[0].ex[0].prescribed.hold, 30, "prescribed hold");
	is_int(h.s[0].ex[0].prescribed.rest, 45, "prescribed rest");
	is_int(h.s[0].ex[0].ndone, 3, "three sets");
	is_int(h.s[0].ex[0].done[2], 22, "third set");
	is_int(h.s[0].ex[0].pain, 4, "exercise pain");
	is_int(h.np, 1, "one report");
	is_int(h.p[0].kind, PAIN_MORNING, "morning report");
	is_int(h.p[0].flags, FLAG_SWELLING, "swelling");
	is_str(h.p[0].note, "stiff", "report note");
	history_free(&h);
	diags_free(&d);
}

/* Parse `len` bytes of `text`; one of the problems must read `want`. */
static void
bad_len(const char *text, size_t len, const char *want, const char *desc)
{
	struct history	 h;
	struct diags	 d;
	char		*got = NULL, *first = NULL;
	size_t		 n, i;

	history_init(&h);
	diags_init(&d);
	n = histfile_parse("h.yaml", text, len, &cat, &h, &d);
	ok(n > 0, "%s: refused", desc);
	for (i = 0; i < d.n; i++) {
		free(got);
		if (d.v[i].loc.line > 0)
			xasprintf(&got, "%s:%d:%d: %s", d.v[i].file,
			    d.v[i].loc.line, d.v[i].loc.col, d.v[i].msg);
		else
			xasprintf(&got, "%s: %s", d.v[i].file, d.v[i].msg);
		if (first == NULL)
			first = xstrdup(got);
		if (strcmp(got, want) == 0)
			break;
	}
	is_str(i < d.n ? got : first != NULL ? first : "(nothing)", want,
	    "%s: message", desc);
	free(got);
	free(first);
	history_free(&h);
	diags_free(&d);
}

static void
bad(const char *text, const char *want, const char *desc)
{
	bad_len(text, strlen(text), want, desc);
}

#define HEAD	"format: rehabit-history/1\nsessions:\n"
#define S1	"- routine: knee-strength-1\n  start: 2026-11-02T18:00:00+01:00\n" \
		"  completed: true\n"

static void
test_bad_records(void)
{
	bad("", "h.yaml: not a history file (no 'format: rehabit-history/1')",
	    "empty file");
	bad("format: rehabit-history/2\n",
	    "h.yaml:1:9: format 'rehabit-history/2' is not rehabit-history/1 "
	    "(the history format this rehabit reads)", "newer format");
	bad("- 1\n", "h.yaml:1:1: a history file must be a mapping "
	    "(key: value)", "a list");
	bad("format: rehabit-history/1\nextra: 1\n",
	    "h.yaml:2:1: unknown key 'extra' in a history file", "unknown key");
	bad(HEAD S1 "  pain: {during: 11}\n",
	    "h.yaml:6:18: pain during: 11 is not between 0 and 10",
	    "pain 11");
	bad(HEAD S1 "  pain: {after: -1}\n",
	    "h.yaml:6:17: pain after: -1 is not between 0 and 10", "pain -1");
	bad(HEAD S1 "  pain: {morning: two}\n",
	    "h.yaml:6:19: morning pain: 'two' is not a whole number",
	    "pain in words");
	bad(HEAD "- routine: knee-strength-1\n  start: 2026-02-30T18:00:00Z\n"
	    "  completed: true\n",
	    "h.yaml:4:10: start: '2026-02-30T18:00:00Z' is not a date and time "
	    "like 2026-11-02T18:00:00+01:00", "30 February");
	bad(HEAD "- routine: knee-strength-1\n  start: 2026-02-03T18:00:00\n"
	    "  completed: true\n",
	    "h.yaml:4:10: start: '2026-02-03T18:00:00' is not a date and time "
	    "like 2026-11-02T18:00:00+01:00", "no offset");
	bad(HEAD "- routine: hip-thing\n  start: 2026-02-03T18:00:00Z\n"
	    "  completed: true\n",
	    "h.yaml:3:12: unknown routine 'hip-thing' (not in the library)",
	    "unknown routine");
	bad(HEAD "- routine: Knee\n  start: 2026-02-03T18:00:00Z\n"
	    "  completed: true\n",
	    "h.yaml:3:12: routine: 'Knee' is not an id (a-z, 0-9 and -)",
	    "bad id");
	bad(HEAD S1 "  exercises:\n  - exercise: lunge\n",
	    "h.yaml:7:15: unknown exercise 'lunge' (not in the library)",
	    "unknown exercise");
	bad(HEAD S1 "  exercises:\n  - side: left\n",
	    "h.yaml:7:5: an exercise record needs 'exercise'",
	    "exercise without id");
	bad(HEAD S1 "  exercises:\n  - {exercise: wall-sit, side: up}\n",
	    "h.yaml:7:32: side: 'up' is not both, left or right", "bad side");
	bad(HEAD S1 "  exercises:\n  - {exercise: wall-sit, done: [1, x]}\n",
	    "h.yaml:7:36: a set: 'x' is not a whole number", "bad set");
	bad(HEAD S1 "  exercises:\n  - {exercise: wall-sit, done: [90000]}\n",
	    "h.yaml:7:33: a set: 90000 is not between 0 and 86400",
	    "a set longer than a day");
	bad(HEAD S1 "  exercises:\n  - {exercise: wall-sit, prescribed: "
	    "{sets: 3, weight: 5}}\n",
	    "h.yaml:7:48: unknown key 'weight' in prescribed",
	    "unknown dose key");
	bad(HEAD S1 "  exercises:\n  - {exercise: wall-sit}\n"
	    "  - {exercise: wall-sit}\n",
	    "h.yaml:8:5: wall-sit (both) recorded twice in this session",
	    "exercise twice");
	bad(HEAD S1 "  flags: [swelling, sore]\n",
	    "h.yaml:6:21: unknown flag 'sore' (swelling, locking, giving-way, "
	    "night-pain or injury)", "unknown flag");
	bad(HEAD S1 "  flags: swelling\n",
	    "h.yaml:6:10: flags must be a list, like [swelling, night-pain]",
	    "flags not a list");
	bad(HEAD S1 "  completed: yes\n",
	    "h.yaml:6:3: 'completed' given twice in a session", "key twice");
	bad(HEAD "- routine: knee-strength-1\n  start: 2026-02-03T18:00:00Z\n"
	    "  completed: maybe\n",
	    "h.yaml:5:14: completed: 'maybe' is not true or false",
	    "bad boolean");
	bad(HEAD "- routine: knee-strength-1\n  start: 2026-02-03T18:00:00Z\n",
	    "h.yaml:3:3: a session needs 'completed' (true or false)",
	    "no completed");
	bad(HEAD "- routine: knee-strength-1\n  start: 2026-02-03T18:00:00Z\n"
	    "  end: 2026-02-03T17:00:00Z\n  completed: true\n",
	    "h.yaml:5:8: end is before start", "end before start");
	bad(HEAD S1 S1, "h.yaml: two sessions of knee-strength-1 start at "
	    "2026-11-02T18:00:00+01:00", "the same session twice");
	bad("format: rehabit-history/1\npain:\n- {at: 2026-11-02T07:00:00Z, "
	    "kind: morning}\n",
	    "h.yaml:3:3: a pain report needs 'score'", "report without score");
	bad("format: rehabit-history/1\npain:\n- {at: 2026-11-02T07:00:00Z, "
	    "kind: evening, score: 2}\n",
	    "h.yaml:3:36: kind: 'evening' is not during, after or morning",
	    "bad kind");
	bad(HEAD S1 "  note: [a, b]\n",
	    "h.yaml:6:9: note must be a single value", "note not a string");
	bad("format: rehabit-history/1\nsessions: [\n",
	    "h.yaml:3:1: did not find expected node content while parsing a "
	    "flow node", "broken YAML");
}

static void
test_hostile(void)
{
	char	*big, *deep;
	size_t	 i, n;

	bad("format: &f rehabit-history/1\n",
	    "h.yaml:1:9: anchors are not allowed in a history file", "anchor");
	bad("a: &x 1\nformat: *x\n",
	    "h.yaml:1:4: anchors are not allowed in a history file",
	    "anchor first");
	bad("format: !!str rehabit-history/1\n",
	    "h.yaml:1:9: tags are not allowed in a history file", "tag");
	bad("format: rehabit-history/1\n---\nformat: rehabit-history/1\n",
	    "h.yaml:2:1: more than one document in a history file",
	    "two documents");

	n = HISTFILE_MAX_SCALAR + 10;
	big = xmalloc(n + 64);
	strcpy(big, "format: ");
	for (i = 8; i < n; i++)
		big[i] = 'x';
	big[n] = '\0';
	bad(big, "h.yaml:1:9: value longer than 4096 bytes", "long scalar");
	free(big);

	n = 10000;
	deep = xmalloc(n * 2 + 64);
	strcpy(deep, "format: ");
	for (i = 0; i < n; i++)
		deep[8 + i] = '[';
	deep[8 + n] = '\0';
	bad(deep, "h.yaml:1:24: nested deeper than 16 levels", "deep nesting");
	free(deep);

	/* Many exercise records in one session: refused, and quickly. */
	n = 300;
	big = xmalloc(n * 40 + 256);
	strcpy(big, HEAD S1 "  exercises:\n");
	for (i = 0; i < n; i++)
		sprintf(big + strlen(big), "  - {exercise: e%zu}\n", i);
	{
		struct history	h;
		struct diags	d;

		history_init(&h);
		diags_init(&d);
		ok(histfile_parse("h.yaml", big, strlen(big), NULL, &h, &d) == 1,
		    "too many exercise records: refused, once");
		ok(d.n == 1 && d.v[0].loc.line == 263 && strcmp(d.v[0].msg,
		    "more than 256 exercise records in a session") == 0,
		    "too many exercise records: message");
		history_free(&h);
		diags_free(&d);
	}
	free(big);

	{
		struct history	h;
		struct diags	d;

		history_init(&h);
		diags_init(&d);
		ok(histfile_parse("h.yaml", "x", HISTFILE_MAX_FILE + 1UL, &cat,
		    &h, &d) == 1, "a buffer over the size limit is refused "
		    "unread");
		diags_free(&d);
	}
	bad_len("format: rehabit-history/1\n\0sessions: []\n", 40,
	    "h.yaml:2:1: control characters are not allowed", "a NUL byte");
}

static char *
write_yaml(const struct history *h)
{
	FILE	*fp;
	char	*buf = NULL;
	size_t	 len = 0;

	fp = open_memstream(&buf, &len);
	ok(histfile_write_yaml(fp, h) == 0, "written");
	fclose(fp);
	return buf;
}

static void
test_round_trip(void)
{
	struct history		 h, h2;
	struct hist_session	*s;
	struct hist_exercise	*e;
	struct hist_pain	*p;
	struct diags		 d;
	char			*one, *two;
	int			 i;

	history_init(&h);
	for (i = 0; i < 3; i++) {
		s = history_add_session(&h);
		s->routine = xstrdup("knee-strength-1");
		s->start = 1793638800 + i * 86400;
		s->utc_off = i == 1 ? -7 * 3600 : 3600;
		s->end = i == 2 ? 0 : s->start + 1450;
		s->completed = i != 2;
		s->pain_during = i;
		s->pain_morning = i == 1 ? 3 : PAIN_NONE;
		s->flags = i == 1 ? FLAG_SWELLING | FLAG_INJURY : 0;
		s->note = i == 0 ? xstrdup("felt: \"fine\", mostly\n# not "
		    "a comment") : i == 1 ? xstrdup("10") : NULL;
		e = history_add_exercise(s);
		e->exercise = xstrdup("wall-sit");
		e->prescribed.sets = 3;
		e->prescribed.hold = 30;
		e->prescribed.rest = 45;
		e->ndone = 3;
		e->done = xcalloc(3, sizeof *e->done);
		e->done[0] = e->done[1] = 30;
		e->done[2] = 22 + i;
		e->pain = i == 0 ? 4 : PAIN_NONE;
		e = history_add_exercise(s);
		e->exercise = xstrdup("step-down");
		e->side = SIDE_RIGHT;
		e->prescribed.sets = 2;
		e->prescribed.reps = 10;
	}
	p = history_add_pain(&h);
	p->at = 1793638800 + 5 * 86400;
	p->utc_off = 3600;
	p->kind = PAIN_MORNING;
	p->score = 2;
	p->flags = FLAG_NIGHT_PAIN;
	p->note = xstrdup("true");

	one = write_yaml(&h);
	ok(strncmp(one, "format: rehabit-history/1\nsessions:\n", 36) == 0,
	    "starts with the format line");
	ok(strstr(one, "prescribed: {sets: 3, hold: 30, rest: 45}") != NULL,
	    "doses in flow style as rehabit(5) writes them");
	ok(strstr(one, "done: [30, 30, 22]") != NULL, "sets in flow style");
	ok(strstr(one, "note: \"10\"") != NULL, "a number-like note quoted");
	history_init(&h2);
	diags_init(&d);
	is_int(histfile_parse("rt.yaml", one, strlen(one), &cat, &h2, &d), 0,
	    "what is written reads back");
	diags_print(&d, stdout);
	is_str(h2.s[0].note, h.s[0].note, "a hard note survives");
	is_int(h2.s[1].utc_off, -7 * 3600, "offsets survive");
	is_int(h2.s[2].end, 0, "a session in progress has no end");
	two = write_yaml(&h2);
	is_str(two, one, "write -> read -> write gives the same file");
	free(one);
	free(two);
	history_free(&h);
	history_free(&h2);
	diags_free(&d);
}

static void
test_csv(void)
{
	struct history	 h;
	struct diags	 d;
	FILE		*fp;
	char		*buf = NULL;
	size_t		 len = 0;

	history_init(&h);
	diags_init(&d);
	histfile_parse("ex.yaml", design_example, strlen(design_example),
	    &cat, &h, &d);
	h.s[0].note = (free(h.s[0].note), xstrdup("said \"ok\", then left"));
	fp = open_memstream(&buf, &len);
	is_int(histfile_write_csv(fp, &h), 0, "CSV written");
	fclose(fp);
	is_str(buf,
	    "start,end,routine,completed,pain_during,pain_after,pain_morning,"
	    "flags,note,exercise,side,prescribed,set,done,exercise_pain\r\n"
	    "2026-11-02T18:00:00+01:00,2026-11-02T18:24:10+01:00,"
	    "knee-strength-1,true,2,3,1,,\"said \"\"ok\"\", then left\","
	    "wall-sit,both,sets=3 hold=30 rest=45,1,30,4\r\n"
	    "2026-11-02T18:00:00+01:00,2026-11-02T18:24:10+01:00,"
	    "knee-strength-1,true,2,3,1,,\"said \"\"ok\"\", then left\","
	    "wall-sit,both,sets=3 hold=30 rest=45,2,30,4\r\n"
	    "2026-11-02T18:00:00+01:00,2026-11-02T18:24:10+01:00,"
	    "knee-strength-1,true,2,3,1,,\"said \"\"ok\"\", then left\","
	    "wall-sit,both,sets=3 hold=30 rest=45,3,22,4\r\n"
	    "2026-11-05T07:30:00+01:00,,,,,,2,swelling,stiff,,,,,,\r\n",
	    "CSV: RFC 4180, one row per set, reports in time order");
	free(buf);
	history_free(&h);
	diags_free(&d);
}

/*
 * The public YAML test suite through the history reader: nothing crashes
 * (ASan runs this too), and every file marked as an error is refused.
 */
static void
test_corpus(void)
{
	const char	*dir = ABS_SRCDIR "/tests/fixtures/yaml-test-suite";
	struct dirent	*de;
	struct history	 h;
	struct diags	 d;
	DIR		*dp;
	FILE		*fp;
	char		*path, buf[65536];
	size_t		 n, files = 0, refused = 0, errors = 0, bad = 0;

	if ((dp = opendir(dir)) == NULL) {
		ok(0, "open %s", dir);
		return;
	}
	while ((de = readdir(dp)) != NULL) {
		n = strlen(de->d_name);
		if (n < 5 || strcmp(de->d_name + n - 5, ".yaml") != 0)
			continue;
		xasprintf(&path, "%s/%s", dir, de->d_name);
		if ((fp = fopen(path, "rb")) == NULL) {
			free(path);
			continue;
		}
		n = fread(buf, 1, sizeof buf, fp);
		fclose(fp);
		history_init(&h);
		diags_init(&d);
		files++;
		if (histfile_parse(path, buf, n, &cat, &h, &d) > 0)
			refused++;
		else if (strstr(de->d_name, ".error.") != NULL) {
			tap_diag("an error file was accepted: %s", path);
			bad++;
		}
		if (strstr(de->d_name, ".error.") != NULL)
			errors++;
		history_free(&h);
		diags_free(&d);
		free(path);
	}
	closedir(dp);
	ok(files > 300, "the YAML test suite: %zu files read", files);
	ok(errors > 0 && bad == 0, "every one of the %zu error files refused",
	    errors);
	/* None is a history file: each is refused, none crashes. */
	is_int(refused, files, "no test-suite file is taken for a history");
}

int
main(void)
{
	test_isotime();
	test_design_example();
	test_bad_records();
	test_hostile();
	test_round_trip();
	test_csv();
	test_corpus();
	return tap_done();
}
