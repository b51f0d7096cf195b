/*
 * store-write.c - recording sessions and pain in the history database,
 * each in one transaction.
 */
#include "config.h"

#include "store-int.h"

#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <sqlite3.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>
#include <time.h>
#include <unistd.h>

#include "paths.h"
#include "xmalloc.h"

/* --- writing ------------------------------------------------------------- */

static int
store_writable(struct store *st)
{
	if (st->ro_why != NULL) {
		free(st->err);
		st->err = xstrdup(st->ro_why);
		st->fault = STORE_FAULT_READONLY;
		return STORE_EX_IOERR;
	}
	if (st->readonly) {
		store_set_err(st, "opened read-only");
		return STORE_EX_IOERR;
	}
	return 0;
}

int
store_begin(struct store *st)
{
	int	rc;

	if ((rc = store_writable(st)) != 0)
		return rc;
	return store_exec(st, "BEGIN IMMEDIATE");
}

int
store_commit(struct store *st)
{
	int	rc;

	if ((rc = store_exec(st, "COMMIT")) != 0)
		sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
	return rc;
}

int
store_rollback(struct store *st, int rc)
{
	sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
	return rc;
}

/* Step a statement that returns no rows, then reset it for reuse. */
int
store_step_done(struct store *st, sqlite3_stmt *stmt, const char *what)
{
	int	rc;

	rc = sqlite3_step(stmt);
	sqlite3_reset(stmt);
	sqlite3_clear_bindings(stmt);
	if (rc != SQLITE_DONE)
		return store_fail(st, rc, what);
	return 0;
}

int
store_check_score(struct store *st, int score)
{
	if (score < 0 || score > 10) {
		store_set_err(st, "pain score %d is not between 0 and 10",
		    score);
		return STORE_EX_DATAERR;
	}
	return 0;
}

static int
store_session_exists(struct store *st, int64_t id)
{
	sqlite3_stmt	*stmt;
	int		 rc;

	if ((rc = store_cached(st, SQL_SESSION_EXISTS, "SELECT 1 FROM session WHERE id = ?",
	    &stmt)) != 0)
		return rc;
	sqlite3_bind_int64(stmt, 1, id);
	rc = sqlite3_step(stmt);
	store_release(stmt);
	if (rc == SQLITE_ROW)
		return 0;
	if (rc == SQLITE_DONE) {
		store_set_err(st, "no session %lld", (long long)id);
		return STORE_EX_DATAERR;
	}
	return store_fail(st, rc, "cannot read the history");
}

int
store_session_begin(struct store *st, const char *routine, int64_t start,
    int utc_off, int64_t *id)
{
	sqlite3_stmt	*stmt;
	int		 rc;

	if ((rc = store_writable(st)) != 0)
		return rc;
	if ((rc = store_prepare(st, "INSERT INTO session (routine, start, "
	    "utc_off) VALUES (?, ?, ?)", &stmt)) != 0)
		return rc;
	sqlite3_bind_text(stmt, 1, routine, -1, SQLITE_STATIC);
	sqlite3_bind_int64(stmt, 2, start);
	sqlite3_bind_int(stmt, 3, utc_off);
	rc = store_step_done(st, stmt, "cannot record the session");
	sqlite3_finalize(stmt);
	if (rc != 0)
		return rc;
	*id = sqlite3_last_insert_rowid(st->db);
	return 0;
}

/* Find or add the row of an exercise and side in a session. */
int
store_exercise_row(struct store *st, int64_t session, const char *exercise,
    enum side side, const struct dose *d, int64_t *row)
{
	sqlite3_stmt	*stmt;
	int		 rc;

