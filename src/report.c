/*
 * report.c - progress figures from the history: adherence, pain averages
 * and trend, volume, streak, dose changes. Pure: no I/O, no clock.
 */
#include "config.h"

#include "report.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "calendar.h"
#include "xmalloc.h"

/* A routine counts as current while used within this many days of the
 * latest session of all: two routines used in turn both stay planned. */
#define CURRENT_DAYS	7

/* Running sums for one exercise while the figures are built. */
struct report_acc {
	int		*npain;		/* per window week */
	size_t		 last_session;	/* index + 1 of the last session */
	struct dose	 prev;
	bool		 seen;
};

/* The kind of an exercise, from the library or guessed from the dose. */
static enum ex_kind
report_kind(const struct exercise *ex, const struct dose *d)
{
	if (ex != NULL)
		return ex->kind;
	if (d->work > 0 || d->rounds > 0)
		return KIND_TIMED;
	if (d->hold > 0)
		return KIND_HOLD;
	return KIND_REPS;
}

int64_t
report_dose_volume(enum ex_kind kind, const struct dose *d)
{
	int64_t	sets = d->sets > 0 ? d->sets : 1;

	switch (kind) {
	case KIND_HOLD:
		return sets * (d->reps > 0 ? d->reps : 1) * d->hold;
	case KIND_TIMED:
		return sets * (d->rounds > 0 ? d->rounds : 1) * d->work;
	default:
		return sets * d->reps;
	}
}

bool
report_on_plan(const struct report_week *w)
{
	return w->planned > 0 && w->done >= w->planned;
}

/* +1 when a change asks for more (volume, or a harder level), -1 less. */
static int
report_change_dir(enum ex_kind kind, const struct dose *from,
    const struct dose *to)
{
	int64_t	a = report_dose_volume(kind, from);
	int64_t	b = report_dose_volume(kind, to);

	if (to->level != from->level)
		return to->level > from->level ? 1 : -1;
	return (b > a) - (b < a);
}

static bool
report_dose_same(const struct dose *a, const struct dose *b)
{
	return a->sets == b->sets && a->reps == b->reps &&
	    a->hold == b->hold && a->relax == b->relax &&
	    a->work == b->work && a->easy == b->easy &&
	    a->rounds == b->rounds && a->rest == b->rest &&
	    a->level == b->level;
}

static int
report_off(const struct report_in *in, int64_t t, int recorded)
{
	if (in->tz != NULL)
		return in->tz(t, in->tz_arg);
	return recorded;
}

static bool
report_in_scope(const struct report_in *in, const struct hist_session *s)
{
	return in->routine == NULL || strcmp(in->routine, s->routine) == 0;
}

static const struct routine *
report_find_routine(const struct catalog *cat, const char *id)
{
	size_t	i;

	if (cat == NULL)
		return NULL;
	for (i = 0; i < cat->nrt; i++) {
		if (strcmp(cat->rt[i].id, id) == 0)
			return &cat->rt[i];
	}
	return NULL;
}

static const struct exercise *
report_find_exercise(const struct catalog *cat, const char *id)
{
	size_t	i;

	if (cat == NULL)
		return NULL;
	for (i = 0; i < cat->nex; i++) {
		if (strcmp(cat->ex[i].id, id) == 0)
			return &cat->ex[i];
	}
	return NULL;
}

