/* test-report.c - progress figures on generated histories. */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "calendar.h"
#include "history.h"
#include "report.h"
#include "tap.h"
#include "xmalloc.h"

#define DAY	86400

static struct exercise	t_ex[2];
static struct routine	t_rt[2];
static struct catalog	t_cat;

/* A library of two routines: strength three times a week, mobility two. */
static void
make_catalog(void)
{
	memset(&t_cat, 0, sizeof t_cat);
	t_ex[0].id = "wall-sit";
	t_ex[0].name = "Wall sit";
	t_ex[0].kind = KIND_HOLD;
	t_ex[1].id = "step-down";
	t_ex[1].name = "Step-down";
	t_ex[1].kind = KIND_REPS;
	t_rt[0].id = "strength";
	t_rt[0].per_week = 3;
	t_rt[1].id = "mobility";
	t_rt[1].per_week = 2;
	t_cat.ex = t_ex;
	t_cat.nex = 2;
	t_cat.rt = t_rt;
	t_cat.nrt = 2;
}

/* The moment of a local civil time at a fixed offset. */
static int64_t
at(int y, int mo, int d, int hh, int mi, int off)
{
	return calendar_days(y, mo, d) * DAY + hh * 3600 + mi * 60 - off;
}

static struct hist_session *
add(struct history *h, const char *routine, int64_t start, int off,
    int during, int after)
{
	struct hist_session	*s = history_add_session(h);

	s->routine = xstrdup(routine);
	s->start = start;
	s->end = start + 1800;
	s->utc_off = off;
	s->completed = true;
	s->pain_during = during;
	s->pain_after = after;
	return s;
}

static struct hist_exercise *
add_ex(struct hist_session *s, const char *id, int sets, int reps, int hold,
    const int *done, size_t ndone)
{
	struct hist_exercise	*e = history_add_exercise(s);

	e->exercise = xstrdup(id);
	e->prescribed.sets = sets;
	e->prescribed.reps = reps;
	e->prescribed.hold = hold;
	e->done = xreallocarray(NULL, ndone, sizeof *e->done);
	memcpy(e->done, done, ndone * sizeof *done);
	e->ndone = ndone;
	return e;
}

/*
 * Twelve weeks ending Sunday 2026-11-29: strength on Monday, Wednesday and
 * Friday, but only once in week 5; pain after falls from 5 to 1.5.
 */
static void
make_twelve(struct history *h)
{
	static const int	wall[] = { 30, 30, 22 }, step[] = { 10, 10, 8 };
	struct hist_session	*s;
	int64_t			 mon = calendar_days(2026, 9, 7);
	int			 w, k, after;

	for (w = 0; w < 12; w++) {
		for (k = 0; k < 3; k++) {
			if (w == 5 && k > 0)
				continue;
			after = w < 2 ? 5 : w >= 10 ? (k == 0 ? 1 : 2) : 3;
			s = add(h, "strength", (mon + 7 * w + 2 * k) * DAY +
			    18 * 3600, 0, w < 2 ? 4 : 1, after);
			s->pain_morning = w < 6 ? 2 : 1;
			add_ex(s, "wall-sit", 3, 0, 30, wall, 3);
			add_ex(s, "step-down", 3, w < 6 ? 10 : 12, 0, step, 3);
		}
	}
}

