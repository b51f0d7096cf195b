/*
 * store-read.c - reading the history database into the structs of
 * history.h.
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

/* --- reading ------------------------------------------------------------- */

/*
 * Sessions are read in (start, id) order. Their exercises, sets and pain
 * are read in the order of their own keys, which needs no sorting and no
 * join, and placed by id: the sessions and exercises read are kept in id
 * order beside the history.
 */
static const char *store_where_all = "1";
static const char *store_where_since = "s.start >= ?1";
static const char *store_where_recent = "s.id IN (SELECT id FROM session "
	"ORDER BY start DESC, id DESC LIMIT ?1)";
static const char *store_where_id = "s.id = ?1";

/* A row read, by its id: the session, and the exercise in it (or -1). */
struct store_ref {
	int64_t	id;
	size_t	s;
	size_t	e;
};

/* What store_read() has placed so far. */
struct store_reading {
	struct history		*h;
	size_t			 first;		/* its first session in h */
	struct store_ref	*sref;		/* sessions, by id */
	size_t			 ns;
	struct store_ref	*eref;		/* exercises, by id */
	size_t			 ne;
	size_t			 nealloc;
	bool			 scan;		/* most sessions: whole tables */
};

static char *
store_col_str(sqlite3_stmt *stmt, int col)
{
	const unsigned char	*s;

	if (sqlite3_column_type(stmt, col) == SQLITE_NULL)
		return NULL;
	s = sqlite3_column_text(stmt, col);
	return xstrdup(s != NULL ? (const char *)s : "");
}

/*
 * A text column of a pooled session: NULL for SQL NULL; `id`: shared with
 * equal ids of the history.
 */
static char *
store_col_pool(sqlite3_stmt *stmt, int col, struct history *h, bool id)
{
	const char	*s;
	size_t		 len;

	if (sqlite3_column_type(stmt, col) == SQLITE_NULL)
		return NULL;
	if ((s = (const char *)sqlite3_column_text(stmt, col)) == NULL)
		s = "";
	len = (size_t)sqlite3_column_bytes(stmt, col);
	return id ? history_pool_id(h, s, len) : history_pool_str(h, s, len);
}

/*
 * A session from the first six columns of a row: id, routine, start,
 * utc_off, end, completed (a session's outline). Its strings and arrays
 * go to the history's pool: a history of years is tens of thousands.
 */
static struct hist_session *
store_session_row(sqlite3_stmt *stmt, struct history *h)
{
	struct hist_session	*s;

	s = history_add_session(h);
	s->pooled = true;
	s->id = sqlite3_column_int64(stmt, 0);
	s->routine = store_col_pool(stmt, 1, h, true);
	if (s->routine == NULL)
		s->routine = history_pool_id(h, "", 0);
	s->start = sqlite3_column_int64(stmt, 2);
	s->utc_off = sqlite3_column_int(stmt, 3);
	s->end = sqlite3_column_int64(stmt, 4);
	s->completed = sqlite3_column_int(stmt, 5) != 0;
	return s;
}

static int
store_ref_cmp(const void *va, const void *vb)
{
	const struct store_ref	*a = va, *b = vb;

	return (a->id > b->id) - (a->id < b->id);
}

/* The session read with this id, or NULL. */
static struct hist_session *
store_find(const struct store_reading *rd, int64_t id)
{
	struct store_ref	 key, *r;

	key.id = id;
	r = bsearch(&key, rd->sref, rd->ns, sizeof *rd->sref, store_ref_cmp);
	return r != NULL ? &rd->h->s[r->s] : NULL;
}

static int
store_query(struct store *st, const char *query, const char *where,
    int64_t arg, sqlite3_stmt **stmt)
{
	const char	*at = strstr(query, "%s");
	char		*sql;
	int		 rc;

	/* Put the WHERE condition in place of the "%s" in the query. */
	xasprintf(&sql, "%.*s%s%s", (int)(at - query), query, where,
	    at + 2);
	rc = store_prepare(st, sql, stmt);
	free(sql);
	if (rc == 0)
		sqlite3_bind_int64(*stmt, 1, arg);
	return rc;
}

static int
store_read_sessions(struct store *st, const char *where, int64_t arg,
    struct store_reading *rd)
{
	struct hist_session	*s;
	sqlite3_stmt		*stmt;
	int64_t			 total;
	size_t			 i;
	int			 rc;

