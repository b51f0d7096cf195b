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
static int	 missed;	/* changes before the wake-up */
static int64_t	 last_start = -1;	/* `at` of the last SO_START */

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
			last_start = o.at;
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
	/* Tempo shows its phase, not seconds. */
	if (v.phase != SP_REPS)
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
		if (w > t) {
			see(s, w - 1, &after);
			if (memcmp(&before, &after, sizeof before) != 0)
				missed++;
		}
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

static void
test_hold_reps(void)
{
	struct sess_item	 it[] = {
		{ &st_wall, { .sets = 1, .reps = 3, .hold = 4, .relax = 2,
		    .rest = 30 } },
	};
	struct sess_plan	 p = plan_of(it, 1);
	struct session		*s;
	struct sess_view	 v;

	p.ready_secs = 3;
	extra_wakes = missed = 0;
	s = session_new(&p, 0);
	session_view(s, 0, &v);
	is_int(v.remaining_ms, 3000 + 3 * 4000 + 2 * 2000,
	    "remaining: ready, 3 holds, 2 relaxes");
	run(s, 0, 3000 + 4000 + 500, 0);
	session_view(s, 7500, &v);
	is_int(v.phase, SP_RELAX, "relax between holds");
	is_int(v.rep, 1, "one hold done");
	is_int(v.reps, 3, "of three");
	is_int(v.value, 4, "4 s held so far");
	is_int(v.left_ms, 1500, "relax left");
	is_int(v.remaining_ms, 1500 + 2 * 4000 + 2000, "remaining in relax");
	run(s, 7500, 60000, 0);
	is_str(outs(s),
	    "tick2@1000 tick1@2000 start 0.1@3000 "
	    "tick3@4000 tick2@5000 tick1@6000 end@7000 "
	    "tick1@8000 start 0.1@9000 "
	    "tick3@10000 tick2@11000 tick1@12000 end@13000 "
	    "tick1@14000 start 0.1@15000 "
	    "tick3@16000 tick2@17000 tick1@18000 set 0.1=12@19000 "
	    "complete@19000",
	    "3 holds with relax; a 3-s countdown ticks 2, 1; value 12 s");
	is_int(extra_wakes, 0, "no wasted wake-up");
	is_int(missed, 0, "no change before its wake-up");
	session_free(s);
}

static void
test_timed(void)
{
	struct sess_item	 it[] = {
		{ &st_walk, { .sets = 1, .work = 6, .easy = 4, .rounds = 2 } },
		{ &st_walk, { .sets = 1, .work = 2, .rounds = 2 } },
	};
	struct sess_plan	 p = plan_of(it, 2);
	struct session		*s;
	struct sess_view	 v;

	p.ready_secs = 2;
	extra_wakes = missed = 0;
	s = session_new(&p, 0);
	run(s, 0, 2000 + 6000 + 1000, 0);
	session_view(s, 9000, &v);
	is_int(v.phase, SP_EASY, "easy after work");
	is_int(v.round, 1, "round 1");
	is_int(v.rounds, 2, "of 2");
	is_int(v.phase_ms, 4000, "easy is 4 s");
	is_int(v.left_ms, 3000, "3 s of easy left");
	run(s, 9000, 60000, 0);
	session_view(s, 60000, &v);
	is_str(outs(s),
	    "tick1@1000 start 0.1@2000 "
	    "tick3@5000 tick2@6000 tick1@7000 end@8000 "
	    "tick3@9000 tick2@10000 tick1@11000 start 0.1@12000 "
	    "tick3@15000 tick2@16000 tick1@17000 set 0.1=12@18000 end@18000 "
	    "tick1@19000 start 1.1@20000 tick1@21000 start 1.1@22000 "
	    "tick1@23000 set 1.1=4@24000 complete@24000",
	    "work and easy for rounds; no easy: rounds back to back; "
	    "no rest of 0 s");
	is_int(extra_wakes, 0, "no wasted wake-up");
	is_int(missed, 0, "no change before its wake-up");
	session_free(s);
}