static void
test_adherence(void)
{
	struct history		h;
	struct report		r;
	struct report_in	in;

	history_init(&h);
	make_twelve(&h);
	memset(&in, 0, sizeof in);
	in.h = &h;
	in.cat = &t_cat;
	in.now = at(2026, 11, 29, 21, 0, 0);
	in.weeks = 12;
	report_build(&r, &in);
	is_int(r.nweeks, 12, "12 weeks");
	is_int(r.w[0].day0, calendar_days(2026, 9, 7), "window starts Monday");
	is_int(r.done, 34, "34 sessions done");
	is_int(r.planned, 36, "36 planned (3 a week)");
	is_int(r.w[5].done, 1, "week 6: one session");
	ok(!report_on_plan(&r.w[5]), "week 6 is off plan");
	ok(report_on_plan(&r.w[6]), "week 7 is on plan");
	is_int(r.streak, 6, "streak: six weeks on plan");
	is_int(r.w[0].day_done[0], 1, "Monday done");
	is_int(r.w[0].day_done[1], 0, "Tuesday free");
	is_int(r.w[0].day_done[4], 1, "Friday done");
	is_int(r.nrt, 1, "one routine");
	is_int(r.rt[0].sessions, 34, "its sessions");
	ok(r.rt[0].current, "and it is current");
	report_free(&r);

	/* A window of 4 weeks sees only those. */
	in.weeks = 4;
	report_build(&r, &in);
	is_int(r.done, 12, "4 weeks: 12 done");
	is_int(r.planned, 12, "4 weeks: 12 planned");
	is_int(r.streak, 6, "the streak looks back past the window");
	report_free(&r);

	/* On Wednesday of the next week, one session is due so far. */
	in.now = at(2026, 12, 2, 12, 0, 0);
	in.weeks = 1;
	report_build(&r, &in);
	is_int(r.done, 0, "new week: none done yet");
	is_int(r.planned, 1, "new week: 1 of 3 due by Wednesday");
	is_int(r.w[0].planned, 3, "new week: 3 planned in all");
	is_int(r.streak, 6, "a week under way does not break the streak");
	report_free(&r);

	/* Since the first session (weeks 0). */
	in.weeks = 0;
	in.now = at(2026, 11, 29, 21, 0, 0);
	report_build(&r, &in);
	is_int(r.nweeks, 12, "all: from the first session's week");
	report_free(&r);

	/* An unknown routine has no sessions and nothing planned. */
	in.routine = "mobility";
	in.weeks = 12;
	report_build(&r, &in);
	is_int(r.done + r.planned, 0, "other routine: nothing");
	is_int(r.nex, 0, "other routine: no exercises");
	is_int(r.nsessions, 0, "other routine: no sessions");
	report_free(&r);
	history_free(&h);
}

static void
test_pain(void)
{
	struct history		h;
	struct report		r;
	struct report_in	in;

	history_init(&h);
	make_twelve(&h);
	memset(&in, 0, sizeof in);
	in.h = &h;
	in.cat = &t_cat;
	in.now = at(2026, 11, 29, 21, 0, 0);
	in.weeks = 12;
	report_build(&r, &in);
	is_double(r.w[0].pain[PAIN_AFTER], 5, 1e-9, "week 1 after: 5");
	is_double(r.w[10].pain[PAIN_AFTER], 5.0 / 3, 1e-9,
	    "week 11 after: (1 + 2 + 2) / 3");
	is_int(r.w[0].npain[PAIN_AFTER], 3, "three scores in week 1");
	is_double(r.w[5].pain[PAIN_DURING], 1, 1e-9, "week 6 during: 1");
	ok(r.trend[PAIN_AFTER].have, "after: a trend");
	is_double(r.trend[PAIN_AFTER].first, 5, 1e-9, "after: from 5");
	is_double(r.trend[PAIN_AFTER].last, 5.0 / 3, 1e-9, "after: to 1.67");
	ok(r.trend[PAIN_AFTER].meaningful, "after: a meaningful change");
	is_int(r.trend[PAIN_AFTER].weeks, 12, "after: over 12 weeks");
	is_double(r.trend[PAIN_DURING].last - r.trend[PAIN_DURING].first,
	    -3, 1e-9, "during: 4 to 1");
	ok(!r.trend[PAIN_MORNING].meaningful, "morning 2 to 1: not meaningful");
	ok(r.trend[PAIN_MORNING].have, "morning: a trend");
	report_free(&r);

	/* A window asked to start before the first session starts there. */
	in.weeks = 26;
	report_build(&r, &in);
	is_int(r.nweeks, 12, "26 weeks of 12: the 12 since the first");
	is_int(r.w[0].day0, calendar_days(2026, 9, 7),
	    "26 weeks of 12: from the first session's week");
	is_double(r.trend[PAIN_AFTER].first, 5, 1e-9,
	    "26 weeks: from the first scored weeks");
	is_int(r.trend[PAIN_AFTER].weeks, 12, "26 weeks: over 12 weeks");
	is_int(r.planned, 36, "26 weeks: planned only since the first");
	report_free(&r);
	history_free(&h);
}

