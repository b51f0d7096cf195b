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

static void	logf_(const char *, ...) __attribute__((format(printf, 1, 2)));

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
	d = session_done(s, 0, SIDE_BOTH, &n);
	ok(d != NULL && n == 1 && d[0] == 3,
	    "what was saved stays until the set ends again");
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

static void
test_skip(void)
{
	struct sess_item	 it[] = {
		{ &st_squat, { .sets = 3, .reps = 5, .rest = 30 } },
		{ &st_wall, { .sets = 3, .hold = 20, .rest = 30 } },
	};
	struct sess_plan	 p = plan_of(it, 2);
	struct session		*s;
	struct sess_view	 v;
	const int		*d;
	size_t			 n;

	s = session_new(&p, 0);
	session_key(s, SK_ENTER, 1000);
	session_key(s, SK_ENTER, 2000);
	session_key(s, SK_SKIP, 2500);
	session_view(s, 2500, &v);
	is_int(v.phase, SP_REST, "skip in a set ends it");
	is_int(v.set, 2, "rest before set 2");
	session_key(s, SK_SKIP, 3000);
	session_view(s, 3000, &v);
	is_int(v.phase, SP_REPS, "skip in rest ends the rest");
	session_key(s, SK_SKIP, 4000);
	session_view(s, 4000, &v);
	is_int(v.phase, SP_REST, "skip a set with nothing done");
	session_key(s, SK_ENTER, 5000);
	session_view(s, 5000, &v);
	is_int(v.phase, SP_REPS, "Enter in rest starts now");
	is_int(v.set, 3, "set 3");
	session_key(s, SK_ENTER, 6000);
	session_key(s, SK_SKIP, 7000);
	session_view(s, 7000, &v);
	is_int(v.phase, SP_REST, "rest before the next exercise");
	is_int(v.item, 1, "which is the wall sit");
	session_key(s, SK_SKIP, 8000);
	session_view(s, 8000, &v);
	is_int(v.phase, SP_READY, "its get-ready");
	session_key(s, SK_SKIP, 9000);
	session_view(s, 9000, &v);
	is_int(v.phase, SP_HOLD, "skip the get-ready: hold now");
	run(s, 9000, 16500, 0);
	session_key(s, SK_SKIP, 16500);
	session_view(s, 16500, &v);
	is_int(v.phase, SP_REST, "skip a hold part-way");
	session_key(s, SK_REST_LESS, 17000);
	session_key(s, SK_REST_LESS, 17000);
	session_view(s, 17000, &v);
	is_int(v.phase, SP_READY, "rest less twice: 30 s gone, rest ends");
	session_key(s, SK_ENTER, 17000);
	session_key(s, SK_SKIP, 17400);
	session_view(s, 17400, &v);
	is_int(v.phase, SP_REST, "a hold skipped under 1 s");
	session_key(s, SK_SKIP_EXERCISE, 18000);
	session_view(s, 18000, &v);
	is_int(v.phase, SP_DONE, "skip the last exercise: done");
	ok(session_completed(s), "and complete");
	is_str(outs(s),
	    "start 0.1@0 set 0.1=2@2500 start 0.2@3000 start 0.3@5000 "
	    "set 0.3=1@7000 start 1.1@9000 set 1.1=7@16500 "
	    "end@17000 start 1.2@17000 complete@18000",
	    "partial sets keep what was done; empty ones are not saved");
	d = session_done(s, 0, SIDE_BOTH, &n);
	ok(d != NULL && n == 3 && d[0] == 2 && d[1] == 0 && d[2] == 1,
	    "done [2, 0, 1]: a set left out reads 0");
	d = session_done(s, 1, SIDE_BOTH, &n);
	ok(d != NULL && n == 1 && d[0] == 7, "wall sit [7]");
	session_free(s);
}

