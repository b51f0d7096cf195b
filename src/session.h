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
	const struct routine	*routine;
	const struct sess_item	*items;
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
	SK_ENTER,	/* count a rep / confirm / start now */
	SK_PAUSE,	/* pause or resume */
	SK_SKIP,	/* skip the rest, else the set */
	SK_SKIP_EXERCISE,
	SK_UNDO,	/* undo the last rep */
	SK_BACK,	/* back to the previous exercise */
	SK_REST_MORE,	/* +15 s of rest */
	SK_REST_LESS	/* -15 s of rest */
};

/* What the screen draws: a snapshot, valid until the next call. */
struct sess_view {
	enum sess_phase	 phase;
	bool		 paused;
	size_t		 item;		/* index into the plan */
	size_t		 nitems;
	int		 set;		/* 1-based */
	int		 nsets;
	enum side	 side;		/* SIDE_BOTH unless sides: each */
	int		 rep;		/* reps or holds done in this set */
	int		 reps;		/* target */
	enum sess_tempo	 tempo;		/* SP_REPS with a tempo */
	int		 round;		/* timed: 1-based */
	int		 rounds;
	int64_t		 phase_ms;	/* length of a timed phase */
	int64_t		 left_ms;	/* left of a timed phase */
	int64_t		 elapsed_ms;	/* since the start, pauses excluded */
	int64_t		 remaining_ms;	/* estimate of the whole rest */
	size_t		 next_item;	/* what comes next (== nitems: end) */
};

enum sess_out_kind {
	SO_TICK,	/* 3, 2, 1 before the end of a timed phase */
	SO_END,		/* a hold, rest or interval ended */
	SO_START,	/* work starts (after get-ready, rest, easy) */
	SO_SET_DONE,	/* a set (or side of a set) is finished: save it */
	SO_COMPLETE	/* the whole session is done */
};

struct sess_out {
	enum sess_out_kind	 kind;
	size_t			 item;
	int			 set;		/* 1-based */
	enum side		 side;
	int			 value;		/* reps done, or seconds held */
};

struct session;

struct session	*session_new(const struct sess_plan *, int64_t now_ms);
void		 session_free(struct session *);
void		 session_key(struct session *, enum sess_key, int64_t now_ms);
/* Run every deadline that has passed by now_ms. */
void		 session_advance(struct session *, int64_t now_ms);
/*
 * When the state or the display next changes (the next deadline or the
 * next whole second of a countdown); INT64_MAX when only a key can change
 * anything (counting reps by hand, paused, done).
 */
int64_t		 session_next_wake(const struct session *, int64_t now_ms);
void		 session_view(const struct session *, int64_t now_ms,
		    struct sess_view *);
/* Take the oldest pending output; false when there is none. */
bool		 session_pop(struct session *, struct sess_out *);
/* Per set, what was done of an item on a side; NULL if nothing yet. */
const int	*session_done(const struct session *, size_t item,
		    enum side, size_t *nsets);

#endif
