/* test-due.c - which routine is due: weeks, rest days, the morning ask. */
#include "config.h"

#include <stdint.h>
#include <string.h>

#include "calendar.h"
#include "due.h"
#include "tap.h"
#include "xmalloc.h"

#define DAY		86400
/* Monday 2026-11-23 00:00 UTC. */
#define MONDAY		1795392000LL
#define HOUR		3600

static struct exercise	t_ex[2];
static struct step	t_steps[2];
static struct routine	t_rt[3];
static struct catalog	t_cat;

/*
 * strength: 3 a week (rest days apply); mobility: 5 a week, no strength;
 * daily: strength 7 a week (no rest day).
 */
static void
t_library(void)
{
	memset(t_ex, 0, sizeof t_ex);
	t_ex[0].id = "wall-sit";
	t_ex[0].focus = FOCUS_STRENGTH;
	t_ex[1].id = "quad-stretch";
	t_ex[1].focus = FOCUS_MOBILITY;
	t_steps[0].exercise_id = "wall-sit";
	t_steps[0].ex = &t_ex[0];
	t_steps[1].exercise_id = "quad-stretch";
	t_steps[1].ex = &t_ex[1];
	memset(t_rt, 0, sizeof t_rt);
	t_rt[0].id = "strength";
	t_rt[0].per_week = 3;
	t_rt[0].steps = &t_steps[0];
	t_rt[0].nsteps = 2;
	t_rt[1].id = "mobility";
	t_rt[1].per_week = 5;
	t_rt[1].steps = &t_steps[1];
	t_rt[1].nsteps = 1;
	t_rt[2].id = "daily";
	t_rt[2].per_week = 7;
	t_rt[2].steps = &t_steps[0];
	t_rt[2].nsteps = 1;
	/* As with --library DIR: every routine is the person's own. */
	t_rt[0].own = t_rt[1].own = t_rt[2].own = true;
	memset(&t_cat, 0, sizeof t_cat);
	t_cat.rt = t_rt;
	t_cat.nrt = 3;
}

static struct hist_session *
t_session(struct history *h, const char *rt, int64_t start, int off,
    bool completed)
{
	struct hist_session	*s = history_add_session(h);

	s->routine = xstrdup(rt);
	s->start = start;
	s->end = start + 1200;
	s->utc_off = off;
	s->completed = completed;
	return s;
}

static void
t_set(struct hist_session *s)
{
	struct hist_exercise	*e = history_add_exercise(s);

	e->exercise = xstrdup("wall-sit");
	e->done = xcalloc(1, sizeof *e->done);
	e->done[0] = 10;
	e->ndone = 1;
}

static void
test_empty(void)
{
	struct history	h;
	struct due	d;

	history_init(&h);
	due_compute(&t_cat, &h, MONDAY + 10 * HOUR, 0, &d);
	is_int(d.n, 3, "one item per routine");
	is_int(d.items[0].state, DUE_YES, "first run: the first is due");
	is_int(d.items[0].last, 0, "never done: no last");
	is_int(d.items[1].state, DUE_NOT_STARTED,
	    "first run: the others are not started");
	is_int(d.items[2].state, DUE_NOT_STARTED, "... all of them");
	is_int(d.week_done, 0, "nothing done this week");
	is_int(d.week_planned, 3, "planned: the pick's per_week only");
	is_int(d.pick, 0, "first run: the first in library order");
	due_free(&d);
	is_int(due_morning_pending(&h, MONDAY, 0), -1,
	    "no morning ask without history");
}

