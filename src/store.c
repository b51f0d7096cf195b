/*
 * store.c - the history database (SQLite).
 *
 * Opening is careful because the file is a person's health record: the
 * file is read with plain read() and then through a read-only connection
 * before any write connection exists, so a damaged or foreign file, or one
 * from a newer rehabit, is refused byte-for-byte untouched.
 */
#include "config.h"

#include "store.h"

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

static char		*store_open_err;
static enum store_fault	 store_open_fault;

/*
 * Schema version 1, the first released one. Kept here so the migration
 * from it stays tested (tests/unit/test-store.c builds a version-1 file
 * with it). Version 1 had no red flags on sessions and none of the
 * indexes that let `log` and progression read only recent history.
 */
const char store_schema_v1[] =
	"CREATE TABLE session ("
	" id INTEGER PRIMARY KEY,"
	" routine TEXT NOT NULL,"
	" start INTEGER NOT NULL,"
	" utc_off INTEGER NOT NULL DEFAULT 0,"
	" end INTEGER,"
	" completed INTEGER NOT NULL DEFAULT 0,"
	" note TEXT);"
	"CREATE TABLE exercise ("
	" id INTEGER PRIMARY KEY,"
	" session INTEGER NOT NULL REFERENCES session(id) ON DELETE CASCADE,"
	" exercise TEXT NOT NULL,"
	" side INTEGER NOT NULL,"
	" sets INTEGER NOT NULL DEFAULT 0, reps INTEGER NOT NULL DEFAULT 0,"
	" hold INTEGER NOT NULL DEFAULT 0, relax INTEGER NOT NULL DEFAULT 0,"
	" work INTEGER NOT NULL DEFAULT 0, easy INTEGER NOT NULL DEFAULT 0,"
	" rounds INTEGER NOT NULL DEFAULT 0, rest INTEGER NOT NULL DEFAULT 0,"
	" level INTEGER NOT NULL DEFAULT 0,"
	" pain INTEGER,"
	" UNIQUE (session, exercise, side));"
	"CREATE TABLE sets ("
	" exercise INTEGER NOT NULL REFERENCES exercise(id) ON DELETE CASCADE,"
	" n INTEGER NOT NULL,"
	" value INTEGER NOT NULL,"
	" PRIMARY KEY (exercise, n)) WITHOUT ROWID;"
	"CREATE TABLE pain ("
	" id INTEGER PRIMARY KEY,"
	" session INTEGER REFERENCES session(id) ON DELETE CASCADE,"
	" kind INTEGER NOT NULL,"
	" score INTEGER NOT NULL,"
	" note TEXT,"
	" at INTEGER NOT NULL,"
	" utc_off INTEGER NOT NULL DEFAULT 0,"
	" flags INTEGER NOT NULL DEFAULT 0);";

/* From version 1 to 2: red flags on sessions, indexes for recent reads. */
static const char store_migrate_v2[] =
	"ALTER TABLE session ADD COLUMN flags INTEGER NOT NULL DEFAULT 0;"
	"CREATE UNIQUE INDEX session_start ON session (start, routine);"
	"CREATE INDEX pain_session ON pain (session, at);";

/*
 * From version 2 to 3: every report on its own gets an id that export and
 * import carry, so two reports made in the same second stay two.
 */
static const char store_migrate_v3[] =
	"ALTER TABLE pain ADD COLUMN uid TEXT;"
	"UPDATE pain SET uid = lower(hex(randomblob(8))) WHERE session IS NULL;"
	"CREATE UNIQUE INDEX pain_uid ON pain (uid);";

/* From version 3 to 4: "I saw a physiotherapist" (pain --cleared). */
static const char store_migrate_v4[] =
	"CREATE TABLE clearance ("
	" at INTEGER PRIMARY KEY,"
	" utc_off INTEGER NOT NULL DEFAULT 0,"
	" note TEXT);";

