/*
 * session-timing.c - run the session engine over a scripted session of
 * about 10 minutes with the real monotonic clock, the way the screen's
 * event loop does (sleep in poll() until session_next_wake()), and report
 * how late each cue fired against its deadline, whether anything drifted,
 * how often the loop woke and the CPU it used.
 *
 *	bench/session-timing [-x SPEED] [-S]
 *
 * -x SPEED runs the engine's clock SPEED times faster than real time (a
 * quick look; lateness is still reported in real milliseconds). -S plays
 * the cues through cue.c (the sound worker) as a session would.
 */
#include "config.h"

#include <sys/resource.h>

#include <inttypes.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "catalog.h"
#include "cue.h"
#include "session.h"

static struct exercise	ex_squat = { .id = "squat", .kind = KIND_REPS };
static struct exercise	ex_lunge = {
	.id = "lunge", .kind = KIND_REPS, .sides = SIDES_EACH
};
static struct exercise	ex_wall = { .id = "wall-sit", .kind = KIND_HOLD };
static struct exercise	ex_plank = {
	.id = "side-plank", .kind = KIND_HOLD, .sides = SIDES_EACH
};
static struct exercise	ex_walk = { .id = "walk-run", .kind = KIND_TIMED };

static struct step	st_squat = { .exercise_id = "squat", .ex = &ex_squat };
static struct step	st_lunge = {
	.exercise_id = "lunge", .ex = &ex_lunge, .has_tempo = true,
	.tempo = { 2, 1, 2 }
};
static struct step	st_wall = { .exercise_id = "wall-sit", .ex = &ex_wall };
static struct step	st_plank = {
	.exercise_id = "side-plank", .ex = &ex_plank
};
static struct step	st_walk = { .exercise_id = "walk-run", .ex = &ex_walk };

/* About 10 minutes with reps entered every 3 s. */
static const struct sess_item items[] = {
	{ &st_squat, { .sets = 2, .reps = 10, .rest = 30 } },
	{ &st_lunge, { .sets = 2, .reps = 5, .rest = 30 } },
	{ &st_wall, { .sets = 2, .reps = 2, .hold = 20, .relax = 5,
	    .rest = 30 } },
	{ &st_plank, { .sets = 2, .hold = 20, .rest = 20 } },
	{ &st_walk, { .sets = 1, .work = 30, .easy = 15, .rounds = 2 } },
};

static int64_t	speed = 1;
static int64_t	lates[4096];
static size_t	nlates;
static int64_t	real0;

static int64_t
real_ms(void)
{
	struct timespec	ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (ts.tv_sec * 1000 + ts.tv_nsec / 1000000);
}

static int64_t
real_us(void)
{
	struct timespec	ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (ts.tv_sec * 1000000 + ts.tv_nsec / 1000);
}

/* The engine's clock: real time since the start, SPEED times faster. */
static int64_t
engine_ms(void)
{
	return ((real_us() - real0 * 1000) * speed / 1000);
}

static double
cpu_s(void)
{
	struct rusage	ru;

	getrusage(RUSAGE_SELF, &ru);
	return (ru.ru_utime.tv_sec + ru.ru_stime.tv_sec +
	    (ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e6);
}

static int
cmp64(const void *a, const void *b)
{
	int64_t	x = *(const int64_t *)a, y = *(const int64_t *)b;

	return (x < y ? -1 : x > y);
}

static void
usage(void)
{
	fprintf(stderr, "usage: session-timing [-x SPEED] [-S]\n");
	exit(2);
}

int
main(int argc, char **argv)
{
	struct sess_plan	 plan;
	struct session		*s;
	struct sess_view	 v;
	struct sess_out		 o;
	int64_t			 now, wake, key, start_at = 0, total, late;
	int64_t			 worst = 0, sum = 0, wakes = 0, cues = 0;
	int64_t			 timeout;
	struct timespec		 ts;
	double			 load[3];
	bool			 sound = false;
	double			 cpu0;
	int			 ch;

	while ((ch = getopt(argc, argv, "x:S")) != -1) {
		switch (ch) {
		case 'x':
			speed = strtoll(optarg, NULL, 10);
			if (speed < 1 || speed > 1000)
				usage();
			break;
		case 'S':
			sound = true;
			break;
		default:
			usage();
		}
	}
	cue_init(sound, NULL);

	memset(&plan, 0, sizeof plan);
	plan.items = items;
	plan.nitems = sizeof items / sizeof items[0];
	plan.ready_secs = 5;
	plan.switch_secs = 5;

	real0 = real_ms();
	cpu0 = cpu_s();
	s = session_new(&plan, 0);
	session_view(s, 0, &v);
	total = v.remaining_ms;
	printf("scripted session: %" PRId64 " s planned, clock x%" PRId64
	    ", sound %s\n", total / 1000, speed,
	    cue_mode() == CUE_SOUND ? "on" : "off");

	for (;;) {
		now = engine_ms();
		session_advance(s, now);
		while (session_pop(s, &o)) {
			if (o.kind == SO_START)
				start_at = o.at;
			if (o.kind == SO_SET_DONE)
				continue;
			/* Lateness in real ms: engine ms / speed. */
			late = (now - o.at) / speed;
			if (nlates < sizeof lates / sizeof lates[0])
				lates[nlates++] = now - o.at;
			if (late > worst)
				worst = late;
			sum += late;
			cues++;
			cue_play_out(o.kind);
		}
		session_view(s, now, &v);
		if (v.phase == SP_DONE)
			break;
		wake = session_next_wake(s, now);
		/* The person: Enter every 3 s after the reps start. */
		if (v.phase == SP_REPS && !v.tempo_on) {
			key = start_at + (int64_t)(v.rep + 1) *
			    SESSION_MANUAL_REP_MS;
			if (key <= now) {
				session_key(s, SK_ENTER, key);
				continue;
			}
			if (key < wake)
				wake = key;
		}
		/* Sleep until the wake-up (real microseconds). */
		timeout = (wake * 1000 - (real_us() - real0 * 1000) * speed) /
		    speed;
		if (timeout > 0) {
			ts.tv_sec = timeout / 1000000;
			ts.tv_nsec = (timeout % 1000000) * 1000;
			ppoll(NULL, 0, &ts, NULL);
		}
		wakes++;
	}
	session_view(s, now, &v);
	qsort(lates, nlates, sizeof lates[0], cmp64);
	printf("cues: %" PRId64 ", latest %" PRId64 " ms late, mean %.2f ms",
	    cues, worst, cues ? (double)sum / cues : 0.0);
	if (nlates > 0)
		printf(", median %" PRId64 " ms, 95th %" PRId64 " ms",
		    lates[nlates / 2] / speed, lates[nlates * 95 / 100] / speed);
	printf("\n");
	if (getloadavg(load, 3) == 3)
		printf("load average at the end: %.2f %.2f %.2f\n", load[0],
		    load[1], load[2]);
	printf("drift: ended at %" PRId64 " ms of %" PRId64
	    " ms planned (%+" PRId64 " ms)\n", v.elapsed_ms, total,
	    v.elapsed_ms - total);
	printf("wake-ups: %" PRId64 " in %.1f s (%.2f per second)\n", wakes,
	    (real_ms() - real0) / 1000.0,
	    wakes / ((real_ms() - real0) / 1000.0));
	printf("cpu: %.3f s (%.3f%% of a core)\n", cpu_s() - cpu0,
	    100.0 * (cpu_s() - cpu0) / ((real_ms() - real0) / 1000.0));
	session_free(s);
	cue_shutdown();
	return (worst <= 10 && v.elapsed_ms == total ? 0 : 1);
}