static void
test_sides(void)
{
	struct sess_item	 it[] = {
		{ &st_lunge, { .sets = 2, .reps = 2, .rest = 10 } },
		{ &st_plank, { .sets = 1, .hold = 5, .rest = 10 } },
	};
	struct sess_plan	 p = plan_of(it, 2);
	struct session		*s;
	struct sess_view	 v;
	const int		*d;
	size_t			 n;

	p.ready_secs = 3;
	p.switch_secs = 4;
	s = session_new(&p, 0);
	session_view(s, 0, &v);
	is_int(v.side, SIDE_LEFT, "each: left first");
	session_key(s, SK_ENTER, 1000);
	session_key(s, SK_ENTER, 2000);
	session_view(s, 2000, &v);
	is_int(v.phase, SP_SWITCH, "switch sides after the left");
	is_int(v.side, SIDE_RIGHT, "switch shows the side to come");
	is_int(v.set, 1, "still set 1");
	is_int(v.left_ms, 4000, "4 s to switch");
	run(s, 2000, 6000, 0);
	session_view(s, 6000, &v);
	is_int(v.phase, SP_REPS, "right side: reps straight after switch");
	session_key(s, SK_ENTER, 7000);
	session_key(s, SK_ENTER, 8000);
	session_view(s, 8000, &v);
	is_int(v.phase, SP_REST, "rest after both sides");
	is_int(v.side, SIDE_LEFT, "the next set starts left");
	is_int(v.set, 2, "set 2 next");
	run(s, 8000, 18000, 0);
	session_key(s, SK_ENTER, 19000);
	session_key(s, SK_ENTER, 20000);
	run(s, 20000, 24000, 0);
	session_key(s, SK_ENTER, 25000);
	session_key(s, SK_ENTER, 26000);
	session_view(s, 26000, &v);
	is_int(v.phase, SP_REST, "rest between exercises");
	is_int(v.item, 1, "rest shows the next exercise");
	is_int(v.next_item, 2, "and what follows it: the end");
	run(s, 26000, 100000, 0);
	is_str(outs(s),
	    "start 0.1L@0 set 0.1L=2@2000 "
	    "tick3@3000 tick2@4000 tick1@5000 start 0.1R@6000 "
	    "set 0.1R=2@8000 "
	    "tick3@15000 tick2@16000 tick1@17000 start 0.2L@18000 "
	    "set 0.2L=2@20000 tick3@21000 tick2@22000 tick1@23000 "
	    "start 0.2R@24000 set 0.2R=2@26000 "
	    "tick3@33000 tick2@34000 tick1@35000 end@36000 "
	    "tick2@37000 tick1@38000 start 1.1L@39000 "
	    "tick3@41000 tick2@42000 tick1@43000 set 1.1L=5@44000 end@44000 "
	    "tick3@45000 tick2@46000 tick1@47000 start 1.1R@48000 "
	    "tick3@50000 tick2@51000 tick1@52000 set 1.1R=5@53000 "
	    "complete@53000",
	    "left, switch, right; a hold gets no get-ready after switch");
	d = session_done(s, 0, SIDE_LEFT, &n);
	ok(d != NULL && n == 2 && d[0] == 2 && d[1] == 2, "left [2, 2]");
	d = session_done(s, 0, SIDE_RIGHT, &n);
	ok(d != NULL && n == 2 && d[0] == 2 && d[1] == 2, "right [2, 2]");
	d = session_done(s, 1, SIDE_RIGHT, &n);
	ok(d != NULL && n == 1 && d[0] == 5, "plank right [5]");
	ok(session_done(s, 2, SIDE_LEFT, &n) == NULL && n == 0,
	    "no such item");
	session_free(s);
}