	rc = store_cached(st, SQL_EXERCISE_ROW, "INSERT INTO exercise (session, exercise, "
	    "side, sets, reps, hold, relax, work, easy, rounds, rest, level) "
	    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
	    "ON CONFLICT (session, exercise, side) DO UPDATE SET "
	    "sets = excluded.sets, reps = excluded.reps, hold = excluded.hold, "
	    "relax = excluded.relax, work = excluded.work, "
	    "easy = excluded.easy, rounds = excluded.rounds, "
	    "rest = excluded.rest, level = excluded.level "
	    "RETURNING id", &stmt);
	if (rc != 0)
		return rc;
	sqlite3_bind_int64(stmt, 1, session);
	sqlite3_bind_text(stmt, 2, exercise, -1, SQLITE_STATIC);
	sqlite3_bind_int(stmt, 3, side);
	sqlite3_bind_int(stmt, 4, d->sets);
	sqlite3_bind_int(stmt, 5, d->reps);
	sqlite3_bind_int(stmt, 6, d->hold);
	sqlite3_bind_int(stmt, 7, d->relax);
	sqlite3_bind_int(stmt, 8, d->work);
	sqlite3_bind_int(stmt, 9, d->easy);
	sqlite3_bind_int(stmt, 10, d->rounds);
	sqlite3_bind_int(stmt, 11, d->rest);
	sqlite3_bind_int(stmt, 12, d->level);
	rc = sqlite3_step(stmt);
	if (rc == SQLITE_ROW)
		*row = sqlite3_column_int64(stmt, 0);
	store_release(stmt);
	if (rc != SQLITE_ROW)
		return store_fail(st, rc, "cannot record the exercise");
	return 0;
}

int
store_set_row(struct store *st, int64_t row, int set, int value)
{
	sqlite3_stmt	*stmt;
	int		 rc;

	if ((rc = store_cached(st, SQL_SET_ROW, "INSERT OR REPLACE INTO sets (exercise, "
	    "n, value) VALUES (?, ?, ?)", &stmt)) != 0)
		return rc;
	sqlite3_bind_int64(stmt, 1, row);
	sqlite3_bind_int(stmt, 2, set);
	sqlite3_bind_int(stmt, 3, value);
	rc = store_step_done(st, stmt, "cannot record the set");
	store_release(stmt);
	return rc;
}

int
store_set_done(struct store *st, int64_t session, const char *exercise,
    enum side side, const struct dose *prescribed, int set, int value)
{
	int64_t	row;
	int	rc;

	if (set < 1 || value < 0) {
		store_set_err(st, "set %d with value %d is not valid", set,
		    value);
		return STORE_EX_DATAERR;
	}
	if ((rc = store_begin(st)) != 0)
		return rc;
	if ((rc = store_session_exists(st, session)) != 0 ||
	    (rc = store_exercise_row(st, session, exercise, side, prescribed,
	    &row)) != 0 ||
	    (rc = store_set_row(st, row, set, value)) != 0)
		return store_rollback(st, rc);
	return store_commit(st);
}

int
store_session_end(struct store *st, int64_t session, int64_t end,
    bool completed)
{
	sqlite3_stmt	*stmt;
	int		 rc;

	if ((rc = store_writable(st)) != 0)
		return rc;
	if ((rc = store_prepare(st, "UPDATE session SET end = ?, "
	    "completed = ? WHERE id = ?", &stmt)) != 0)
		return rc;
	sqlite3_bind_int64(stmt, 1, end);
	sqlite3_bind_int(stmt, 2, completed);
	sqlite3_bind_int64(stmt, 3, session);
	rc = store_step_done(st, stmt, "cannot record the end of the session");
	sqlite3_finalize(stmt);
	if (rc == 0 && sqlite3_changes(st->db) == 0) {
		store_set_err(st, "no session %lld", (long long)session);
		rc = STORE_EX_DATAERR;
	}
	return rc;
}

/*
 * The pain row itself; the caller holds the transaction. A report on its
 * own gets `uid`, or a new random id when uid is NULL.
 */