	if ((rc = store_query(st, "SELECT s.id, s.routine, s.start, "
	    "s.utc_off, s.end, s.completed, s.note, s.flags FROM session s "
	    "WHERE %s ORDER BY s.start, s.id", where, arg, &stmt)) != 0)
		return rc;
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		s = store_session_row(stmt, rd->h);
		s->note = store_col_pool(stmt, 6, rd->h, false);
		s->flags = (unsigned)sqlite3_column_int(stmt, 7);
	}
	if ((rc = store_read_end(st, stmt, rc)) != 0)
		return rc;
	rd->ns = rd->h->ns - rd->first;
	rd->sref = xreallocarray(NULL, rd->ns + 1, sizeof *rd->sref);
	for (i = 0; i < rd->ns; i++) {
		rd->sref[i].id = rd->h->s[rd->first + i].id;
		rd->sref[i].s = rd->first + i;
		rd->sref[i].e = 0;
	}
	qsort(rd->sref, rd->ns, sizeof *rd->sref, store_ref_cmp);
	/*
	 * With most of the sessions, a scan of each table in key order
	 * (rows of other sessions skipped) is cheaper than looking up the
	 * rows of each session and sorting them.
	 */
	if (where == store_where_all)
		rd->scan = true;
	else if (rd->ns > 64) {
		if ((rc = store_int(st, "SELECT count(*) FROM session",
		    &total)) != 0)
			return rc;
		rd->scan = (int64_t)rd->ns * 2 >= total;
	}
	return 0;
}

/*
 * The exercises read of one session, until a row of another comes: they
 * then get an array of their exact size in the pool (an array grown by
 * doubling leaves two to three times its size behind it).
 */
struct store_exbuf {
	struct hist_session	*s;
	struct hist_exercise	*v;
	size_t			 n;
	size_t			 alloc;
};

static struct hist_exercise *
store_exbuf_add(struct store_exbuf *b, struct hist_session *s, int64_t id,
    struct store_reading *rd)
{
	struct hist_exercise	*e;
	struct store_ref	*r;

	if (b->n == b->alloc) {
		b->alloc = b->alloc > 0 ? b->alloc * 2 : 16;
		b->v = xreallocarray(b->v, b->alloc, sizeof *b->v);
	}
	e = &b->v[b->n++];
	memset(e, 0, sizeof *e);
	e->pain = PAIN_NONE;
	if (rd->ne == rd->nealloc) {
		rd->nealloc = rd->nealloc > 0 ? rd->nealloc * 2 : 64;
		rd->eref = xreallocarray(rd->eref, rd->nealloc,
		    sizeof *rd->eref);
	}
	/* Where it will be once flushed. */
	r = &rd->eref[rd->ne++];
	r->id = id;
	r->s = (size_t)(s - rd->h->s);
	r->e = s->nex + b->n - 1;
	return e;
}

static void
store_exbuf_flush(struct store_exbuf *b, struct history *h)
{
	struct hist_exercise	*ex;
	struct hist_session	*s = b->s;

	if (s != NULL && b->n > 0) {
		ex = history_pool_alloc(h, (s->nex + b->n) * sizeof *ex);
		/* Rows of it before another session's: rare, copied. */
		if (s->nex > 0)
			memcpy(ex, s->ex, s->nex * sizeof *ex);
		memcpy(ex + s->nex, b->v, b->n * sizeof *ex);
		s->ex = ex;
		s->nex += b->n;
	}
	b->s = NULL;
	b->n = 0;
}

#define STORE_EXERCISE_COLS "e.id, e.session, e.exercise, e.side, e.sets, " \
	"e.reps, e.hold, e.relax, e.work, e.easy, e.rounds, e.rest, " \
	"e.level, e.pain"

/*
 * Exercises in id order: each session's come in the order they were first
 * recorded.
 */
static int
store_read_exercises(struct store *st, const char *where, int64_t arg,
    struct store_reading *rd)
{
	struct store_exbuf	 b;
	struct hist_session	*s;
	struct hist_exercise	*e;
	struct dose		*d;
	sqlite3_stmt		*stmt;
	int			 rc;