static void
test_week(void)
{
	struct history	h;
	struct due	d;
	int64_t		now = MONDAY + 4 * DAY + 10 * HOUR;	/* Friday */

	history_init(&h);
	/* Last week's Sunday: not this week. */
	t_session(&h, "strength", MONDAY - DAY + 9 * HOUR, 0, true);
	t_session(&h, "strength", MONDAY + 9 * HOUR, 0, true);
	t_session(&h, "strength", MONDAY + 2 * DAY + 9 * HOUR, 0, true);
	/* Stopped early with nothing done: does not count. */
	t_session(&h, "strength", MONDAY + 3 * DAY + 9 * HOUR, 0, false);
	t_session(&h, "daily", MONDAY + 3 * DAY + 8 * HOUR, 0, true);
	t_session(&h, "gone-from-library", MONDAY + 3 * DAY, 0, true);
	due_compute(&t_cat, &h, now, 0, &d);
	is_int(d.items[0].week_done, 2, "two strength sessions this week");
	is_int(d.items[0].last, MONDAY + 2 * DAY + 9 * HOUR,
	    "last: the latest session that counts");
	/* Thursday's daily is strength: Friday is a rest day for strength. */
	is_int(d.items[0].state, DUE_REST_DAY, "rest day after a strength day");
	is_int(d.items[2].state, DUE_YES,
	    "7 a week: no rest day, due again");
	is_int(d.items[1].state, DUE_NOT_STARTED,
	    "mobility, never done: not started, not due");
	is_int(d.week_done, 3, "sessions of library routines this week");
	is_int(d.week_planned, 10, "planned: the active routines, 3 + 7");
	is_int(d.pick, 2, "pick: daily, the only active routine due");
	due_free(&d);

	/* Saturday: no strength yesterday, 2 of 3 done. */
	due_compute(&t_cat, &h, now + DAY, 0, &d);
	is_int(d.items[0].state, DUE_YES, "Saturday: strength due");
	due_free(&d);

	/* A partial session with a set done counts. */
	t_set(t_session(&h, "strength", MONDAY + 5 * DAY + 9 * HOUR, 0,
	    false));
	due_compute(&t_cat, &h, MONDAY + 5 * DAY + 18 * HOUR, 0, &d);
	is_int(d.items[0].state, DUE_DONE_TODAY,
	    "a partial session with sets done: done today");
	due_free(&d);
	due_compute(&t_cat, &h, MONDAY + 6 * DAY + 18 * HOUR, 0, &d);
	is_int(d.items[0].state, DUE_WEEK_DONE, "Sunday: 3 of 3, week done");
	is_int(d.items[0].week_done, 3, "3 this week");
	due_free(&d);
	/* The next Monday: a new week, but Sunday was no strength day. */
	due_compute(&t_cat, &h, MONDAY + 7 * DAY + 18 * HOUR, 0, &d);
	is_int(d.items[0].state, DUE_YES, "a new week: due again");
	is_int(d.items[0].week_done, 0, "a new week starts at 0");
	due_free(&d);
	history_free(&h);
}

static void
test_pick_and_zero(void)
{
	struct history	h;
	struct due	d;

	history_init(&h);
	t_session(&h, "mobility", MONDAY + 9 * HOUR, 0, true);
	t_session(&h, "strength", MONDAY + DAY + 9 * HOUR, 0, true);
	t_session(&h, "daily", MONDAY + DAY + 10 * HOUR, 0, true);
	due_compute(&t_cat, &h, MONDAY + 3 * DAY + 9 * HOUR, 0, &d);
	is_int(d.pick, 1, "least recently done first: mobility (Monday)");
	due_free(&d);
	t_rt[1].per_week = 0;
	due_compute(&t_cat, &h, MONDAY + 3 * DAY + 9 * HOUR, 0, &d);
	is_int(d.items[1].state, DUE_UNPLANNED, "per_week 0: never due");
	is_int(d.week_planned, 10, "per_week 0 adds nothing to the plan");
	is_int(d.pick, 0, "then strength, Tuesday");
	due_free(&d);
	t_rt[1].per_week = 5;
	history_free(&h);
}