/* The routines in scope, with their first and last session. */
static void
report_routines(struct report *r, const struct report_in *in)
{
	const struct history	*h = in->h;
	const struct hist_session *s;
	struct report_routine	*rr;
	int64_t			 latest = INT64_MIN;
	size_t			 i, j;

	for (i = 0; i < h->ns; i++) {
		s = &h->s[i];
		if (s->start > latest)
			latest = s->start;
		if (!report_in_scope(in, s))
			continue;
		for (j = 0; j < r->nrt; j++) {
			if (strcmp(r->rt[j].id, s->routine) == 0)
				break;
		}
		if (j == r->nrt) {
			r->rt = xreallocarray(r->rt, r->nrt + 1, sizeof *r->rt);
			rr = &r->rt[r->nrt++];
			memset(rr, 0, sizeof *rr);
			rr->id = s->routine;
			rr->rt = report_find_routine(in->cat, s->routine);
			rr->first = s->start;
			rr->first_off = s->utc_off;
		}
		rr = &r->rt[j];
		rr->last = s->start;
		rr->last_off = s->utc_off;
	}
	for (j = 0; j < r->nrt; j++) {
		rr = &r->rt[j];
		rr->current = rr->last >= latest - CURRENT_DAYS * CALENDAR_DAY;
	}
}

static void
report_routine_count(struct report *r, const char *id)
{
	size_t	i;

	for (i = 0; i < r->nrt; i++) {
		if (strcmp(r->rt[i].id, id) == 0) {
			r->rt[i].sessions++;
			return;
		}
	}
}

static int
report_week_index(const struct report *r, int64_t day)
{
	if (r->nall == 0 || day < r->all[0].day0)
		return -1;
	return (int)((calendar_monday(day) - r->all[0].day0) / 7);
}

/* Planned sessions: each routine from its first week to its last, or on
 * to this week while it is current. */
static void
report_plan(struct report *r, const struct report_in *in)
{
	const struct report_routine	*rr;
	int64_t				 from, to;
	int				 i, a, b;
	size_t				 j;

	for (j = 0; j < r->nrt; j++) {
		rr = &r->rt[j];
		if (rr->rt == NULL)
			continue;
		from = calendar_day(rr->first,
		    report_off(in, rr->first, rr->first_off));
		to = rr->current ? r->today : calendar_day(rr->last,
		    report_off(in, rr->last, rr->last_off));
		a = report_week_index(r, from);
		b = report_week_index(r, to);
		if (a < 0)
			a = 0;
		for (i = a; i <= b && i < r->nall; i++)
			r->all[i].planned += rr->rt->per_week;
	}
}

static void
report_add_pain(struct report_week *w, int kind, int score)
{
	if (score < 0 || score > 10)
		return;
	w->pain[kind] += score;
	w->npain[kind]++;
}

/* Sessions and standalone reports into their weeks. */
static void
report_weeks(struct report *r, const struct report_in *in)
{
	const struct history	*h = in->h;
	const struct hist_session *s;
	const struct hist_pain	*p;
	struct report_week	*w;
	int64_t			 day;
	int			 i, k, wd;
	size_t			 j;

	for (j = 0; j < h->ns; j++) {
		s = &h->s[j];
		if (!report_in_scope(in, s))
			continue;
		day = calendar_day(s->start, report_off(in, s->start,
		    s->utc_off));
		if (day > r->today || (i = report_week_index(r, day)) < 0)
			continue;
		w = &r->all[i];
		wd = (int)(day - w->day0);
		if (s->completed) {
			w->done++;
			if (w->day_done[wd] < 255)
				w->day_done[wd]++;
		} else {
			w->partial++;
			if (w->day_partial[wd] < 255)
				w->day_partial[wd]++;
		}
		w->day_flags[wd] |= s->flags;
		if (w >= r->w && w < r->w + r->nweeks)
			report_routine_count(r, s->routine);
		report_add_pain(w, PAIN_DURING, s->pain_during);
		report_add_pain(w, PAIN_AFTER, s->pain_after);
		report_add_pain(w, PAIN_MORNING, s->pain_morning);
	}
	for (j = 0; j < h->np; j++) {
		p = &h->p[j];
		day = calendar_day(p->at, report_off(in, p->at, p->utc_off));
		if (day > r->today || (i = report_week_index(r, day)) < 0)
			continue;
		w = &r->all[i];
		w->day_flags[day - w->day0] |= p->flags;
		report_add_pain(w, p->kind, p->score);
	}
	for (i = 0; i < r->nall; i++) {
		for (k = 0; k < REPORT_NPAIN; k++) {
			w = &r->all[i];
			if (w->npain[k] > 0)
				w->pain[k] /= w->npain[k];
			else
				w->pain[k] = -1;
		}
	}
}

