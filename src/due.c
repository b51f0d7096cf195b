/*
 * due.c - which routine is due today: counting this week's sessions and
 * the rest day between strength sessions. See due.h for the rules.
 */
#include "config.h"

#include "due.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "calendar.h"
#include "progression.h"
#include "xmalloc.h"

/* Strength sessions at most this often a week get a rest day between. */
#define DUE_REST_PER_WEEK	3

bool
due_session_counts(const struct hist_session *s)
{
	size_t	i;

	if (s->completed)
		return true;
	for (i = 0; i < s->nex; i++)
		if (s->ex[i].ndone > 0)
			return true;
	return false;
}

static bool
due_is_strength(const struct routine *rt)
{
	size_t	i;

	for (i = 0; i < rt->nsteps; i++)
		if (rt->steps[i].ex != NULL &&
		    rt->steps[i].ex->focus == FOCUS_STRENGTH)
			return true;
	return false;
}

void
due_last_str(const struct due_item *it, int64_t today, char *buf, size_t len)
{
	int64_t	ago;

	if (it->last == 0) {
		snprintf(buf, len, "never");
		return;
	}
	ago = today - calendar_day(it->last, it->last_off);
	if (ago <= 0)
		snprintf(buf, len, "today");
	else if (ago == 1)
		snprintf(buf, len, "yesterday");
	else
		snprintf(buf, len, "%lld days ago", (long long)ago);
}

const char *
due_state_text(enum due_state st)
{
	switch (st) {
	case DUE_YES:
		return "due today";
	case DUE_DONE_TODAY:
		return "done today";
	case DUE_REST_DAY:
		return "rest day (strength yesterday)";
	case DUE_WEEK_DONE:
		return "this week's sessions are done";
	case DUE_UNPLANNED:
		return "not planned (per_week 0)";
	case DUE_NOT_STARTED:
		return "not started";
	case DUE_LAPSED:
		return "not done for 4 weeks";
	case DUE_BLOCKED:
		return "cannot start: a library file has problems";
	case DUE_RED_FLAG:
		return "held: red flag";
	}
	return "";
}

/* The library's routine of that id (catalog_routine(), kept pure here). */
static const struct routine *
due_routine(const struct catalog *cat, const char *id)
{
	size_t	i;

	for (i = 0; i < cat->nrt; i++)
		if (strcmp(cat->rt[i].id, id) == 0)
			return &cat->rt[i];
	return NULL;
}

/* Was a strength routine of the library done on local day `day`? */
static bool
due_strength_on(const struct catalog *cat, const struct history *h,
    int64_t day)
{
	const struct routine	*rt;
	const struct hist_session *s;
	size_t			 i;

	for (i = 0; i < h->ns; i++) {
		s = &h->s[i];
		if (!due_session_counts(s) ||
		    calendar_day(s->start, s->utc_off) != day)
			continue;
		rt = due_routine(cat, s->routine);
		if (rt != NULL && due_is_strength(rt))
			return true;
	}
	return false;
}

/*
 * Whether `rt` may be done on local day `day` (DUE_YES), or why not, from
 * the sessions recorded so far; `*week_done` gets the sessions of day's
 * week. The one place the rules above are applied: today's state and the
 * next day a routine may be done both come from here.
 */
enum due_state
due_state_on(const struct catalog *cat, const struct history *h,
    const struct routine *rt, int64_t day, int *week_done)
{
	const struct hist_session *s;
	int64_t			 week = calendar_monday(day), d;
	bool			 done = false;
	size_t			 i;

	*week_done = 0;
	for (i = 0; i < h->ns; i++) {
		s = &h->s[i];
		if (s->routine == NULL || strcmp(s->routine, rt->id) != 0 ||
		    !due_session_counts(s))
			continue;
		d = calendar_day(s->start, s->utc_off);
		if (d >= week && d < week + 7)
			(*week_done)++;
		if (d == day)
			done = true;
	}
	if (rt->blocked != NULL)
		return DUE_BLOCKED;
	if (rt->per_week <= 0)
		return DUE_UNPLANNED;
	if (done)
		return DUE_DONE_TODAY;
	if (*week_done >= rt->per_week)
		return DUE_WEEK_DONE;
	if (rt->per_week <= DUE_REST_PER_WEEK && due_is_strength(rt) &&
	    due_strength_on(cat, h, day - 1))
		return DUE_REST_DAY;
	return DUE_YES;
}

int64_t
due_next_day(const struct catalog *cat, const struct history *h,
    const struct routine *rt, int64_t today)
{
	int64_t	day;
	int	n;

	/* A new week is at most 7 days off, and a rest day one more. */
	for (day = today; day <= today + 8; day++)
		if (due_state_on(cat, h, rt, day, &n) == DUE_YES)
			return day;
	return -1;
}

