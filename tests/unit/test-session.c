/*
 * test-session.c - the session engine, driven by a fake clock.
 *
 * Outputs are written into a log as short words so that a whole walk reads
 * as one string: "start 0.1@0" (item.set[side]@ms), "tick3@27000",
 * "end@30000", "set 0.1=30@30000", "complete@90000".
 */
#include "config.h"

#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "session.h"
#include "tap.h"

static struct exercise ex_squat = {
	.id = "squat", .name = "Squat", .kind = KIND_REPS, .sides = SIDES_BOTH
};
static struct exercise ex_lunge = {
	.id = "lunge", .name = "Lunge", .kind = KIND_REPS, .sides = SIDES_EACH
};
static struct exercise ex_wall = {
	.id = "wall-sit", .name = "Wall sit", .kind = KIND_HOLD,
	.sides = SIDES_BOTH
};
static struct exercise ex_plank = {
	.id = "side-plank", .name = "Side plank", .kind = KIND_HOLD,
	.sides = SIDES_EACH
};
static struct exercise ex_walk = {
	.id = "walk-run", .name = "Walk-run", .kind = KIND_TIMED,
	.sides = SIDES_BOTH
};

static struct step st_squat = { .exercise_id = "squat", .ex = &ex_squat };
static struct step st_lunge = { .exercise_id = "lunge", .ex = &ex_lunge };
static struct step st_wall = { .exercise_id = "wall-sit", .ex = &ex_wall };
static struct step st_plank = { .exercise_id = "side-plank", .ex = &ex_plank };
static struct step st_walk = { .exercise_id = "walk-run", .ex = &ex_walk };
static struct step st_tempo = {
	.exercise_id = "squat", .ex = &ex_squat, .has_tempo = true,
	.tempo = { 2, 1, 2 }
};
static struct step st_tempo_each = {
	.exercise_id = "lunge", .ex = &ex_lunge, .has_tempo = true,
	.tempo = { 1, 0, 1 }
};

static char	 logbuf[65536];
static size_t	 loglen;
static int	 extra_wakes;	/* wakes where nothing changed */

static void
logf_(const char *fmt, ...)
{
	va_list	ap;

	if (loglen != 0 && loglen < sizeof logbuf - 1)
		logbuf[loglen++] = ' ';
	va_start(ap, fmt);
	loglen += vsnprintf(logbuf + loglen, sizeof logbuf - loglen, fmt, ap);
	va_end(ap);
	if (loglen >= sizeof logbuf)
		loglen = sizeof logbuf - 1;
}

static const char *
side_str(enum side side)
{
	return (side == SIDE_LEFT ? "L" : side == SIDE_RIGHT ? "R" : "");
}

/* Pop every output into the log; returns how many there were. */
static int
drain(struct session *s)
{
	struct sess_out	o;
	int		n = 0;

	while (session_pop(s, &o)) {
		n++;
		switch (o.kind) {
		case SO_TICK:
			logf_("tick%d@%" PRId64, o.value, o.at);
			break;
		case SO_END:
			logf_("end@%" PRId64, o.at);
			break;
		case SO_START:
			logf_("start %zu.%d%s@%" PRId64, o.item, o.set,
			    side_str(o.side), o.at);
			break;
		case SO_SET_DONE:
			logf_("set %zu.%d%s=%d@%" PRId64, o.item, o.set,
			    side_str(o.side), o.value, o.at);
			break;
		case SO_COMPLETE:
			logf_("complete@%" PRId64, o.at);
			break;
		}
	}
	return (n);
}

/* The log so far (outputs drained first), then start a new one. */
static const char *
outs(struct session *s)
{
	static char	copy[sizeof logbuf];

	if (s != NULL)
		drain(s);
	memcpy(copy, logbuf, loglen + 1);
	loglen = 0;
	logbuf[0] = '\0';
	return (copy);
}

/* What a person sees: if none of it changes, a wake-up was wasted. */
struct seen {
	enum sess_phase	phase;
	bool		paused;
	size_t		item;
	int		set, rep, round, value;
	enum side	side;
	enum sess_tempo	tempo;
	int64_t		secs;
};

static void
see(struct session *s, int64_t now, struct seen *w)
{
	struct sess_view	v;

	session_view(s, now, &v);
	memset(w, 0, sizeof *w);
	w->phase = v.phase;
	w->paused = v.paused;
	w->item = v.item;
	w->set = v.set;
	w->rep = v.rep;
	w->round = v.round;
	w->side = v.side;
	w->tempo = v.tempo;
	w->secs = (v.left_ms + 999) / 1000;
	if (v.phase == SP_HOLD || v.phase == SP_WORK)
		w->value = v.value;
}

/*
 * Act as the event loop would: sleep until the next wake-up (plus `late`
 * ms), advance, until `until`. Counts wake-ups that changed nothing.
 */