int
store_pain_row(struct store *st, int64_t session, enum pain_kind kind,
    int score, unsigned flags, const char *note, int64_t at, int utc_off,
    const char *uid)
{
	sqlite3_stmt	*stmt;
	int		 rc;

	if ((rc = store_cached(st, SQL_PAIN_ROW, "INSERT INTO pain (session, "
	    "kind, score, note, at, utc_off, flags, uid) VALUES (?1, ?2, ?3, "
	    "?4, ?5, ?6, ?7, CASE WHEN ?1 IS NULL THEN coalesce(?8, "
	    "lower(hex(randomblob(8)))) END)", &stmt)) != 0)
		return rc;
	if (session != 0)
		sqlite3_bind_int64(stmt, 1, session);
	sqlite3_bind_int(stmt, 2, kind);
	sqlite3_bind_int(stmt, 3, score);
	if (note != NULL)
		sqlite3_bind_text(stmt, 4, note, -1, SQLITE_STATIC);
	sqlite3_bind_int64(stmt, 5, at);
	sqlite3_bind_int(stmt, 6, utc_off);
	sqlite3_bind_int(stmt, 7, (int)flags);
	if (uid != NULL)
		sqlite3_bind_text(stmt, 8, uid, -1, SQLITE_STATIC);
	rc = store_step_done(st, stmt, "cannot record the pain");
	store_release(stmt);
	return rc;
}

/*
 * A note added to a session's is appended to it, within the one limit
 * every way in checks: else the history would hold a note that its own
 * export could not bring back.
 */
static int
store_note_room(struct store *st, int64_t session, const char *note)
{
	sqlite3_stmt	*stmt;
	int64_t		 have = 0, room;
	int		 rc;

	if ((rc = store_prepare(st, "SELECT length(CAST(note AS BLOB)) FROM "
	    "session WHERE id = ?", &stmt)) != 0)
		return rc;
	sqlite3_bind_int64(stmt, 1, session);
	if ((rc = sqlite3_step(stmt)) == SQLITE_ROW)
		have = sqlite3_column_int64(stmt, 0);
	if ((rc = store_read_end(st, stmt, rc)) != 0)
		return rc;
	/* Appended after "; ". */
	room = STORE_NOTE_MAX - have - (have > 0 ? 2 : 0);
	if ((int64_t)strlen(note) <= room)
		return 0;
	store_set_err(st, "the session's note has room for %lld more bytes "
	    "of the %d a note may hold: write a shorter note",
	    (long long)(room > 0 ? room : 0), STORE_NOTE_MAX);
	st->fault = STORE_FAULT_NOTE_FULL;
	return STORE_EX_DATAERR;
}

/* Red flags and a note said of a session go on the session. */
static int
store_session_flags_note(struct store *st, int64_t session, unsigned flags,
    const char *note)
{
	sqlite3_stmt	*stmt;
	int		 rc;

	if (flags == 0 && (note == NULL || *note == '\0'))
		return 0;
	if (note != NULL && *note != '\0' &&
	    (rc = store_note_room(st, session, note)) != 0)
		return rc;
	if ((rc = store_prepare(st, "UPDATE session SET flags = flags | ?, "
	    "note = CASE WHEN ?2 IS NULL OR ?2 = '' THEN note "
	    "WHEN note IS NULL OR note = '' THEN ?2 "
	    "ELSE note || '; ' || ?2 END WHERE id = ?3", &stmt)) != 0)
		return rc;
	sqlite3_bind_int(stmt, 1, (int)flags);
	if (note != NULL)
		sqlite3_bind_text(stmt, 2, note, -1, SQLITE_STATIC);
	sqlite3_bind_int64(stmt, 3, session);
	rc = store_step_done(st, stmt, "cannot record the pain");
	sqlite3_finalize(stmt);
	return rc;
}

int
store_add_pain(struct store *st, int64_t session, enum pain_kind kind,
    int score, unsigned flags, const char *note, int64_t at, int utc_off)
{
	int	rc;

	if ((rc = store_check_score(st, score)) != 0 ||
	    (rc = store_check_note(st, note)) != 0)
		return rc;
	if ((rc = store_begin(st)) != 0)
		return rc;
	if (session != 0) {
		if ((rc = store_session_exists(st, session)) != 0 ||
		    (rc = store_session_flags_note(st, session, flags,
		    note)) != 0 ||
		    (rc = store_pain_row(st, session, kind, score, 0, NULL, at,
		    utc_off, NULL)) != 0)
			return store_rollback(st, rc);
	} else if ((rc = store_pain_row(st, 0, kind, score, flags, note, at,
	    utc_off, NULL)) != 0)
		return store_rollback(st, rc);
	return store_commit(st);
}