static void
test_skip_exercise(void)
{
	struct sess_item	 it[] = {
		{ &st_squat, { .sets = 3, .reps = 5, .rest = 30 } },
		{ &st_lunge, { .sets = 2, .reps = 5, .rest = 30 } },
		{ &st_walk, { .sets = 1, .work = 60, .rounds = 2 } },
	};
	struct sess_plan	 p = plan_of(it, 3);
	struct session		*s;
	struct sess_view	 v;

	s = session_new(&p, 0);
	session_key(s, SK_ENTER, 1000);
	session_key(s, SK_SKIP_EXERCISE, 2000);
	session_view(s, 2000, &v);
	ok(v.phase == SP_REPS && v.item == 1 && v.side == SIDE_LEFT,
	    "skip exercise: the next one at once, no rest");
	session_key(s, SK_ENTER, 3000);
	session_key(s, SK_ENTER, 4000);
	session_key(s, SK_SKIP, 4000);
	session_view(s, 4000, &v);
	ok(v.phase == SP_SWITCH && v.side == SIDE_RIGHT, "switch sides");
	session_key(s, SK_SKIP_EXERCISE, 5000);
	session_view(s, 5000, &v);
	ok(v.phase == SP_READY && v.item == 2, "skip from switch");
	run(s, 5000, 75000, 0);
	session_key(s, SK_SKIP, 75000);
	session_view(s, 75000, &v);
	ok(v.phase == SP_DONE, "skip timed work");
	is_str(outs(s),
	    "start 0.1@0 set 0.1=1@2000 start 1.1L@2000 set 1.1L=2@4000 "
	    "tick3@7000 tick2@8000 tick1@9000 start 2.1@10000 "
	    "tick3@67000 tick2@68000 tick1@69000 start 2.1@70000 "
	    "set 2.1=65@75000 complete@75000",
	    "timed value: seconds of work done");
	session_free(s);
}

static void
test_back(void)
{
	struct sess_item	 it[] = {
		{ &st_squat, { .sets = 1, .reps = 2, .rest = 30 } },
		{ &st_wall, { .sets = 2, .hold = 10, .rest = 30 } },
	};
	struct sess_plan	 p = plan_of(it, 2);
	struct session		*s;
	struct sess_view	 v;
	const int		*d;
	size_t			 n;

	s = session_new(&p, 0);
	session_key(s, SK_BACK, 500);
	session_view(s, 500, &v);
	ok(v.phase == SP_REPS && v.item == 0 && v.rep == 0,
	    "back on the first exercise starts it again");
	session_key(s, SK_ENTER, 1000);
	session_key(s, SK_ENTER, 2000);
	session_view(s, 2000, &v);
	ok(v.phase == SP_REST && v.item == 1, "rest before the wall sit");
	session_key(s, SK_BACK, 3000);
	session_view(s, 3000, &v);
	ok(v.phase == SP_REPS && v.item == 0 && v.set == 1,
	    "back from the rest: the squats again");
	session_key(s, SK_ENTER, 4000);
	session_key(s, SK_ENTER, 5000);
	session_key(s, SK_ENTER, 6000);
	session_view(s, 6000, &v);
	ok(v.phase == SP_READY && v.item == 1, "Enter skips the rest");
	session_key(s, SK_ENTER, 7000);
	run(s, 7000, 17000, 0);
	session_view(s, 17000, &v);
	ok(v.phase == SP_REST && v.set == 2, "rest between wall sits");
	session_key(s, SK_BACK, 18000);
	session_view(s, 18000, &v);
	ok(v.phase == SP_REPS && v.item == 0, "back goes to the previous");
	is_str(outs(s),
	    "start 0.1@0 start 0.1@500 set 0.1=2@2000 start 0.1@3000 "
	    "set 0.1=2@5000 start 1.1@7000 "
	    "tick3@14000 tick2@15000 tick1@16000 set 1.1=10@17000 end@17000 "
	    "start 0.1@18000",
	    "back: each set saved as it ends");
	d = session_done(s, 0, SIDE_BOTH, &n);
	ok(d != NULL && n == 1 && d[0] == 2, "squats [2]");
	session_free(s);
}

static void
test_rest_adjust(void)
{
	struct sess_item	 it[] = {
		{ &st_squat, { .sets = 2, .reps = 1, .rest = 20 } },
	};
	struct sess_plan	 p = plan_of(it, 1);
	struct session		*s;
	struct sess_view	 v;

	extra_wakes = missed = 0;
	s = session_new(&p, 0);
	session_key(s, SK_REST_MORE, 0);
	session_key(s, SK_REST_LESS, 0);
	session_view(s, 0, &v);
	ok(v.phase == SP_REPS && v.rep == 0, "+/- do nothing outside rest");
	session_key(s, SK_ENTER, 1000);
	run(s, 1000, 19000, 0);
	session_key(s, SK_REST_MORE, 19000);
	session_view(s, 19000, &v);
	is_int(v.left_ms, 17000, "+15 s");
	is_int(v.phase_ms, 35000, "the rest is now 35 s");
	is_int(session_next_wake(s, 19000), 20000, "next second");
	session_key(s, SK_REST_MORE, 19500);
	session_key(s, SK_REST_LESS, 19600);
	session_view(s, 19600, &v);
	is_int(v.left_ms, 16400, "+15 -15");
	run(s, 19600, 34000, 0);
	session_key(s, SK_REST_LESS, 34000);
	session_view(s, 34000, &v);
	is_int(v.phase, SP_REPS, "-15 s with 2 s left: rest ends now");
	is_str(outs(s),
	    "start 0.1@0 set 0.1=1@1000 "
	    "tick3@18000 tick2@19000 tick3@33000 tick2@34000 "
	    "start 0.2@34000",
	    "ticks after +15 s; ticks again before the new end");
	session_free(s);
}