/*
 * Three weeks of a new user and a 12-week window: averages over the
 * three weeks, not twelve; every session listed with its own pain, the
 * 7 of a bad day whole; every note, with a flag or not.
 */
static void
test_new_user(void)
{
	static const int	 wall[] = { 30, 30, 30 };
	struct history		 h;
	struct report		 r;
	struct report_in	 in;
	struct hist_session	*s;
	struct hist_pain	*p;
	int64_t			 mon = calendar_days(2026, 11, 9);
	int			 w, k;

	history_init(&h);
	for (w = 0; w < 3; w++) {
		for (k = 0; k < 3; k++) {
			s = add(&h, "strength", (mon + 7 * w + 2 * k) * DAY +
			    18 * 3600, 0, 1, w == 1 && k == 1 ? 7 : 1);
			add_ex(s, "wall-sit", 3, 0, 30, wall, 3);
		}
	}
	h.s[4].note = xstrdup("stairs at work, knee sore");
	h.s[6].note = xstrdup("swollen");
	h.s[6].flags = FLAG_SWELLING;
	p = history_add_pain(&h);
	p->at = (mon + 5) * DAY + 9 * 3600;
	p->kind = PAIN_MORNING;
	p->score = 2;
	p->note = xstrdup("stiff on waking");
	memset(&in, 0, sizeof in);
	in.h = &h;
	in.cat = &t_cat;
	in.now = at(2026, 11, 29, 21, 0, 0);
	in.weeks = 12;
	report_build(&r, &in);
	is_int(r.nweeks, 3, "new user: 3 weeks, not 12");
	is_int(r.ex[0].total / r.nweeks, 270,
	    "new user: volume a week over 3 weeks");
	is_int(r.planned, 9, "new user: 9 planned");
	is_int(r.w[1].npain[PAIN_AFTER], 3, "the bad week has 3 scores");
	is_int((int)r.nsess, 9, "every session listed");
	is_int(r.sess[4].worst, 7, "the bad day keeps its 7");
	is_int(r.sess[4].pain[PAIN_AFTER], 7, "its pain after");
	is_int(r.sess[4].pain[PAIN_MORNING], -1, "no morning score: -1");
	is_int(r.sess[0].worst, 1, "a good day: 1");
	ok(r.sess[6].flags == FLAG_SWELLING, "a session's flags");
	is_int((int)r.nnotes, 3, "three notes");
	if (r.nnotes == 3) {
		is_str(r.notes[0].note, "stiff on waking",
		    "a pain report's note, in time order");
		ok(r.notes[0].routine == NULL, "no routine for a report");
		is_str(r.notes[1].note, "stairs at work, knee sore",
		    "a note without a flag");
		is_str(r.notes[2].note, "swollen", "a note with a flag");
	}
	report_free(&r);

	/* A week window sees that week's sessions and notes only. */
	in.weeks = 1;
	report_build(&r, &in);
	is_int((int)r.nsess, 3, "1 week: its 3 sessions");
	is_int((int)r.nnotes, 1, "1 week: its note");
	report_free(&r);
	history_free(&h);
}