/*
 * any_side: SIDE_BOTH stands for the exercise on whatever sides it was
 * done (the pain form asks per exercise, not per side).
 */
int
store_exercise_pain_row(struct store *st, int64_t session,
    const char *exercise, enum side side, int score, bool any_side)
{
	sqlite3_stmt	*stmt;
	int		 rc;

	if ((rc = store_cached(st, SQL_EXERCISE_PAIN, "UPDATE exercise SET "
	    "pain = ?1 WHERE session = ?2 AND exercise = ?3 AND (side = ?4 "
	    "OR ?5)", &stmt)) != 0)
		return rc;
	sqlite3_bind_int(stmt, 1, score);
	sqlite3_bind_int64(stmt, 2, session);
	sqlite3_bind_text(stmt, 3, exercise, -1, SQLITE_STATIC);
	sqlite3_bind_int(stmt, 4, side);
	sqlite3_bind_int(stmt, 5, any_side && side == SIDE_BOTH);
	rc = store_step_done(st, stmt, "cannot record the pain");
	store_release(stmt);
	if (rc == 0 && sqlite3_changes(st->db) == 0) {
		store_set_err(st, "session %lld has no %s (%s)",
		    (long long)session, exercise, history_side_name(side));
		rc = STORE_EX_DATAERR;
	}
	return rc;
}

int
store_add_exercise_pain(struct store *st, int64_t session,
    const char *exercise, enum side side, int score)
{
	int	rc;

	if ((rc = store_check_score(st, score)) != 0)
		return rc;
	if ((rc = store_begin(st)) != 0)
		return rc;
	if ((rc = store_exercise_pain_row(st, session, exercise, side,
	    score, true)) != 0)
		return store_rollback(st, rc);
	return store_commit(st);
}

int
store_pain_target(struct store *st, enum pain_kind kind, int64_t at,
    int utc_off, int64_t *session)
{
	sqlite3_stmt	*stmt;
	int64_t		 from, to;
	int		 rc;

	*session = 0;
	if (st->empty)
		return 0;
	history_pain_window(kind, at, utc_off, &from, &to);
	if ((rc = store_prepare(st, "SELECT id FROM session WHERE start >= ? "
	    "AND start <= ? ORDER BY start DESC, id DESC LIMIT 1", &stmt)) != 0)
		return rc;
	sqlite3_bind_int64(stmt, 1, from);
	sqlite3_bind_int64(stmt, 2, to);
	rc = sqlite3_step(stmt);
	if (rc == SQLITE_ROW)
		*session = sqlite3_column_int64(stmt, 0);
	return store_read_end(st, stmt, rc);
}

static int
store_record_pain_tx(struct store *st, const struct pain_input *in,
    struct pain_result *res)
{
	const int	 score[3] = { in->during, in->after, in->morning };
	int64_t		 target;
	size_t		 i;
	int		 rc, k;
	bool		 first = true;

