/*
 * session.h - the session engine: a pure state machine that walks a
 * prescription (get-ready -> side -> set -> reps, hold or work interval ->
 * rest -> ... -> done). It knows nothing of curses or of the clock: every
 * call takes the current monotonic time in milliseconds, and deadlines are
 * computed from the start of each phase, so nothing drifts.
 *
 * The screen asks session_next_wake() when to look again, calls
 * session_advance() then, draws session_view(), and drains
 * session_pop() for cues and completed sets.
 *
 * The walk, per item of the plan (its kind and sides from item->step->ex,
 * its tempo from item->step, its numbers from item->dose):
 *
 *	for each set, for each side (left then right for `sides: each`):
 *		SP_READY	ready_secs, before holds, timed work and
 *				tempo-paced reps (not before the second side:
 *				SP_SWITCH counts down instead; not before
 *				reps counted by hand)
 *		SP_REPS		Enter counts; or tempo paces and counts itself
 *		SP_HOLD		dose.hold s, dose.reps holds (0 = 1) with
 *				SP_RELAX of dose.relax s between them
 *		SP_WORK		dose.work s, dose.rounds rounds with SP_EASY of
 *				dose.easy s between them
 *		SP_SWITCH	switch_secs, between the left and right side
 *		SP_REST		dose.rest s after each set, also after the
 *				last set of an item before the next item;
 *				none after the last set of the plan
 *	SP_DONE
 *
 * Countdowns of 0 s are left out. What a set's value is: reps done (SP_REPS),
 * seconds held in the set, summed over its holds (SP_HOLD), seconds of work
 * done in the set, summed over its rounds (SP_WORK).
 *
 * Keys (session_key): see enum sess_key. While paused only SK_PAUSE acts.
 * The engine never allocates after session_new() unless more than
 * SESSION_QUEUE outputs are left unpopped.
 */
#ifndef REHABIT_SESSION_H
#define REHABIT_SESSION_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "catalog.h"
#include "history.h"

/* One step of today's session with the dose it runs with. */
struct sess_item {
	const struct step	*step;
	struct dose		 dose;
};

struct sess_plan {
	const struct routine	*routine;	/* may be NULL in tests */
	const struct sess_item	*items;		/* must outlive the session */
	size_t			 nitems;
	int			 ready_secs;	/* get-ready before holds, work */
	int			 switch_secs;	/* switch-sides countdown */
};

enum sess_phase {
	SP_READY,	/* get-ready countdown */
	SP_REPS,	/* counting reps: Enter, or paced by tempo */
	SP_HOLD,	/* holding */
	SP_RELAX,	/* between holds of one set */
	SP_WORK,	/* timed: work interval */
	SP_EASY,	/* timed: easy interval */
	SP_SWITCH,	/* switch sides */
	SP_REST,	/* between sets and exercises */
	SP_DONE
};

enum sess_tempo { TEMPO_DOWN, TEMPO_PAUSE, TEMPO_UP };

enum sess_key {
	SK_ENTER,	/* count a rep; in a countdown before work: start now */
	SK_PAUSE,	/* pause or resume */
	SK_SKIP,	/* a countdown (ready, switch, rest): end it now;
			   a set: end it with what was done */
	SK_SKIP_EXERCISE, /* keep what was done of the set, go to the
			   next item at once (no rest) */
	SK_UNDO,	/* undo the last rep; also just after a set that
			   Enter ended: back into it, one rep fewer */
	SK_BACK,	/* start the previous item again from set 1 (the
			   first item: start it again) */
	SK_REST_MORE,	/* +15 s of rest (SP_REST only) */
	SK_REST_LESS	/* -15 s of rest, never below what has passed */
};

#define SESSION_REST_STEP_MS	15000
/* What a rep counted by hand is reckoned to take, for remaining_ms. */
#define SESSION_MANUAL_REP_MS	3000
/* Outputs kept without allocating. */
#define SESSION_QUEUE		32