/* Exactly 2 points is meaningful; 1.5 is not; one week has no trend. */
static void
test_meaningful(void)
{
	struct history		h;
	struct report		r;
	struct report_in	in;
	int64_t			mon = calendar_days(2026, 11, 2);
	int			w;

	memset(&in, 0, sizeof in);
	in.h = &h;
	in.now = at(2026, 11, 29, 12, 0, 0);
	in.weeks = 4;

	history_init(&h);
	for (w = 0; w < 4; w++)
		add(&h, "strength", (mon + 7 * w) * DAY, 0, PAIN_NONE,
		    w < 2 ? 4 : 2);
	report_build(&r, &in);
	ok(r.trend[PAIN_AFTER].meaningful, "4 -> 2 is meaningful");
	ok(!r.trend[PAIN_DURING].have, "no scores, no trend");
	report_free(&r);
	history_free(&h);

	history_init(&h);
	for (w = 0; w < 4; w++)
		add(&h, "strength", (mon + 7 * w) * DAY, 0, PAIN_NONE,
		    w < 2 ? 4 : (w == 2 ? 2 : 3));
	report_build(&r, &in);
	ok(r.trend[PAIN_AFTER].have, "4 -> 2.5 has a trend");
	ok(!r.trend[PAIN_AFTER].meaningful, "4 -> 2.5 is not meaningful");
	report_free(&r);
	history_free(&h);

	history_init(&h);
	for (w = 0; w < 4; w++)
		add(&h, "strength", (mon + 7 * w) * DAY, 0, PAIN_NONE,
		    w < 2 ? 1 : 3);
	report_build(&r, &in);
	ok(r.trend[PAIN_AFTER].meaningful, "a rise of 2 is meaningful too");
	ok(r.trend[PAIN_AFTER].last > r.trend[PAIN_AFTER].first, "and rising");
	report_free(&r);
	history_free(&h);

	history_init(&h);
	add(&h, "strength", (mon + 21) * DAY, 0, 2, 7);
	add(&h, "strength", (mon + 23) * DAY, 0, 2, 1);
	report_build(&r, &in);
	ok(!r.trend[PAIN_AFTER].have, "one week of scores: no trend");
	report_free(&r);
	history_free(&h);

	/* Two weeks: one against one. */
	history_init(&h);
	add(&h, "strength", (mon + 14) * DAY, 0, PAIN_NONE, 6);
	add(&h, "strength", (mon + 21) * DAY, 0, PAIN_NONE, 3);
	report_build(&r, &in);
	ok(r.trend[PAIN_AFTER].have && r.trend[PAIN_AFTER].meaningful,
	    "two weeks: 6 -> 3 meaningful");
	is_int(r.trend[PAIN_AFTER].weeks, 2, "two weeks: over 2 weeks");
	report_free(&r);
	history_free(&h);
}

