/*
 * progression.c - the next prescription from the pain history (doc/DESIGN.md
 * section 5). Pure: plain structs in, plain structs out.
 *
 * For each step (and each side of a `sides: each` exercise) the rules are
 * checked in order: start, red-flag, pain-red, see-physio,
 * return-after-break, trend-rising, pain-amber, load-cap, pain-green. The
 * first that applies sets the dose; the advice of every rule that applies
 * is collected for the whole plan.
 *
 * The ladder. Its axes, in the order a step up moves them:
 *	reps exercises:  reps -> sets -> level
 *	hold exercises:  hold seconds -> holds per set (reps) -> sets -> level
 *	timed exercises: work seconds -> rounds -> sets -> level
 * The axis the exercise counts in comes first, so a wall sit holds longer
 * before it gains a set. Only the axes named under `progression:` (on the
 * step, else on the routine) move; when none is named, the defaults are
 * reps + sets, hold + sets, or work. A step up raises the first axis below
 * its max by its step (clamped to the max). When every axis is at its max
 * and the exercise has a harder level (up to `level: {max: N}`), the next
 * level starts again from the routine's dose. At the top of the ladder the
 * dose stays. A step up first gives back a set taken by a step down.
 *
 * A step down, and the volume cut after a break, lower the number of sets
 * and the axis the exercise counts in (reps, hold or work seconds): the
 * largest dose whose volume is at most the target (80% of the volume for a
 * step down, i.e. at least 20% less), never below the floor: the volume of
 * one set of the level's smallest dose (the routine's dose with one set;
 * every level starts from it). When nothing fits, the floor itself.
 */
#include "config.h"

#include "progression.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "calendar.h"
#include "xmalloc.h"

/*
 * Built-in thresholds. Sources in doc/CLINICAL.md.
 */
/* Silbernagel 2007 (Am J Sports Med 35:897), after Thomee 1997 (Phys Ther
 * 77:1690): 0-2 safe, 2-5 acceptable, above 5 high risk. */
#define DEF_GREEN_MAX		2
#define DEF_RED_ABOVE		5
/* ACSM position stand 2009 (Med Sci Sports Exerc 41:687): raise the load
 * once the target is exceeded in two consecutive sessions. */
#define DEF_GREENS		2
/* PROG_SEVERE_PAIN (8): pain at the top of the scale is a reason to see a
 * physiotherapist on its own. Thomee 1997 allows pain up to 5 during and
 * after exercise only if it has settled by the next morning; above 5 is
 * high risk (Silbernagel 2007). Pain of 8 or more, or red pain still red
 * the next morning, is far past the model's limits: not a dose problem. */
/* doc/CLINICAL.md "When to see a physiotherapist": red-zone pain that keeps
 * coming back, three sessions in a row. */
#define DEF_REDS_TO_PHYSIO	3
/* Trials see change within 4-6 weeks (Crossley 2016 BJSM 50:844; Collins
 * 2018 BJSM 52:1170): pain not lower after 6 weeks, see a physio. */
#define DEF_PHYSIO_WEEKS	6
/* Gabbett 2016 (BJSM 50:273) acute:chronic 0.8-1.3 "sweet spot"; Nielsen
 * 2014 (JOSPT 44:739) >30% more in two weeks, more injuries. A soft guard
 * (Impellizzeri 2020), applied once there are two weeks of history. */
#define DEF_LOAD_CAP		1.3
#define LOAD_CAP_MIN_DAYS	14
/* Red flags stay active for two weeks after they are reported (the
 * project's choice: long enough to see a professional). */
#define RED_FLAG_DAYS		14
/*
 * A step up adds at most 20% to the volume of the current dose, whatever
 * the ladder's step: "too much, too fast" is what brings on runner's knee.
 * ACSM 2009 raises a load by 2-10% at a time; reps go up in twos from 10
 * (the 3 x 10-15 double progression, +20%); Nielsen 2014 saw more injuries
 * after over 30% more in two weeks. A step up comes after two green
 * sessions at least, so two steps a week at most. When 20% is less than
 * one more unit of the counted axis (a 4 s hold: +1 s is +25%), the step
 * is that one unit, so a small dose still moves: the exact bound is
 * max(20% of the volume, sets x holds or rounds of the new dose).
 */
#define STEP_UP_PCT		20
/* A step down: at least 20% less volume (doc/DESIGN.md: 20-30% less). */
#define STEP_DOWN_FRAC		0.80

/*
 * Return after a break: coaching heuristics, no trial behind them
 * (doc/CLINICAL.md "Returning after a break"; Mujika & Padilla 2000, Sports
 * Med 30:79: strength is kept fairly well for under four weeks).
 */
static const struct {
	int	max_days;	/* up to this many days since the last */
	double	frac;		/* of the volume; 0: the routine's dose */
	int	pct;
} prog_breaks[] = {
	{ 14, 0.80, 80 },
	{ 28, 0.65, 65 },
	{ 90, 0.50, 50 },
	{ 0, 0.0, 0 }		/* > 90 days */
};
#define BREAK_DAYS		7	/* more than this is a break */

/* Default ladder steps and maxima per axis (doc/CLINICAL.md typical doses). */
enum axis { AX_REPS, AX_SETS, AX_HOLD, AX_WORK, AX_ROUNDS, AX_COUNT };

static const struct {
	const char	*name;
	int		 step;		/* default step */
	int		 max;		/* default max (at least the base) */
	bool		 twice;		/* default max: twice the base */
} prog_axes[AX_COUNT] = {
	{ "reps",	2,	15,	false },   /* 3 x 10-15 */
	{ "sets",	1,	4,	false },   /* 3 sets, one more */
	{ "hold",	5,	60,	false },   /* balance: 30, 45, 60 s */
	{ "work",	30,	0,	true },    /* walk-run: 3, 4 min */
	{ "rounds",	1,	0,	true }
};

struct rung {
	enum axis	ax;
	int		step;
	int		max;
};

struct ladder {
	struct rung	r[AX_COUNT];
	size_t		n;
	int		level_max;	/* 0: no levels */
	enum axis	primary;	/* what the exercise counts in */
	enum axis	secondary;	/* holds per set, rounds; or AX_COUNT */
};

struct morning {
	int64_t	t;
	int	utc_off;
	int	score;
};

struct ctx {
	const struct routine	*rt;
	const struct history	*h;
	int64_t			 today;
	int64_t			 from;		/* first day of the window */
	struct morning		*m;
	size_t			 nm;
	unsigned		 flags;		/* active red flags */
	int64_t			 flag_day;	/* when last reported */
	int64_t			 cleared;	/* last clearance; INT64_MIN */
	int64_t			 cleared_day;
	bool			 trend;
	char			 trend_why[160];
	size_t			*idx;		/* scratch: step sessions */
	struct prog_plan	*plan;
	/* Exercises by what triggered advice, named once in the plan. */
	char			 reds[256];	/* red sessions in a row */
	int			 reds_above, reds_n;
	char			 flat[256];	/* pain not lower */
	int			 flat_weeks;
	char			 severe[256];	/* severe pain last time */
	int			 severe_above;
	char			 red_now[256];	/* red last time */
	int			 red_now_above;
	bool			 morning_up, brk;
};

