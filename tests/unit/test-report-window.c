/*
 * test-report-window.c - the progress figures of a window, loaded as
 * `rehabit progress` loads them (the window and the rules' look-back in
 * full, older sessions as outlines), against the figures from the whole
 * history, on three generated years: a streak that crosses the window's
 * start, a routine begun inside the window, an exercise left out for a
 * year, sessions near local midnight at offsets from -11 to +13 hours,
 * weeks split by every window start. Also: each dose change explained
 * from the rules' view of the history (review.c) matches the plan from the
 * whole history before that session.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "calendar.h"
#include "cmd.h"
#include "progression.h"
#include "report.h"
#include "review.h"
#include "store.h"
#include "tap.h"
#include "xmalloc.h"

#define DAY	86400
#define WEEKS	156		/* three years */

static const int	offsets[] = { 46800, -39600, 3600, 0, 19800, -18000 };

/* Fixed "now": Wednesday 18 November 2026, 12:00 UTC. */
static int64_t
t_now(void)
{
	return calendar_days(2026, 11, 18) * DAY + 12 * 3600;
}

static void
t_exercise(struct hist_session *s, const char *id, enum side side,
    struct dose d, int value, bool partial)
{
	struct hist_exercise	*e = history_add_exercise(s);
	size_t			 i;

	e->exercise = xstrdup(id);
	e->side = side;
	e->prescribed = d;
	e->ndone = (size_t)(partial ? 1 : d.sets);
	e->done = xcalloc(e->ndone, sizeof *e->done);
	for (i = 0; i < e->ndone; i++)
		e->done[i] = value;
	e->pain = s->pain_after;
}

/*
 * A session of `routine` on local day `day`: late in the evening or just
 * after midnight, at one of the offsets, so its UTC day is often another.
 */
static struct hist_session *
t_session(struct history *h, const char *routine, int64_t day, long n)
{
	struct hist_session	*s = history_add_session(h);
	int			 off = offsets[n % 6];
	int			 mins = n % 3 == 0 ? 23 * 60 + 50 : n % 3 == 1 ?
				    10 : 18 * 60;

	s->routine = xstrdup(routine);
	s->utc_off = off;
	s->start = day * DAY + mins * 60 - off;
	s->end = s->start + 1500;
	s->completed = true;
	s->pain_during = (int)(n % 4);
	/* Mostly green, a painful week now and then: doses climb and fall. */
	s->pain_after = n % 20 < 2 ? 6 : (int)(n % 3);
	/* Steady mornings, so that doses climb (a rise steps them down). */
	s->pain_morning = n % 4 == 0 ? 1 : PAIN_NONE;
	if (n % 97 == 0) {
		s->flags = FLAG_SWELLING;
		s->note = xstrdup("swollen after the stairs");
	}
	return s;
}

/* What was done of a dose in each set. */
static int
t_value(const struct dose *d)
{
	if (d->hold > 0)
		return d->hold;
	if (d->work > 0)
		return d->work * (d->rounds > 0 ? d->rounds : 1);
	return d->reps;
}

/*
 * A session of knee-test at the doses the rules give for it (so that the
 * dose changes have reasons to explain), walk-run only in the first year
 * and the last three weeks, step-down on each side apart every other
 * session and not for eight weeks before the last six (a break that the
 * rules look back across).
 */
static void
t_planned(struct history *h, const struct routine *rt, int64_t day, long n,
    bool walk, bool step, bool partial)
{
	struct hist_session	*s;
	struct prog_plan	 plan;
	const struct prog_item	*it;
	size_t			 i;

	s = t_session(h, rt->id, day, n);
	h->ns--;		/* the plan is made before it */
	progression_plan(rt, h, s->start, s->utc_off, &plan);
	h->ns++;
	s->completed = !partial;
	for (i = 0; i < plan.nitems; i++) {
		it = &plan.items[i];
		if (strcmp(it->step->exercise_id, "walk-run") == 0 && !walk)
			continue;
		if (strcmp(it->step->exercise_id, "step-down") == 0 && !step)
			continue;
		if (strcmp(it->step->exercise_id, "step-down") == 0 &&
		    it->side == SIDE_BOTH && n % 2 == 1) {
			t_exercise(s, "step-down", SIDE_LEFT, it->dose,
			    t_value(&it->dose), partial);
			t_exercise(s, "step-down", SIDE_RIGHT, it->dose,
			    t_value(&it->dose), partial);
			continue;
		}
		t_exercise(s, it->step->exercise_id, it->side, it->dose,
		    t_value(&it->dose), partial);
	}
	progression_free(&plan);
}

