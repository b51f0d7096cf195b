/* test-history.c - the plain history structs and their names. */
#include "config.h"

#include <string.h>

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

int
main(void)
{
	test_build();
	test_names();
	return tap_done();
}