static void
test_late(void)
{
	struct sess_item	 it[] = {
		{ &st_wall, { .sets = 2, .hold = 10, .rest = 10 } },
	};
	struct sess_plan	 p = plan_of(it, 1);
	struct session		*s;
	struct sess_view	 v;

	p.ready_secs = 0;
	s = session_new(&p, 0);
	session_advance(s, 8500);
	is_str(outs(s), "start 0.1@0 tick2@8000",
	    "called late: only the latest tick, the missed one is stale");
	session_advance(s, 12500);
	session_view(s, 12500, &v);
	is_int(v.phase, SP_REST, "late past the end: the rest runs");
	is_int(v.left_ms, 7500, "from the hold's deadline, not from now");
	is_int(session_next_wake(s, 12500), 13000, "next second of rest");
	session_advance(s, 12000);
	is_str(outs(s), "set 0.1=10@10000 end@10000",
	    "called early: nothing; outputs keep their deadlines");
	session_advance(s, 60000);
	is_str(outs(s), "start 0.2@20000 set 0.2=10@30000 complete@30000",
	    "30 s late: everything due runs in order, no stale ticks");
	session_view(s, 60000, &v);
	is_int(v.elapsed_ms, 30000, "ended at its deadline");
	session_free(s);
}

/*
 * A scripted person: Enter every SESSION_MANUAL_REP_MS after the reps
 * started; the loop wakes at next_wake() + late(i).
 */
static int64_t
script(struct session *s, int64_t t, int lateness, bool early,
    int64_t *total)
{
	struct sess_view	v;
	int64_t			w, key, l;
	unsigned		seed = 12345;
	int			guard;

	*total = -1;
	for (guard = 0; guard < 100000; guard++) {
		session_view(s, t, &v);
		if (v.phase == SP_DONE)
			break;
		if (*total == -1)
			*total = v.remaining_ms;
		else if (v.phase != SP_REPS || v.tempo_on) {
			if (v.elapsed_ms + v.remaining_ms != *total &&
			    lateness == 0)
				ok(0, "elapsed + remaining %" PRId64 " at %"
				    PRId64, v.elapsed_ms + v.remaining_ms, t);
		}
		w = session_next_wake(s, t);
		if (w < t)
			ok(0, "wake %" PRId64 " before now %" PRId64, w, t);
		if (v.phase == SP_REPS && !v.tempo_on) {
			key = last_start + (int64_t)(v.rep + 1) *
			    SESSION_MANUAL_REP_MS;
			if (key <= w) {
				t = key;
				session_key(s, SK_ENTER, t);
				drain(s);
				continue;
			}
		}
		if (w == INT64_MAX)
			break;
		if (early && w - 300 > t) {
			session_advance(s, w - 300);
			if (drain(s) != 0)
				ok(0, "advance before the wake did something");
		}
		seed = seed * 1103515245 + 12345;
		l = lateness > 0 ? (int64_t)((seed >> 8) % lateness) : 0;
		t = w + l;
		session_advance(s, t);
		drain(s);
	}
	return (t);
}