/* Weeks on plan, counting back from this week; a week still under way
 * counts once it is on plan and never breaks the streak. */
static void
report_streak(struct report *r)
{
	int	i = r->nall - 1;

	r->streak = 0;
	if (i < 0)
		return;
	if (report_on_plan(&r->all[i]))
		r->streak++;
	for (i--; i >= 0 && report_on_plan(&r->all[i]); i--)
		r->streak++;
}

/* Average of the scores of `kind` in window weeks [a, b). */
static double
report_span_avg(const struct report *r, int kind, int a, int b)
{
	double	sum = 0;
	int	n = 0, i;

	for (i = a; i < b; i++) {
		if (r->w[i].npain[kind] > 0) {
			sum += r->w[i].pain[kind] * r->w[i].npain[kind];
			n += r->w[i].npain[kind];
		}
	}
	return n > 0 ? sum / n : -1;
}

/*
 * The first two weeks against the last two, counted from the first and to
 * the last week of the window that has a score, so that a window reaching
 * back before the first session still compares real weeks.
 */
static void
report_trends(struct report *r)
{
	struct report_trend	*t;
	int			 kind, a, b, len, k;

	for (kind = 0; kind < REPORT_NPAIN; kind++) {
		t = &r->trend[kind];
		memset(t, 0, sizeof *t);
		for (a = 0; a < r->nweeks && r->w[a].npain[kind] == 0; a++)
			;
		for (b = r->nweeks - 1; b >= a && r->w[b].npain[kind] == 0;
		    b--)
			;
		len = b - a + 1;
		if (a >= r->nweeks || len < 2)
			continue;
		k = len / 2 < 2 ? len / 2 : 2;
		t->first = report_span_avg(r, kind, a, a + k);
		t->last = report_span_avg(r, kind, b - k + 1, b + 1);
		if (t->first < 0 || t->last < 0)
			continue;
		t->have = true;
		t->weeks = len;
		/* Averages carry rounding: allow for it at the threshold. */
		t->meaningful = fabs(t->last - t->first) >=
		    REPORT_MEANINGFUL - 1e-9;
	}
}

static struct report_exercise *
report_exercise(struct report *r, struct report_acc **acc,
    const struct report_in *in, const struct hist_exercise *he)
{
	struct report_exercise	*e;
	size_t			 i;

	for (i = 0; i < r->nex; i++) {
		if (strcmp(r->ex[i].id, he->exercise) == 0)
			return &r->ex[i];
	}
	r->ex = xreallocarray(r->ex, r->nex + 1, sizeof *r->ex);
	*acc = xreallocarray(*acc, r->nex + 1, sizeof **acc);
	e = &r->ex[r->nex];
	memset(e, 0, sizeof *e);
	memset(&(*acc)[r->nex], 0, sizeof **acc);
	r->nex++;
	e->id = he->exercise;
	e->ex = report_find_exercise(in->cat, he->exercise);
	e->kind = report_kind(e->ex, &he->prescribed);
	e->volume = xcalloc(r->nweeks > 0 ? r->nweeks : 1,
	    sizeof *e->volume);
	e->pain = xcalloc(r->nweeks > 0 ? r->nweeks : 1, sizeof *e->pain);
	(*acc)[r->nex - 1].npain = xcalloc(r->nweeks > 0 ? r->nweeks : 1,
	    sizeof (int));
	return e;
}

