/*
 * due.h - which routine is due today, from the library and the history.
 * Pure: the caller gives the time (UTC seconds) and its local offset, so
 * tests can be any day of any week.
 *
 * The rules (documented in rehabit(1), DUE):
 * - A session counts when it was completed or at least one set was done.
 *   Its local day is taken with the offset it was recorded with.
 * - Weeks run Monday to Sunday, local time.
 * - A routine with per_week N is due while fewer than N of its sessions
 *   were done this week and none of them today. per_week 0 is never due.
 * - A strength routine (one with any strength exercise) planned at most
 *   3 times a week is not due the day after any strength session: muscles
 *   need a rest day between strength sessions (doc/CLINICAL.md: 3 sessions a
 *   week). Routines planned more often are meant to be done daily.
 * - A routine is active when one of its sessions counts within the last
 *   DUE_ACTIVE_DAYS days: the person follows one phase at a time, so the
 *   routines they are not doing are not in their plan. An inactive
 *   routine is "not started" (never done) or "lapsed" (done before).
 * - Planned this week: the sum of per_week of the active routines; when
 *   none is active, the per_week of the routine picked.
 * - Listed: home and `due` show the routines the person uses: those done
 *   at least once and those of their own library folder (or of --library
 *   DIR); the rest of the library is behind home's `r`. When no routine
 *   is used yet (a first run with the bundled library alone), all are.
 * - Pick: of the active routines due, the one done least recently, ties
 *   in library order. When none is active (first run, back after a long
 *   break), the first listed routine in library order that would be due
 *   (the library lists phase 1 first). When routines are active but none
 *   is due (rest day, week done, done today), nothing is picked: an
 *   inactive routine is never a fallback.
 * - A routine that depends on a library file with problems (see
 *   catalog_isolate()) is never due.
 * - While a red flag stands (reported in the last two weeks and not
 *   cleared by a physiotherapist: progression_red_flags()), nothing is
 *   due: the routine that would be is "held" instead.
 */
#ifndef REHABIT_DUE_H
#define REHABIT_DUE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "catalog.h"
#include "history.h"

/*
 * A routine done within this many days is one the person is doing. Four
 * weeks: doc/CLINICAL.md says strength is kept fairly well over breaks shorter
 * than four weeks, so after that the routine is no longer current and
 * starting again is a new start.
 */
#define DUE_ACTIVE_DAYS		28

enum due_state {
	DUE_YES,		/* a session is due today */
	DUE_DONE_TODAY,		/* already done today */
	DUE_REST_DAY,		/* a strength session yesterday */
	DUE_WEEK_DONE,		/* this week's sessions are all done */
	DUE_UNPLANNED,		/* per_week 0 */
	DUE_NOT_STARTED,	/* inactive, never done */
	DUE_LAPSED,		/* inactive, not done for DUE_ACTIVE_DAYS */
	DUE_BLOCKED,		/* depends on a library file with problems */
	DUE_RED_FLAG		/* would be due, but a red flag stands */
};

struct due_item {
	const struct routine	*rt;
	int64_t			 last;		/* latest start; 0: never */
	int			 last_off;	/* its local offset */
	int			 week_done;	/* sessions this week */
	bool			 active;	/* done in DUE_ACTIVE_DAYS */
	bool			 listed;	/* used: shown on home, in due */
	enum due_state		 state;
	int64_t			 next;		/* due_next_day(); -1: never */
};

struct due {
	struct due_item	*items;		/* one per routine, library order */
	size_t		 n;
	int		 week_done;	/* sessions of these routines */
	int		 week_planned;	/* sum of per_week */
	size_t		 pick;		/* the routine to start; n: none */
	size_t		 held;		/* would be picked but for a red
					   flag; n: none */
	unsigned	 red_flags;	/* FLAG_* that stand today */
	int64_t		 flag_day;	/* local day of the latest */
};

/* Fill `d` (free it with due_free()). */
void	due_compute(const struct catalog *, const struct history *,
	    int64_t now, int now_off, struct due *d);
void	due_free(struct due *);
/*
 * The routine that may be done soonest (its `next`), of the active ones,
 * or of all when none is active; NULL when none ever may.
 */
const struct due_item *due_next(const struct due *);

/*
 * Whether `rt` may be done on local `day` (DUE_YES) or why not, whether or
 * not it is active; *week_done gets its sessions in day's week.
 *
 * The first local day from `today` on when `rt` may be done (its state
 * would be DUE_YES), whether or not it is active; -1 when never (per_week
 * 0). Everything that names the day of a routine's next session asks it.
 */
enum due_state due_state_on(const struct catalog *, const struct history *,
	    const struct routine *, int64_t day, int *week_done);
int64_t	due_next_day(const struct catalog *, const struct history *,
	    const struct routine *, int64_t today);
/* Whether a session counts as done (completed, or a set done). */
bool	due_session_counts(const struct hist_session *);
/* When a routine was last done, from today: "never", "today", "3 days ago". */
void	due_last_str(const struct due_item *, int64_t today, char *buf,
	    size_t len);
/* Why a routine is (not) due, in a few words: "done today". */
const char	*due_state_text(enum due_state);

/*
 * The session to ask the morning question for: the latest session when it
 * has no morning pain, no morning report came after it, and now is a
 * later local day, at most DUE_MORNING_DAYS days later (after that a
 * morning report would say nothing about that session). Returns its index
 * in h->s, or -1.
 */
#define DUE_MORNING_DAYS	7
long	due_morning_pending(const struct history *, int64_t now,
	    int now_off);

#endif