/* What the rules found for one step (and side). */
struct look {
	struct prog_limits	 lim;
	struct ladder		 lad;
	size_t			 n;		/* step sessions */
	const struct hist_exercise *last;	/* the last one's entry */
	bool			 red, physio, brk, amber, green_ok;
	bool			 restart;	/* cleared since the last */
	bool			 greens_short;	/* green, too few in a row */
	bool			 physio_reds;	/* else pain not lower */
	bool			 severe;	/* see severe_why */
	char			 severe_why[160];
	char			 physio_why[160];
	char			 amber_why[160];
	int			 not_lower_early, not_lower_late;
};

const char *
progression_decision_name(enum prog_decision d)
{
	static const char *names[] = {
		"start", "progress", "hold", "regress", "deload"
	};

	return ((size_t)d < sizeof names / sizeof names[0] ? names[d] : "?");
}

/*
 * A hold exercise's dose says "hold" too ("3 x 30 s hold - hold: ..."):
 * where a person reads the decision it is a word that cannot be taken
 * for part of the dose.
 */
const char *
progression_decision_word(enum prog_decision d)
{
	static const char *words[] = {
		"start", "up", "keep", "down", "ease back in"
	};

	return ((size_t)d < sizeof words / sizeof words[0] ? words[d] : "?");
}

const char *
progression_unit(enum ex_kind kind)
{
	return (kind == KIND_REPS ? "reps" : "s");
}

const char *
progression_rule_name(enum prog_rule r)
{
	static const char *names[] = {
		"start", "red-flag", "pain-red", "see-physio",
		"return-after-break", "trend-rising", "pain-amber", "load-cap",
		"pain-green"
	};

	return ((size_t)r < sizeof names / sizeof names[0] ? names[r] : "?");
}

const char *
progression_advice_name(unsigned a)
{
	switch (a) {
	case ADVICE_SEE_PHYSIO:
		return ("see-physio");
	case ADVICE_CROSS_TRAIN:
		return ("cross-train");
	case ADVICE_REST_DAY:
		return ("rest-day");
	}
	return ("?");
}

void
progression_limits(const struct routine *rt, const struct step *st,
    struct prog_limits *l)
{
	static const struct prog_cfg	 unset = {
		.green_max = -1, .red_above = -1, .greens_needed = -1,
		.reds_to_physio = -1, .physio_weeks = -1
	};
	const struct prog_cfg		*s, *r;

	s = st != NULL ? &st->prog : &unset;
	r = rt != NULL ? &rt->prog : &unset;

#define PICK(f, def) (s->f >= 0 ? s->f : r->f >= 0 ? r->f : (def))
	l->green_max = PICK(green_max, DEF_GREEN_MAX);
	l->red_above = PICK(red_above, DEF_RED_ABOVE);
	l->greens_needed = PICK(greens_needed, DEF_GREENS);
	l->reds_to_physio = PICK(reds_to_physio, DEF_REDS_TO_PHYSIO);
	l->physio_weeks = PICK(physio_weeks, DEF_PHYSIO_WEEKS);
#undef PICK
	l->load_cap = s->load_cap > 0.0 ? s->load_cap :
	    r->load_cap > 0.0 ? r->load_cap : DEF_LOAD_CAP;
	if (l->red_above < l->green_max)
		l->red_above = l->green_max;
	if (l->greens_needed < 1)
		l->greens_needed = 1;
	if (l->reds_to_physio < 1)
		l->reds_to_physio = 1;
	if (l->physio_weeks < 1)
		l->physio_weeks = 1;
}

static enum prog_band
prog_band(const struct prog_limits *l, double pain)
{
	if (pain <= l->green_max)
		return (PROG_GREEN);
	if (pain <= l->red_above)
		return (PROG_AMBER);
	return (PROG_RED);
}

enum prog_band
progression_band(const struct routine *rt, const struct step *st,
    double pain)
{
	struct prog_limits	l;

	progression_limits(rt, st, &l);
	return (prog_band(&l, pain));
}

static int *
prog_axis(struct dose *d, enum axis ax)
{
	switch (ax) {
	case AX_REPS:
		return (&d->reps);
	case AX_SETS:
		return (&d->sets);
	case AX_HOLD:
		return (&d->hold);
	case AX_WORK:
		return (&d->work);
	case AX_ROUNDS:
		return (&d->rounds);
	default:
		break;
	}
	return (&d->sets);
}

static int
prog_get(const struct dose *d, enum axis ax)
{
	return (*prog_axis((struct dose *)d, ax));
}

static const struct ladder_axis *
prog_cfg_axis(const struct prog_cfg *c, enum axis ax)
{
	switch (ax) {
	case AX_REPS:
		return (&c->reps);
	case AX_SETS:
		return (&c->sets);
	case AX_HOLD:
		return (&c->hold);
	case AX_WORK:
		return (&c->work);
	default:
		break;
	}
	return (&c->rounds);
}

/* The value an axis starts from: 0 in a dose means one (holds, rounds). */
static int
prog_base(const struct step *st, enum axis ax)
{
	int	v = prog_get(&st->base, ax);

	return (v > 0 ? v : 1);
}

static void
prog_ladder(const struct routine *rt, const struct step *st,
    struct ladder *l)
{
	static const enum axis order[3][3] = {
		{ AX_REPS, AX_SETS, AX_COUNT },		/* KIND_REPS */
		{ AX_HOLD, AX_REPS, AX_SETS },		/* KIND_HOLD */
		{ AX_WORK, AX_ROUNDS, AX_SETS }		/* KIND_TIMED */
	};
	static const enum axis defaults[3][2] = {
		{ AX_REPS, AX_SETS },
		{ AX_HOLD, AX_SETS },
		{ AX_WORK, AX_COUNT }
	};
	const struct ladder_axis	*a;
	const struct exercise		*ex = st->ex;
	const struct prog_cfg		*lc;
	int				 k = ex->kind, base, i;
	enum axis			 ax;
	struct rung			*r;

	memset(l, 0, sizeof *l);
	l->primary = order[k][0];
	l->secondary = k == KIND_REPS ? AX_COUNT : order[k][1];
	for (i = 0; i < 3 && order[k][i] != AX_COUNT; i++) {
		ax = order[k][i];
		a = prog_cfg_axis(&st->prog, ax);
		if (!a->on)
			a = prog_cfg_axis(&rt->prog, ax);
		if (!a->on)
			continue;
		r = &l->r[l->n++];
		r->ax = ax;
		r->step = a->step;
		r->max = a->max;
	}
	if (l->n == 0) {
		for (i = 0; i < 2 && defaults[k][i] != AX_COUNT; i++) {
			r = &l->r[l->n++];
			r->ax = defaults[k][i];
		}
	}
	for (i = 0; i < (int)l->n; i++) {
		r = &l->r[i];
		base = prog_base(st, r->ax);
		if (r->step <= 0)
			r->step = prog_axes[r->ax].step;
		if (r->max <= 0) {
			r->max = prog_axes[r->ax].twice ? base * 2 :
			    prog_axes[r->ax].max;
			/* Holds per set: ten at most (quad sets, 10 x). */
			if (r->ax == AX_REPS && k == KIND_HOLD)
				r->max = 10;
		}
		if (r->max < base)
			r->max = base;
	}
	if (ex->nlevels > 1) {
		lc = st->prog.levels ? &st->prog : rt->prog.levels ?
		    &rt->prog : NULL;
		l->level_max = (int)ex->nlevels;
		if (lc != NULL && lc->level_max > 0 &&
		    lc->level_max < l->level_max)
			l->level_max = lc->level_max;
	} else if (ex->nlevels == 1)
		l->level_max = 1;
}