/* The dose of an exercise as first seen in one session. */
static void
report_dose_seen(struct report_exercise *e, struct report_acc *a,
    const struct hist_session *s, size_t si, const struct hist_exercise *he,
    bool in_window)
{
	struct report_change	*c;

	if (in_window) {
		if (e->sessions == 0)
			e->start = he->prescribed;
		else if (a->seen && !report_dose_same(&a->prev,
		    &he->prescribed)) {
			e->changes = xreallocarray(e->changes,
			    e->nchanges + 1, sizeof *e->changes);
			c = &e->changes[e->nchanges++];
			memset(c, 0, sizeof *c);
			c->at = s->start;
			c->session = si;
			c->utc_off = s->utc_off;
			c->from = a->prev;
			c->to = he->prescribed;
			c->dir = report_change_dir(e->kind, &c->from, &c->to);
		}
		e->current = he->prescribed;
		e->sessions++;
	}
	a->prev = he->prescribed;
	a->seen = true;
}

static void
report_exercises(struct report *r, const struct report_in *in)
{
	const struct history	*h = in->h;
	const struct hist_session *s;
	const struct hist_exercise *he;
	struct report_exercise	*e;
	struct report_acc	*acc = NULL, *a;
	int64_t			 day;
	int			 wi;
	size_t			 i, j, k, n;
	bool			 in_window;

	for (i = 0; i < h->ns; i++) {
		s = &h->s[i];
		if (!report_in_scope(in, s))
			continue;
		day = calendar_day(s->start, report_off(in, s->start,
		    s->utc_off));
		if (day > r->today)
			continue;
		wi = report_week_index(r, day) - (int)(r->w - r->all);
		in_window = wi >= 0 && wi < r->nweeks;
		for (j = 0; j < s->nex; j++) {
			he = &s->ex[j];
			e = report_exercise(r, &acc, in, he);
			a = &acc[e - r->ex];
			if (a->last_session != i + 1) {
				a->last_session = i + 1;
				report_dose_seen(e, a, s, i, he, in_window);
			}
			if (!in_window)
				continue;
			for (k = 0; k < he->ndone; k++) {
				if (he->done[k] > 0)
					e->volume[wi] += he->done[k];
			}
			if (he->pain >= 0 && he->pain <= 10) {
				e->pain[wi] += he->pain;
				a->npain[wi]++;
			}
		}
	}
	/* Averages, and drop the exercises not done in the window. */
	for (i = 0, n = 0; i < r->nex; i++) {
		e = &r->ex[i];
		for (k = 0; k < (size_t)r->nweeks; k++) {
			e->pain[k] = acc[i].npain[k] > 0 ?
			    e->pain[k] / acc[i].npain[k] : -1;
			e->total += e->volume[k];
		}
		free(acc[i].npain);
		if (e->sessions == 0) {
			free(e->volume);
			free(e->pain);
			free(e->changes);
			continue;
		}
		r->ex[n++] = *e;
	}
	r->nex = n;
	free(acc);
}

static int
report_flag_cmp(const void *va, const void *vb)
{
	const struct report_flag	*a = va, *b = vb;

	return (a->at > b->at) - (a->at < b->at);
}

static void
report_add_flag(struct report *r, int64_t at, int off, unsigned flags,
    const char *note)
{
	struct report_flag	*f;

	r->flags = xreallocarray(r->flags, r->nflags + 1, sizeof *r->flags);
	f = &r->flags[r->nflags++];
	f->at = at;
	f->utc_off = off;
	f->flags = flags;
	f->cleared = false;
	f->note = note;
}