static void
test_no_drift(void)
{
	struct sess_item	 it[] = {
		{ &st_squat, { .sets = 3, .reps = 10, .rest = 30 } },
		{ &st_tempo_each, { .sets = 2, .reps = 5, .rest = 20 } },
		{ &st_wall, { .sets = 3, .reps = 2, .hold = 20, .relax = 5,
		    .rest = 30 } },
		{ &st_plank, { .sets = 2, .hold = 20, .rest = 15 } },
		{ &st_tempo, { .sets = 2, .reps = 6, .rest = 25 } },
		{ &st_walk, { .sets = 1, .work = 40, .easy = 20,
		    .rounds = 3 } },
	};
	struct sess_plan	 p = plan_of(it, 6);
	struct session		*s;
	struct sess_view	 v;
	char			 exact[sizeof logbuf];
	int64_t			 total, total2, t0 = 123456789;
	const int		*d;
	size_t			 n;

	outs(NULL);
	s = session_new(&p, t0);
	script(s, t0, 0, false, &total);
	session_view(s, 0, &v);
	ok(total > 10 * 60 * 1000, "a session of %" PRId64 " s (> 10 min)",
	    total / 1000);
	is_int(v.elapsed_ms, total,
	    "it took exactly the estimate made at the start");
	ok(session_completed(s), "completed");
	d = session_done(s, 2, SIDE_BOTH, &n);
	ok(d != NULL && n == 3 && d[0] == 40 && d[2] == 40,
	    "holds: 2 x 20 s = 40 s per set");
	d = session_done(s, 5, SIDE_BOTH, &n);
	ok(d != NULL && n == 1 && d[0] == 120, "walk-run: 3 x 40 s of work");
	session_free(s);
	snprintf(exact, sizeof exact, "%s", outs(NULL));
	ok(strstr(exact, "complete@") != NULL, "the log has the end");

	s = session_new(&p, t0);
	script(s, t0, 500, false, &total2);
	is_str(outs(s), exact,
	    "woken up to 499 ms late: every cue at the same deadline");
	session_free(s);

	s = session_new(&p, t0);
	script(s, t0, 0, true, &total2);
	is_str(outs(s), exact, "advance called early too: no change");
	session_free(s);
}

static void
test_misc(void)
{
	struct sess_item	 it[] = {
		{ &st_wall, { .sets = 40, .hold = 1 } },
	};
	struct sess_plan	 p = plan_of(it, 1), empty = plan_of(it, 0);
	struct session		*s;
	struct sess_out		 o;
	struct sess_view	 v;
	int			 n = 0;

	s = session_new(&empty, 0);
	session_view(s, 0, &v);
	ok(v.phase == SP_DONE && session_completed(s), "empty plan: done");
	ok(session_pop(s, &o) && o.kind == SO_COMPLETE, "and complete");
	ok(session_next_wake(s, 0) == INT64_MAX, "no wake");
	session_free(s);
	session_free(NULL);

	p.ready_secs = 0;
	s = session_new(&p, 0);
	session_advance(s, 1000000);
	while (session_pop(s, &o))
		n++;
	is_int(n, 40 * 2 + 1, "80 outputs kept unpopped (queue grows)");
	session_free(s);

	s = session_new(&p, 0);
	session_stop(s, 500);
	ok(session_pop(s, &o) && o.kind == SO_START, "start");
	ok(!session_pop(s, &o), "stop under 1 s of hold saves nothing");
	session_stop(s, 600);
	ok(!session_completed(s), "stopped twice: still not completed");
	session_free(s);

	is_str(session_phase_name(SP_READY), "ready", "phase name");
	is_str(session_phase_name(SP_REST), "rest", "phase name");
	is_str(session_phase_name(SP_DONE), "done", "phase name");
}

static void
test_reopen_empty(void)
{
	struct sess_item	 it[] = {
		{ &st_squat, { .sets = 2, .reps = 1, .rest = 20 } },
	};
	struct sess_plan	 p = plan_of(it, 1);
	struct session		*s;
	const int		*d;
	size_t			 n;

	s = session_new(&p, 0);
	session_key(s, SK_ENTER, 1000);
	session_key(s, SK_UNDO, 2000);
	session_key(s, SK_SKIP, 3000);
	is_str(outs(s), "start 0.1@0 set 0.1=1@1000 set 0.1=0@3000",
	    "a reopened set skipped empty is saved again, as 0");
	d = session_done(s, 0, SIDE_BOTH, &n);
	ok(d != NULL && n == 1 && d[0] == 0, "done [0]");
	session_free(s);
}

/*
 * Random keys at random times over random plans: whatever happens, the
 * wake-ups are never early, late or wasted, outputs come in time order,
 * saved values match session_done(), and the session ends once.
 */
static unsigned	rnd_state = 42;

static unsigned
rnd(unsigned n)
{
	rnd_state = rnd_state * 1103515245 + 12345;
	return ((rnd_state >> 8) % n);
}

static const struct step *const fuzz_steps[] = {
	&st_squat, &st_lunge, &st_wall, &st_plank, &st_walk, &st_tempo,
	&st_tempo_each
};

