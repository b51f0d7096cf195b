/*
 * store.c - the history database (SQLite): what every part of the store
 * shares: errors and their exit statuses, statements, closing. Opening is
 * in store-open.c, writing in store-write.c, reading in store-read.c,
 * import and clearances in store-import.c; store-int.h is their private
 * header.
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

void
store_set_err(struct store *st, const char *fmt, ...)
{
	va_list	 ap;
	char	*msg;

	va_start(ap, fmt);
	if (vasprintf(&msg, fmt, ap) < 0)
		fatalx(EX_OSERR, "out of memory");
	va_end(ap);
	free(st->err);
	xasprintf(&st->err, "%s: %s", st->path, msg);
	free(msg);
	st->fault = STORE_FAULT_OTHER;
}

static bool		 store_full(struct store *, int);
static const char	*store_sys_reason(struct store *, int, const char *);
static bool		 store_ro_error(struct store *, int);

/* Turn an SQLite result code into an exit status and an error message. */
int
store_fail(struct store *st, int rc, const char *what)
{
	const char	*msg = st->db != NULL ? sqlite3_errmsg(st->db) :
			    sqlite3_errstr(rc);

	switch (rc & 0xff) {
	case SQLITE_BUSY:
	case SQLITE_LOCKED:
		store_set_err(st, "the history is in use by another rehabit "
		    "(still locked after %d s); try again",
		    (st->busy_ms + 999) / 1000);
		st->fault = STORE_FAULT_BUSY;
		return STORE_EX_TEMPFAIL;
	case SQLITE_CORRUPT:
	case SQLITE_NOTADB:
		store_set_err(st, "the history database is damaged (%s); "
		    "left untouched", msg);
		return STORE_EX_IOERR;
	case SQLITE_CONSTRAINT:
		store_set_err(st, "%s: %s", what, msg);
		return STORE_EX_DATAERR;
	default:
		if (!store_full(st, rc) && store_ro_error(st, rc))
			return STORE_EX_IOERR;
		store_set_err(st, "%s: %s", what, store_sys_reason(st, rc, msg));
		if (store_full(st, rc))
			st->fault = STORE_FAULT_FULL;
		return STORE_EX_IOERR;
	}
}

/*
 * Finish a read: finalize `stmt`; `rc` is the last sqlite3_step() result
 * (a row or the end is fine). Returns 0 or an exit status.
 */
int
store_read_end(struct store *st, sqlite3_stmt *stmt, int rc)
{
	sqlite3_finalize(stmt);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_fail(st, rc, "cannot read the history");
	return 0;
}

/*
 * Why the history cannot be written, from the file system itself: the
 * file system, the folder (SQLite makes its -wal and -shm files there),
 * the file or its -wal and -shm files. NULL when each can be written.
 */
const char *
store_ro_reason(const struct store *st)
{
	static const char *const sfx[] = { "", "-wal", "-shm" };
	static const char *const whom[] = { "the file", STORE_FILE "-wal",
	    STORE_FILE "-shm" };
	static char	 why[64];
	char		*dir, *slash, *p;
	size_t		 i;
	int		 eno = 0;

	dir = xstrdup(st->path);
	if ((slash = strrchr(dir, '/')) == dir)
		slash[1] = '\0';		/* "/history.db" */
	else if (slash != NULL)
		*slash = '\0';
	if (access(slash != NULL ? dir : ".", W_OK | X_OK) == -1)
		eno = errno;
	free(dir);
	if (eno == EROFS)
		return "the file system is mounted read-only";
	if (eno == EACCES || eno == EPERM)
		return "no permission to write in the data folder";
	for (i = 0; i < sizeof sfx / sizeof sfx[0]; i++) {
		xasprintf(&p, "%s%s", st->path, sfx[i]);
		eno = access(p, W_OK) == -1 ? errno : 0;
		free(p);
		if (eno == EROFS)
			return "the file system is mounted read-only";
		if (eno == EACCES || eno == EPERM) {
			snprintf(why, sizeof why, "no permission to write %s",
			    whom[i]);
			return why;
		}
	}
	return NULL;
}

