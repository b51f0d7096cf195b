/*
 * store-import.c - merging a history file into the database, and the
 * clearances ("I saw a physiotherapist").
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

/* --- import -------------------------------------------------------------- */

static int
store_import_session(struct store *st, const struct hist_session *s,
    bool *merged)
{
	const struct hist_exercise	*e;
	const int			 score[3] = { s->pain_during,
					    s->pain_after, s->pain_morning };
	sqlite3_stmt			*stmt;
	int64_t				 id, row, at;
	size_t				 i, j;
	int				 rc, k;

	for (k = 0; k < 3; k++) {
		if (score[k] != PAIN_NONE &&
		    (rc = store_check_score(st, score[k])) != 0)
			return rc;
	}
	for (i = 0; i < s->nex; i++) {
		if (s->ex[i].pain != PAIN_NONE &&
		    (rc = store_check_score(st, s->ex[i].pain)) != 0)
			return rc;
	}
	if ((rc = store_check_note(st, s->note)) != 0)
		return rc;

	if ((rc = store_cached(st, SQL_IMPORT_FIND, "SELECT 1 FROM session WHERE start = ? "
	    "AND routine = ?", &stmt)) != 0)
		return rc;
	sqlite3_bind_int64(stmt, 1, s->start);
	sqlite3_bind_text(stmt, 2, s->routine, -1, SQLITE_STATIC);
	rc = sqlite3_step(stmt);
	store_release(stmt);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_fail(st, rc, "cannot import the session");
	*merged = rc == SQLITE_ROW;

	if ((rc = store_cached(st, SQL_IMPORT_SESSION, "INSERT INTO session (routine, start, "
	    "utc_off, end, completed, note, flags) VALUES (?, ?, ?, ?, ?, ?, "
	    "?) ON CONFLICT (start, routine) DO UPDATE SET "
	    "utc_off = excluded.utc_off, end = coalesce(excluded.end, end), "
	    "completed = excluded.completed, "
	    "note = coalesce(excluded.note, note), "
	    "flags = flags | excluded.flags RETURNING id", &stmt)) != 0)
		return rc;
	sqlite3_bind_text(stmt, 1, s->routine, -1, SQLITE_STATIC);
	sqlite3_bind_int64(stmt, 2, s->start);
	sqlite3_bind_int(stmt, 3, s->utc_off);
	if (s->end != 0)
		sqlite3_bind_int64(stmt, 4, s->end);
	sqlite3_bind_int(stmt, 5, s->completed);
	if (s->note != NULL)
		sqlite3_bind_text(stmt, 6, s->note, -1, SQLITE_STATIC);
	sqlite3_bind_int(stmt, 7, (int)s->flags);
	rc = sqlite3_step(stmt);
	if (rc == SQLITE_ROW)
		id = sqlite3_column_int64(stmt, 0);
	store_release(stmt);
	if (rc != SQLITE_ROW)
		return store_fail(st, rc, "cannot import the session");

	for (i = 0; i < s->nex; i++) {
		e = &s->ex[i];
		if ((rc = store_exercise_row(st, id, e->exercise, e->side,
		    &e->prescribed, &row)) != 0)
			return rc;
		for (j = 0; j < e->ndone; j++) {
			if ((rc = store_set_row(st, row, (int)j + 1,
			    e->done[j])) != 0)
				return rc;
		}
		if (e->pain != PAIN_NONE && (rc = store_exercise_pain_row(st,
		    id, e->exercise, e->side, e->pain, false)) != 0)
			return rc;
	}

	at = s->end != 0 ? s->end : s->start;
	for (k = 0; k < 3; k++) {
		if (score[k] == PAIN_NONE)
			continue;
		if ((rc = store_cached(st, SQL_LAST_PAIN, "SELECT score FROM pain WHERE "
		    "session = ? AND kind = ? ORDER BY id DESC LIMIT 1",
		    &stmt)) != 0)
			return rc;
		sqlite3_bind_int64(stmt, 1, id);
		sqlite3_bind_int(stmt, 2, k);
		rc = sqlite3_step(stmt);
		/* The same score already counts: nothing to add. */
		if (rc == SQLITE_ROW && sqlite3_column_int(stmt, 0) == score[k])
			rc = SQLITE_OK;
		store_release(stmt);
		if (rc == SQLITE_OK)
			continue;
		if (rc != SQLITE_ROW && rc != SQLITE_DONE)
			return store_fail(st, rc, "cannot import the pain");
		if ((rc = store_pain_row(st, id, k, score[k], 0, NULL, at,
		    s->utc_off, NULL)) != 0)
			return rc;
	}
	return 0;
}

/*
 * A report with an id is the report of that id: replaced. One without (a
 * file from before ids) is new unless the same report is there already.
 */