static void
test_volume_and_doses(void)
{
	static const int	wall[] = { 30, 30, 22 }, step[] = { 10, 10, 8 };
	static const int	l[] = { 12, 12 }, rr[] = { 11, 10 };
	struct history		h;
	struct report		r;
	struct report_in	in;
	struct hist_session	*s;
	struct hist_exercise	*e;
	int64_t			mon = calendar_days(2026, 11, 2);

	history_init(&h);
	s = add(&h, "strength", mon * DAY + 3600, 0, 1, 1);
	add_ex(s, "wall-sit", 3, 0, 30, wall, 3);
	add_ex(s, "step-down", 3, 10, 0, step, 3);
	s = add(&h, "strength", (mon + 2) * DAY, 0, 1, 1);
	add_ex(s, "wall-sit", 3, 0, 30, wall, 3);
	e = add_ex(s, "step-down", 2, 12, 0, l, 2);
	e->side = SIDE_LEFT;
	e->pain = 4;
	e = add_ex(s, "step-down", 2, 12, 0, rr, 2);
	e->side = SIDE_RIGHT;
	e->pain = 2;
	s = add(&h, "strength", (mon + 9) * DAY, 0, 1, 1);
	add_ex(s, "wall-sit", 3, 0, 35, wall, 3);
	s = add(&h, "strength", (mon + 11) * DAY, 0, 1, 1);
	add_ex(s, "wall-sit", 2, 0, 30, wall, 2);
	add_ex(s, "lunge", 3, 8, 0, step, 3);

	memset(&in, 0, sizeof in);
	in.h = &h;
	in.cat = &t_cat;
	in.now = at(2026, 11, 15, 12, 0, 0);
	in.weeks = 2;
	report_build(&r, &in);
	is_int(r.nex, 3, "three exercises");
	is_str(r.ex[0].id, "wall-sit", "first used first");
	ok(r.ex[0].ex == &t_ex[0], "found in the library");
	ok(r.ex[2].ex == NULL, "lunge is not in the library");
	is_int(r.ex[2].kind, KIND_REPS, "its kind is guessed from the dose");
	is_int(r.ex[0].volume[0], 164, "wall sit week 1: 2 x 82 s");
	is_int(r.ex[0].volume[1], 82 + 60, "wall sit week 2: 82 + 60 s");
	is_int(r.ex[0].total, 306, "wall sit total");
	is_int(r.ex[1].volume[0], 28 + 24 + 21, "step-down: both sides count");
	is_int(r.ex[1].sessions, 2, "sides are one session");
	is_double(r.ex[1].pain[0], 3, 1e-9, "exercise pain averaged");
	ok(r.ex[0].pain[0] < 0, "no exercise pain given");
	is_int(r.ex[0].start.hold, 30, "wall sit starts at 30 s");
	is_int(r.ex[0].current.sets, 2, "wall sit now 2 sets");
	is_int(r.ex[0].nchanges, 2, "wall sit changed twice");
	is_int(r.ex[0].changes[0].dir, 1, "30 -> 35 s is a step up");
	is_int(r.ex[0].changes[0].to.hold, 35, "to 35 s");
	is_int(r.ex[0].changes[0].at, (mon + 9) * DAY, "when it changed");
	is_int(r.ex[0].changes[1].dir, -1, "3 x 35 -> 2 x 30 is a step down");
	is_int(r.ex[1].nchanges, 1, "step-down changed once");
	is_int(r.ex[1].changes[0].dir, -1, "3 x 10 -> 2 x 12 is less volume");
	report_free(&r);

	/* A one-week window starts from the dose seen in it. */
	in.weeks = 1;
	report_build(&r, &in);
	is_int(r.nex, 2, "last week: wall sit and lunge");
	is_int(r.ex[0].start.hold, 35, "last week starts at 35 s");
	is_int(r.ex[0].nchanges, 1, "one change inside the week");
	report_free(&r);
	history_free(&h);

	is_int(report_dose_volume(KIND_REPS, &(struct dose){ .sets = 3,
	    .reps = 10 }), 30, "reps volume: sets x reps");
	is_int(report_dose_volume(KIND_HOLD, &(struct dose){ .sets = 3,
	    .hold = 30 }), 90, "hold volume: sets x seconds");
	is_int(report_dose_volume(KIND_HOLD, &(struct dose){ .sets = 2,
	    .reps = 5, .hold = 10 }), 100, "hold volume with holds per set");
	is_int(report_dose_volume(KIND_TIMED, &(struct dose){ .sets = 1,
	    .rounds = 4, .work = 60 }), 240, "timed volume: rounds x work");
}

/* Berlin's offset at a moment, as the program would get it. */
static int
berlin_off(int64_t t, void *arg)
{
	struct tm	tm;
	time_t		tt = (time_t)t;

	(void)arg;
	localtime_r(&tt, &tm);
	return (int)tm.tm_gmtoff;
}