static const struct rung *
prog_rung(const struct ladder *l, enum axis ax)
{
	size_t	i;

	for (i = 0; i < l->n; i++)
		if (l->r[i].ax == ax)
			return (&l->r[i]);
	return (NULL);
}

long
progression_volume(enum ex_kind kind, const struct dose *d)
{
	long	sets = d->sets > 0 ? d->sets : 1;

	switch (kind) {
	case KIND_REPS:
		return (sets * d->reps);
	case KIND_HOLD:
		return (sets * (d->reps > 0 ? d->reps : 1) * (long)d->hold);
	case KIND_TIMED:
		return (sets * (d->rounds > 0 ? d->rounds : 1) *
		    (long)d->work);
	}
	return (0);
}

/* The lowest and highest value the axis may take. */
static void
prog_bounds(const struct step *st, const struct ladder *l, enum axis ax,
    int *lo, int *hi)
{
	const struct rung	*r = prog_rung(l, ax);
	int			 base = prog_get(&st->base, ax);

	/* Sets and the counted axis go down (to the floor's volume). */
	*lo = ax == AX_SETS || ax == l->primary ? 1 : base;
	*hi = r != NULL ? r->max : base;
	if (ax == AX_SETS && *hi < 1)
		*hi = 1;
}

static int
prog_level_base(const struct step *st)
{
	return (st->ex->nlevels > 0 && st->base.level < 1 ? 1 :
	    st->base.level);
}

/*
 * The current dose: the last prescription, put back on today's ladder (the
 * routine may have changed since): axes that do not move take the
 * routine's value, the others stay within their bounds.
 */
static void
prog_current(const struct step *st, const struct ladder *l,
    const struct dose *last, struct dose *cur)
{
	struct dose	fl;
	int		ax, v, lo, hi, lbase = prog_level_base(st);

	*cur = st->base;
	if (last == NULL)
		return;
	for (ax = 0; ax < AX_COUNT; ax++) {
		if (prog_get(&st->base, ax) == 0 && ax != AX_SETS &&
		    prog_rung(l, ax) == NULL)
			continue;	/* not this kind's */
		prog_bounds(st, l, ax, &lo, &hi);
		v = prog_get(last, ax);
		if (v == 0)
			v = prog_get(&st->base, ax);
		*prog_axis(cur, ax) = v < lo ? lo : v > hi ? hi : v;
	}
	if (l->level_max > 0) {
		v = last->level < lbase ? lbase : last->level;
		cur->level = v > l->level_max ? l->level_max : v;
		if (cur->level == lbase)
			cur->level = st->base.level;
	}
	progression_floor(st, cur->level, &fl);
	if (progression_volume(st->ex->kind, cur) <
	    progression_volume(st->ex->kind, &fl))
		*cur = fl;
}

void
progression_floor(const struct step *st, int level, struct dose *d)
{
	*d = st->base;
	d->sets = 1;
	d->level = level;
}

void
progression_top(const struct routine *rt, const struct step *st,
    struct dose *d)
{
	struct ladder	l;
	size_t		i;

	prog_ladder(rt, st, &l);
	*d = st->base;
	for (i = 0; i < l.n; i++)
		*prog_axis(d, l.r[i].ax) = l.r[i].max;
	if (l.level_max > 0)
		d->level = l.level_max;
}

/*
 * Bound a step up to STEP_UP_PCT more volume: keep what the ladder moved
 * (a second, a set, a round, a level) and cut the counted axis (reps,
 * hold or work seconds) to the most that fits, at most the ladder's. When
 * that adds nothing, the least that adds something: one more unit of the
 * counted axis in each set, hold or round. True when the step was cut.
 */
static bool
prog_step_cap(const struct step *st, const struct ladder *l,
    const struct dose *cur, struct dose *up)
{
	enum ex_kind	kind = st->ex->kind;
	struct dose	one = *up;
	long		vc, cap, unit, p;

	vc = progression_volume(kind, cur);
	cap = vc * (100 + STEP_UP_PCT) / 100;
	if (progression_volume(kind, up) <= cap)
		return (false);
	*prog_axis(&one, l->primary) = 1;
	unit = progression_volume(kind, &one);
	p = cap / unit;
	if (p > prog_get(up, l->primary))
		p = prog_get(up, l->primary);
	if (p * unit <= vc)
		p = vc / unit + 1;
	*prog_axis(up, l->primary) = (int)p;
	return (true);
}

/* One step up; false at the top of the ladder. */
static bool
prog_step_up(const struct step *st, const struct ladder *l,
    const struct dose *cur, struct dose *out)
{
	const struct rung	*r;
	size_t			 i;
	int			 v, level;

	*out = *cur;
	if (cur->sets < st->base.sets) {
		out->sets = cur->sets + 1;
		return (true);
	}
	for (i = 0; i < l->n; i++) {
		r = &l->r[i];
		v = prog_get(cur, r->ax);
		if (v < 1)
			v = 1;	/* 0 holds or rounds: one */
		if (v < r->max) {
			v += r->step;
			*prog_axis(out, r->ax) = v > r->max ? r->max : v;
			return (true);
		}
	}
	level = cur->level < 1 ? 1 : cur->level;
	if (l->level_max > 0 && level < l->level_max) {
		*out = st->base;
		out->level = level + 1;
		return (true);
	}
	return (false);
}

/*
 * The largest dose of at most `target` volume with fewer sets and less of
 * the axis the exercise counts in, never below the floor's volume (one set
 * of the level's smallest dose); the floor itself when nothing fits. Ties
 * keep more sets.
 */
static void
prog_scale(const struct step *st, const struct ladder *l,
    const struct dose *cur, double target, struct dose *out)
{
	enum ex_kind	kind = st->ex->kind;
	struct dose	d, unit;
	long		best = -1, v, floorv;
	int		s, p, pcur = prog_get(cur, l->primary);
	double		per;

	progression_floor(st, cur->level, out);
	floorv = progression_volume(kind, out);
	unit = *cur;
	unit.sets = 1;
	*prog_axis(&unit, l->primary) = 1;
	per = (double)progression_volume(kind, &unit);
	if (per <= 0)
		return;
	for (s = cur->sets > 0 ? cur->sets : 1; s >= 1; s--) {
		p = (int)floor(target / (s * per) + 1e-9);
		if (p > pcur)
			p = pcur;
		if (p < 1)
			continue;
		d = *cur;
		d.sets = s;
		*prog_axis(&d, l->primary) = p;
		v = progression_volume(kind, &d);
		if (v >= floorv && v > best) {
			best = v;
			*out = d;
		}
	}
}

/* --- reading the history ------------------------------------------------ */