static void
t_history(struct history *h, const struct catalog *cat)
{
	const struct routine	*test, *mob;
	int64_t			 monday, day;
	struct hist_session	*s;
	struct hist_pain	*p;
	struct dose		 d;
	long			 w, k, n = 0;

	test = catalog_routine(cat, "knee-test");
	mob = catalog_routine(cat, "knee-mobility");
	if (test == NULL || mob == NULL)
		return;
	monday = calendar_monday(calendar_day(t_now(), 0)) - 7 * (WEEKS - 1);
	for (w = 0; w < WEEKS; w++) {
		/* In day order, as the rules saw them. */
		for (k = 0; k < 6; k++) {
			day = monday + 7 * w + k;
			if (day > calendar_day(t_now(), 0) - 1)
				break;
			if (k % 2 == 0)		/* Mon, Wed, Fri */
				/* Two breaks of the streak, long before. */
				t_planned(h, test, day, n++,
				    w < 52 || w >= WEEKS - 3,
				    w < WEEKS - 14 || w >= WEEKS - 6,
				    (w == 20 || w == 50) && k == 2);
			else if (k != 5 && w >= WEEKS - 5) {
				/* Mobility: Tue, Thu for five weeks. */
				s = t_session(h, mob->id, day, n++);
				memset(&d, 0, sizeof d);
				d.sets = 2;
				d.hold = 20 + (int)(w % 2) * 5;
				d.rest = 30;
				t_exercise(s, "wall-sit", SIDE_BOTH, d, d.hold,
				    false);
			}
		}
		/* A morning report every Sunday, a red flag now and then. */
		p = history_add_pain(h);
		p->utc_off = offsets[w % 6];
		p->at = (monday + 7 * w + 6) * DAY + 7 * 3600 - p->utc_off;
		p->kind = PAIN_MORNING;
		p->score = 1;
		if (w % 30 == 29) {
			p->flags = FLAG_LOCKING;
			p->note = xstrdup("it caught on the stairs");
		}
	}
}

static bool
t_same_dose(const struct dose *a, const struct dose *b)
{
	return memcmp(a, b, sizeof *a) == 0;
}

/* The first difference between two sets of figures, or NULL. */
static const char *
t_diff(const struct report *a, const struct report *b)
{
	static char	 why[640];
	size_t		 i, j;
	int		 k, m;

	if (a->nweeks != b->nweeks || a->today != b->today)
		return "window";
	for (k = 0; k < a->nweeks; k++) {
		if (memcmp(&a->w[k], &b->w[k], sizeof a->w[k]) != 0) {
			snprintf(why, sizeof why, "week %d", k);
			return why;
		}
	}
	if (a->done != b->done || a->partial != b->partial ||
	    a->planned != b->planned)
		return "totals";
	if (a->streak != b->streak) {
		snprintf(why, sizeof why, "streak %d, not %d", a->streak,
		    b->streak);
		return why;
	}
	if (a->nsessions != b->nsessions)
		return "sessions";
	if (memcmp(a->trend, b->trend, sizeof a->trend) != 0)
		return "trend";
	if (a->nrt != b->nrt)
		return "number of routines";
	for (i = 0; i < a->nrt; i++) {
		if (strcmp(a->rt[i].id, b->rt[i].id) != 0 ||
		    a->rt[i].first != b->rt[i].first ||
		    a->rt[i].first_off != b->rt[i].first_off ||
		    a->rt[i].last != b->rt[i].last ||
		    a->rt[i].sessions != b->rt[i].sessions ||
		    a->rt[i].current != b->rt[i].current)
			return "routine";
	}
	if (a->nflags != b->nflags)
		return "number of red flags";
	for (i = 0; i < a->nflags; i++) {
		if (a->flags[i].at != b->flags[i].at ||
		    a->flags[i].flags != b->flags[i].flags)
			return "red flag";
	}
	if (a->nex != b->nex)
		return "number of exercises";
	for (i = 0; i < a->nex; i++) {
		const struct report_exercise *x = &a->ex[i], *y = &b->ex[i];

		if (strcmp(x->id, y->id) != 0 || x->sessions != y->sessions ||
		    x->total != y->total || x->nchanges != y->nchanges ||
		    !t_same_dose(&x->start, &y->start) ||
		    !t_same_dose(&x->current, &y->current)) {
			snprintf(why, sizeof why, "exercise %s", x->id);
			return why;
		}
		for (m = 0; m < a->nweeks; m++) {
			if (x->volume[m] != y->volume[m] ||
			    x->pain[m] != y->pain[m])
				return "exercise week";
		}
		for (j = 0; j < x->nchanges; j++) {
			const struct report_change *c = &x->changes[j];
			const struct report_change *d = &y->changes[j];

			if (c->at != d->at || c->dir != d->dir ||
			    !t_same_dose(&c->from, &d->from) ||
			    !t_same_dose(&c->to, &d->to) ||
			    strcmp(c->decision, d->decision) != 0 ||
			    strcmp(c->rule, d->rule) != 0 ||
			    strcmp(c->reason, d->reason) != 0) {
				snprintf(why, sizeof why, "change %zu of %s: "
				    "'%s' / '%s'", j, x->id, c->reason,
				    d->reason);
				return why;
			}
		}
	}
	return NULL;
}