static void
test_tempo(void)
{
	struct sess_item	 it[] = {
		{ &st_tempo, { .sets = 1, .reps = 3, .rest = 10 } },
		{ &st_tempo_each, { .sets = 1, .reps = 2 } },
	};
	struct sess_plan	 p = plan_of(it, 2);
	struct session		*s;
	struct sess_view	 v;

	p.ready_secs = 2;
	p.switch_secs = 0;
	extra_wakes = missed = 0;
	s = session_new(&p, 0);
	session_view(s, 0, &v);
	is_int(v.phase, SP_READY, "tempo reps get a get-ready");
	run(s, 0, 2000, 0);
	session_view(s, 2000, &v);
	is_int(v.phase, SP_REPS, "pacing");
	ok(v.tempo_on, "paced by tempo");
	is_int(v.tempo, TEMPO_DOWN, "down first");
	is_int(v.phase_ms, 2000, "2 s down");
	is_int(session_next_wake(s, 2000), 4000, "wake at the pause");
	session_view(s, 4000, &v);
	is_int(v.tempo, TEMPO_PAUSE, "then pause");
	is_int(v.left_ms, 1000, "1 s pause");
	is_int(session_next_wake(s, 4000), 5000, "wake at up");
	session_view(s, 5500, &v);
	is_int(v.tempo, TEMPO_UP, "then up");
	is_int(v.left_ms, 1500, "up left");
	is_int(session_next_wake(s, 5500), 7000, "wake at the rep's end");
	is_int(v.remaining_ms, 1500 + 2 * 5000 + 10000 + 2000 + 2 * 2000 * 2,
	    "remaining: this rep, 2 reps, rest, ready, 2 sides x 2 reps");
	session_key(s, SK_ENTER, 6000);
	session_view(s, 6000, &v);
	is_int(v.rep, 0, "Enter does not count paced reps");
	run(s, 6000, 7000, 0);
	session_view(s, 7000, &v);
	is_int(v.rep, 1, "the rep counted itself");
	is_int(v.tempo, TEMPO_DOWN, "next rep goes down");
	session_key(s, SK_UNDO, 7500);
	session_view(s, 7500, &v);
	is_int(v.rep, 0, "undo a paced rep");
	run(s, 7500, 100000, 0);
	is_str(outs(s),
	    "tick1@1000 start 0.1@2000 set 0.1=3@22000 end@22000 "
	    "tick3@29000 tick2@30000 tick1@31000 end@32000 "
	    "tick1@33000 start 1.1L@34000 set 1.1L=2@38000 "
	    "start 1.1R@38000 set 1.1R=2@42000 complete@42000",
	    "paced reps count themselves; a 0-s pause and switch left out");
	is_int(extra_wakes, 0, "no wasted wake-up");
	is_int(missed, 0, "no change before its wake-up");
	session_free(s);
}