static int64_t
prog_sday(const struct hist_session *s)
{
	return (calendar_day(s->start, s->utc_off));
}

static const struct hist_exercise *
prog_entry(const struct hist_session *s, const char *ex, enum side side)
{
	const struct hist_exercise	*e, *both = NULL, *any = NULL;
	size_t				 i;

	for (i = 0; i < s->nex; i++) {
		e = &s->ex[i];
		if (e->exercise == NULL || strcmp(e->exercise, ex) != 0)
			continue;
		if (e->side == side)
			return (e);
		if (e->side == SIDE_BOTH && both == NULL)
			both = e;
		if (any == NULL)
			any = e;
	}
	if (both != NULL)
		return (both);
	return (side == SIDE_BOTH ? any : NULL);
}

/*
 * The pain that decides for this exercise (and side): the exercise's own
 * score where given (a side's own score first), else the session's
 * highest of during and after.
 */
static int
prog_pain(const struct hist_session *s, const char *ex, enum side side,
    bool *expain)
{
	const struct hist_exercise	*e;
	size_t				 i;
	int				 best = PAIN_NONE, both = PAIN_NONE;

	*expain = true;
	for (i = 0; i < s->nex; i++) {
		e = &s->ex[i];
		if (e->exercise == NULL || strcmp(e->exercise, ex) != 0 ||
		    e->pain == PAIN_NONE)
			continue;
		if (side != SIDE_BOTH && e->side == side)
			return (e->pain);
		if (side == SIDE_BOTH && e->pain > best)
			best = e->pain;
		if (e->side == SIDE_BOTH && e->pain > both)
			both = e->pain;
	}
	if (side != SIDE_BOTH && both != PAIN_NONE)
		return (both);
	if (best != PAIN_NONE)
		return (best);
	*expain = false;
	return (s->pain_during > s->pain_after ? s->pain_during :
	    s->pain_after);
}

/* What one set asks for: reps, or seconds held or worked in all. */
static int
prog_set_target(enum ex_kind kind, const struct dose *p)
{
	switch (kind) {
	case KIND_REPS:
		return (p->reps);
	case KIND_HOLD:
		return (p->hold * (p->reps > 0 ? p->reps : 1));
	case KIND_TIMED:
		return (p->work * (p->rounds > 0 ? p->rounds : 1));
	}
	return (0);
}

static bool
prog_all_done(enum ex_kind kind, const struct hist_exercise *e)
{
	int	sets = e->prescribed.sets > 0 ? e->prescribed.sets : 1;
	int	n = 0;
	int	target = prog_set_target(kind, &e->prescribed);
	size_t	i;

	for (i = 0; i < e->ndone; i++)
		if (e->done[i] >= target)
			n++;
	return (n >= sets);
}

/* Sets that were at least started, for the volume done. */
static long
prog_entry_volume(enum ex_kind kind, const struct hist_exercise *e)
{
	struct dose	one = e->prescribed;
	long		n = 0;
	size_t		i;

	for (i = 0; i < e->ndone; i++)
		if (e->done[i] > 0)
			n++;
	one.sets = 1;
	return (n * progression_volume(kind, &one));
}

static int
prog_morning_cmp(const void *a, const void *b)
{
	const struct morning	*x = a, *y = b;

	return (x->t < y->t ? -1 : x->t > y->t);
}

static bool
prog_mornings_sorted(const struct morning *m, size_t n)
{
	size_t	i;

	for (i = 1; i < n; i++)
		if (m[i].t < m[i - 1].t)
			return (false);
	return (true);
}

/*
 * Every morning score in time order: a session's morning pain counts at
 * the start of its next local day, a standalone report at its time. Both
 * come in time order but for a change of UTC offset: merged, not sorted,
 * as this runs for every dose change `progress` explains. On a tie the
 * session's comes first, as a stable sort of the two would put it.
 */
static void
prog_mornings(struct ctx *c)
{
	const struct history	*h = c->h;
	const struct hist_session *s;
	struct morning		*v;
	size_t			 i, j, k, ns;

	v = xcalloc(h->ns + h->np + 1, sizeof *v);
	for (i = ns = 0; i < h->ns; i++) {
		s = &h->s[i];
		if (s->pain_morning == PAIN_NONE)
			continue;
		v[ns].t = calendar_midnight(prog_sday(s) + 1, s->utc_off);
		v[ns].utc_off = s->utc_off;
		v[ns++].score = s->pain_morning;
	}
	c->nm = ns;
	for (i = 0; i < h->np; i++) {
		if (h->p[i].kind != PAIN_MORNING)
			continue;
		v[c->nm].t = h->p[i].at;
		v[c->nm].utc_off = h->p[i].utc_off;
		v[c->nm++].score = h->p[i].score;
	}
	if (!prog_mornings_sorted(v, ns) ||
	    !prog_mornings_sorted(v + ns, c->nm - ns)) {
		qsort(v, c->nm, sizeof *v, prog_morning_cmp);
		c->m = v;
		return;
	}
	c->m = xcalloc(c->nm + 1, sizeof *c->m);
	for (i = 0, j = ns, k = 0; k < c->nm; k++) {
		if (j == c->nm || (i < ns && v[i].t <= v[j].t))
			c->m[k] = v[i++];
		else
			c->m[k] = v[j++];
	}
	free(v);
}

/* The first of the sorted mornings after `t` (`after`) or from `t` on. */
static size_t
prog_morning_find(const struct ctx *c, int64_t t, bool after)
{
	size_t	lo = 0, hi = c->nm, mid;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (c->m[mid].t < t || (after && c->m[mid].t == t))
			lo = mid + 1;
		else
			hi = mid;
	}
	return (lo);
}

/*
 * The morning after a session: the latest score after its start and
 * before `until` (the step's next session); whether it is above the
 * score before it.
 */
static int
prog_morning_after(const struct ctx *c, int64_t start, int64_t until,
    int *prev)
{
	size_t	lo, hi;

	*prev = PAIN_NONE;
	lo = prog_morning_find(c, start, true);
	hi = prog_morning_find(c, until, false);
	if (hi <= lo)
		return (PAIN_NONE);
	if (hi > 1)
		*prev = c->m[hi - 2].score;
	return (c->m[hi - 1].score);
}

static void
prog_flag_names(unsigned flags, char *buf, size_t len)
{
	unsigned	f;
	size_t		n;

	buf[0] = '\0';
	for (f = 1; f < (1u << FLAG_COUNT); f <<= 1) {
		if ((flags & f) == 0)
			continue;
		n = strlen(buf);
		snprintf(buf + n, len - n, "%s%s", n > 0 ? ", " : "",
		    history_flag_name(f));
	}
}

/*
 * Red flags reported in the last RED_FLAG_DAYS days and after the last
 * clearance (a session's flags are reported when it ends).
 */