struct saved {
	int	value;
	bool	set;
};

static void
fuzz_one(int round, int *bad)
{
	struct sess_item	 it[4];
	struct sess_plan	 p;
	struct session		*s;
	struct sess_out		 o;
	struct sess_view	 v;
	struct seen		 a, b;
	struct saved		 sv[4][2][4];
	int64_t			 t = 0, w, last_at = 0, elapsed = 0;
	size_t			 i, n, k, nd;
	int			 steps, completes = 0, j;
	const int		*d;

	memset(it, 0, sizeof it);
	memset(sv, 0, sizeof sv);
	n = 1 + rnd(4);
	for (i = 0; i < n; i++) {
		it[i].step = fuzz_steps[rnd(7)];
		it[i].dose.sets = 1 + rnd(3);
		it[i].dose.reps = rnd(4);
		it[i].dose.hold = 1 + rnd(6);
		it[i].dose.relax = rnd(3);
		it[i].dose.work = 1 + rnd(5);
		it[i].dose.easy = rnd(3);
		it[i].dose.rounds = rnd(3);
		it[i].dose.rest = rnd(3) * 3;
	}
	p = plan_of(it, n);
	p.ready_secs = rnd(4);
	p.switch_secs = rnd(3);
	s = session_new(&p, 0);
	for (steps = 0; steps < 400; steps++) {
		w = session_next_wake(s, t);
		if (w < t)
			(*bad)++, tap_diag("round %d: wake before now", round);
		if (rnd(3) == 0 || w == INT64_MAX) {
			/* A key, some time before the next wake-up. */
			w = t + rnd(w == INT64_MAX ? 4000 :
			    (unsigned)(w - t) + 1);
			if (rnd(60) == 0)
				session_stop(s, w);
			else
				session_key(s, (enum sess_key)rnd(8), w);
		} else {
			see(s, t, &a);
			see(s, w - 1 < t ? t : w - 1, &b);
			if (memcmp(&a, &b, sizeof a) != 0)
				(*bad)++, tap_diag("round %d: change at %"
				    PRId64 " before wake %" PRId64, round,
				    w - 1, w);
			session_advance(s, w);
		}
		t = w;
		while (session_pop(s, &o)) {
			if (o.at < last_at || o.at > t)
				(*bad)++, tap_diag("round %d: output at %"
				    PRId64 " after %" PRId64 ", now %" PRId64,
				    round, o.at, last_at, t);
			last_at = o.at;
			if (o.kind == SO_COMPLETE)
				completes++;
			if (o.kind == SO_SET_DONE) {
				sv[o.item][o.side == SIDE_RIGHT][o.set - 1].value
				    = o.value;
				sv[o.item][o.side == SIDE_RIGHT][o.set - 1].set
				    = true;
			}
		}
		session_view(s, t, &v);
		if (v.elapsed_ms < elapsed || v.remaining_ms < 0 ||
		    v.left_ms < 0 || v.left_ms > v.phase_ms)
			(*bad)++, tap_diag("round %d: view at %" PRId64,
			    round, t);
		elapsed = v.elapsed_ms;
		if (v.phase == SP_DONE)
			break;
	}
	if (completes != (session_completed(s) ? 1 : 0))
		(*bad)++, tap_diag("round %d: %d completes", round, completes);
	for (i = 0; i < n; i++) {
		for (k = 0; k < 2; k++) {
			d = session_done(s, i, k ? SIDE_RIGHT : SIDE_LEFT,
			    &nd);
			for (j = 0; j < 4; j++) {
				if ((size_t)j < nd && d[j] !=
				    (sv[i][k][j].set ? sv[i][k][j].value : 0))
					(*bad)++, tap_diag("round %d: done "
					    "%zu %zu %d", round, i, k, j);
				if ((size_t)j >= nd && sv[i][k][j].set)
					(*bad)++, tap_diag("round %d: saved "
					    "%zu %zu %d not done", round, i,
					    k, j);
			}
		}
	}
	session_free(s);
}

static void
test_fuzz(void)
{
	int	round, bad = 0;

	for (round = 0; round < 2000; round++)
		fuzz_one(round, &bad);
	is_int(bad, 0, "2000 random sessions keep every invariant");
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
	test_skip();
	test_skip_exercise();
	test_back();
	test_rest_adjust();
	test_late();
	test_no_drift();
	test_misc();
	test_reopen_empty();
	test_fuzz();
	return (tap_done());
}