static int
store_import_report(struct store *st, const struct hist_pain *p, bool *merged)
{
	sqlite3_stmt	*stmt;
	int		 rc;

	if ((rc = store_check_score(st, p->score)) != 0 ||
	    (rc = store_check_note(st, p->note)) != 0)
		return rc;
	if ((rc = store_cached(st, SQL_IMPORT_REPORT, "UPDATE pain SET "
	    "at = ?1, utc_off = ?2, kind = ?3, score = ?4, flags = ?5, "
	    "note = ?6 WHERE session IS NULL AND (uid = ?7 OR (?7 IS NULL "
	    "AND id = (SELECT id FROM pain WHERE session IS NULL AND at = ?1 "
	    "AND kind = ?3 AND score = ?4 AND flags = ?5 AND note IS ?6 "
	    "LIMIT 1)))", &stmt)) != 0)
		return rc;
	sqlite3_bind_int64(stmt, 1, p->at);
	sqlite3_bind_int(stmt, 2, p->utc_off);
	sqlite3_bind_int(stmt, 3, p->kind);
	sqlite3_bind_int(stmt, 4, p->score);
	sqlite3_bind_int(stmt, 5, (int)p->flags);
	if (p->note != NULL)
		sqlite3_bind_text(stmt, 6, p->note, -1, SQLITE_STATIC);
	if (p->uid != NULL)
		sqlite3_bind_text(stmt, 7, p->uid, -1, SQLITE_STATIC);
	rc = store_step_done(st, stmt, "cannot import the pain");
	store_release(stmt);
	if (rc != 0)
		return rc;
	*merged = sqlite3_changes(st->db) > 0;
	if (*merged)
		return 0;
	return store_pain_row(st, 0, p->kind, p->score, p->flags, p->note,
	    p->at, p->utc_off, p->uid);
}

/* --- clearances ---------------------------------------------------------- */

static bool
store_clearance_exists(struct store *st, int64_t at)
{
	sqlite3_stmt	*stmt;
	bool		 found;

	if (store_prepare(st, "SELECT 1 FROM clearance WHERE at = ?1",
	    &stmt) != 0)
		return false;
	sqlite3_bind_int64(stmt, 1, at);
	found = sqlite3_step(stmt) == SQLITE_ROW;
	sqlite3_finalize(stmt);
	return found;
}

static int
store_clearance_row(struct store *st, const struct hist_clearance *c,
    bool *merged)
{
	sqlite3_stmt	*stmt;
	int		 rc;

	if ((rc = store_check_note(st, c->note)) != 0)
		return rc;
	if ((rc = store_prepare(st, "INSERT INTO clearance (at, utc_off, note) "
	    "VALUES (?1, ?2, ?3) ON CONFLICT (at) DO UPDATE SET "
	    "utc_off = ?2, note = ?3", &stmt)) != 0)
		return rc;
	sqlite3_bind_int64(stmt, 1, c->at);
	sqlite3_bind_int(stmt, 2, c->utc_off);
	if (c->note != NULL)
		sqlite3_bind_text(stmt, 3, c->note, -1, SQLITE_STATIC);
	if (merged != NULL)
		*merged = store_clearance_exists(st, c->at);
	rc = store_step_done(st, stmt, "cannot record the clearance");
	sqlite3_finalize(stmt);
	return rc;
}

int
store_add_clearance(struct store *st, int64_t at, int utc_off,
    const char *note)
{
	struct hist_clearance	c = { at, utc_off, (char *)note };
	int			rc;

	if ((rc = store_begin(st)) != 0)
		return rc;
	if ((rc = store_clearance_row(st, &c, NULL)) != 0)
		return store_rollback(st, rc);
	return store_commit(st);
}

int
store_import(struct store *st, const struct history *h,
    struct store_import_stats *stats)
{
	size_t	i;
	bool	merged = false;
	int	rc;

	memset(stats, 0, sizeof *stats);
	if ((rc = store_begin(st)) != 0)
		return rc;
	for (i = 0; i < h->ns; i++) {
		if ((rc = store_import_session(st, &h->s[i], &merged)) != 0)
			return store_rollback(st, rc);
		if (merged)
			stats->sessions_merged++;
		else
			stats->sessions_new++;
	}
	for (i = 0; i < h->np; i++) {
		if ((rc = store_import_report(st, &h->p[i], &merged)) != 0)
			return store_rollback(st, rc);
		if (merged)
			stats->reports_merged++;
		else
			stats->reports_new++;
	}
	for (i = 0; i < h->nc; i++) {
		if ((rc = store_clearance_row(st, &h->c[i], &merged)) != 0)
			return store_rollback(st, rc);
		if (merged)
			stats->clearances_merged++;
		else
			stats->clearances_new++;
	}
	return store_commit(st);
}