unsigned
progression_red_flags(const struct history *h, int64_t now, int utc_off,
    int64_t *day)
{
	const struct hist_clearance	*cl;
	int64_t				 d, today, after = INT64_MIN;
	unsigned			 flags = 0;
	size_t				 i;

	today = calendar_day(now, utc_off);
	if ((cl = history_last_clearance(h, now)) != NULL)
		after = cl->at;
	*day = INT64_MIN;
	for (i = 0; i < h->ns; i++) {
		d = prog_sday(&h->s[i]);
		if (h->s[i].flags == 0 || d > today ||
		    d <= today - RED_FLAG_DAYS || (h->s[i].end != 0 ?
		    h->s[i].end : h->s[i].start) <= after)
			continue;
		flags |= h->s[i].flags;
		if (d > *day)
			*day = d;
	}
	for (i = 0; i < h->np; i++) {
		d = calendar_day(h->p[i].at, h->p[i].utc_off);
		if (h->p[i].flags == 0 || d > today ||
		    d <= today - RED_FLAG_DAYS || h->p[i].at <= after)
			continue;
		flags |= h->p[i].flags;
		if (d > *day)
			*day = d;
	}
	return (flags);
}

/*
 * Least-squares slope of scores over time is positive, with at least
 * three scores and the last above the first.
 */
static bool
prog_rising(const double *x, const int *y, size_t n)
{
	double	mx = 0, my = 0, sxy = 0, sxx = 0;
	size_t	i;

	if (n < 3 || y[n - 1] <= y[0])
		return (false);
	for (i = 0; i < n; i++) {
		mx += x[i];
		my += y[i];
	}
	mx /= n;
	my /= n;
	for (i = 0; i < n; i++) {
		sxy += (x[i] - mx) * (y[i] - my);
		sxx += (x[i] - mx) * (x[i] - mx);
	}
	return (sxx > 0 && sxy > 0);
}

static void
prog_series_str(const int *y, size_t n, char *buf, size_t len)
{
	size_t	i, o;

	buf[0] = '\0';
	for (i = 0; i < n; i++) {
		o = strlen(buf);
		snprintf(buf + o, len - o, "%s%d", i > 0 ? ", " : "", y[i]);
	}
}

/* Morning or after-session pain risen across the last 7 days. */
static void
prog_trend(struct ctx *c)
{
	const struct history	*h = c->h;
	size_t			 i, n = 0, cap = h->ns + c->nm + 1;
	double			*x = xcalloc(cap, sizeof *x);
	int			*y = xcalloc(cap, sizeof *y);
	int64_t			 d, first = c->today - 6;
	char			 vals[96];

	for (i = 0; i < c->nm; i++) {
		d = calendar_day(c->m[i].t, c->m[i].utc_off);
		if (d < first || d > c->today)
			continue;
		x[n] = (double)c->m[i].t;
		y[n++] = c->m[i].score;
	}
	if (prog_rising(x, y, n)) {
		prog_series_str(y, n, vals, sizeof vals);
		snprintf(c->trend_why, sizeof c->trend_why, "morning pain "
		    "rose over the last 7 days (%s)", vals);
		c->trend = true;
	}
	n = 0;
	for (i = 0; i < h->ns && !c->trend; i++) {
		d = prog_sday(&h->s[i]);
		if (d < first || d > c->today ||
		    h->s[i].pain_after == PAIN_NONE)
			continue;
		x[n] = (double)h->s[i].start;
		y[n++] = h->s[i].pain_after;
	}
	if (!c->trend && prog_rising(x, y, n)) {
		prog_series_str(y, n, vals, sizeof vals);
		snprintf(c->trend_why, sizeof c->trend_why, "pain after "
		    "sessions rose over the last 7 days (%s)", vals);
		c->trend = true;
	}
	free(x);
	free(y);
}

/* --- one step ------------------------------------------------------------ */

static void
prog_seen(const struct ctx *c, const struct step *st, enum side side,
    const struct look *lk, size_t k, struct prog_seen *v)
{
	const struct hist_session	*s = &c->h->s[c->idx[k]];
	const struct hist_exercise	*e;
	int64_t				 until;

	e = prog_entry(s, st->exercise_id, side);
	until = k + 1 < lk->n ? c->h->s[c->idx[k + 1]].start : INT64_MAX;
	memset(v, 0, sizeof *v);
	v->start = s->start;
	v->utc_off = s->utc_off;
	v->pain = prog_pain(s, st->exercise_id, side, &v->ex_pain);
	v->morning = prog_morning_after(c, s->start, until, &v->morning_prev);
	v->morning_up = v->morning != PAIN_NONE &&
	    v->morning_prev != PAIN_NONE && v->morning > v->morning_prev;
	v->all_done = prog_all_done(st->ex->kind, e);
	v->red = prog_band(&lk->lim, v->pain) == PROG_RED || v->morning_up;
	v->peak = v->pain;
	if (s->pain_during > v->peak)
		v->peak = s->pain_during;
	if (s->pain_after > v->peak)
		v->peak = s->pain_after;
	v->severe = v->peak >= PROG_SEVERE_PAIN ||
	    v->morning >= PROG_SEVERE_PAIN ||
	    (v->pain > lk->lim.red_above && v->morning > lk->lim.red_above);
	v->green = v->pain != PAIN_NONE &&
	    prog_band(&lk->lim, v->pain) == PROG_GREEN &&
	    v->all_done && !v->morning_up;
}

static bool
prog_same_dose(const struct dose *a, const struct dose *b)
{
	return (a->sets == b->sets && a->reps == b->reps &&
	    a->hold == b->hold && a->work == b->work &&
	    a->rounds == b->rounds && a->level == b->level);
}

/* This step's sessions of this routine: in the window, and the last. */
static size_t
prog_collect(struct ctx *c, const struct step *st, enum side side)
{
	const struct history	*h = c->h;
	size_t			 i, n = 0, last = h->ns;

	for (i = 0; i < h->ns; i++) {
		if (prog_sday(&h->s[i]) > c->today ||
		    h->s[i].routine == NULL ||
		    strcmp(h->s[i].routine, c->rt->id) != 0 ||
		    prog_entry(&h->s[i], st->exercise_id, side) == NULL)
			continue;
		last = i;
		if (prog_sday(&h->s[i]) >= c->from)
			c->idx[n++] = i;
	}
	if (last != h->ns && (n == 0 || c->idx[n - 1] != last))
		c->idx[n++] = last;
	return (n);
}

/* The volume of the last 7 days and the weekly average of the 4 before. */
static void
prog_volumes(const struct ctx *c, const struct step *st, enum side side,
    struct prog_why *w)
{
	const struct history		*h = c->h;
	const struct hist_exercise	*e;
	int64_t				 d, first = INT64_MAX, week0;
	long				 before[4] = { 0, 0, 0, 0 };
	size_t				 i, j;
	int				 k;