static int64_t
run(struct session *s, int64_t t, int64_t until, int64_t late)
{
	struct seen	before, after;
	int64_t		w;
	int		n, guard = 0;

	while (guard++ < 100000) {
		w = session_next_wake(s, t);
		if (w < t)
			ok(0, "next_wake %" PRId64 " is before now %" PRId64,
			    w, t);
		if (w > until || w == INT64_MAX)
			break;
		see(s, t, &before);
		t = w + late;
		if (t > until)
			t = until;
		session_advance(s, t);
		n = drain(s);
		see(s, t, &after);
		if (n == 0 && memcmp(&before, &after, sizeof before) == 0)
			extra_wakes++;
	}
	return (until);
}

static struct sess_plan
plan_of(const struct sess_item *items, size_t n)
{
	struct sess_plan	p;

	memset(&p, 0, sizeof p);
	p.items = items;
	p.nitems = n;
	p.ready_secs = 5;
	p.switch_secs = 5;
	return (p);
}

static void
test_reps(void)
{
	struct sess_item	 it[] = {
		{ &st_squat, { .sets = 2, .reps = 3, .rest = 10 } },
	};
	struct sess_plan	 p = plan_of(it, 1);
	struct session		*s;
	struct sess_view	 v;
	const int		*d;
	size_t			 n;

	s = session_new(&p, 1000);
	session_view(s, 1000, &v);
	is_int(v.phase, SP_REPS, "reps by hand start without a get-ready");
	is_int(v.reps, 3, "target 3 reps");
	is_int(session_next_wake(s, 1000), INT64_MAX,
	    "counting by hand waits for a key");
	session_key(s, SK_ENTER, 2000);
	session_key(s, SK_ENTER, 3000);
	session_view(s, 3500, &v);
	is_int(v.rep, 2, "two reps counted");
	session_key(s, SK_ENTER, 4000);
	session_view(s, 4000, &v);
	is_int(v.phase, SP_REST, "the third rep ends the set");
	is_int(v.set, 2, "rest shows the set that comes");
	is_int(v.left_ms, 10000, "10 s of rest");
	is_str(outs(s), "start 0.1@1000 set 0.1=3@4000", "set 1 saved");
	run(s, 4000, 14000, 0);
	is_str(outs(s), "tick3@11000 tick2@12000 tick1@13000 start 0.2@14000",
	    "rest ticks 3-2-1, reps start at its end");
	session_key(s, SK_ENTER, 15000);
	session_key(s, SK_ENTER, 16000);
	session_key(s, SK_ENTER, 17000);
	is_str(outs(s), "set 0.2=3@17000 complete@17000",
	    "no rest after the last set");
	ok(session_completed(s), "completed");
	session_view(s, 17000, &v);
	is_int(v.phase, SP_DONE, "done");
	is_int(v.elapsed_ms, 16000, "elapsed from the start");
	d = session_done(s, 0, SIDE_BOTH, &n);
	ok(d != NULL && n == 2 && d[0] == 3 && d[1] == 3, "done [3, 3]");
	session_key(s, SK_ENTER, 18000);
	is_str(outs(s), "", "keys do nothing when done");
	session_free(s);
}

static void
test_hold(void)
{
	struct sess_item	 it[] = {
		{ &st_wall, { .sets = 2, .hold = 10, .rest = 5 } },
	};
	struct sess_plan	 p = plan_of(it, 1);
	struct session		*s;
	struct sess_view	 v;
	const int		*d;
	size_t			 n;

	extra_wakes = 0;
	s = session_new(&p, 0);
	session_view(s, 0, &v);
	is_int(v.phase, SP_READY, "a hold starts with get-ready");
	is_int(v.left_ms, 5000, "5 s get-ready");
	is_int(session_next_wake(s, 0), 1000, "wake when 5 turns to 4");
	is_int(session_next_wake(s, 999), 1000, "still at 1000");
	is_int(session_next_wake(s, 1000), 2000, "then each second");
	run(s, 0, 100000, 0);
	is_str(outs(s),
	    "tick3@2000 tick2@3000 tick1@4000 start 0.1@5000 "
	    "tick3@12000 tick2@13000 tick1@14000 set 0.1=10@15000 end@15000 "
	    "tick3@17000 tick2@18000 tick1@19000 end@20000 "
	    "tick3@22000 tick2@23000 tick1@24000 start 0.2@25000 "
	    "tick3@32000 tick2@33000 tick1@34000 set 0.2=10@35000 "
	    "complete@35000",
	    "a whole hold routine, every cue at its second");
	is_int(extra_wakes, 0, "no wake-up without a change");
	d = session_done(s, 0, SIDE_BOTH, &n);
	ok(d != NULL && n == 2 && d[0] == 10 && d[1] == 10, "done [10, 10]");
	session_free(s);
}

int
main(void)
{
	test_reps();
	test_hold();
	return (tap_done());
}
