/*
 * review.c - loading what the progress views need and wording their
 * figures, shared by `progress`, `report` and the progress screen.
 */
#include "config.h"

#include "review.h"

#include <langinfo.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "calendar.h"
#include "prescribe.h"
#include "progression.h"
#include "store.h"


/*
 * How far before the window the rules that explain dose changes look
 * back: "pain not lower after 6 weeks" and the week before it.
 */
#define REVIEW_MARGIN_WEEKS	8

const struct cmd_option review_options[] = {
	{ "weeks", 'w', 0, CMD_ARG_TEXT, NULL },
	{ "routine", 'r', 0, CMD_ARG_ROUTINE, NULL },
	{ "ascii", 'a', 0, CMD_ARG_NONE, NULL },
	{ NULL, 0, 0, CMD_ARG_NONE, NULL }
};

int
review_args(const struct cmd_entry *e, int argc, char **argv,
    struct review_args *a)
{
	const char			*cs;
	int				 ch, rc;

	a->routine = NULL;
	a->ascii = false;
	while ((ch = cmd_getopt(e, argc, argv, &rc)) != -1) {
		switch (ch) {
		case 'w':
			if (strcmp(optarg, "all") == 0)
				a->weeks = 0;
			else if (cmd_parse_int(optarg, 1, REVIEW_MAX_WEEKS,
			    &a->weeks) != 0)
				return cmd_usage_error(e, "--weeks wants a "
				    "number of weeks from 1 to %d, or 'all', "
				    "not '%s'", REVIEW_MAX_WEEKS, optarg);
			break;
		case 'r':
			a->routine = optarg;
			break;
		case 'a':
			a->ascii = true;
			break;
		}
	}
	if (rc != -1)
		return rc;
	cs = nl_langinfo(CODESET);
	if (cs == NULL || strcmp(cs, "UTF-8") != 0)
		a->ascii = true;
	return -1;
}

static int
review_history(const struct rh_opts *o, struct review *rv, int64_t since)
{
	struct store	*st;
	int		 rc;

	history_free(&rv->h);
	rv->since = since;
	if ((rc = store_open_readonly(o->data_dir, &st)) != 0) {
		fprintf(stderr, "rehabit: %s\n", store_open_error());
		return rc;
	}
	if ((rc = store_load_outlined(st, since, &rv->h)) != 0)
		fprintf(stderr, "rehabit: %s\n", store_error(st));
	store_close(st);
	return rc;
}

int
review_load(const struct rh_opts *o, struct review *rv, int weeks,
    int64_t now)
{
	int64_t	since = 0, day, t;
	size_t	i;
	int	rc;

	history_init(&rv->h);
	rv->since = 0;
	if ((rc = cmd_load_catalog(o, &rv->cat)) != 0)
		return rc;
	if (weeks > 0) {
		/* A day early: local midnight is up to 14 hours from UTC's. */
		day = calendar_monday(calendar_day(now, calendar_offset(now))) -
		    7 * (int64_t)(weeks - 1);
		since = calendar_midnight(day - 7 * REVIEW_MARGIN_WEEKS - 1, 0);
		/* And as far back as the rules read for the window's start. */
		for (i = 0; i < rv->cat.nrt; i++) {
			t = progression_since(&rv->cat.rt[i], calendar_midnight(day, 0),
			    calendar_offset(calendar_midnight(day, 0)));
			if (t < since)
				since = t;
		}
	}
	return review_history(o, rv, since);
}

int
review_load_store(struct store *st, struct review *rv)
{
	catalog_init(&rv->cat);
	history_init(&rv->h);
	rv->since = 0;
	return store_load(st, 0, &rv->h);
}

void
review_free(struct review *rv)
{
	catalog_free(&rv->cat);
	history_free(&rv->h);
}

bool
review_routine_known(const struct review *rv, const struct catalog *cat,
    const char *id)
{
	size_t	i;

	if (catalog_routine(cat, id) != NULL)
		return true;
	for (i = 0; i < rv->h.ns; i++) {
		if (strcmp(rv->h.s[i].routine, id) == 0)
			return true;
	}
	return false;
}

static bool
review_same_dose(const struct dose *a, const struct dose *b)
{
	return a->sets == b->sets && a->reps == b->reps &&
	    a->hold == b->hold && a->work == b->work &&
	    a->rounds == b->rounds && a->level == b->level;
}

/*
 * Why a dose changed: the plan the rules give with the history as it was
 * just before that session. When the plan does not match what was done,
 * the routine was edited since (or the dose set by hand): say so.
 */
static void
review_explain_one(const struct review *rv, const struct catalog *cat,
    const struct report_exercise *e, struct report_change *c)
{
	const struct hist_session	*s = &rv->h.s[c->session];
	const struct routine		*rt;
	const struct prog_item		*it;
	struct prog_plan		 plan;
	size_t				 i;

	if (cat == NULL || (rt = catalog_routine(cat, s->routine)) == NULL)
		return;
	prescribe_then(&rv->h, rt, c->session, &plan);
	for (i = 0; i < plan.nitems; i++) {
		it = &plan.items[i];
		if (strcmp(it->step->exercise_id, e->id) != 0)
			continue;
		if (review_same_dose(&it->dose, &c->to)) {
			snprintf(c->decision, sizeof c->decision, "%s",
			    progression_decision_word(it->decision));
			snprintf(c->rule, sizeof c->rule, "%s",
			    progression_rule_name(it->rule));
			snprintf(c->reason, sizeof c->reason, "%s",
			    it->reason);
		} else
			snprintf(c->reason, sizeof c->reason, "The rules"
			    " give another dose for that day: the routine was"
			    " changed since, or the dose was set by hand.");
		break;
	}
	progression_free(&plan);
}

