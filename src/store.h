/*
 * store.h - the history database (SQLite): sessions, the sets done in
 * them and pain reports. Every completed set is committed on its own, so a
 * crash loses at most the set in progress.
 *
 * Functions return 0 on success or a sysexits status (74 storage failure,
 * 75 busy, 65 bad data) with the reason in store_error().
 */
#ifndef REHABIT_STORE_H
#define REHABIT_STORE_H

#include <stdbool.h>
#include <stdint.h>

#include "catalog.h"
#include "history.h"

struct store;

/*
 * Open (creating on first use, folder 0700, file 0600) the database in
 * `dir`, or in paths_data_dir() when dir is NULL.
 */
int		 store_open(const char *dir, struct store **out);
void		 store_close(struct store *);
/* The last error, "PATH: reason"; valid until the next call. */
const char	*store_error(const struct store *);
/* When store_open() itself fails (no store to ask). */
const char	*store_open_error(void);

/* A guided session as it happens. */
int	store_session_begin(struct store *, const char *routine,
	    int64_t start, int utc_off, int64_t *id);
int	store_set_done(struct store *, int64_t session,
	    const char *exercise, enum side, const struct dose *prescribed,
	    int set, int value);
int	store_session_end(struct store *, int64_t session, int64_t end,
	    bool completed);

/*
 * Pain: for `session` (0: a standalone report). flags are FLAG_*; note
 * may be NULL. For PAIN_MORNING, store_pain_target() finds the session
 * the report belongs to.
 */
int	store_add_pain(struct store *, int64_t session, enum pain_kind,
	    int score, unsigned flags, const char *note, int64_t at,
	    int utc_off);
int	store_add_exercise_pain(struct store *, int64_t session,
	    const char *exercise, enum side, int score);

/*
 * Load sessions that started at or after `since` (0: all), oldest first,
 * with their sets and pain, and standalone reports from then on.
 */
int	store_load(struct store *, int64_t since, struct history *);

#endif