static void
due_one(const struct catalog *cat, const struct history *h,
    int64_t today, struct due_item *it)
{
	const struct hist_session *s;
	size_t			 i;

	for (i = 0; i < h->ns; i++) {
		s = &h->s[i];
		if (strcmp(s->routine, it->rt->id) != 0 ||
		    !due_session_counts(s))
			continue;
		if (s->start >= it->last) {
			it->last = s->start;
			it->last_off = s->utc_off;
		}
	}
	it->active = it->last != 0 &&
	    today - calendar_day(it->last, it->last_off) < DUE_ACTIVE_DAYS;
	it->state = due_state_on(cat, h, it->rt, today, &it->week_done);
	it->next = it->state == DUE_YES ? today :
	    due_next_day(cat, h, it->rt, today);
}

/* The state of an inactive routine: one not in the person's plan. */
static enum due_state
due_inactive_state(const struct due_item *it)
{
	return it->last == 0 ? DUE_NOT_STARTED : DUE_LAPSED;
}

/*
 * Which routines the person uses (see due.h): done at least once, or in
 * their own library; all of them when none is.
 */
static void
due_mark_listed(struct due *d)
{
	size_t	i, n = 0;

	for (i = 0; i < d->n; i++) {
		d->items[i].listed = d->items[i].rt->own ||
		    d->items[i].last != 0;
		n += d->items[i].listed;
	}
	for (i = 0; i < d->n && n == 0; i++)
		d->items[i].listed = true;
}

/* A red flag stands: see a physiotherapist before anything is due. */
static void
due_red_flag(const struct history *h, int64_t now, int now_off,
    struct due *d)
{
	size_t	i;

	d->held = d->n;
	d->red_flags = progression_red_flags(h, now, now_off, &d->flag_day);
	if (d->red_flags == 0)
		return;
	for (i = 0; i < d->n; i++)
		if (d->items[i].state == DUE_YES)
			d->items[i].state = DUE_RED_FLAG;
	d->held = d->pick;
	d->pick = d->n;
}

void
due_compute(const struct catalog *cat, const struct history *h,
    int64_t now, int now_off, struct due *d)
{
	struct due_item	*it, *best = NULL;
	int64_t		 today = calendar_day(now, now_off);
	bool		 any_active = false;
	size_t		 i;

	memset(d, 0, sizeof *d);
	d->n = cat->nrt;
	d->items = xcalloc(d->n == 0 ? 1 : d->n, sizeof *d->items);
	for (i = 0; i < d->n; i++) {
		it = &d->items[i];
		it->rt = &cat->rt[i];
		due_one(cat, h, today, it);
		d->week_done += it->week_done;
		if (!it->active)
			continue;
		any_active = true;
		if (it->rt->per_week > 0)
			d->week_planned += it->rt->per_week;
		/* Least recently done first. */
		if (it->state == DUE_YES &&
		    (best == NULL || it->last < best->last))
			best = it;
	}
	due_mark_listed(d);
	if (!any_active) {
		/* Starting out or back after a break: the first in order. */
		for (i = 0; i < d->n && best == NULL; i++)
			if (d->items[i].state == DUE_YES &&
			    d->items[i].listed)
				best = &d->items[i];
		if (best != NULL)
			d->week_planned = best->rt->per_week;
	}
	for (i = 0; i < d->n; i++) {
		it = &d->items[i];
		if (!it->active && it != best && it->state != DUE_UNPLANNED &&
		    it->state != DUE_BLOCKED)
			it->state = due_inactive_state(it);
	}
	d->pick = best != NULL ? (size_t)(best - d->items) : d->n;
	due_red_flag(h, now, now_off, d);
}

const struct due_item *
due_next(const struct due *d)
{
	const struct due_item	*it, *best = NULL;
	bool			 any_active = false;
	size_t			 i;

	for (i = 0; i < d->n; i++)
		any_active |= d->items[i].active;
	for (i = 0; i < d->n; i++) {
		it = &d->items[i];
		if ((any_active && !it->active) || it->next < 0)
			continue;
		if (best == NULL || it->next < best->next)
			best = it;
	}
	return best;
}

void
due_free(struct due *d)
{
	free(d->items);
	memset(d, 0, sizeof *d);
}

long
due_morning_pending(const struct history *h, int64_t now, int now_off)
{
	const struct hist_session *s;
	int64_t			 day, today = calendar_day(now, now_off);
	size_t			 i;

	/* Sessions are oldest first: the latest that counts is nearest the end. */
	for (i = h->ns; i > 0; i--)
		if (due_session_counts(&h->s[i - 1]))
			break;
	if (i == 0)
		return -1;
	s = &h->s[--i];
	if (s->pain_morning != PAIN_NONE)
		return -1;
	day = calendar_day(s->start, s->utc_off);
	if (today <= day || today - day > DUE_MORNING_DAYS)
		return -1;
	for (i = 0; i < h->np; i++)
		if (h->p[i].kind == PAIN_MORNING && h->p[i].at > s->start)
			return -1;
	return (long)(s - h->s);
}
