/*
 * prescribe.c - today's prescription from the history database, and the
 * one a past session was given: the only place where progression meets
 * the store and the clock.
 */
#include "config.h"

#include "prescribe.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "calendar.h"
#include "due.h"
#include "history.h"
#include "xmalloc.h"

void
prescribe_now(int64_t *now, int *utc_off)
{
	time_t		t = time(NULL);

	*now = t;
	*utc_off = calendar_offset(t);
}

/* The three sides' bits, 1 << enum side. */
#define PRESCRIBE_SIDES	((1u << SIDE_BOTH) | (1u << SIDE_LEFT) | \
	(1u << SIDE_RIGHT))

int
prescribe(struct store *st, const struct routine *rt, int64_t now,
    int utc_off, struct prog_plan *pl)
{
	struct history	h;
	int64_t		since, oldest, t;
	size_t		i;
	int		rc;

	/*
	 * The rules read a window of weeks, and the last session of each
	 * step however old (for its dose and the days since it).
	 */
	oldest = since = progression_since(rt, now, utc_off);
	for (i = 0; i < rt->nsteps; i++) {
		if ((rc = store_last_start(st, rt->id,
		    rt->steps[i].exercise_id, &t)) != 0)
			return (rc);
		if (t != 0 && t < oldest)
			oldest = t;
	}
	history_init(&h);
	if ((rc = store_load(st, oldest, &h)) == 0)
		progression_plan(rt, &h, now, utc_off, pl);
	history_free(&h);
	return (rc);
}

/* Why `rt` is not due today, in words for the plan's rest-day advice. */
static const char *
prescribe_not_today(const struct catalog *cat, const struct history *h,
    const struct routine *rt, int64_t today)
{
	int	n;

	switch (due_state_on(cat, h, rt, today, &n)) {
	case DUE_DONE_TODAY:
		return ("this routine was already done today");
	case DUE_REST_DAY:
		return ("a strength session yesterday wants a day of rest");
	case DUE_WEEK_DONE:
		return ("this week's sessions of this routine are done");
	default:
		break;
	}
	return ("not due today");
}

int
prescribe_next(struct store *st, const struct catalog *cat,
    const struct routine *rt, int64_t now, int utc_off, struct prog_plan *pl)
{
	struct history	h;
	int64_t		today = calendar_day(now, utc_off), from, next;
	int		rc;

	/* The rules read this week and yesterday; a day more for offsets. */
	from = calendar_monday(today);
	if (from > today - 1)
		from = today - 1;
	history_init(&h);
	if ((rc = store_load(st, calendar_midnight(from - 1, utc_off), &h)) == 0 &&
	    (next = due_next_day(cat, &h, rt, today)) > today) {
		pl->advice |= ADVICE_REST_DAY;
		calendar_day_str(next, today, pl->next, sizeof pl->next);
		snprintf(pl->rest, sizeof pl->rest, "%s",
		    prescribe_not_today(cat, &h, rt, today));
	}
	history_free(&h);
	return (rc);
}

const struct routine *
prescribe_default_routine(struct store *st, const struct catalog *cat,
    int *rc)
{
	const struct routine	*rt = NULL;
	struct history		 h;
	size_t			 i;

	history_init(&h);
	*rc = store_load_recent(st, 20, &h);
	for (i = h.ns; *rc == 0 && rt == NULL && i-- > 0;)
		rt = catalog_routine(cat, h.s[i].routine);
	history_free(&h);
	if (*rc == 0 && rt == NULL && cat->nrt > 0)
		rt = &cat->rt[0];
	return (rt);
}

/* The queries of the rules (a side's last session) an entry answers. */
static unsigned
prescribe_answers(enum side side)
{
	if (side == SIDE_BOTH)
		return PRESCRIBE_SIDES;
	return (1u << side) | (1u << SIDE_BOTH);
}

/*
 * Mark in seen[] (per step) the sides whose last session `s` can be; true
 * when it is the last for one not marked yet.
 */