	if (rd->scan)
		rc = store_prepare(st, "SELECT " STORE_EXERCISE_COLS " FROM "
		    "exercise e ORDER BY e.id", &stmt);
	else
		rc = store_query(st, "SELECT " STORE_EXERCISE_COLS " FROM "
		    "exercise e WHERE e.session IN (SELECT s.id FROM session s "
		    "WHERE %s) ORDER BY e.id", where, arg, &stmt);
	if (rc != 0)
		return rc;
	memset(&b, 0, sizeof b);
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		s = store_find(rd, sqlite3_column_int64(stmt, 1));
		if (s == NULL)
			continue;
		if (s != b.s) {
			store_exbuf_flush(&b, rd->h);
			b.s = s;
		}
		e = store_exbuf_add(&b, s, sqlite3_column_int64(stmt, 0), rd);
		e->exercise = store_col_pool(stmt, 2, rd->h, true);
		if (e->exercise == NULL)
			e->exercise = history_pool_id(rd->h, "", 0);
		e->side = sqlite3_column_int(stmt, 3);
		if (e->side != SIDE_LEFT && e->side != SIDE_RIGHT)
			e->side = SIDE_BOTH;
		d = &e->prescribed;
		d->sets = sqlite3_column_int(stmt, 4);
		d->reps = sqlite3_column_int(stmt, 5);
		d->hold = sqlite3_column_int(stmt, 6);
		d->relax = sqlite3_column_int(stmt, 7);
		d->work = sqlite3_column_int(stmt, 8);
		d->easy = sqlite3_column_int(stmt, 9);
		d->rounds = sqlite3_column_int(stmt, 10);
		d->rest = sqlite3_column_int(stmt, 11);
		d->level = sqlite3_column_int(stmt, 12);
		if (sqlite3_column_type(stmt, 13) != SQLITE_NULL)
			e->pain = sqlite3_column_int(stmt, 13);
	}
	store_exbuf_flush(&b, rd->h);
	free(b.v);
	return store_read_end(st, stmt, rc);
}

/* The sets of one exercise as they come, until its last. */
struct store_sets {
	struct history		*h;
	struct hist_exercise	*e;
	int			*v;
	size_t			 n;		/* the highest set number */
	size_t			 alloc;
};

/* Set n (1-based); the sets not recorded stay 0. */
static void
store_sets_put(struct store_sets *b, int64_t n, int value)
{
	size_t	i;

	if (n < 1 || n > INT_MAX)
		return;
	if ((size_t)n > b->alloc) {
		i = b->alloc;
		b->alloc = (size_t)n > 2 * b->alloc ? (size_t)n : 2 * b->alloc;
		b->v = xreallocarray(b->v, b->alloc, sizeof *b->v);
		memset(b->v + i, 0, (b->alloc - i) * sizeof *b->v);
	}
	b->v[n - 1] = value;
	if ((size_t)n > b->n)
		b->n = (size_t)n;
}

/* Give the exercise its sets, exactly as many as the highest number. */
static void
store_sets_flush(struct store_sets *b)
{
	if (b->e != NULL && b->n > 0) {
		b->e->done = history_pool_alloc(b->h,
		    b->n * sizeof *b->e->done);
		memcpy(b->e->done, b->v, b->n * sizeof *b->v);
		b->e->ndone = b->n;
		memset(b->v, 0, b->n * sizeof *b->v);
	}
	b->e = NULL;
	b->n = 0;
}

/* Sets in key order (exercise id, n), merged with the exercises read. */
static int
store_read_sets(struct store *st, struct store_reading *rd)
{
	struct store_sets	 b;
	struct store_ref	*r;
	sqlite3_stmt		*stmt;
	size_t			 k = 0;
	int64_t			 ex;
	int			 rc;

	if (rd->ne == 0)
		return 0;
	if ((rc = store_prepare(st, "SELECT x.exercise, x.n, x.value FROM "
	    "sets x WHERE x.exercise BETWEEN ?1 AND ?2 ORDER BY x.exercise, "
	    "x.n", &stmt)) != 0)
		return rc;
	sqlite3_bind_int64(stmt, 1, rd->eref[0].id);
	sqlite3_bind_int64(stmt, 2, rd->eref[rd->ne - 1].id);
	memset(&b, 0, sizeof b);
	b.h = rd->h;
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		ex = sqlite3_column_int64(stmt, 0);
		while (k < rd->ne && rd->eref[k].id < ex)
			k++;
		if (k == rd->ne)
			break;
		if (rd->eref[k].id != ex)
			continue;
		r = &rd->eref[k];
		if (b.e != &rd->h->s[r->s].ex[r->e]) {
			store_sets_flush(&b);
			b.e = &rd->h->s[r->s].ex[r->e];
		}
		store_sets_put(&b, sqlite3_column_int64(stmt, 1),
		    sqlite3_column_int(stmt, 2));
	}
	store_sets_flush(&b);
	free(b.v);
	if (rc == SQLITE_ROW)
		rc = SQLITE_DONE;
	return store_read_end(st, stmt, rc);
}

