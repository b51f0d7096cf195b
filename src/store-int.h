/*
 * store-int.h - private to the store-*.c files: the store itself, and the
 * helpers every part of it uses. Nothing else includes this.
 */
#ifndef REHABIT_STORE_INT_H
#define REHABIT_STORE_INT_H

#include <sqlite3.h>
#include <stdbool.h>
#include <stdint.h>

#include "store.h"

/* Statements run once per set or imported row: prepared once. */
enum store_sql {
	SQL_SESSION_EXISTS,
	SQL_EXERCISE_ROW,
	SQL_SET_ROW,
	SQL_PAIN_ROW,
	SQL_EXERCISE_PAIN,
	SQL_IMPORT_FIND,
	SQL_IMPORT_SESSION,
	SQL_LAST_PAIN,
	SQL_IMPORT_REPORT,
	SQL_COUNT
};

struct store {
	sqlite3		*db;
	sqlite3_stmt	*stmt[SQL_COUNT];
	char		*path;
	char		*err;
	bool		 readonly;
	bool		 empty;		/* read-only and no file: no rows */
	char		*ro_why;	/* opened read-only as it cannot be
					   written: why, "PATH: read-only: ..." */
	enum store_fault fault;		/* of the last error */
	int		 busy_ms;
};

/* store.c */
void	store_set_err(struct store *, const char *, ...)
	    __attribute__((format(printf, 2, 3)));
int	store_fail(struct store *, int rc, const char *what);
int	store_read_end(struct store *, sqlite3_stmt *, int rc);
const char *store_ro_reason(const struct store *);
void	store_free(struct store *);
int	store_exec(struct store *, const char *sql);
int	store_prepare(struct store *, const char *sql, sqlite3_stmt **);
int	store_cached(struct store *, enum store_sql, const char *sql,
	    sqlite3_stmt **);
void	store_release(sqlite3_stmt *);
int	store_int(struct store *, const char *sql, int64_t *out);

/* store-write.c */
int	store_begin(struct store *);
int	store_commit(struct store *);
int	store_rollback(struct store *, int rc);
int	store_step_done(struct store *, sqlite3_stmt *, const char *what);
int	store_check_score(struct store *, int score);
int	store_check_note(struct store *, const char *note);
int	store_exercise_row(struct store *, int64_t session,
	    const char *exercise, enum side, const struct dose *,
	    int64_t *row);
int	store_set_row(struct store *, int64_t row, int set, int value);
int	store_pain_row(struct store *, int64_t session, enum pain_kind,
	    int score, unsigned flags, const char *note, int64_t at,
	    int utc_off, const char *uid);
int	store_exercise_pain_row(struct store *, int64_t session,
	    const char *exercise, enum side, int score, bool any_side);

#endif