static void
review_explain(const struct review *rv, const struct catalog *cat,
    size_t explain, struct report *r)
{
	size_t	i, j;

	for (i = 0; i < r->nex; i++) {
		j = explain > 0 && r->ex[i].nchanges > explain ?
		    r->ex[i].nchanges - explain : 0;
		for (; j < r->ex[i].nchanges; j++)
			review_explain_one(rv, cat, &r->ex[i],
			    &r->ex[i].changes[j]);
	}
}

void
review_figures(const struct review *rv, const struct catalog *cat,
    const char *routine, int weeks, int64_t now, size_t explain,
    struct report *r)
{
	struct report_in	in;

	memset(&in, 0, sizeof in);
	in.h = &rv->h;
	in.cat = cat;
	in.routine = routine;
	in.now = now;
	in.now_off = calendar_offset(now);
	in.weeks = weeks;
	/*
	 * Every session is there, the older ones as outlines: what the
	 * figures read of the whole history (the streak, the first session
	 * of each routine) is complete, so they never need it all.
	 */
	in.since = 0;
	report_build(r, &in);
	review_explain(rv, cat, explain, r);
}

/* "pain after sessions", "pain during sessions", "morning pain". */
static const char *
review_pain_name(int kind)
{
	switch (kind) {
	case PAIN_DURING:
		return "pain during sessions";
	case PAIN_AFTER:
		return "pain after sessions";
	default:
		return "morning pain";
	}
}

void
review_number(double v, char *buf, size_t len)
{
	double	r = round(v * 10) / 10;

	if (fabs(r - round(r)) < 1e-9)
		snprintf(buf, len, "%.0f", r);
	else
		snprintf(buf, len, "%.1f", r);
}

void
review_trend(const struct report *r, int kind, bool utf8, char *buf,
    size_t len)
{
	const struct report_trend	*t = &r->trend[kind];
	char				 a[16], b[16];
	const char			*what;
	int				 i;

	if (!t->have) {
		/* The latest week with scores, if any. */
		for (i = r->nweeks - 1; i >= 0 && r->w[i].npain[kind] == 0; i--)
			;
		if (i < 0)
			snprintf(buf, len, "%s: no scores",
			    review_pain_name(kind));
		else {
			review_number(r->w[i].pain[kind], a, sizeof a);
			snprintf(buf, len, "%s: %s (one week of scores)",
			    review_pain_name(kind), a);
		}
		return;
	}
	review_number(t->first, a, sizeof a);
	review_number(t->last, b, sizeof b);
	if (!t->meaningful)
		what = "under 2 points";
	else if (t->last < t->first)
		what = "meaningful";
	else
		what = "meaningful rise";
	snprintf(buf, len, "%s: %s %s %s over %d week%s (%s)",
	    review_pain_name(kind), a, utf8 ? "\xe2\x86\x92" : "->", b,
	    t->weeks, t->weeks == 1 ? "" : "s", what);
}

const char *
review_name(const struct report_exercise *e)
{
	return e->ex != NULL ? e->ex->name : e->id;
}

void
review_dose(const struct report_exercise *e, const struct dose *d,
    char *buf, size_t len)
{
	if (e->ex != NULL) {
		catalog_dose_str(e->ex, d, buf, len);
		return;
	}
	/* Not in the library any more: say what the numbers are. */
	switch (e->kind) {
	case KIND_HOLD:
		snprintf(buf, len, "%d x %d s hold", d->sets, d->hold);
		break;
	case KIND_TIMED:
		snprintf(buf, len, "%d x %d rounds of %d s", d->sets,
		    d->rounds, d->work);
		break;
	default:
		snprintf(buf, len, "%d x %d", d->sets, d->reps);
		break;
	}
}

void
review_volume(enum ex_kind kind, int64_t v, char *buf, size_t len)
{
	if (kind == KIND_REPS)
		snprintf(buf, len, "%lld reps", (long long)v);
	else if (v < 60)
		snprintf(buf, len, "%lld s", (long long)v);
	else
		snprintf(buf, len, "%lld:%02lld", (long long)(v / 60),
		    (long long)(v % 60));
}

void
review_flags(unsigned flags, char *buf, size_t len)
{
	size_t		n = 0;
	unsigned	f;

	buf[0] = '\0';
	for (f = 1; f < (1u << FLAG_COUNT) && n < len; f <<= 1) {
		if ((flags & f) == 0)
			continue;
		n += (size_t)snprintf(buf + n, len - n, "%s%s",
		    n > 0 ? ", " : "", history_flag_name(f));
	}
}