/*
 * What the screen draws: a snapshot, valid until the next call.
 *
 * item, set and side are the work in progress, or in SP_READY, SP_SWITCH
 * and SP_REST the work that comes when the countdown ends (after the
 * last set of an item, rest shows the first set of the next item).
 */
struct sess_view {
	enum sess_phase	 phase;
	bool		 paused;
	size_t		 item;		/* index into the plan */
	size_t		 nitems;
	int		 set;		/* 1-based */
	int		 nsets;
	enum side	 side;		/* SIDE_BOTH unless sides: each */
	int		 rep;		/* reps or holds done in this set */
	int		 reps;		/* target: reps, or holds per set */
	bool		 tempo_on;	/* SP_REPS paced by tempo */
	enum sess_tempo	 tempo;		/* SP_REPS with a tempo */
	int		 round;		/* timed: 1-based */
	int		 rounds;
	int		 value;		/* the set's value so far (see top) */
	/*
	 * A countdown (every phase but SP_REPS by hand and SP_DONE; for
	 * tempo reps, the tempo phase): its length and what is left. Show
	 * left_ms rounded up to whole seconds.
	 */
	int64_t		 phase_ms;
	int64_t		 left_ms;
	int64_t		 elapsed_ms;	/* since the start, pauses excluded */
	int64_t		 remaining_ms;	/* estimate of the whole rest */
	size_t		 next_item;	/* the item after `item` (nitems: end) */
};

enum sess_out_kind {
	SO_TICK,	/* 3, 2, 1 s before the end of a countdown */
	SO_END,		/* a countdown ran out into something not work */
	SO_START,	/* work starts: reps, a hold, a work interval */
	SO_SET_DONE,	/* a set (or side of a set) is finished: save it */
	SO_COMPLETE	/* the whole session is done */
};

/*
 * One output. `at` is the moment it belongs to (a deadline, or the time
 * of the key), so a caller can measure how late it acted on it. A tick
 * is left out when advance is called so late that a later event is also
 * due: a burst of stale ticks helps nobody.
 */
struct sess_out {
	enum sess_out_kind	 kind;
	int64_t			 at;
	size_t			 item;
	int			 set;		/* 1-based */
	enum side		 side;
	int			 value;		/* SO_SET_DONE: see top;
						   SO_TICK: seconds left */
};

struct session;

struct session	*session_new(const struct sess_plan *, int64_t now_ms);
void		 session_free(struct session *);
void		 session_key(struct session *, enum sess_key, int64_t now_ms);
/* Run every deadline that has passed by now_ms. */
void		 session_advance(struct session *, int64_t now_ms);
/*
 * End early (the person quits): the set in progress is kept if anything
 * of it was done (SO_SET_DONE), then SP_DONE without SO_COMPLETE.
 */
void		 session_stop(struct session *, int64_t now_ms);
/* True when SP_DONE was reached by the plan's end, not session_stop(). */
bool		 session_completed(const struct session *);
/*
 * When the state or the display next changes (the next deadline or the
 * next whole second of a countdown; the next tempo phase); INT64_MAX when
 * only a key can change anything (counting reps by hand, paused, done).
 * Never earlier than now_ms.
 */
int64_t		 session_next_wake(const struct session *, int64_t now_ms);
void		 session_view(const struct session *, int64_t now_ms,
		    struct sess_view *);
/* Take the oldest pending output; false when there is none. */
bool		 session_pop(struct session *, struct sess_out *);
/*
 * Per set, what was done of an item on a side (SIDE_BOTH for `sides:
 * both`, SIDE_LEFT or SIDE_RIGHT for `each`), up to the last set that
 * was recorded (a set left out in between reads 0); NULL if nothing yet.
 * A set done again (after SK_BACK or SK_UNDO) replaces its value.
 */
const int	*session_done(const struct session *, size_t item,
		    enum side, size_t *nsets);

const char	*session_phase_name(enum sess_phase);

#endif