/* Active: done in the last DUE_ACTIVE_DAYS days; 27 vs 28 vs 29. */
static void
test_active(void)
{
	struct history	h;
	struct due	d;
	int64_t		at = MONDAY + 9 * HOUR;

	ok(DUE_ACTIVE_DAYS == 28, "active: four weeks");
	history_init(&h);
	t_session(&h, "mobility", at, 0, true);
	due_compute(&t_cat, &h, at + 27 * DAY, 0, &d);
	ok(d.items[1].active, "27 days: active");
	is_int(d.items[1].state, DUE_YES, "27 days: mobility due");
	is_int(d.items[0].state, DUE_NOT_STARTED, "27 days: strength "
	    "not started, though first in order");
	is_int(d.pick, 1, "27 days: pick the active routine");
	is_int(d.week_planned, 5, "27 days: planned, mobility's 5");
	due_free(&d);

	due_compute(&t_cat, &h, at + 28 * DAY, 0, &d);
	ok(!d.items[1].active, "28 days: no longer active");
	is_int(d.items[1].state, DUE_LAPSED, "28 days: mobility lapsed");
	is_str(due_state_text(d.items[1].state), "not done for 4 weeks",
	    "lapsed text");
	is_int(d.pick, 0, "28 days: none active, the first in order");
	is_int(d.items[0].state, DUE_YES, "28 days: the pick is due");
	is_int(d.week_planned, 3, "28 days: planned, the pick's 3");
	due_free(&d);

	due_compute(&t_cat, &h, at + 29 * DAY, 0, &d);
	is_int(d.items[1].state, DUE_LAPSED, "29 days: lapsed");
	is_int(d.pick, 0, "29 days: the first in order");
	due_free(&d);

	/* Active but none due: a rest, never an inactive fallback. */
	t_session(&h, "mobility", at + 20 * DAY, 0, true);
	due_compute(&t_cat, &h, at + 20 * DAY + 8 * HOUR, 0, &d);
	is_int(d.items[1].state, DUE_DONE_TODAY, "done today");
	is_int(d.items[0].state, DUE_NOT_STARTED, "strength: not started");
	is_int(d.pick, d.n, "active, none due: nothing picked");
	is_int(d.week_planned, 5, "planned: the active mobility");
	is_str(due_state_text(DUE_NOT_STARTED), "not started",
	    "not started text");
	due_free(&d);
	history_free(&h);
}

/*
 * Listed: the routines done at least once and the person's own; all
 * while none is. Bundled routines (own false) never done are left out.
 */
static void
test_listed(void)
{
	struct history	h;
	struct due	d;
	int64_t		at = MONDAY + 9 * HOUR;

	t_rt[0].own = t_rt[1].own = t_rt[2].own = false;
	history_init(&h);
	due_compute(&t_cat, &h, at, 0, &d);
	ok(d.items[0].listed && d.items[1].listed && d.items[2].listed,
	    "listed: all of the bundled library on a first run");
	is_int(d.pick, 0, "listed: the first routine is picked");
	due_free(&d);

	t_rt[2].own = true;
	due_compute(&t_cat, &h, at, 0, &d);
	ok(!d.items[0].listed && !d.items[1].listed && d.items[2].listed,
	    "listed: only the person's own routine");
	is_int(d.pick, 2, "listed: the own routine is picked, not the "
	    "first bundled one");
	is_int(d.week_planned, 7, "listed: planned, the own routine's 7");
	due_free(&d);

	/* Mobility done long ago: listed, and picked after the break. */
	t_session(&h, "mobility", at, 0, true);
	due_compute(&t_cat, &h, at + 40 * DAY, 0, &d);
	ok(!d.items[0].listed && d.items[1].listed && d.items[2].listed,
	    "listed: a routine done once stays listed");
	is_int(d.pick, 1, "listed: back after a break, the first listed");
	due_free(&d);

	/* A routine that depends on a file with problems is never due. */
	t_rt[1].blocked = "bad.yaml";
	due_compute(&t_cat, &h, at + 40 * DAY, 0, &d);
	is_int(d.items[1].state, DUE_BLOCKED, "blocked: its state");
	is_str(due_state_text(DUE_BLOCKED), "cannot start: a library file "
	    "has problems", "blocked: its text");
	is_int(d.pick, 2, "blocked: never picked");
	due_free(&d);
	history_free(&h);
	t_library();
}

static void
test_offsets(void)
{
	struct history	h;
	struct due	d;

	history_init(&h);
	/* 23:30 UTC Sunday, recorded at UTC+1: Monday 00:30 local. */
	t_session(&h, "mobility", MONDAY - 30 * 60, HOUR, true);
	due_compute(&t_cat, &h, MONDAY + 10 * HOUR, HOUR, &d);
	is_int(d.items[1].week_done, 1, "counted in the local week");
	is_int(d.items[1].state, DUE_DONE_TODAY, "done today, local time");
	due_free(&d);
	due_compute(&t_cat, &h, MONDAY + 10 * HOUR, 0, &d);
	is_int(d.items[1].state, DUE_DONE_TODAY,
	    "a session keeps the day it was recorded on");
	due_free(&d);
	history_free(&h);
}