/* Red flags reported in the window, oldest first. */
static void
report_flags(struct report *r, const struct report_in *in)
{
	const struct history	*h = in->h;
	int64_t			 day, from = r->w[0].day0;
	size_t			 i;

	for (i = 0; i < h->ns; i++) {
		if (h->s[i].flags == 0 || !report_in_scope(in, &h->s[i]))
			continue;
		day = calendar_day(h->s[i].start, report_off(in,
		    h->s[i].start, h->s[i].utc_off));
		if (day >= from && day <= r->today)
			report_add_flag(r, h->s[i].start, h->s[i].utc_off,
			    h->s[i].flags, h->s[i].note);
	}
	for (i = 0; i < h->np; i++) {
		if (h->p[i].flags == 0)
			continue;
		day = calendar_day(h->p[i].at, report_off(in, h->p[i].at,
		    h->p[i].utc_off));
		if (day >= from && day <= r->today)
			report_add_flag(r, h->p[i].at, h->p[i].utc_off,
			    h->p[i].flags, h->p[i].note);
	}
	/* Clearances: what the physiotherapist said, beside the flags. */
	for (i = 0; i < h->nc; i++) {
		day = calendar_day(h->c[i].at, report_off(in, h->c[i].at,
		    h->c[i].utc_off));
		if (day >= from && day <= r->today) {
			report_add_flag(r, h->c[i].at, h->c[i].utc_off, 0,
			    h->c[i].note);
			r->flags[r->nflags - 1].cleared = true;
		}
	}
	if (r->nflags > 1)
		qsort(r->flags, r->nflags, sizeof *r->flags, report_flag_cmp);
}

/* The local day of a moment, when it is in the window. */
static bool
report_in_window(const struct report *r, const struct report_in *in,
    int64_t t, int recorded)
{
	int64_t	day = calendar_day(t, report_off(in, t, recorded));

	return day >= r->w[0].day0 && day <= r->today;
}

/* Every session of the window with its scores: a bad day stays seen. */
static void
report_sessions(struct report *r, const struct report_in *in)
{
	const struct hist_session	*s;
	struct report_session		*rs;
	size_t				 i;
	int				 k;

	for (i = 0; i < in->h->ns; i++) {
		s = &in->h->s[i];
		if (!report_in_scope(in, s) ||
		    !report_in_window(r, in, s->start, s->utc_off))
			continue;
		r->sess = xreallocarray(r->sess, r->nsess + 1,
		    sizeof *r->sess);
		rs = &r->sess[r->nsess++];
		rs->at = s->start;
		rs->utc_off = s->utc_off;
		rs->routine = s->routine;
		rs->pain[PAIN_DURING] = s->pain_during;
		rs->pain[PAIN_AFTER] = s->pain_after;
		rs->pain[PAIN_MORNING] = s->pain_morning;
		rs->worst = -1;
		for (k = 0; k < REPORT_NPAIN; k++) {
			if (rs->pain[k] < 0 || rs->pain[k] > 10)
				rs->pain[k] = -1;
			else if (rs->pain[k] > rs->worst)
				rs->worst = rs->pain[k];
		}
		rs->flags = s->flags;
		rs->completed = s->completed;
	}
}

static int
report_note_cmp(const void *va, const void *vb)
{
	const struct report_note	*a = va, *b = vb;

	return (a->at > b->at) - (a->at < b->at);
}

static void
report_add_note(struct report *r, int64_t at, int off, const char *routine,
    const char *note)
{
	struct report_note	*n;

	if (note == NULL || note[0] == '\0')
		return;
	r->notes = xreallocarray(r->notes, r->nnotes + 1, sizeof *r->notes);
	n = &r->notes[r->nnotes++];
	n->at = at;
	n->utc_off = off;
	n->routine = routine;
	n->note = note;
}

/* Every note of the window, with a red flag or not, oldest first. */
static void
report_notes(struct report *r, const struct report_in *in)
{
	const struct hist_session	*s;
	const struct hist_pain		*p;
	size_t				 i;

	for (i = 0; i < in->h->ns; i++) {
		s = &in->h->s[i];
		if (report_in_scope(in, s) &&
		    report_in_window(r, in, s->start, s->utc_off))
			report_add_note(r, s->start, s->utc_off, s->routine,
			    s->note);
	}
	for (i = 0; i < in->h->np; i++) {
		p = &in->h->p[i];
		if (report_in_window(r, in, p->at, p->utc_off))
			report_add_note(r, p->at, p->utc_off, NULL, p->note);
	}
	if (r->nnotes > 1)
		qsort(r->notes, r->nnotes, sizeof *r->notes,
		    report_note_cmp);
}