/*
 * Did `rc` fail because the history cannot be written? SQLite says
 * "attempt to write a readonly database", "unable to open database file"
 * or "disk I/O error" when it cannot make or write its -wal and -shm
 * files: ask the file system, and if it agrees say so (fault READONLY).
 */
static bool
store_ro_error(struct store *st, int rc)
{
	const char	*why;
	int		 eno = st->db != NULL ? sqlite3_system_errno(st->db) : 0;

	if ((rc & 0xff) != SQLITE_READONLY && (rc & 0xff) != SQLITE_CANTOPEN &&
	    eno != EROFS && eno != EACCES && eno != EPERM)
		return false;
	if ((why = store_ro_reason(st)) == NULL)
		return false;
	store_set_err(st, "read-only: %s", why);
	st->fault = STORE_FAULT_READONLY;
	return true;
}

/* Did `rc` fail for want of space (SQLite may say "disk I/O error")? */
static bool
store_full(struct store *st, int rc)
{
	int	eno = st->db != NULL ? sqlite3_system_errno(st->db) : 0;

	return (rc & 0xff) == SQLITE_FULL || eno == ENOSPC || eno == EDQUOT;
}

/*
 * Name the cause the person can act on, from the errno of SQLite's last
 * system call.
 */
static const char *
store_sys_reason(struct store *st, int rc, const char *msg)
{
	int	eno = st->db != NULL ? sqlite3_system_errno(st->db) : 0;

	if (store_full(st, rc))
		return "the disk is full; free some space and try again";
	if (eno == EACCES || eno == EPERM)
		return "permission denied (the data folder or the file)";
	return msg;
}

const char *
store_error(const struct store *st)
{
	return st->err != NULL ? st->err : "no error";
}

enum store_fault
store_fault(const struct store *st)
{
	return st->err != NULL ? st->fault : STORE_FAULT_NONE;
}

const char *
store_readonly(const struct store *st)
{
	return st->ro_why;
}

const char *
store_path(const struct store *st)
{
	return st->path;
}

void
store_busy_timeout(struct store *st, int ms)
{
	st->busy_ms = ms;
	if (st->db != NULL)
		sqlite3_busy_timeout(st->db, ms);
}

void
store_free(struct store *st)
{
	int	i;

	if (st == NULL)
		return;
	for (i = 0; i < SQL_COUNT; i++)
		sqlite3_finalize(st->stmt[i]);
	if (st->db != NULL)
		sqlite3_close(st->db);
	free(st->path);
	free(st->err);
	free(st->ro_why);
	free(st);
}

void
store_close(struct store *st)
{
	store_free(st);
}

/* Run SQL with no results. */
int
store_exec(struct store *st, const char *sql)
{
	int	rc;

	rc = sqlite3_exec(st->db, sql, NULL, NULL, NULL);
	if (rc != SQLITE_OK)
		return store_fail(st, rc, "cannot write the history");
	return 0;
}

int
store_prepare(struct store *st, const char *sql, sqlite3_stmt **stmt)
{
	int	rc;

	rc = sqlite3_prepare_v2(st->db, sql, -1, stmt, NULL);
	if (rc != SQLITE_OK) {
		*stmt = NULL;
		return store_fail(st, rc, "cannot read the history");
	}
	return 0;
}

int
store_cached(struct store *st, enum store_sql id, const char *sql,
    sqlite3_stmt **stmt)
{
	int	rc;

	if (st->stmt[id] == NULL &&
	    (rc = store_prepare(st, sql, &st->stmt[id])) != 0)
		return rc;
	*stmt = st->stmt[id];
	return 0;
}

/* Done with a cached statement: ready for the next use. */
void
store_release(sqlite3_stmt *stmt)
{
	sqlite3_reset(stmt);
	sqlite3_clear_bindings(stmt);
}

/* One integer from a query with no parameters, e.g. a PRAGMA. */
int
store_int(struct store *st, const char *sql, int64_t *out)
{
	sqlite3_stmt	*stmt;
	int		 rc;

	if ((rc = store_prepare(st, sql, &stmt)) != 0)
		return rc;
	rc = sqlite3_step(stmt);
	if (rc == SQLITE_ROW)
		*out = sqlite3_column_int64(stmt, 0);
	else if (rc == SQLITE_DONE)
		*out = 0;
	return store_read_end(st, stmt, rc);
}