/* Session pain in id order: the last score recorded of each kind counts. */
static int
store_read_pain(struct store *st, const char *where, int64_t arg,
    struct store_reading *rd)
{
	struct hist_session	*s;
	sqlite3_stmt		*stmt;
	int			 rc, score;

	if (rd->scan)
		rc = store_prepare(st, "SELECT p.session, p.kind, p.score, "
		    "p.flags FROM pain p WHERE p.session IS NOT NULL ORDER BY "
		    "p.id", &stmt);
	else
		rc = store_query(st, "SELECT p.session, p.kind, p.score, "
		    "p.flags FROM pain p WHERE p.session IN (SELECT s.id FROM "
		    "session s WHERE %s) ORDER BY p.id", where, arg, &stmt);
	if (rc != 0)
		return rc;
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		s = store_find(rd, sqlite3_column_int64(stmt, 0));
		if (s == NULL)
			continue;
		score = sqlite3_column_int(stmt, 2);
		switch (sqlite3_column_int(stmt, 1)) {
		case PAIN_DURING:
			s->pain_during = score;
			break;
		case PAIN_AFTER:
			s->pain_after = score;
			break;
		default:
			s->pain_morning = score;
			break;
		}
		s->flags |= (unsigned)sqlite3_column_int(stmt, 3);
	}
	return store_read_end(st, stmt, rc);
}


static int
store_read_reports(struct store *st, int64_t since, int64_t limit,
    bool newest, struct history *h)
{
	struct hist_pain	*p, tmp;
	sqlite3_stmt		*stmt;
	size_t			 first = h->np, i, j;
	int			 rc;

	if ((rc = store_prepare(st, newest ?
	    "SELECT at, utc_off, kind, score, flags, note, uid FROM pain "
	    "WHERE session IS NULL AND at >= ?1 ORDER BY at DESC, id DESC "
	    "LIMIT ?2" :
	    "SELECT at, utc_off, kind, score, flags, note, uid FROM pain "
	    "WHERE session IS NULL AND at >= ?1 ORDER BY at, id LIMIT ?2",
	    &stmt)) != 0)
		return rc;
	sqlite3_bind_int64(stmt, 1, since);
	sqlite3_bind_int64(stmt, 2, limit);
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		p = history_add_pain(h);
		p->at = sqlite3_column_int64(stmt, 0);
		p->utc_off = sqlite3_column_int(stmt, 1);
		p->kind = sqlite3_column_int(stmt, 2);
		if (p->kind != PAIN_DURING && p->kind != PAIN_AFTER)
			p->kind = PAIN_MORNING;
		p->score = sqlite3_column_int(stmt, 3);
		p->flags = (unsigned)sqlite3_column_int(stmt, 4);
		p->note = store_col_str(stmt, 5);
		p->uid = store_col_str(stmt, 6);
	}
	if ((rc = store_read_end(st, stmt, rc)) != 0)
		return rc;
	if (newest && h->np > first) {
		for (i = first, j = h->np - 1; i < j; i++, j--) {
			tmp = h->p[i];
			h->p[i] = h->p[j];
			h->p[j] = tmp;
		}
	}
	return 0;
}

static int
store_read_clearances(struct store *st, struct history *h)
{
	struct hist_clearance	*c;
	sqlite3_stmt		*stmt;
	int			 rc;

	if ((rc = store_prepare(st, "SELECT at, utc_off, note FROM clearance "
	    "ORDER BY at", &stmt)) != 0)
		return rc;
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		c = history_add_clearance(h);
		c->at = sqlite3_column_int64(stmt, 0);
		c->utc_off = sqlite3_column_int(stmt, 1);
		c->note = store_col_str(stmt, 2);
	}
	return store_read_end(st, stmt, rc);
}

/*
 * Sessions before `before` as outlines: what counting sessions by week
 * needs (id, routine, start, offset, end, completed), in (start, id)
 * order, without their exercises, sets, pain, note or flags.
 */