/*
 * The plan of the rules for change `c` from the whole history before its
 * session, with no trimming: what review.c's explanation must say.
 */
static bool
t_explained(const struct review *rv, const struct report_exercise *e,
    const struct report_change *c)
{
	const struct hist_session	*s = &rv->h.s[c->session];
	const struct routine		*rt;
	struct history			 view = rv->h;
	struct prog_plan		 plan;
	size_t				 i;
	bool				 ok = true;

	if ((rt = catalog_routine(&rv->cat, s->routine)) == NULL)
		return c->decision[0] == '\0';
	view.ns = c->session;
	for (view.np = 0; view.np < rv->h.np &&
	    rv->h.p[view.np].at < s->start; view.np++)
		;
	progression_plan(rt, &view, s->start, s->utc_off, &plan);
	for (i = 0; i < plan.nitems; i++) {
		if (strcmp(plan.items[i].step->exercise_id, e->id) != 0)
			continue;
		if (plan.items[i].dose.sets == c->to.sets &&
		    plan.items[i].dose.reps == c->to.reps &&
		    plan.items[i].dose.hold == c->to.hold &&
		    plan.items[i].dose.work == c->to.work &&
		    plan.items[i].dose.rounds == c->to.rounds &&
		    plan.items[i].dose.level == c->to.level)
			ok = strcmp(c->reason, plan.items[i].reason) == 0 &&
			    strcmp(c->decision, progression_decision_word(
			    plan.items[i].decision)) == 0;
		else
			ok = c->decision[0] == '\0';
		break;
	}
	progression_free(&plan);
	return ok;
}

/* The outlines and full sessions against a whole load. */
static void
t_store(const char *dir, int64_t since)
{
	struct store		*st;
	struct history		 all, win;
	const struct hist_session *a, *b;
	size_t			 i, j, nfull = 0, bad = 0;

	history_init(&all);
	history_init(&win);
	if (store_open_readonly(dir, &st) != 0) {
		ok(false, "open the generated history");
		return;
	}
	is_int(store_load(st, 0, &all), 0, "store_load: the whole history");
	is_int(store_load_outlined(st, since, &win), 0,
	    "store_load_outlined: from the window on");
	store_close(st);
	is_int((int)win.ns, (int)all.ns, "outlined: every session is there");
	for (i = 0; i < win.ns && i < all.ns; i++) {
		a = &win.s[i];
		b = &all.s[i];
		if (a->id != b->id || a->start != b->start ||
		    a->utc_off != b->utc_off || a->end != b->end ||
		    a->completed != b->completed ||
		    strcmp(a->routine, b->routine) != 0) {
			bad++;
			continue;
		}
		if (b->start < since) {
			if (a->nex != 0 || a->pain_after != PAIN_NONE)
				bad++;
			continue;
		}
		nfull++;
		if (a->nex != b->nex || a->pain_during != b->pain_during ||
		    a->pain_after != b->pain_after ||
		    a->pain_morning != b->pain_morning ||
		    a->flags != b->flags) {
			bad++;
			continue;
		}
		for (j = 0; j < a->nex; j++) {
			if (strcmp(a->ex[j].exercise, b->ex[j].exercise) != 0 ||
			    a->ex[j].side != b->ex[j].side ||
			    a->ex[j].ndone != b->ex[j].ndone ||
			    a->ex[j].pain != b->ex[j].pain ||
			    memcmp(a->ex[j].done, b->ex[j].done,
			    a->ex[j].ndone * sizeof *a->ex[j].done) != 0)
				bad++;
		}
	}
	ok(nfull > 0 && nfull < all.ns, "outlined: %zu of %zu sessions in "
	    "full", nfull, all.ns);
	is_int((int)bad, 0, "outlined: the same sessions, the window's whole");
	for (i = 0, j = 0; i < all.np; i++)
		j += all.p[i].at >= since;
	is_int((int)win.np, (int)j, "outlined: the reports from the window on");
	history_free(&all);
	history_free(&win);
}