static const char *store_migrations[STORE_SCHEMA_VERSION] = {
	store_schema_v1,	/* 0 -> 1 */
	store_migrate_v2,	/* 1 -> 2 */
	store_migrate_v3,	/* 2 -> 3 */
	store_migrate_v4,	/* 3 -> 4 */
};

static void
store_set_err(struct store *st, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static void
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
static const char	*store_ro_reason(const struct store *);
static bool		 store_ro_error(struct store *, int);
static int		 store_check_note(struct store *, const char *);

/* Turn an SQLite result code into an exit status and an error message. */
static int
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
static int
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
static const char *
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
store_open_error(void)
{
	return store_open_err != NULL ? store_open_err : "no error";
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

static void
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
static int
store_exec(struct store *st, const char *sql)
{
	int	rc;

	rc = sqlite3_exec(st->db, sql, NULL, NULL, NULL);
	if (rc != SQLITE_OK)
		return store_fail(st, rc, "cannot write the history");
	return 0;
}

static int
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

static int
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
static void
store_release(sqlite3_stmt *stmt)
{
	sqlite3_reset(stmt);
	sqlite3_clear_bindings(stmt);
}

/* One integer from a query with no parameters, e.g. a PRAGMA. */
static int
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

/* --- opening ------------------------------------------------------------- */

static int
store_open_fail(struct store *st, int status)
{
	free(store_open_err);
	store_open_err = xstrdup(store_error(st));
	store_open_fault = st->fault;
	store_free(st);
	return status;
}

/*
 * Health data is kept only in a folder and files of the person running
 * rehabit: one another user owns could be read or changed by them (as
 * ssh refuses a key file others own). `what` names it in the refusal.
 */
static int
store_check_owner(struct store *st, const struct stat *sb, const char *what)
{
	if (sb->st_uid == geteuid())
		return 0;
	store_set_err(st, "refused: %s is owned by uid %u, not by you (uid "
	    "%u), so others could read or change your health data; make it "
	    "yours (chown) or use another --data-dir", what,
	    (unsigned)sb->st_uid, (unsigned)geteuid());
	return STORE_EX_IOERR;
}

/*
 * The folder: created 0700, and tightened to 0700 if it is ours and was
 * open to others (health data); refused if it is not ours.
 */
static int
store_prepare_dir(struct store *st, const char *dir, bool create)
{
	struct stat	sb;

	if (create && paths_mkdir_private(dir) == -1) {
		store_set_err(st, "cannot create the folder %s: %s", dir,
		    strerror(errno));
		if (errno == EROFS || errno == EACCES || errno == EPERM)
			st->fault = STORE_FAULT_READONLY;
		return STORE_EX_IOERR;
	}
	if (stat(dir, &sb) == -1) {
		if (!create && errno == ENOENT)
			return 0;
		store_set_err(st, "%s: %s", dir, strerror(errno));
		return STORE_EX_IOERR;
	}
	if (!S_ISDIR(sb.st_mode)) {
		store_set_err(st, "%s is not a folder", dir);
		return STORE_EX_IOERR;
	}
	if (store_check_owner(st, &sb, "the data folder") != 0)
		return STORE_EX_IOERR;
	if (create && (sb.st_mode & 077) != 0)
		(void)chmod(dir, sb.st_mode & 0700);
	return 0;
}

/*
 * Look at the file with plain system calls: is it there, a regular file,
 * empty (ours, created and not yet written), or an SQLite file? Sets
 * *exists and *empty. Tightens a too open mode on our own file.
 */
static int
store_check_file(struct store *st, bool fix_mode, bool *exists, bool *empty)
{
	static const char	 magic[16] = "SQLite format 3";
	char			 hdr[100];
	struct stat		 sb;
	ssize_t			 n;
	int			 fd;

	*exists = *empty = false;
	fd = paths_open_file(st->path, O_RDONLY, 0, &sb);
	if (fd == -1 && errno == ENOENT)
		return 0;
	if (fd < 0) {
		store_set_err(st, "%s", fd == PATHS_NOT_REGULAR ? "not a "
		    "regular file; left untouched" : strerror(errno));
		return STORE_EX_IOERR;
	}
	*exists = true;
	if (store_check_owner(st, &sb, "the file") != 0) {
		close(fd);
		return STORE_EX_IOERR;
	}
	n = read(fd, hdr, sizeof hdr);
	if (n == -1) {
		store_set_err(st, "%s", strerror(errno));
		close(fd);
		return STORE_EX_IOERR;
	}
	if (n == 0) {
		*empty = true;
	} else if ((size_t)n < sizeof hdr ||
	    memcmp(hdr, magic, sizeof magic) != 0) {
		close(fd);
		store_set_err(st, "not a rehabit history database (not an "
		    "SQLite file); left untouched");
		return STORE_EX_IOERR;
	}
	if (fix_mode && (sb.st_mode & 077) != 0)
		(void)fchmod(fd, 0600);
	close(fd);
	return 0;
}

/* "file:PATH?QUERY", PATH %-escaped where a URI needs it. */
static char *
store_uri(const char *path, const char *query)
{
	static const char	 keep[] = "/-._~";
	char			*uri, *p;
	const unsigned char	*c;

	uri = xmalloc(strlen("file:") + 3 * strlen(path) + 1 +
	    strlen(query) + 1);
	p = uri + sprintf(uri, "file:");
	for (c = (const unsigned char *)path; *c != '\0'; c++) {
		if ((*c >= 'a' && *c <= 'z') || (*c >= 'A' && *c <= 'Z') ||
		    (*c >= '0' && *c <= '9') || strchr(keep, *c) != NULL)
			*p++ = (char)*c;
		else
			p += sprintf(p, "%%%02X", *c);
	}
	sprintf(p, "?%s", query);
	return uri;
}

/*
 * Through a read-only connection: rehabit's application id (or a blank
 * database), a schema this rehabit knows, and (before writing) a clean
 * PRAGMA quick_check. Leaves st->db open read-only. `immutable`: tell
 * SQLite the file cannot change, so that it reads it without its -shm
 * file (see store_open_ro()).
 */
static int
store_check_db(struct store *st, bool immutable, bool quick_check,
    int64_t *schema)
{
	sqlite3_stmt	*stmt;
	const char	*res;
	char		*uri;
	int64_t		 appid, version, nobj;
	int		 rc;

	/* One thread per connection: no mutex around every column read. */
	if (immutable) {
		uri = store_uri(st->path, "immutable=1");
		rc = sqlite3_open_v2(uri, &st->db, SQLITE_OPEN_READONLY |
		    SQLITE_OPEN_URI | SQLITE_OPEN_NOMUTEX, NULL);
		free(uri);
	} else
		rc = sqlite3_open_v2(st->path, &st->db, SQLITE_OPEN_READONLY |
		    SQLITE_OPEN_NOMUTEX, NULL);
	if (rc != SQLITE_OK)
		return store_fail(st, rc, "cannot open the history");
	sqlite3_busy_timeout(st->db, st->busy_ms);
	if ((rc = store_int(st, "PRAGMA application_id", &appid)) != 0 ||
	    (rc = store_int(st, "PRAGMA user_version", &version)) != 0 ||
	    (rc = store_int(st, "SELECT count(*) FROM sqlite_master",
	    &nobj)) != 0) {
		return rc;
	}
	/*
	 * A reader goes through each table once: a small page cache is
	 * reused, where the default 2 MB takes a new page of memory (a page
	 * fault, ~10 us on a VM) for every page of a history of years.
	 * After the reads above: it reads the schema, and so would wait for
	 * a lock a second time, unreported (two busy timeouts, not one).
	 */
	(void)sqlite3_exec(st->db, "PRAGMA cache_size = 50", NULL, NULL,
	    NULL);
	if (appid != STORE_APPLICATION_ID &&
	    !(appid == 0 && version == 0 && nobj == 0)) {
		store_set_err(st, "not a rehabit history database (another "
		    "program's SQLite file); left untouched");
		return STORE_EX_IOERR;
	}
	*schema = version;
	if (version > STORE_SCHEMA_VERSION) {
		store_set_err(st, "written by a newer rehabit (history schema "
		    "%lld, this rehabit knows up to %d); update rehabit to "
		    "use it", (long long)version, STORE_SCHEMA_VERSION);
		return STORE_EX_IOERR;
	}
	if (!quick_check)
		return 0;
	if ((rc = store_prepare(st, "PRAGMA quick_check(1)", &stmt)) != 0)
		return rc;
	rc = sqlite3_step(stmt);
	if (rc != SQLITE_ROW) {
		sqlite3_finalize(stmt);
		return store_fail(st, rc, "cannot check the history");
	}
	res = (const char *)sqlite3_column_text(stmt, 0);
	if (res == NULL || strcmp(res, "ok") != 0) {
		store_set_err(st, "the history database is damaged (PRAGMA "
		    "quick_check failed); left untouched");
		sqlite3_finalize(stmt);
		return STORE_EX_IOERR;
	}
	sqlite3_finalize(stmt);
	return 0;
}

/* Create the schema or bring an older one up to date, in one transaction. */
static int
store_migrate(struct store *st)
{
	int64_t	 appid, version;
	char	*sql;
	int	 rc, v;

	if ((rc = store_exec(st, "BEGIN IMMEDIATE")) != 0)
		return rc;
	/* Another rehabit may have created or migrated it meanwhile. */
	if ((rc = store_int(st, "PRAGMA application_id", &appid)) != 0 ||
	    (rc = store_int(st, "PRAGMA user_version", &version)) != 0)
		goto fail;
	if (version > STORE_SCHEMA_VERSION || (appid != 0 &&
	    appid != STORE_APPLICATION_ID)) {
		store_set_err(st, "changed by another program while opening; "
		    "left untouched");
		rc = STORE_EX_IOERR;
		goto fail;
	}
	for (v = (int)version; v < STORE_SCHEMA_VERSION; v++) {
		if ((rc = store_exec(st, store_migrations[v])) != 0)
			goto fail;
	}
	if (version < STORE_SCHEMA_VERSION) {
		xasprintf(&sql, "PRAGMA application_id = %d;"
		    "PRAGMA user_version = %d", STORE_APPLICATION_ID,
		    STORE_SCHEMA_VERSION);
		rc = store_exec(st, sql);
		free(sql);
		if (rc != 0)
			goto fail;
	}
	return store_exec(st, "COMMIT");
fail:
	sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
	return rc;
}

/*
 * SQLite gives the -wal and -shm files it creates the database file's
 * mode: reading a history.db made read-only leaves read-only ones, which
 * would keep rehabit from writing once the file is writable again. Ours
 * are made 0600 (and a file system that refuses is left as it is); one
 * another user owns is refused, as it would receive the history's changes.
 */
static int
store_fix_companions(struct store *st)
{
	static const char *const sfx[] = { "-wal", "-shm" };
	static const char *const whom[] = { "the file " STORE_FILE "-wal",
	    "the file " STORE_FILE "-shm" };
	struct stat	 sb;
	char		*p;
	size_t		 i;
	int		 rc = 0;

	for (i = 0; i < sizeof sfx / sizeof sfx[0] && rc == 0; i++) {
		xasprintf(&p, "%s%s", st->path, sfx[i]);
		if (lstat(p, &sb) == 0 &&
		    (rc = store_check_owner(st, &sb, whom[i])) == 0 &&
		    S_ISREG(sb.st_mode) && (sb.st_mode & 0777) != 0600)
			(void)chmod(p, 0600);
		free(p);
	}
	return rc;
}

static int
store_open_rw(struct store *st)
{
	int64_t		 dummy, schema;
	const char	*why;
	int		 rc, fd;
	bool		 exists, empty;

	if ((rc = store_check_file(st, true, &exists, &empty)) != 0 ||
	    (rc = store_fix_companions(st)) != 0)
		return rc;
	if (!exists) {
		fd = open(st->path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC,
		    0600);
		if (fd == -1 && errno != EEXIST) {
			store_set_err(st, "cannot create: %s", strerror(errno));
			if ((why = store_ro_reason(st)) != NULL) {
				store_set_err(st, "read-only: %s", why);
				st->fault = STORE_FAULT_READONLY;
			}
			return STORE_EX_IOERR;
		}
		if (fd != -1) {
			(void)fchmod(fd, 0600);
			close(fd);
		}
	} else if (!empty) {
		if ((rc = store_check_db(st, false, true, &schema)) != 0)
			return rc;
		sqlite3_close(st->db);
		st->db = NULL;
	}

	rc = sqlite3_open_v2(st->path, &st->db, SQLITE_OPEN_READWRITE |
	    SQLITE_OPEN_NOMUTEX, NULL);
	if (rc != SQLITE_OK)
		return store_fail(st, rc, "cannot open the history");
	/* SQLite opens a file it may not write read-only, silently. */
	if (sqlite3_db_readonly(st->db, "main") == 1) {
		why = store_ro_reason(st);
		store_set_err(st, "read-only: %s", why != NULL ? why :
		    "no permission to write the file");
		st->fault = STORE_FAULT_READONLY;
		return STORE_EX_IOERR;
	}
	sqlite3_busy_timeout(st->db, st->busy_ms);
	if ((rc = store_exec(st, "PRAGMA foreign_keys = ON")) != 0 ||
	    (rc = store_migrate(st)) != 0)
		return rc;
	/*
	 * WAL so readers never wait for a session being recorded; FULL so a
	 * committed set survives a power cut.
	 */
	if ((rc = store_int(st, "PRAGMA journal_mode = WAL", &dummy)) != 0 ||
	    (rc = store_exec(st, "PRAGMA synchronous = FULL")) != 0)
		return rc;
	return 0;
}

/*
 * SQLite reads a WAL database through its -shm file, which it must be
 * able to create or write. Where it cannot (a read-only folder or file
 * system), the file can still be read as it is (immutable) -- but only
 * when no -wal file holds changes that are not in it yet: reading
 * without them would show an old history as if it were the latest.
 * Returns 0 when there is none, else refuses (74).
 */
static int
store_wal_pending(struct store *st)
{
	struct stat	 sb;
	char		*wal;
	int		 rc;

	xasprintf(&wal, "%s-wal", st->path);
	rc = stat(wal, &sb);
	free(wal);
	if (rc == 0 && sb.st_size > 0) {
		store_set_err(st, "read-only, and the latest changes are in "
		    "%s-wal, which cannot be read without write access; make "
		    "the data folder writable and try again", STORE_FILE);
		st->fault = STORE_FAULT_READONLY;
		return STORE_EX_IOERR;
	}
	if (rc == -1 && errno != ENOENT) {
		store_set_err(st, "%s-wal: %s", STORE_FILE, strerror(errno));
		return STORE_EX_IOERR;
	}
	return 0;
}

static int
store_open_ro(struct store *st)
{
	int64_t		 schema;
	const char	*why;
	bool		 exists, empty;
	int		 rc;

	if ((rc = store_check_file(st, false, &exists, &empty)) != 0)
		return rc;
	if (!exists || empty) {
		st->empty = true;
		return 0;
	}
	rc = store_check_db(st, false, false, &schema);
	if (rc != 0 && st->fault == STORE_FAULT_READONLY) {
		sqlite3_close(st->db);
		st->db = NULL;
		if ((rc = store_wal_pending(st)) == 0)
			rc = store_check_db(st, true, false, &schema);
	}
	if (rc != 0 || (rc = store_fix_companions(st)) != 0)
		return rc;
	/* An older schema is brought up to date first, even to read it. */
	if (schema < STORE_SCHEMA_VERSION) {
		sqlite3_close(st->db);
		st->db = NULL;
		rc = store_open_rw(st);
		if (rc != 0 && st->fault == STORE_FAULT_READONLY &&
		    (why = store_ro_reason(st)) != NULL) {
			store_set_err(st, "read-only (%s), and written by an "
			    "older rehabit (history schema %lld): make it "
			    "writable once, so that rehabit can bring it up to "
			    "date", why, (long long)schema);
			st->fault = STORE_FAULT_READONLY;
		}
		return rc;
	}
	return 0;
}

/*
 * SQLite opens no file whose absolute path, with "-journal", is longer
 * than its VFS allows (512 bytes): refuse such a folder before anything
 * is created in it.
 */
static int
store_check_length(struct store *st)
{
	sqlite3_vfs	*vfs = sqlite3_vfs_find(NULL);
	char		 cwd[PATH_MAX];
	size_t		 len;

	len = strlen(st->path) + strlen("-journal");
	if (st->path[0] != '/' && getcwd(cwd, sizeof cwd) != NULL)
		len += strlen(cwd) + 1;
	if (vfs == NULL || len <= (size_t)vfs->mxPathname)
		return 0;
	store_set_err(st, "refused: the path is too long for SQLite (%zu "
	    "bytes with \"-journal\", at most %d); use a shorter --data-dir",
	    len, vfs->mxPathname);
	return STORE_EX_IOERR;
}

static int
store_open_mode(const char *dir, bool readonly, struct store **out)
{
	struct store	*st;
	char		*d;
	int		 rc;

	*out = NULL;
	st = xcalloc(1, sizeof *st);
	st->busy_ms = STORE_BUSY_MS;
	st->readonly = readonly;
	d = dir != NULL ? xstrdup(dir) : paths_data_dir();
	xasprintf(&st->path, "%s/%s", d, STORE_FILE);
	if ((rc = store_check_length(st)) == 0)
		rc = store_prepare_dir(st, d, !readonly);
	free(d);
	if (rc != 0)
		return store_open_fail(st, rc);
	rc = readonly ? store_open_ro(st) : store_open_rw(st);
	if (rc != 0)
		return store_open_fail(st, rc);
	*out = st;
	return 0;
}

int
store_open(const char *dir, struct store **out)
{
	return store_open_mode(dir, false, out);
}

int
store_open_readonly(const char *dir, struct store **out)
{
	return store_open_mode(dir, true, out);
}

int
store_open_or_readonly(const char *dir, struct store **out)
{
	char	*why;
	int	 rc;

	if ((rc = store_open(dir, out)) == 0 ||
	    store_open_fault != STORE_FAULT_READONLY)
		return rc;
	why = xstrdup(store_open_err);
	if ((rc = store_open_readonly(dir, out)) != 0) {
		free(why);
		return rc;
	}
	(*out)->ro_why = why;
	return 0;
}

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

static int
store_begin(struct store *st)
{
	int	rc;

	if ((rc = store_writable(st)) != 0)
		return rc;
	return store_exec(st, "BEGIN IMMEDIATE");
}

static int
store_commit(struct store *st)
{
	int	rc;

	if ((rc = store_exec(st, "COMMIT")) != 0)
		sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
	return rc;
}

static int
store_rollback(struct store *st, int rc)
{
	sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
	return rc;
}

/* Step a statement that returns no rows, then reset it for reuse. */
static int
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

static int
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
static int
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

static int
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
static int
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
static int
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
static int
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