static void
test_morning(void)
{
	struct history		 h;
	struct hist_pain	*p;

	history_init(&h);
	t_session(&h, "strength", MONDAY + 18 * HOUR, 0, true);
	is_int(due_morning_pending(&h, MONDAY + 22 * HOUR, 0), -1,
	    "same evening: no morning ask");
	is_int(due_morning_pending(&h, MONDAY + DAY + 7 * HOUR, 0), 0,
	    "the next morning: ask");
	is_int(due_morning_pending(&h, MONDAY + 18 * HOUR + 7 * HOUR,
	    -2 * HOUR), -1, "at UTC-2 it is still that evening");
	is_int(due_morning_pending(&h, MONDAY + 7 * DAY + HOUR, 0), 0,
	    "a week later: still ask");
	is_int(due_morning_pending(&h, MONDAY + 8 * DAY + HOUR, 0), -1,
	    "more than a week later: no ask");
	/* A later empty session does not hide the one that counts. */
	t_session(&h, "mobility", MONDAY + 19 * HOUR, 0, false);
	is_int(due_morning_pending(&h, MONDAY + DAY + 7 * HOUR, 0), 0,
	    "an empty later session is passed over");
	p = history_add_pain(&h);
	p->kind = PAIN_AFTER;
	p->at = MONDAY + DAY + 6 * HOUR;
	is_int(due_morning_pending(&h, MONDAY + DAY + 7 * HOUR, 0), 0,
	    "a later report of another kind: still ask");
	p->kind = PAIN_MORNING;
	is_int(due_morning_pending(&h, MONDAY + DAY + 7 * HOUR, 0), -1,
	    "a standalone morning report after it: no ask");
	p->kind = PAIN_AFTER;
	h.s[0].pain_morning = 2;
	is_int(due_morning_pending(&h, MONDAY + DAY + 7 * HOUR, 0), -1,
	    "morning pain recorded: no ask");
	history_free(&h);
}

static void
test_text(void)
{
	struct due_item	it;
	char		buf[32];
	int64_t		today = MONDAY / DAY + 3;

	memset(&it, 0, sizeof it);
	due_last_str(&it, today, buf, sizeof buf);
	is_str(buf, "never", "never done");
	it.last = MONDAY + 3 * DAY + 60;
	due_last_str(&it, today, buf, sizeof buf);
	is_str(buf, "today", "done today");
	it.last = MONDAY + 3 * DAY - 60;
	due_last_str(&it, today, buf, sizeof buf);
	is_str(buf, "yesterday", "a minute before midnight: yesterday");
	it.last_off = 2 * HOUR;
	due_last_str(&it, today, buf, sizeof buf);
	is_str(buf, "today", "... but today where it was recorded at UTC+2");
	it.last = MONDAY;
	it.last_off = 0;
	due_last_str(&it, today, buf, sizeof buf);
	is_str(buf, "3 days ago", "three days ago");
	is_str(due_state_text(DUE_YES), "due today", "state text");
	is_str(due_state_text(DUE_REST_DAY),
	    "rest day (strength yesterday)", "rest-day text");
}

/* --- the next day a routine may be done (issue #12) -------------------- */

static uint64_t	t_rng_state = 0x2545f4914f6cdd1dULL;

static unsigned
t_rng(unsigned n)
{
	t_rng_state ^= t_rng_state >> 12;
	t_rng_state ^= t_rng_state << 25;
	t_rng_state ^= t_rng_state >> 27;
	return (unsigned)((t_rng_state * 2685821657736338717ULL) >> 33) % n;
}

/* A session of `rt` that counts was on local day `day` (offset 0). */
static bool
t_done_on(const struct history *h, const char *rt, int64_t day)
{
	size_t	i;

	for (i = 0; i < h->ns; i++)
		if ((rt == NULL ? strcmp(h->s[i].routine, "mobility") != 0 :
		    strcmp(h->s[i].routine, rt) == 0) &&
		    h->s[i].start / DAY == day && due_session_counts(&h->s[i]))
			return true;
	return false;
}