static int
store_read_outlines(struct store *st, int64_t before, struct history *h)
{
	sqlite3_stmt	*stmt;
	int		 rc;

	if ((rc = store_prepare(st, "SELECT id, routine, start, utc_off, "
	    "end, completed FROM session WHERE start < ?1 ORDER BY start, id",
	    &stmt)) != 0)
		return rc;
	sqlite3_bind_int64(stmt, 1, before);
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		store_session_row(stmt, h);
	}
	return store_read_end(st, stmt, rc);
}

/* In a read transaction the caller ends (with COMMIT, or on failure here). */
static int
store_read(struct store *st, const char *where, int64_t arg,
    struct history *h)
{
	struct store_reading	rd;
	int			rc;

	memset(&rd, 0, sizeof rd);
	rd.h = h;
	rd.first = h->ns;
	if ((rc = store_read_sessions(st, where, arg, &rd)) == 0 &&
	    (rc = store_read_exercises(st, where, arg, &rd)) == 0 &&
	    (rc = store_read_sets(st, &rd)) == 0)
		rc = store_read_pain(st, where, arg, &rd);
	free(rd.sref);
	free(rd.eref);
	return rc != 0 ? store_rollback(st, rc) : 0;
}

/* Read `where` (and the outlines before `outlines`, if not 0) in one
 * transaction, with the standalone reports from `since` on. */
static int
store_load_where(struct store *st, const char *where, int64_t arg,
    int64_t outlines, int64_t since, int64_t limit, bool newest,
    struct history *h)
{
	size_t	first;
	int	rc;

	if ((rc = store_exec(st, "BEGIN")) != 0)
		return rc;
	if (outlines != 0 &&
	    (rc = store_read_outlines(st, outlines, h)) != 0)
		return store_rollback(st, rc);
	first = h->ns;
	if ((rc = store_read(st, where, arg, h)) != 0)
		return rc;
	/* The newest n reports no older than the oldest of n sessions. */
	if (newest && h->ns - first == (size_t)limit)
		since = h->s[first].start;
	if (limit > 0)
		rc = store_read_reports(st, since, limit, newest, h);
	/* Few, and any of them may lift a red flag: all of them. */
	if (rc == 0 && limit > 0)
		rc = store_read_clearances(st, h);
	sqlite3_exec(st->db, "COMMIT", NULL, NULL, NULL);
	return rc;
}

int
store_load(struct store *st, int64_t since, struct history *h)
{
	if (st->empty)
		return 0;
	if (since == 0)
		return store_load_where(st, store_where_all, 0, 0, INT64_MIN,
		    INT64_MAX, false, h);
	return store_load_where(st, store_where_since, since, 0, since,
	    INT64_MAX, false, h);
}

int
store_load_outlined(struct store *st, int64_t since, struct history *h)
{
	if (since == 0)
		return store_load(st, 0, h);
	if (st->empty)
		return 0;
	return store_load_where(st, store_where_since, since, since, since,
	    INT64_MAX, false, h);
}

int
store_load_recent(struct store *st, size_t n, struct history *h)
{
	if (st->empty || n == 0)
		return 0;
	if (n > INT64_MAX)
		n = INT64_MAX;
	return store_load_where(st, store_where_recent, (int64_t)n, 0,
	    INT64_MIN, (int64_t)n, true, h);
}

int
store_load_session(struct store *st, int64_t id, struct history *h)
{
	size_t	first = h->ns;
	int	rc;

	if (!st->empty && (rc = store_load_where(st, store_where_id, id, 0,
	    0, 0, false, h)) != 0)
		return rc;
	if (h->ns == first) {
		store_set_err(st, "no session %lld", (long long)id);
		return EX_NOINPUT;
	}
	return 0;
}

int
store_last_start(struct store *st, const char *routine, const char *exercise,
    int64_t *start)
{
	sqlite3_stmt	*stmt;
	int		 rc;

	*start = 0;
	if (st->empty)
		return 0;
	/* Newest first along session_start: stops at the first match. */
	if ((rc = store_prepare(st, "SELECT s.start FROM session s"
	    " WHERE s.routine = ?1 AND EXISTS (SELECT 1 FROM exercise e"
	    " WHERE e.session = s.id AND e.exercise = ?2)"
	    " ORDER BY s.start DESC LIMIT 1", &stmt)) != 0)
		return rc;
	sqlite3_bind_text(stmt, 1, routine, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 2, exercise, -1, SQLITE_STATIC);
	rc = sqlite3_step(stmt);
	if (rc == SQLITE_ROW)
		*start = sqlite3_column_int64(stmt, 0);
	return store_read_end(st, stmt, rc);
}