static void
t_cleanup(const char *dir)
{
	static const char	*files[] = { "history.db-wal", "history.db-shm",
				    "history.db" };
	char			 path[256];
	size_t			 i;

	for (i = 0; i < sizeof files / sizeof files[0]; i++) {
		snprintf(path, sizeof path, "%s/%s", dir, files[i]);
		unlink(path);
	}
	rmdir(dir);
}

int
main(void)
{
	static const int	 weeks[] = { 1, 2, 3, 4, 5, 8, 12, 26, 52, 53,
				    100, 156, 200, 520 };
	static const char	*routines[] = { NULL, "knee-test",
				    "knee-mobility" };
	struct rh_opts		 o;
	struct store		*st;
	struct store_import_stats stats;
	struct history		 h;
	struct catalog		 cat;
	struct review		 full, win;
	struct report		 rf, rw;
	char			 dir[] = "/tmp/rehabit-window.XXXXXX";
	const char		*why;
	size_t			 i, j, r, nchanges = 0, nrules = 0, bad = 0;
	int64_t			 now = t_now();

	if (mkdtemp(dir) == NULL) {
		ok(false, "a temporary folder");
		return tap_done();
	}
	memset(&o, 0, sizeof o);
	o.library = REPORT_FIXTURES "/library";
	o.data_dir = dir;
	catalog_init(&cat);
	is_int(cmd_load_catalog(&o, &cat), 0, "load the test library");
	history_init(&h);
	t_history(&h, &cat);
	catalog_free(&cat);
	if (store_open(dir, &st) == 0) {
		is_int(store_import(st, &h, &stats), 0, "import 3 years");
		store_close(st);
	} else
		ok(false, "create the history");
	history_free(&h);

	is_int(review_load(&o, &full, 0, now), 0, "load the whole history");

	for (i = 0; i < sizeof weeks / sizeof weeks[0]; i++) {
		if (review_load(&o, &win, weeks[i], now) != 0) {
			ok(false, "load %d weeks", weeks[i]);
			continue;
		}
		if (weeks[i] == 12)
			t_store(dir, win.since);
		for (r = 0; r < sizeof routines / sizeof routines[0]; r++) {
			review_figures(&full, &full.cat, routines[r],
			    weeks[i], now, 0, &rf);
			review_figures(&win, &win.cat, routines[r], weeks[i],
			    now, 0, &rw);
			why = t_diff(&rw, &rf);
			ok(why == NULL, "%d weeks, %s: the window's figures are"
			    " the whole history's%s%s", weeks[i],
			    routines[r] != NULL ? routines[r] : "all routines",
			    why != NULL ? ": " : "", why != NULL ? why : "");
			if (weeks[i] == 12 && r == 0)
				ok(rf.streak > 12 + 8 && rf.streak < WEEKS,
				    "the streak (%d weeks) crosses the window "
				    "and its margin", rf.streak);
			report_free(&rf);
			report_free(&rw);
		}
		review_free(&win);
	}

	/* Every change of the whole history, explained as from all of it. */
	review_figures(&full, &full.cat, NULL, 0, now, 0, &rf);
	for (i = 0; i < rf.nex; i++) {
		for (j = 0; j < rf.ex[i].nchanges; j++) {
			nchanges++;
			nrules += rf.ex[i].changes[j].decision[0] != '\0';
			if (!t_explained(&full, &rf.ex[i],
			    &rf.ex[i].changes[j]))
				bad++;
		}
	}
	ok(nchanges > 100 && nrules > nchanges / 2, "%zu dose changes in three"
	    " years, %zu of them the rules'", nchanges, nrules);
	is_int((int)bad, 0, "each explained as the whole history explains it");
	report_free(&rf);
	review_free(&full);

	t_cleanup(dir);
	return tap_done();
}
