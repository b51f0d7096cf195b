/*
 * store-open.c - opening the history database, and its schema.
 *
 * Opening is careful because the file is a person's health record: the
 * file is read with plain read() and then through a read-only connection
 * before any write connection exists, so a damaged or foreign file, or one
 * from a newer rehabit, is refused byte-for-byte untouched.
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

const char *
store_open_error(void)
{
	return store_open_err != NULL ? store_open_err : "no error";
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
