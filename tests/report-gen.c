/*
 * report-gen.c - write a generated history into a data folder, for the
 * progress tests and the benchmark:
 *
 *	report-gen DIR N [END]
 *
 * N sessions of routine knee-test, three a week (Monday, Wednesday and
 * Friday at 18:00 UTC), the last on or before END (seconds since the
 * epoch; default now). Pain after sessions falls from 5 to 1 in five
 * steps, doses step
 * up every few sessions, every tenth session is stopped early, and the
 * middle session reports swelling. It goes in through store_import(), in
 * one transaction.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "history.h"
#include "store.h"
#include "xmalloc.h"

#define DAY	86400

static void
gen_exercise(struct hist_session *s, const char *id, struct dose d,
    int value, bool partial)
{
	struct hist_exercise	*e = history_add_exercise(s);
	int			 i;

	e->exercise = xstrdup(id);
	e->prescribed = d;
	e->ndone = (size_t)(partial ? 1 : d.sets);
	e->done = xcalloc(e->ndone, sizeof *e->done);
	for (i = 0; i < (int)e->ndone; i++)
		e->done[i] = value;
}

/* Session i of n, oldest first. */
static void
gen_session(struct history *h, int64_t monday_end, long i, long n)
{
	static const int	 slot[3] = { 0, 2, 4 };
	struct hist_session	*s = history_add_session(h);
	long			 back = n - 1 - i;
	int64_t			 day;
	struct dose		 d;
	bool			 partial = i % 10 == 9;

	/* Fill weeks backwards from the last: Friday, Wednesday, Monday. */
	day = monday_end - 7 * (back / 3) + slot[2 - back % 3];
	s->routine = xstrdup("knee-test");
	s->start = day * DAY + 18 * 3600;
	s->end = s->start + 1500;
	s->completed = !partial;
	s->pain_after = n > 1 ? (int)(5 - 5 * i / n) : 3;
	if (s->pain_after < 1)
		s->pain_after = 1;
	s->pain_during = s->pain_after > 0 ? s->pain_after - 1 : 0;
	s->pain_morning = s->pain_after / 2;
	if (i == n / 2 && n > 2) {
		s->flags = FLAG_SWELLING;
		s->note = xstrdup("knee swollen after the stairs");
	}
	memset(&d, 0, sizeof d);
	d.sets = 3;
	d.hold = 30 + 5 * (int)((i / 9) % 7);
	d.rest = 45;
	gen_exercise(s, "wall-sit", d, d.hold, partial);
	memset(&d, 0, sizeof d);
	d.sets = 3;
	d.reps = 10 + 2 * (int)((i / 6) % 3);
	d.rest = 60;
	gen_exercise(s, "step-down", d, d.reps, partial);
	memset(&d, 0, sizeof d);
	d.sets = 1;
	d.rounds = 3;
	d.work = 60;
	d.easy = 120;
	gen_exercise(s, "walk-run", d, 180, partial);
}

int
main(int argc, char **argv)
{
	struct store			*st;
	struct history			 h;
	struct store_import_stats	 stats;
	struct hist_pain		*p;
	char				*end;
	long				 n, i;
	int64_t				 last, monday;
	int				 rc;

	if (argc < 3 || argc > 4) {
		fprintf(stderr, "usage: report-gen DIR N [END]\n");
		return 2;
	}
	n = strtol(argv[2], &end, 10);
	if (*end != '\0' || n < 0 || n > 100000) {
		fprintf(stderr, "report-gen: bad N '%s'\n", argv[2]);
		return 2;
	}
	last = argc == 4 ? strtoll(argv[3], NULL, 10) : (int64_t)time(NULL);
	/* The Monday of the last week that has a session by END. */
	monday = last / DAY - ((last / DAY + 3) % 7);
	if (last / DAY - monday < 4 || (last / DAY - monday == 4 &&
	    last % DAY < 18 * 3600 + 1500))
		monday -= 7;
	history_init(&h);
	for (i = 0; i < n; i++)
		gen_session(&h, monday, i, n);
	if (n > 0) {
		p = history_add_pain(&h);
		p->at = h.s[n - 1].start + 13 * 3600;
		p->kind = PAIN_MORNING;
		p->score = 1;
		p->note = xstrdup("a little stiff");
	}
	if ((rc = store_open(argv[1], &st)) != 0) {
		fprintf(stderr, "report-gen: %s\n", store_open_error());
		history_free(&h);
		return rc;
	}
	if ((rc = store_import(st, &h, &stats)) != 0)
		fprintf(stderr, "report-gen: %s\n", store_error(st));
	store_close(st);
	history_free(&h);
	return rc;
}