static bool
prescribe_mark(const struct hist_session *s, const struct routine *rt,
    unsigned *seen)
{
	const struct hist_exercise	*e;
	size_t				 i, j;
	bool				 news = false;
	unsigned			 a;

	if (strcmp(s->routine, rt->id) != 0)
		return false;
	for (i = 0; i < rt->nsteps; i++) {
		for (j = 0; j < s->nex; j++) {
			e = &s->ex[j];
			if (strcmp(e->exercise, rt->steps[i].exercise_id) != 0)
				continue;
			a = prescribe_answers(e->side);
			if ((seen[i] | a) != seen[i])
				news = true;
			seen[i] |= a;
		}
	}
	return news;
}

/* True while a step has a side whose last session is not found yet. */
static bool
prescribe_unmarked(const struct routine *rt, const unsigned *seen)
{
	size_t	i;

	for (i = 0; i < rt->nsteps; i++) {
		if (seen[i] != PRESCRIBE_SIDES)
			return true;
	}
	return false;
}

/*
 * The sessions the rules read for a plan at session `si` of routine `rt`:
 * those from progression_since() on, and before them the last session of
 * each step and side; nothing older changes the plan. Shallow copies, in
 * history order, in view->s (free it alone).
 */
static void
prescribe_view(const struct history *h, const struct routine *rt, size_t si,
    struct history *view)
{
	const struct hist_session	*s = &h->s[si];
	int64_t				 since;
	unsigned			*seen;
	bool				*keep;
	size_t				 lo, i, n;

	since = progression_since(rt, s->start, s->utc_off);
	for (lo = si; lo > 0 && h->s[lo - 1].start >= since; lo--)
		;
	seen = xcalloc(rt->nsteps + 1, sizeof *seen);
	keep = xcalloc(lo + 1, sizeof *keep);
	for (i = lo; i < si; i++)
		prescribe_mark(&h->s[i], rt, seen);
	for (i = lo, n = 0; i > 0 && prescribe_unmarked(rt, seen); i--) {
		if (prescribe_mark(&h->s[i - 1], rt, seen)) {
			keep[i - 1] = true;
			n++;
		}
	}
	view->s = xreallocarray(NULL, n + (si - lo) + 1, sizeof *view->s);
	view->ns = 0;
	for (i = 0; i < lo; i++) {
		if (keep[i])
			view->s[view->ns++] = h->s[i];
	}
	for (i = lo; i < si; i++)
		view->s[view->ns++] = h->s[i];
	free(keep);
	free(seen);
}

void
prescribe_then(const struct history *h, const struct routine *rt, size_t si,
    struct prog_plan *pl)
{
	const struct hist_session	*s = &h->s[si];
	struct history			 view;

	view = *h;
	prescribe_view(h, rt, si, &view);
	for (view.np = 0; view.np < h->np && h->p[view.np].at < s->start;
	    view.np++)
		;
	progression_plan(rt, &view, s->start, s->utc_off, pl);
	free(view.s);
}

void
prescribe_line(const struct prog_item *it, char *buf, size_t len)
{
	char		 dose[128];
	const char	*side = "";

	if (it->side == SIDE_LEFT)
		side = " (left)";
	else if (it->side == SIDE_RIGHT)
		side = " (right)";
	catalog_dose_str(it->step->ex, &it->dose, dose, sizeof dose);
	snprintf(buf, len, "%s%s: %s - %s: %s", it->step->ex->name, side,
	    dose, progression_decision_word(it->decision), it->reason);
}

void
prescribe_advice(const struct prog_plan *pl, unsigned advice, char *buf,
    size_t len)
{
	switch (advice) {
	case ADVICE_SEE_PHYSIO:
		snprintf(buf, len, "SEE A PHYSIOTHERAPIST: stop progressing and "
		    "have your knee checked by a physiotherapist or doctor: "
		    "%s.", pl->physio);
		break;
	case ADVICE_CROSS_TRAIN:
		snprintf(buf, len, "KEEP FIT ANOTHER WAY: walk, cycle or swim "
		    "instead of running for now (%s).", pl->cross);
		break;
	case ADVICE_REST_DAY:
		/* Never "the next session is ..." beside "see a physiotherapist". */
		if (pl->advice & ADVICE_SEE_PHYSIO)
			snprintf(buf, len, "Rest day: %s; see a physiotherapist "
			    "before the next session.", pl->rest);
		else
			snprintf(buf, len, "Rest day: %s; the next session is "
			    "%s.", pl->rest, pl->next);
		break;
	default:
		snprintf(buf, len, "%s", progression_advice_name(advice));
		break;
	}
}
