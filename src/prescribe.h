/*
 * prescribe.h - today's prescription for a routine, from the history
 * database: reads only the history the progression rules need and runs
 * them. Shared by `plan`, `show`, the session, the home and summary
 * screens, and the progress views (a past session's plan).
 */
#ifndef REHABIT_PRESCRIBE_H
#define REHABIT_PRESCRIBE_H

#include <stddef.h>
#include <stdint.h>

#include "catalog.h"
#include "progression.h"
#include "store.h"

/* Now, and the local offset from UTC now (the only clock read). */
void	prescribe_now(int64_t *now, int *utc_off);

/*
 * Compute the plan for `rt` as of `now`: loads the rules' window (about 7
 * weeks) and, for a step not done since, the session it was last done in.
 * Returns 0, or the store's status (its message in store_error()).
 */
int	prescribe(struct store *, const struct routine *, int64_t now,
	    int utc_off, struct prog_plan *);

/*
 * Whether `rt` may be done today, by the rules of `rehabit due`: when not,
 * adds ADVICE_REST_DAY to the plan with why and the day it may be done
 * next (due_next_day(), the day `due` and the home screen name too).
 * Returns 0, or the store's status.
 */
int	prescribe_next(struct store *, const struct catalog *,
	    const struct routine *, int64_t now, int utc_off,
	    struct prog_plan *);

/*
 * The routine done most recently that the catalog still has, else the
 * library's first; NULL when the library has no routine. Returns the
 * store's status in *rc (0 on success).
 */
const struct routine *prescribe_default_routine(struct store *,
	    const struct catalog *, int *rc);

/*
 * The plan the rules gave for session `si` of `h` (a session of `rt`),
 * with the history as it was just before it: the sessions and pain
 * reports before it that the rules read. `h` is loaded by the caller
 * (review.c, to say why a dose changed); free the plan with
 * progression_free().
 */
void	prescribe_then(const struct history *, const struct routine *,
	    size_t si, struct prog_plan *);

/*
 * One line for a person: "Wall sit: 3 x 35 s hold (Wall sit 45
 * degrees) - up: Pain stayed at 2/10 or less ...". Used by `plan`
 * and the summary screen.
 */
void	prescribe_line(const struct prog_item *, char *buf, size_t len);

/*
 * The words of one piece of advice (ADVICE_*), with what triggered it:
 * see-physio says plainly to stop progressing and see a physiotherapist,
 * cross-train suggests walking, cycling or swimming. For `plan` and the
 * home screen, which make them stand out.
 */
void	prescribe_advice(const struct prog_plan *, unsigned advice,
	    char *buf, size_t len);

#endif