/* The moment of a Berlin wall-clock time. */
static int64_t
berlin(int y, int mo, int d, int hh, int mi)
{
	struct tm	tm;

	memset(&tm, 0, sizeof tm);
	tm.tm_year = y - 1900;
	tm.tm_mon = mo - 1;
	tm.tm_mday = d;
	tm.tm_hour = hh;
	tm.tm_min = mi;
	tm.tm_isdst = -1;
	return (int64_t)mktime(&tm);
}

static void
test_dst(void)
{
	struct history		h;
	struct report		r;
	struct report_in	in;
	int64_t			t;
	int			i;
	bool			recorded;

	setenv("TZ", "Europe/Berlin", 1);
	tzset();
	if (berlin_off(berlin(2026, 7, 1, 12, 0), NULL) != 7200 ||
	    berlin_off(berlin(2026, 1, 1, 12, 0), NULL) != 3600) {
		tap_diag("tzdata for Europe/Berlin is missing");
		ok(0, "tzdata is installed (Europe/Berlin)");
		return;
	}
	/* Summer time starts Sunday 2026-03-29; ends Sunday 2026-10-25. */
	history_init(&h);
	t = berlin(2026, 3, 29, 23, 30);
	add(&h, "strength", t, berlin_off(t, NULL), 1, 1);
	t = berlin(2026, 3, 30, 0, 30);
	add(&h, "strength", t, berlin_off(t, NULL), 1, 1);
	t = berlin(2026, 10, 25, 23, 30);
	add(&h, "strength", t, berlin_off(t, NULL), 1, 1);
	t = berlin(2026, 10, 26, 0, 15);
	add(&h, "strength", t, berlin_off(t, NULL), 1, 1);
	t = berlin(2026, 10, 26, 23, 59);
	add(&h, "strength", t, berlin_off(t, NULL), 1, 1);

	memset(&in, 0, sizeof in);
	in.h = &h;
	in.cat = &t_cat;
	in.now = berlin(2026, 11, 1, 12, 0);
	in.now_off = berlin_off(in.now, NULL);
	in.weeks = 0;
	for (i = 0; i < 2; i++) {
		recorded = i == 0;
		in.tz = recorded ? NULL : berlin_off;
		report_build(&r, &in);
		is_int(r.w[0].day0, calendar_days(2026, 3, 23),
		    "%s: starts the week of 23 March",
		    recorded ? "recorded" : "tz");
		is_int(r.w[0].day_done[6], 1,
		    "%s: 23:30 on the Sunday of the spring change is Sunday",
		    recorded ? "recorded" : "tz");
		is_int(r.w[1].day_done[0], 1,
		    "%s: 00:30 the next day is the next week's Monday",
		    recorded ? "recorded" : "tz");
		is_int(r.w[30].day0, calendar_days(2026, 10, 19),
		    "%s: week 31 starts 19 October",
		    recorded ? "recorded" : "tz");
		is_int(r.w[30].day_done[6], 1,
		    "%s: 23:30 on the autumn change's Sunday is Sunday",
		    recorded ? "recorded" : "tz");
		is_int(r.w[31].day_done[0], 2,
		    "%s: Monday 00:15 and 23:59 are Monday",
		    recorded ? "recorded" : "tz");
		is_int(r.nweeks, 32, "%s: 32 weeks to 1 November",
		    recorded ? "recorded" : "tz");
		report_free(&r);
	}
	history_free(&h);
	setenv("TZ", "UTC", 1);
	tzset();
}