	for (k = 0; k < 3; k++) {
		if (score[k] == PAIN_NONE)
			continue;
		target = in->session;
		if (target < 0 && (rc = store_pain_target(st, k, in->at,
		    in->utc_off, &target)) != 0)
			return rc;
		res->target[k] = target;
		if (target != 0) {
			if ((rc = store_session_exists(st, target)) != 0 ||
			    (rc = store_pain_row(st, target, k, score[k], 0,
			    NULL, in->at, in->utc_off, NULL)) != 0)
				return rc;
			if (res->flags_target == -1)
				res->flags_target = target;
			continue;
		}
		/* Standalone: the flags and note go with the first score. */
		if ((rc = store_pain_row(st, 0, k, score[k],
		    first ? in->flags : 0, first ? in->note : NULL, in->at,
		    in->utc_off, NULL)) != 0)
			return rc;
		first = false;
	}
	if (res->flags_target == -1 && first) {
		/* Only flags, a note or exercise pain: the latest session. */
		target = in->session;
		if (target < 0 && (rc = store_pain_target(st, PAIN_AFTER,
		    in->at, in->utc_off, &target)) != 0)
			return rc;
		if (target == 0) {
			store_set_err(st, "no session in the last 24 hours: "
			    "a report on its own needs a pain score");
			return STORE_EX_DATAERR;
		}
		res->flags_target = target;
	}
	if (res->flags_target > 0 && (rc = store_session_flags_note(st,
	    res->flags_target, in->flags, in->note)) != 0)
		return rc;
	for (i = 0; i < in->nex; i++) {
		if (res->flags_target <= 0) {
			store_set_err(st, "pain for an exercise needs a session");
			return STORE_EX_DATAERR;
		}
		if ((rc = store_exercise_pain_row(st, res->flags_target,
		    in->ex[i].exercise, in->ex[i].side, in->ex[i].score,
		    true)) != 0)
			return rc;
	}
	return 0;
}

bool
store_note_valid(const char *s)
{
	const unsigned char	*p = (const unsigned char *)s;
	size_t			 n, i;
	uint32_t		 c;

	if (strlen(s) > STORE_NOTE_MAX)
		return false;
	while (*p != '\0') {
		if (*p < 0x80) {
			if ((*p < 0x20 && *p != '\t' && *p != '\n') ||
			    *p == 0x7f)
				return false;
			p++;
			continue;
		}
		if ((*p & 0xe0) == 0xc0)
			n = 1, c = *p & 0x1f;
		else if ((*p & 0xf0) == 0xe0)
			n = 2, c = *p & 0x0f;
		else if ((*p & 0xf8) == 0xf0)
			n = 3, c = *p & 0x07;
		else
			return false;
		for (i = 1; i <= n; i++) {
			if ((p[i] & 0xc0) != 0x80)
				return false;
			c = (c << 6) | (p[i] & 0x3f);
		}
		/* Overlong forms, surrogates and beyond U+10FFFF. */
		if ((n == 1 && c < 0x80) || (n == 2 && c < 0x800) ||
		    (n == 3 && c < 0x10000) || c > 0x10ffff ||
		    (c >= 0xd800 && c <= 0xdfff))
			return false;
		p += n + 1;
	}
	return true;
}

/* Every way in (a report, the form, an import) checks a note here. */
int
store_check_note(struct store *st, const char *note)
{
	if (note == NULL || store_note_valid(note))
		return 0;
	store_set_err(st, "the note is not UTF-8 text of at most %d bytes "
	    "without control characters", STORE_NOTE_MAX);
	return STORE_EX_DATAERR;
}

int
store_record_pain(struct store *st, const struct pain_input *in,
    struct pain_result *res)
{
	const int	 score[3] = { in->during, in->after, in->morning };
	size_t		 i;
	int		 rc, k;

	res->target[0] = res->target[1] = res->target[2] = -1;
	res->flags_target = -1;
	for (k = 0; k < 3; k++) {
		if (score[k] != PAIN_NONE &&
		    (rc = store_check_score(st, score[k])) != 0)
			return rc;
	}
	for (i = 0; i < in->nex; i++) {
		if ((rc = store_check_score(st, in->ex[i].score)) != 0)
			return rc;
	}
	if (in->flags >= (1u << FLAG_COUNT)) {
		store_set_err(st, "unknown red flag");
		return STORE_EX_DATAERR;
	}
	if ((rc = store_check_note(st, in->note)) != 0)
		return rc;
	if ((rc = store_begin(st)) != 0)
		return rc;
	if ((rc = store_record_pain_tx(st, in, res)) != 0)
		return store_rollback(st, rc);
	return store_commit(st);
}