	week0 = c->today - 6;
	w->week_volume = 0;
	for (i = 0; i < h->ns; i++) {
		d = prog_sday(&h->s[i]);
		if (d < c->from || d > c->today)
			continue;
		for (j = 0; j < h->s[i].nex; j++) {
			e = &h->s[i].ex[j];
			if (e->exercise == NULL ||
			    strcmp(e->exercise, st->exercise_id) != 0 ||
			    (side != SIDE_BOTH && e->side != side &&
			    e->side != SIDE_BOTH))
				continue;
			if (d < first)
				first = d;
			if (d >= week0)
				w->week_volume += prog_entry_volume(
				    st->ex->kind, e);
			else if ((k = (int)((week0 - 1 - d) / 7)) < 4)
				before[k] += prog_entry_volume(st->ex->kind,
				    e);
		}
	}
	w->avg_weeks = 0;
	w->avg_volume = 0;
	if (first == INT64_MAX || first > c->today - (LOAD_CAP_MIN_DAYS - 1))
		return;
	w->avg_weeks = (int)((week0 - 1 - first) / 7) + 1;
	if (w->avg_weeks > 4)
		w->avg_weeks = 4;
	for (k = 0; k < w->avg_weeks; k++)
		w->avg_volume += before[k];
	w->avg_volume /= w->avg_weeks;
}

static double
prog_mean(const struct ctx *c, const struct step *st, enum side side,
    size_t n, int64_t lo, int64_t hi, int *count)
{
	const struct hist_session	*s;
	double				 sum = 0;
	size_t				 k;
	int				 p;
	bool				 ex;

	*count = 0;
	for (k = 0; k < n; k++) {
		s = &c->h->s[c->idx[k]];
		if (prog_sday(s) < lo || prog_sday(s) > hi)
			continue;
		if ((p = prog_pain(s, st->exercise_id, side, &ex)) ==
		    PAIN_NONE)
			continue;
		sum += p;
		(*count)++;
	}
	return (*count > 0 ? sum / *count : 0);
}

/* Check every rule against the step's sessions; no decision yet. */
static void
prog_look(struct ctx *c, const struct step *st, enum side side,
    struct look *lk, struct prog_item *it)
{
	struct prog_why	*w = &it->why;
	struct prog_seen seen;
	size_t		 k, reds = 0, greens = 0;
	double		 early, late;
	int		 ne, nl, wk = lk->lim.physio_weeks;
	bool		 counting = true;
	char		 day[16];

	lk->n = prog_collect(c, st, side);
	w->days_since = -1;
	if (lk->n == 0)
		return;
	lk->last = prog_entry(&c->h->s[c->idx[lk->n - 1]], st->exercise_id,
	    side);
	w->days_since = (int)(c->today - prog_sday(&c->h->s[c->idx[lk->n -
	    1]]));
	/* A physiotherapist has seen the knee since: start again. */
	lk->restart = c->h->s[c->idx[lk->n - 1]].start < c->cleared;
	for (k = lk->n; k-- > 0;) {
		prog_seen(c, st, side, lk, k, &seen);
		if (w->nsess < PROG_SEEN)
			w->sess[w->nsess++] = seen;
		if (counting && seen.red && seen.start >= c->cleared)
			reds++;
		else
			counting = false;
		if (greens == lk->n - 1 - k && seen.green &&
		    prog_same_dose(&prog_entry(&c->h->s[c->idx[k]],
		    st->exercise_id, side)->prescribed, &lk->last->prescribed))
			greens++;
	}
	lk->red = w->sess[0].red && !lk->restart;
	lk->brk = w->days_since > BREAK_DAYS;
	seen = w->sess[0];
	if (seen.severe) {
		lk->severe = true;
		if (seen.peak >= PROG_SEVERE_PAIN)
			snprintf(lk->severe_why, sizeof lk->severe_why,
			    "%d/10", seen.peak);
		else if (seen.morning >= PROG_SEVERE_PAIN)
			snprintf(lk->severe_why, sizeof lk->severe_why,
			    "%d/10 the next morning", seen.morning);
		else
			snprintf(lk->severe_why, sizeof lk->severe_why,
			    "%d/10, still %d/10 the next morning", seen.pain,
			    seen.morning);
	}
	if (reds >= (size_t)lk->lim.reds_to_physio) {
		lk->physio = lk->physio_reds = true;
		snprintf(lk->physio_why, sizeof lk->physio_why, "pain above "
		    "%d/10 in %zu sessions in a row of %s", lk->lim.red_above,
		    reds, st->ex->name);
	}
	early = prog_mean(c, st, side, lk->n, c->today - 7 * wk - 6,
	    c->today - 7 * wk, &ne);
	late = prog_mean(c, st, side, lk->n, c->today - 6, c->today, &nl);
	/* Weeks before a clearance are the physiotherapist's to judge. */
	if (!lk->physio && ne > 0 && nl > 0 && late >= early &&
	    c->cleared_day < c->today - 7 * wk - 6 &&
	    late > lk->lim.green_max) {
		lk->physio = true;
		calendar_date(c->today - 7 * wk, day, sizeof day);
		snprintf(lk->physio_why, sizeof lk->physio_why, "pain in %s "
		    "not lower after %d weeks (%.1f/10 this week, %.1f/10 in "
		    "the week to %s)", st->ex->name, wk, late, early, day);
	}
	seen = w->sess[0];
	if (seen.pain == PAIN_NONE)
		snprintf(lk->amber_why, sizeof lk->amber_why, "No pain score "
		    "was recorded for the last session");
	else if (seen.pain > lk->lim.green_max)
		snprintf(lk->amber_why, sizeof lk->amber_why, "Pain reached "
		    "%d/10 (%d-%d)", seen.pain, lk->lim.green_max + 1,
		    lk->lim.red_above);
	else if (!seen.all_done)
		snprintf(lk->amber_why, sizeof lk->amber_why, "Not all sets "
		    "were completed last time");
	else if (greens < (size_t)lk->lim.greens_needed) {
		/* The last session was green: pain-green waits for more. */
		lk->greens_short = true;
		snprintf(lk->amber_why, sizeof lk->amber_why, "%s green "
		    "session%s at this dose so far (%d needed)",
		    greens == 1 ? "Only one" : "No", greens == 1 ? "" : "s",
		    lk->lim.greens_needed);
	} else
		lk->green_ok = true;
	lk->amber = !lk->green_ok;
}

/* Append `text` to a list unless it is already there. */
static void
prog_add(char *buf, size_t len, const char *sep, const char *text)
{
	size_t	n = strlen(buf);

	if (strstr(buf, text) != NULL)
		return;
	snprintf(buf + n, len - n, "%s%s", n > 0 ? sep : "", text);
}

static void
prog_append(char *buf, size_t len, const char *text)
{
	prog_add(buf, len, "; ", text);
}

static void
prog_red(const struct step *st, const struct look *lk,
    const struct prog_seen *v, struct prog_item *it)
{
	const char	*floor = "", *severe = "";

	prog_scale(st, &lk->lad, &it->current,
	    STEP_DOWN_FRAC * progression_volume(st->ex->kind, &it->current),
	    &it->dose);
	if (progression_volume(st->ex->kind, &it->dose) >=
	    progression_volume(st->ex->kind, &it->current))
		floor = " This is already the smallest dose: one set of the "
		    "level's starting dose.";
	if (lk->severe)
		severe = " Pain this high: see a physiotherapist.";
	it->decision = PROG_REGRESS;
	it->rule = RULE_PAIN_RED;
	if (v->pain != PAIN_NONE && v->pain > lk->lim.red_above)
		snprintf(it->reason, sizeof it->reason, "Pain reached %d/10 "
		    "(above %d): one step down, about 20-30%% less.%s%s",
		    v->pain, lk->lim.red_above, floor, severe);
	else
		snprintf(it->reason, sizeof it->reason, "Morning pain rose "
		    "from %d to %d/10: one step down, about 20-30%% less.%s%s",
		    v->morning_prev, v->morning, floor, severe);
}

