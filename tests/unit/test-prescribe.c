/*
 * test-prescribe.c - prescribe() reads the rules' window and each step's
 * last session, however old, from a real history database; so does
 * prescribe_then() from a loaded history, for a past session.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "catalog.h"
#include "prescribe.h"
#include "progression.h"
#include "store.h"
#include "tap.h"

#define NOW	1793966400LL		/* 2026-11-06 12:00 UTC */
#define DAY	86400LL

static const char lib[] =
    "exercises:\n"
    "  - {id: squat, name: Squat, kind: reps}\n"
    "  - {id: bridge, name: Bridge, kind: reps}\n"
    "routines:\n"
    "  - {id: r0, name: R0, per_week: 1,\n"
    "     steps: [{exercise: squat, sets: 1, reps: 5}]}\n"
    "  - id: r\n"
    "    name: R\n"
    "    per_week: 3\n"
    "    steps:\n"
    "      - {exercise: squat, sets: 3, reps: 10}\n"
    "      - {exercise: bridge, sets: 3, reps: 10}\n";

/* One completed session of `n` exercises, each 3 x 10 done, pain 1/1. */
static void
session(struct store *st, const char *routine, int64_t start,
    const char **ex, size_t n)
{
	struct dose	d = { .sets = 3, .reps = 10 };
	int64_t		id;
	size_t		i;
	int		set;

	if (store_session_begin(st, routine, start, 0, &id) != 0)
		tap_diag("begin: %s", store_error(st));
	for (i = 0; i < n; i++)
		for (set = 1; set <= 3; set++)
			store_set_done(st, id, ex[i], SIDE_BOTH, &d, set, 10);
	store_session_end(st, id, start + 600, true);
	store_add_pain(st, id, PAIN_DURING, 1, 0, NULL, start + 600, 0);
	store_add_pain(st, id, PAIN_AFTER, 1, 0, NULL, start + 700, 0);
}

int
main(void)
{
	static const char	*both[] = { "squat", "bridge" };
	static const char	*squat[] = { "squat" };
	struct catalog		 cat;
	struct diags		 d;
	struct store		*st;
	struct prog_plan	 pl;
	struct history		 h;
	const struct routine	*rt;
	char			 dir[] = "/tmp/rehabit-prescribe.XXXXXX";
	char			 path[64];
	int64_t			 t;
	int			 rc;

	catalog_init(&cat);
	diags_init(&d);
	catalog_load_buffer(&cat, "lib.yaml", lib, sizeof lib - 1, &d);
	catalog_link(&cat, &d);
	if (!is_int(d.n, 0, "the test library loads"))
		diags_print(&d, stdout);
	rt = catalog_routine(&cat, "r");
	if (rt == NULL || mkdtemp(dir) == NULL)
		return (tap_done());

	ok(store_open(dir, &st) == 0, "open a new history");
	ok(store_last_start(st, "r", "squat", &t) == 0 && t == 0,
	    "no session yet: 0");
	ok(prescribe_default_routine(st, &cat, &rc) ==
	    catalog_routine(&cat, "r0") && rc == 0,
	    "no history: the library's first routine");

	/* Squat last done 200 days ago; bridge 3 and 1 days ago. */
	session(st, "r", NOW - 200 * DAY, squat, 1);
	session(st, "r", NOW - 3 * DAY, both + 1, 1);
	session(st, "r", NOW - 1 * DAY, both + 1, 1);
	session(st, "other", NOW - 2 * DAY, squat, 1);

	rc = store_last_start(st, "r", "squat", &t);
	is_int(t, NOW - 200 * DAY, "the newest session of r with squat");
	store_last_start(st, "other", "squat", &t);
	is_int(t, NOW - 2 * DAY, "routines are told apart");
	store_last_start(st, "r", "lunge", &t);
	is_int(t, 0, "an exercise never done: 0");

	ok(prescribe(st, rt, NOW, 0, &pl) == 0, "prescribe");
	is_int(pl.nitems, 2, "one item per step");
	is_str(progression_rule_name(pl.items[0].rule), "return-after-break",
	    "a step last done 200 days ago: read, and a break");
	is_int(pl.items[0].why.days_since, 200, "200 days since");
	is_str(progression_rule_name(pl.items[1].rule), "pain-green",
	    "the step done in the window: two greens");
	is_int(pl.items[1].dose.reps, 12, "one step up from the 3 x 10 done");
	progression_free(&pl);
	ok(prescribe_default_routine(st, &cat, &rc) == rt,
	    "the routine done last that the library has");

	/* Done now: the plan it was given is the one above, from before. */
	session(st, "r", NOW, both, 2);
	history_init(&h);
	ok(store_load(st, 0, &h) == 0 && h.ns == 5 &&
	    h.s[4].start == NOW, "the whole history, the new session last");
	prescribe_then(&h, rt, h.ns - 1, &pl);
	is_int(pl.nitems, 2, "then: one item per step");
	is_str(progression_rule_name(pl.items[0].rule), "return-after-break",
	    "then: the squat 200 days before, outside the window, is read");
	is_int(pl.items[0].why.days_since, 200, "then: 200 days since");
	is_int(pl.items[1].dose.reps, 12,
	    "then: the session itself is not read");
	progression_free(&pl);
	history_free(&h);
	store_close(st);

	snprintf(path, sizeof path, "%s/history.db", dir);
	unlink(path);
	snprintf(path, sizeof path, "%s/history.db-wal", dir);
	unlink(path);
	snprintf(path, sizeof path, "%s/history.db-shm", dir);
	unlink(path);
	rmdir(dir);
	diags_free(&d);
	catalog_free(&cat);
	return (tap_done());
}
