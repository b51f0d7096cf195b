/* test-history.c - the plain history structs and their names. */
#include "config.h"

#include <string.h>

#include "calendar.h"
#include "history.h"
#include "tap.h"
#include "xmalloc.h"

static void
test_build(void)
{
	struct history		 h;
	struct hist_session	*s;
	struct hist_exercise	*e;
	int			 i;

	history_init(&h);
	for (i = 0; i < 100; i++) {
		s = history_add_session(&h);
		s->routine = xstrdup("knee-strength-1");
		s->start = 1000 * i;
		e = history_add_exercise(s);
		e->exercise = xstrdup("wall-sit");
		e->done = xcalloc(3, sizeof *e->done);
		e->ndone = 3;
	}
	is_int(h.ns, 100, "100 sessions added");
	is_int(h.s[99].start, 99000, "the last keeps its start");
	is_int(h.s[0].pain_during, PAIN_NONE, "pain starts as none");
	is_int(h.s[5].ex[0].pain, PAIN_NONE, "exercise pain starts as none");
	history_add_pain(&h)->score = 4;
	is_int(h.p[0].score, 4, "standalone report added");
	history_free(&h);
	is_int(h.ns, 0, "freed history is empty");
}

static void
test_names(void)
{
	unsigned	f;

	for (f = 1; f < (1u << FLAG_COUNT); f <<= 1)
		is_int(history_flag_parse(history_flag_name(f)), f,
		    "flag %s round-trips", history_flag_name(f));
	is_int(history_flag_parse("headache"), 0, "unknown flag is 0");
	is_str(history_flag_name(FLAG_GIVING_WAY), "giving-way",
	    "giving-way spelt as in the file format");
	is_str(history_side_name(SIDE_RIGHT), "right", "side name");
	is_str(history_pain_kind_name(PAIN_MORNING), "morning", "kind name");
}

/* Which session a pain score belongs to. */
static void
test_pain_window(void)
{
	/* 2026-03-10, local midnight at UTC+1 is 23:00 UTC the day before. */
	int64_t	day = calendar_days(2026, 3, 10);
	int64_t	mid = calendar_midnight(day, 3600), at, from, to;
	int	k;

	at = mid + 9 * 3600;
	for (k = PAIN_DURING; k <= PAIN_AFTER; k++) {
		history_pain_window(k, at, 3600, &from, &to);
		ok(from == at - CALENDAR_DAY && to == at,
		    "%s: the last 24 hours", history_pain_kind_name(k));
	}
	history_pain_window(PAIN_MORNING, at, 3600, &from, &to);
	ok(from == mid - CALENDAR_DAY && to == mid - 1,
	    "morning: the whole day before, not today");
	history_pain_window(PAIN_MORNING, mid, 3600, &from, &to);
	ok(from == mid - CALENDAR_DAY && to == mid - 1,
	    "morning at midnight: still the day before");
	history_pain_window(PAIN_MORNING, mid - 1, 3600, &from, &to);
	ok(from == mid - 2 * CALENDAR_DAY && to == mid - CALENDAR_DAY - 1,
	    "a second before midnight: two days before");
	/* The same instant, read at UTC: the day of 23:30 UTC is the 9th. */
	history_pain_window(PAIN_MORNING, mid + 1800, 0, &from, &to);
	ok(to == calendar_midnight(day - 1, 0) - 1,
	    "morning: the day at the offset given");
}

int
main(void)
{
	test_build();
	test_names();
	test_pain_window();
	return tap_done();
}