/*
 * The dose after `days` without a session: the percentage of the volume
 * kept, or 0 for the routine's dose.
 */
static int
prog_break_dose(const struct step *st, const struct look *lk, int days,
    struct prog_item *it)
{
	int	i;

	it->decision = PROG_DELOAD;
	it->rule = RULE_BREAK;
	for (i = 0; prog_breaks[i].max_days != 0; i++)
		if (days <= prog_breaks[i].max_days)
			break;
	if (prog_breaks[i].max_days == 0) {
		it->dose = st->base;
		return (0);
	}
	prog_scale(st, &lk->lad, &it->current, prog_breaks[i].frac *
	    progression_volume(st->ex->kind, &it->current), &it->dose);
	return (prog_breaks[i].pct);
}

static const char *
prog_floor_note(const struct step *st, const struct prog_item *it)
{
	return (progression_volume(st->ex->kind, &it->dose) <
	    progression_volume(st->ex->kind, &it->current) ? "" : " This is "
	    "already the smallest dose: one set of the level's starting "
	    "dose.");
}

static void
prog_break(const struct step *st, const struct look *lk,
    struct prog_item *it)
{
	int	pct, days = it->why.days_since;

	if ((pct = prog_break_dose(st, lk, days, it)) == 0)
		snprintf(it->reason, sizeof it->reason, "%d days since the "
		    "last session: start again from the routine's dose.", days);
	else
		snprintf(it->reason, sizeof it->reason, "%d days since the "
		    "last session: back to about %d%% of the volume.%s", days,
		    pct, prog_floor_note(st, it));
}

/*
 * Cleared by a physiotherapist since the last session: start again as
 * after a break of at least a week, so never from the old dose.
 */
static void
prog_cleared(const struct ctx *c, const struct step *st,
    const struct look *lk, struct prog_item *it)
{
	char	day[16];
	int	pct, days = it->why.days_since;

	calendar_date(c->cleared_day, day, sizeof day);
	if (days <= BREAK_DAYS)
		days = BREAK_DAYS + 1;
	if ((pct = prog_break_dose(st, lk, days, it)) == 0)
		snprintf(it->reason, sizeof it->reason, "A physiotherapist "
		    "saw the knee on %s: start again from the routine's "
		    "dose.", day);
	else
		snprintf(it->reason, sizeof it->reason, "A physiotherapist "
		    "saw the knee on %s: start again at about %d%% of the "
		    "volume.%s", day, pct, prog_floor_note(st, it));
}

static void
prog_green(const struct step *st, const struct look *lk,
    struct prog_item *it)
{
	struct prog_why	*w = &it->why;
	struct dose	 up;
	long		 nv;
	bool		 cut;
	char		 note[64];

	it->rule = RULE_GREEN;
	it->decision = PROG_HOLD;
	if (!prog_step_up(st, &lk->lad, &it->current, &up)) {
		snprintf(it->reason, sizeof it->reason, "Pain stayed at %d/10 "
		    "or less and all sets were completed; this is the top of "
		    "the ladder: keep this dose.", lk->lim.green_max);
		return;
	}
	cut = prog_step_cap(st, &lk->lad, &it->current, &up);
	nv = progression_volume(st->ex->kind, &up);
	if (w->avg_weeks > 0 && w->week_volume + nv >
	    lk->lim.load_cap * w->avg_volume) {
		it->rule = RULE_LOAD_CAP;
		snprintf(it->reason, sizeof it->reason, "A step up would put "
		    "the volume of the last 7 days at %ld %s, above %.1f x the "
		    "weekly average of %.0f: keep the same dose.",
		    w->week_volume + nv, progression_unit(st->ex->kind),
		    lk->lim.load_cap, w->avg_volume);
		return;
	}
	/* No weekly average yet: no more than load_cap x the start. */
	if (w->avg_weeks == 0 && nv > lk->lim.load_cap * w->start_volume) {
		it->rule = RULE_LOAD_CAP;
		snprintf(it->reason, sizeof it->reason, "A step up would make "
		    "the volume %ld, above %.1f x the routine's starting dose "
		    "(%ld) before two weeks of history: keep the same dose.",
		    nv, lk->lim.load_cap, w->start_volume);
		return;
	}
	it->dose = up;
	it->decision = PROG_PROGRESS;
	note[0] = '\0';
	if (cut)
		snprintf(note, sizeof note, " A step adds at most %d%% to the "
		    "volume.", STEP_UP_PCT);
	snprintf(it->reason, sizeof it->reason, "Pain stayed at %d/10 or less "
	    "and all sets were completed.%s", lk->lim.green_max, note);
}

static void
prog_one(struct ctx *c, size_t nstep, enum side side, struct prog_item *it)
{
	const struct step	*st = &c->rt->steps[nstep];
	struct prog_plan	*pl = c->plan;
	struct look		 lk;
	char			 what[96], sev[192], day[16];

	memset(it, 0, sizeof *it);
	memset(&lk, 0, sizeof lk);
	it->step = st;
	it->nstep = nstep;
	it->side = side;
	progression_limits(c->rt, st, &lk.lim);
	prog_ladder(c->rt, st, &lk.lad);
	prog_look(c, st, side, &lk, it);
	prog_current(st, &lk.lad, lk.last != NULL ? &lk.last->prescribed :
	    NULL, &it->current);
	it->dose = it->current;
	prog_volumes(c, st, side, &it->why);
	it->why.cur_volume = progression_volume(st->ex->kind, &it->current);
	it->why.start_volume = progression_volume(st->ex->kind, &st->base);

	/* The advice of every rule that applies. */
	if (lk.n > 0 && lk.red) {
		pl->advice |= ADVICE_CROSS_TRAIN;
		if (it->why.sess[0].pain > lk.lim.red_above) {
			prog_add(c->red_now, sizeof c->red_now, ", ",
			    st->ex->name);
			c->red_now_above = lk.lim.red_above;
		} else
			c->morning_up = true;
	}
	if (lk.physio) {
		pl->advice |= ADVICE_SEE_PHYSIO;
		if (lk.physio_reds) {
			prog_add(c->reds, sizeof c->reds, ", ", st->ex->name);
			c->reds_above = lk.lim.red_above;
			c->reds_n = lk.lim.reds_to_physio;
		} else {
			prog_add(c->flat, sizeof c->flat, ", ", st->ex->name);
			c->flat_weeks = lk.lim.physio_weeks;
		}
	}
	if (lk.severe) {
		pl->advice |= ADVICE_SEE_PHYSIO;
		snprintf(sev, sizeof sev, "%s %s", st->ex->name,
		    lk.severe_why);
		prog_add(c->severe, sizeof c->severe, ", ", sev);
		c->severe_above = lk.lim.red_above;
	}
	if (lk.n > 0 && lk.brk) {
		pl->advice |= ADVICE_CROSS_TRAIN;
		c->brk = true;
	}

	it->decision = PROG_HOLD;
	if (lk.n == 0) {
		it->decision = PROG_START;
		it->rule = RULE_START;
		snprintf(it->reason, sizeof it->reason, "No session of this "
		    "exercise yet: start with the routine's dose.");
	} else if (c->flags != 0) {
		it->rule = RULE_RED_FLAG;
		prog_flag_names(c->flags, what, sizeof what);
		calendar_date(c->flag_day, day, sizeof day);
		snprintf(it->reason, sizeof it->reason, "You reported %s "
		    "(last on %s): no step up; see a physiotherapist.", what,
		    day);
	} else if (lk.restart)
		prog_cleared(c, st, &lk, it);
	else if (lk.red)
		prog_red(st, &lk, &it->why.sess[0], it);
	else if (lk.severe) {
		it->rule = RULE_SEE_PHYSIO;
		snprintf(it->reason, sizeof it->reason, "No step up: pain "
		    "reached %s last time; see a physiotherapist.",
		    lk.severe_why);
	} else if (lk.physio) {
		it->rule = RULE_SEE_PHYSIO;
		snprintf(it->reason, sizeof it->reason, "No step up: %s; see a "
		    "physiotherapist.", lk.physio_why);
	} else if (lk.brk)
		prog_break(st, &lk, it);
	else if (c->trend) {
		it->rule = RULE_TREND;
		snprintf(it->reason, sizeof it->reason, "The %s: no step up "
		    "until it falls.", c->trend_why);
	} else if (lk.amber) {
		it->rule = lk.greens_short ? RULE_GREEN : RULE_AMBER;
		snprintf(it->reason, sizeof it->reason, "%s: keep the same "
		    "dose.", lk.amber_why);
	} else
		prog_green(st, &lk, it);
	it->why.new_volume = progression_volume(st->ex->kind, &it->dose);
}