static void
test_year_end(void)
{
	struct history		h;
	struct report		r;
	struct report_in	in;

	history_init(&h);
	/* Thursday 31 Dec and Sunday 3 Jan, then Monday 4 Jan. */
	add(&h, "strength", at(2026, 12, 31, 23, 0, -5 * 3600), -5 * 3600,
	    1, 1);
	add(&h, "strength", at(2027, 1, 3, 20, 0, 3600), 3600, 1, 1);
	add(&h, "strength", at(2027, 1, 4, 0, 30, 3600), 3600, 1, 1);
	memset(&in, 0, sizeof in);
	in.h = &h;
	in.cat = &t_cat;
	in.now = at(2027, 1, 5, 9, 0, 3600);
	in.now_off = 3600;
	in.weeks = 2;
	report_build(&r, &in);
	is_int(r.w[0].day0, calendar_days(2026, 12, 28), "week of 28 December");
	is_int(r.w[0].done, 2, "31 Dec and 3 Jan in one week");
	is_int(r.w[0].day_done[3], 1, "31 Dec (at -05:00) is a Thursday");
	is_int(r.w[1].done, 1, "4 Jan starts the next week");
	/* The UTC moment of 31 Dec 23:00 at -05:00 is 1 Jan: local wins. */
	ok(calendar_day(h.s[0].start, 0) == calendar_days(2027, 1, 1),
	    "that session's UTC day is already 1 January");
	report_free(&r);
	history_free(&h);
}

static void
test_plan_and_flags(void)
{
	struct history		h;
	struct report		r;
	struct report_in	in;
	struct hist_session	*s;
	struct hist_pain	*p;
	int64_t			mon = calendar_days(2026, 11, 2);

	history_init(&h);
	/* Mobility early in week 1 only; strength from week 2 on. */
	add(&h, "mobility", mon * DAY, 0, 1, 1);
	add(&h, "mobility", (mon + 1) * DAY, 0, 1, 1);
	s = add(&h, "strength", (mon + 9) * DAY, 0, 1, 6);
	s->flags = FLAG_SWELLING;
	s = add(&h, "strength", (mon + 10) * DAY, 0, 1, 1);
	s->completed = false;
	add(&h, "old-routine", (mon + 11) * DAY, 0, 1, 1);
	p = history_add_pain(&h);
	p->at = (mon + 10) * DAY + 7 * 3600;
	p->kind = PAIN_MORNING;
	p->score = 3;
	p->flags = FLAG_NIGHT_PAIN | FLAG_LOCKING;
	p->note = xstrdup("woke up");

	memset(&in, 0, sizeof in);
	in.h = &h;
	in.cat = &t_cat;
	in.now = (mon + 20) * DAY;
	in.weeks = 3;
	report_build(&r, &in);
	is_int(r.w[0].planned, 2, "week 1: mobility, 2 planned");
	is_int(r.w[1].planned, 3, "week 2: strength, 3 planned");
	is_int(r.w[2].planned, 3, "week 3: strength goes on");
	is_int(r.w[1].done, 2, "week 2: two done");
	is_int(r.w[1].partial, 1, "week 2: one stopped early");
	is_int(r.w[1].day_partial[3], 1, "on Thursday");
	is_int(r.w[1].day_flags[3], FLAG_NIGHT_PAIN | FLAG_LOCKING,
	    "a standalone report's flags mark its day");
	is_int(r.w[1].npain[PAIN_MORNING], 1, "standalone morning pain counts");
	is_int(r.nrt, 3, "three routines");
	ok(!r.rt[0].current, "mobility is no longer current");
	ok(r.rt[1].current, "strength is current");
	ok(r.rt[2].rt == NULL, "old-routine is not in the library");
	is_int(r.nflags, 2, "two red flag reports");
	is_int(r.flags[0].flags, FLAG_SWELLING, "swelling first");
	is_str(r.flags[1].note, "woke up", "then the standalone one");
	is_int(r.streak, 0, "week 3 is off plan: no streak");
	report_free(&r);

	in.routine = "strength";
	report_build(&r, &in);
	is_int(r.nweeks, 2, "strength: the window starts when it began");
	is_int(r.w[0].day0, mon + 7, "strength: at its first week");
	is_int(r.nflags, 2, "strength: standalone red flags still listed");
	is_int(r.w[0].day_flags[3], FLAG_NIGHT_PAIN | FLAG_LOCKING,
	    "strength: standalone reports still mark the calendar");
	is_int(r.w[0].done, 1, "strength: old-routine not counted");
	report_free(&r);
	history_free(&h);
}