/* The rules of due.h, written out again: may `rt` be done on `day`? */
static bool
t_allowed(const struct history *h, const struct routine *rt, int64_t day)
{
	int64_t	week = day - (day + 3) % 7, d;
	int	n = 0;

	for (d = week; d < week + 7; d++)
		n += t_done_on(h, rt->id, d);
	if (rt->per_week <= 0 || t_done_on(h, rt->id, day) || n >= rt->per_week)
		return false;
	/* strength and daily are strength routines; mobility is not. */
	return !(strcmp(rt->id, "strength") == 0 &&
	    t_done_on(h, NULL, day - 1));
}

static void
test_next(void)
{
	struct history		 h;
	struct hist_session	*s;
	struct due		 d;
	int64_t			 mon = MONDAY / DAY, today, next, day;
	int			 run, k, bad = 0;
	size_t			 r;

	/* Strength on Monday and Thursday; Friday rests. */
	history_init(&h);
	t_set(t_session(&h, "strength", MONDAY + 9 * HOUR, 0, true));
	t_set(t_session(&h, "strength", MONDAY + 3 * DAY + 9 * HOUR, 0, true));
	is_int(due_next_day(&t_cat, &h, &t_rt[0], mon + 3), mon + 5,
	    "done Thursday, Friday a rest day: next on Saturday");
	is_int(due_next_day(&t_cat, &h, &t_rt[0], mon + 4), mon + 5,
	    "on Friday's rest day: next on Saturday");
	is_int(due_next_day(&t_cat, &h, &t_rt[0], mon + 5), mon + 5,
	    "due on Saturday: today");
	t_set(t_session(&h, "strength", MONDAY + 5 * DAY + 9 * HOUR, 0, true));
	is_int(due_next_day(&t_cat, &h, &t_rt[0], mon + 5), mon + 7,
	    "the week's three done on Saturday: next on Monday");
	due_compute(&t_cat, &h, MONDAY + 5 * DAY + 20 * HOUR, 0, &d);
	ok(due_next(&d) != NULL && due_next(&d)->rt == &t_rt[0] &&
	    due_next(&d)->next == mon + 7, "due_next: strength, on Monday");
	due_free(&d);
	history_free(&h);

	/*
	 * Random weeks of sessions: the day due_next_day() names is the
	 * first from today on that the rules allow, and due_compute()
	 * agrees (an active routine is due today exactly when that day is
	 * today; an inactive one is "not started" or "lapsed" instead).
	 */
	for (run = 0; run < 2000 && bad == 0; run++) {
		history_init(&h);
		today = mon + (int64_t)t_rng(21);
		for (day = mon - 10; day <= today; day++)
			for (r = 0; r < 3; r++) {
				if (t_rng(3) != 0)
					continue;
				s = t_session(&h, t_rt[r].id, day * DAY +
				    (int64_t)(6 + t_rng(12)) * HOUR, 0,
				    t_rng(4) != 0);
				if (t_rng(2) == 0)
					t_set(s);
			}
		due_compute(&t_cat, &h, today * DAY + 23 * HOUR, 0, &d);
		for (r = 0; r < 3; r++) {
			next = due_next_day(&t_cat, &h, &t_rt[r], today);
			k = 0;
			for (day = today; day < next; day++)
				k += t_allowed(&h, &t_rt[r], day);
			if (next < today || next > today + 8 || k != 0 ||
			    !t_allowed(&h, &t_rt[r], next) ||
			    d.items[r].next != next ||
			    (d.items[r].active && (d.items[r].state ==
			    DUE_YES) != (next == today))) {
				tap_diag("run %d %s: next %lld from %lld, "
				    "state %d", run, t_rt[r].id,
				    (long long)next, (long long)today,
				    (int)d.items[r].state);
				bad++;
			}
		}
		due_free(&d);
		history_free(&h);
	}
	is_int(bad, 0, "2000 random histories: the next day named is the "
	    "first the rules allow, and due today exactly when it is today");
}

int
main(void)
{
	t_library();
	test_empty();
	test_week();
	test_pick_and_zero();
	test_active();
	test_listed();
	test_offsets();
	test_morning();
	test_text();
	test_next();
	return tap_done();
}