/* What triggered see-physio and cross-train, each pattern once. */
static void
prog_advice_text(struct ctx *c)
{
	struct prog_plan	*pl = c->plan;
	char			 text[512];

	if (c->severe[0] != '\0') {
		snprintf(text, sizeof text, "pain of %d/10 or more, or above "
		    "%d/10 still the next morning, last time (%s)",
		    PROG_SEVERE_PAIN, c->severe_above, c->severe);
		prog_append(pl->physio, sizeof pl->physio, text);
	}
	if (c->reds[0] != '\0') {
		snprintf(text, sizeof text, "pain above %d/10 in %d sessions "
		    "in a row (%s)", c->reds_above, c->reds_n, c->reds);
		prog_append(pl->physio, sizeof pl->physio, text);
	}
	if (c->flat[0] != '\0') {
		snprintf(text, sizeof text, "pain not lower after %d weeks "
		    "(%s)", c->flat_weeks, c->flat);
		prog_append(pl->physio, sizeof pl->physio, text);
	}
	if (c->red_now[0] != '\0') {
		snprintf(text, sizeof text, "pain above %d/10 (%s)",
		    c->red_now_above, c->red_now);
		prog_append(pl->cross, sizeof pl->cross, text);
	}
	if (c->morning_up)
		prog_append(pl->cross, sizeof pl->cross, "morning pain rising");
	if (c->brk)
		prog_append(pl->cross, sizeof pl->cross, "a break of more than "
		    "a week");
}

static int
prog_window_days(const struct routine *rt)
{
	struct prog_limits	l;
	size_t			i;
	int			days = 35;	/* this week, four before */

	for (i = 0; i < rt->nsteps; i++) {
		progression_limits(rt, &rt->steps[i], &l);
		if (7 * (l.physio_weeks + 1) > days)
			days = 7 * (l.physio_weeks + 1);
	}
	return (days);
}

int64_t
progression_since(const struct routine *rt, int64_t now, int utc_off)
{
	int64_t	first;

	first = calendar_day(now, utc_off) - prog_window_days(rt) + 1;
	/* A day more, for sessions kept with another offset. */
	return (calendar_midnight(first - 1, utc_off));
}

static bool
prog_same_item(const struct prog_item *a, const struct prog_item *b)
{
	return (memcmp(&a->dose, &b->dose, sizeof a->dose) == 0 &&
	    a->decision == b->decision && a->rule == b->rule &&
	    strcmp(a->reason, b->reason) == 0);
}

void
progression_plan(const struct routine *rt, const struct history *h,
    int64_t now, int utc_off, struct prog_plan *pl)
{
	const struct hist_clearance *cl;
	struct ctx	 c;
	struct prog_item *it;
	char		 what[96], day[16], text[160];
	size_t		 i;

	memset(pl, 0, sizeof *pl);
	memset(&c, 0, sizeof c);
	pl->routine = rt;
	pl->day = c.today = calendar_day(now, utc_off);
	c.rt = rt;
	c.h = h;
	c.plan = pl;
	c.from = c.today - prog_window_days(rt) + 1;
	c.cleared = c.cleared_day = INT64_MIN;
	if ((cl = history_last_clearance(h, now)) != NULL) {
		c.cleared = cl->at;
		c.cleared_day = calendar_day(cl->at, cl->utc_off);
	}
	c.idx = xcalloc(h->ns + 1, sizeof *c.idx);
	prog_mornings(&c);
	c.flags = progression_red_flags(h, now, utc_off, &c.flag_day);
	prog_trend(&c);

	pl->flags = c.flags;
	if (c.flags != 0) {
		pl->advice |= ADVICE_SEE_PHYSIO | ADVICE_CROSS_TRAIN;
		prog_flag_names(c.flags, what, sizeof what);
		calendar_date(c.flag_day, day, sizeof day);
		snprintf(text, sizeof text, "you reported %s (last on %s)",
		    what, day);
		prog_append(pl->physio, sizeof pl->physio, text);
		prog_append(pl->cross, sizeof pl->cross, "a red flag");
	}
	pl->items = xcalloc(rt->nsteps * 2 + 1, sizeof *pl->items);
	for (i = 0; i < rt->nsteps; i++) {
		it = &pl->items[pl->nitems];
		if (rt->steps[i].ex->sides != SIDES_EACH) {
			prog_one(&c, i, SIDE_BOTH, it);
			pl->nitems++;
			continue;
		}
		prog_one(&c, i, SIDE_LEFT, it);
		prog_one(&c, i, SIDE_RIGHT, it + 1);
		if (prog_same_item(it, it + 1))
			it->side = SIDE_BOTH;
		else
			pl->nitems++;
		pl->nitems++;
	}
	prog_advice_text(&c);
	free(c.idx);
	free(c.m);
}

void
progression_free(struct prog_plan *pl)
{
	free(pl->items);
	memset(pl, 0, sizeof *pl);
}

const struct dose *
progression_step_dose(const struct prog_plan *pl, size_t nstep)
{
	const struct prog_item	*best = NULL, *it;
	size_t			 i;

	for (i = 0; i < pl->nitems; i++) {
		it = &pl->items[i];
		if (it->nstep != nstep)
			continue;
		if (best == NULL || progression_volume(it->step->ex->kind,
		    &it->dose) < progression_volume(best->step->ex->kind,
		    &best->dose))
			best = it;
	}
	return (best != NULL ? &best->dose : NULL);
}