/* Figures from a history loaded from some point on, against the whole. */
static void
test_partial(void)
{
	struct history		h, v;
	struct report		r, full;
	struct report_in	in;
	size_t			k;

	history_init(&h);
	make_twelve(&h);
	memset(&in, 0, sizeof in);
	in.h = &h;
	in.cat = &t_cat;
	in.now = at(2026, 11, 29, 21, 0, 0);
	in.weeks = 4;
	report_build(&full, &in);
	ok(!full.need_all, "a whole history never needs more");

	/* Loaded from week 4 (index 3): five weeks of margin. */
	for (k = 0; k < h.ns && h.s[k].start < (calendar_days(2026, 9, 7) +
	    21) * DAY; k++)
		;
	v = h;
	v.s = h.s + k;
	v.ns = h.ns - k;
	in.h = &v;
	in.since = (calendar_days(2026, 9, 7) + 21) * DAY;
	report_build(&r, &in);
	ok(!r.need_all, "five weeks of margin: enough");
	is_int(r.done, full.done, "partial: the same sessions done");
	is_int(r.planned, full.planned, "partial: the same planned");
	is_int(r.streak, full.streak, "partial: the same streak");
	is_int(r.ex[0].nchanges, full.ex[0].nchanges,
	    "partial: the same dose changes");
	is_double(r.trend[PAIN_AFTER].last, full.trend[PAIN_AFTER].last, 1e-9,
	    "partial: the same trend");
	report_free(&r);

	/* Loaded from week 8: the streak reaches the first weeks loaded. */
	for (; k < h.ns && h.s[k].start < (calendar_days(2026, 9, 7) + 49) *
	    DAY; k++)
		;
	v.s = h.s + k;
	v.ns = h.ns - k;
	in.since = (calendar_days(2026, 9, 7) + 49) * DAY;
	report_build(&r, &in);
	ok(r.need_all, "one week of margin and a long streak: need all");
	report_free(&r);

	/* Nothing of this routine loaded. */
	in.routine = "mobility";
	report_build(&r, &in);
	ok(r.need_all, "no sessions loaded: need all");
	report_free(&r);
	report_free(&full);

	/* A routine first seen inside the window may have older sessions. */
	add(&h, "mobility", at(2026, 11, 25, 9, 0, 0), 0, 1, 1);
	v.s = h.s + 6;
	v.ns = h.ns - 6;
	in.routine = NULL;
	in.since = (calendar_days(2026, 9, 7) + 14) * DAY;
	report_build(&r, &in);
	ok(r.need_all, "a routine new in the window: need all");
	report_free(&r);
	history_free(&h);
}

static void
test_empty(void)
{
	struct history		h;
	struct report		r;
	struct report_in	in;

	history_init(&h);
	memset(&in, 0, sizeof in);
	in.h = &h;
	in.now = at(2026, 11, 25, 12, 0, 0);
	in.weeks = 12;
	report_build(&r, &in);
	is_int(r.nweeks, 1, "empty: this week only");
	is_int(r.done + r.planned + r.streak, 0, "empty: no figures");
	is_int(r.nex + r.nrt + r.nflags, 0, "empty: no lists");
	ok(!r.trend[PAIN_AFTER].have, "empty: no trend");
	report_free(&r);
	in.weeks = 0;
	report_build(&r, &in);
	is_int(r.nweeks, 1, "empty, all: this week");
	report_free(&r);
	history_free(&h);
}

int
main(void)
{
	make_catalog();
	test_adherence();
	test_pain();
	test_new_user();
	test_meaningful();
	test_volume_and_doses();
	test_dst();
	test_year_end();
	test_plan_and_flags();
	test_partial();
	test_empty();
	return tap_done();
}
