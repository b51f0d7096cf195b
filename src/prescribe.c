/*
 * prescribe.c - today's prescription from the history database: the only
 * place where progression meets the store and the clock.
 */
#include "config.h"

#include "prescribe.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

#include "calendar.h"
#include "due.h"
#include "history.h"

void
prescribe_now(int64_t *now, int *utc_off)
{
	time_t		t = time(NULL);

	*now = t;
	*utc_off = calendar_offset(t);
}

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