static void
test_pause(void)
{
	struct sess_item	 it[] = {
		{ &st_wall, { .sets = 1, .hold = 10 } },
	};
	struct sess_plan	 p = plan_of(it, 1);
	struct session		*s;
	struct sess_view	 v;

	p.ready_secs = 0;
	s = session_new(&p, 0);
	run(s, 0, 4500, 0);
	session_key(s, SK_PAUSE, 4500);
	is_int(session_next_wake(s, 4500), INT64_MAX,
	    "paused: only a key wakes");
	session_view(s, 60000, &v);
	ok(v.paused, "paused");
	is_int(v.left_ms, 5500, "the countdown stands still");
	is_int(v.elapsed_ms, 4500, "elapsed stands still");
	is_int(v.value, 4, "4 s held so far");
	session_advance(s, 100000);
	session_key(s, SK_SKIP, 100000);
	session_key(s, SK_ENTER, 100000);
	session_key(s, SK_BACK, 100000);
	session_view(s, 100000, &v);
	ok(v.paused && v.phase == SP_HOLD, "other keys do nothing paused");
	session_key(s, SK_PAUSE, 104500);
	session_view(s, 104500, &v);
	ok(!v.paused, "resumed");
	is_int(v.left_ms, 5500, "the countdown goes on from where it was");
	is_int(v.elapsed_ms, 4500, "100 s of pause do not count");
	is_int(session_next_wake(s, 104500), 105000, "next second");
	run(s, 104500, 200000, 0);
	session_view(s, 200000, &v);
	is_int(v.elapsed_ms, 10000, "elapsed without the pause");
	is_str(outs(s),
	    "start 0.1@0 tick3@107000 tick2@108000 tick1@109000 "
	    "set 0.1=10@110000 complete@110000",
	    "deadlines shift by the paused span");

	/* Paused twice, then stopped while paused. */
	s = (session_free(s), session_new(&p, 0));
	session_key(s, SK_PAUSE, 1000);
	session_key(s, SK_PAUSE, 3000);
	session_key(s, SK_PAUSE, 5000);
	session_key(s, SK_PAUSE, 8000);
	session_view(s, 8000, &v);
	is_int(v.left_ms, 7000, "two pauses of 2 s and 3 s do not count");
	is_int(v.elapsed_ms, 3000, "elapsed: 8 s less 5 s of pauses");
	session_key(s, SK_PAUSE, 9000);
	session_stop(s, 20000);
	is_str(outs(s), "start 0.1@0 set 0.1=4@9000",
	    "stop while paused keeps what was held until the pause");
	ok(!session_completed(s), "stopped: not completed");
	session_free(s);
}

static void
test_undo(void)
{
	struct sess_item	 it[] = {
		{ &st_squat, { .sets = 2, .reps = 3, .rest = 20 } },
	};
	struct sess_plan	 p = plan_of(it, 1);
	struct session		*s;
	struct sess_view	 v;
	const int		*d;
	size_t			 n;

	s = session_new(&p, 0);
	session_key(s, SK_UNDO, 500);
	session_view(s, 500, &v);
	is_int(v.rep, 0, "undo never goes below 0");
	session_key(s, SK_ENTER, 1000);
	session_key(s, SK_ENTER, 2000);
	session_key(s, SK_UNDO, 2500);
	session_view(s, 2500, &v);
	is_int(v.rep, 1, "undo the last rep");
	session_key(s, SK_ENTER, 3000);
	session_key(s, SK_ENTER, 4000);
	session_view(s, 4000, &v);
	is_int(v.phase, SP_REST, "set done");
	session_key(s, SK_UNDO, 5000);
	session_view(s, 5000, &v);
	is_int(v.phase, SP_REPS, "undo just after the set: back into it");
	is_int(v.set, 1, "set 1 again");
	is_int(v.rep, 2, "one rep fewer");
	ok(session_done(s, 0, SIDE_BOTH, &n) == NULL,
	    "the set is no longer recorded");
	session_key(s, SK_UNDO, 5500);
	session_view(s, 5500, &v);
	is_int(v.rep, 1, "and undo again");
	session_key(s, SK_ENTER, 6000);
	session_key(s, SK_ENTER, 7000);
	run(s, 7000, 27000, 0);
	session_key(s, SK_UNDO, 27000);
	session_view(s, 27000, &v);
	ok(v.phase == SP_REPS && v.set == 2 && v.rep == 0,
	    "once the next set started, undo cannot reach back");
	is_str(outs(s),
	    "start 0.1@0 set 0.1=3@4000 set 0.1=3@7000 "
	    "tick3@24000 tick2@25000 tick1@26000 start 0.2@27000",
	    "the set is saved again when it ends again");
	d = session_done(s, 0, SIDE_BOTH, &n);
	ok(d != NULL && n == 1 && d[0] == 3, "done [3]");
	session_free(s);
}

int
main(void)
{
	test_reps();
	test_hold();
	test_hold_reps();
	test_timed();
	test_sides();
	test_tempo();
	test_pause();
	test_undo();
	return (tap_done());
}