/* Totals over the window; this week counts the share of its plan that is
 * due by today, so a Monday does not look like a missed week. */
static void
report_totals(struct report *r)
{
	const struct report_week	*w;
	int				 i, due, wd;

	for (i = 0; i < r->nweeks; i++) {
		w = &r->w[i];
		r->done += w->done;
		r->partial += w->partial;
		due = w->planned;
		if (i == r->nweeks - 1 && w->day0 + 6 > r->today) {
			wd = (int)(r->today - w->day0);
			due = w->planned * (wd + 1) / 7;
			if (due < w->done)
				due = w->done < w->planned ? w->done :
				    w->planned;
		}
		r->planned += due;
	}
}

/*
 * With a history loaded from in->since on, the figures of the window are
 * those of the whole history when: something before the window was loaded
 * (the margin), every routine in scope was already used in that margin
 * (so its plan began before the window, whenever it really began), and the
 * streak stops short of the first weeks loaded.
 */
static bool
report_need_all(const struct report *r, const struct report_in *in)
{
	const struct report_routine	*rr;
	int64_t				 day;
	size_t				 i;

	if (in->since <= 0)
		return false;
	if (r->nsessions == 0 || r->streak >= r->nall - 2)
		return true;
	for (i = 0; i < r->nrt; i++) {
		rr = &r->rt[i];
		day = calendar_day(rr->first, report_off(in, rr->first,
		    rr->first_off));
		if (day >= r->w[0].day0)
			return true;
	}
	return false;
}

void
report_build(struct report *r, const struct report_in *in)
{
	const struct history	*h = in->h;
	int64_t			 first = INT64_MAX, end, wstart, astart, day;
	size_t			 i;
	int			 k;

	memset(r, 0, sizeof *r);
	r->today = calendar_day(in->now, report_off(in, in->now, in->now_off));
	end = calendar_monday(r->today);
	for (i = 0; i < h->ns; i++) {
		if (!report_in_scope(in, &h->s[i]))
			continue;
		r->nsessions++;
		day = calendar_day(h->s[i].start, report_off(in, h->s[i].start,
		    h->s[i].utc_off));
		if (day < first)
			first = day;
	}
	if (first > r->today)
		first = r->today;
	first = calendar_monday(first);
	/* Weeks before the first session would only dilute the figures. */
	wstart = in->weeks > 0 ? end - 7 * (int64_t)(in->weeks - 1) : first;
	if (wstart < first)
		wstart = first;
	astart = first;

	r->nall = (int)((end - astart) / 7 + 1);
	r->all = xcalloc((size_t)r->nall, sizeof *r->all);
	for (k = 0; k < r->nall; k++)
		r->all[k].day0 = astart + 7 * (int64_t)k;
	r->w = r->all + (wstart - astart) / 7;
	r->nweeks = (int)((end - wstart) / 7 + 1);

	report_routines(r, in);
	report_plan(r, in);
	report_weeks(r, in);
	report_streak(r);
	report_trends(r);
	report_exercises(r, in);
	report_flags(r, in);
	report_sessions(r, in);
	report_notes(r, in);
	report_totals(r);
	r->need_all = report_need_all(r, in);
}

void
report_free(struct report *r)
{
	size_t	i;

	for (i = 0; i < r->nex; i++) {
		free(r->ex[i].volume);
		free(r->ex[i].pain);
		free(r->ex[i].changes);
	}
	free(r->ex);
	free(r->rt);
	free(r->flags);
	free(r->sess);
	free(r->notes);
	free(r->all);
	memset(r, 0, sizeof *r);
}
