/*
 * test-store.c - the history database on real files in temporary folders:
 * recording, loading, modes, refusing damaged, foreign and newer files,
 * migration, a busy database, concurrent writers and import.
 */
#include "config.h"

#include <sys/stat.h>
#include <sys/wait.h>

#include <errno.h>
#include <fcntl.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "history.h"
#include "store.h"
#include "tap.h"
#include "xmalloc.h"

static char	*tmp_root;
static int	 tmp_n;

/* A new folder path (not created) under the test's temporary root. */
static char *
tmp_dir(void)
{
	char	*p;

	xasprintf(&p, "%s/d%d/rehabit", tmp_root, ++tmp_n);
	return p;
}

static char *
db_path(const char *dir)
{
	char	*p;

	xasprintf(&p, "%s/history.db", dir);
	return p;
}

static void
rm_rf(const char *path)
{
	char	*cmd;

	xasprintf(&cmd, "rm -rf '%s'", path);
	if (system(cmd) != 0)
		tap_diag("could not remove %s", path);
	free(cmd);
}

static void
mkdir_p(const char *dir)
{
	char	*cmd;

	xasprintf(&cmd, "mkdir -p '%s'", dir);
	if (system(cmd) != 0)
		tap_diag("could not create %s", dir);
	free(cmd);
}

static char *
read_file(const char *path, size_t *len)
{
	FILE	*fp;
	char	*buf;
	long	 n;

	if ((fp = fopen(path, "rb")) == NULL)
		return NULL;
	fseek(fp, 0, SEEK_END);
	n = ftell(fp);
	rewind(fp);
	buf = xmalloc((size_t)n + 1);
	*len = fread(buf, 1, (size_t)n, fp);
	fclose(fp);
	return buf;
}

static void
write_file(const char *path, const char *buf, size_t len)
{
	FILE	*fp;

	if ((fp = fopen(path, "wb")) == NULL)
		return;
	fwrite(buf, 1, len, fp);
	fclose(fp);
}

static void
raw_exec(const char *path, const char *sql)
{
	sqlite3	*db;
	char	*err = NULL;

	if (sqlite3_open(path, &db) != SQLITE_OK ||
	    sqlite3_exec(db, sql, NULL, NULL, &err) != SQLITE_OK)
		tap_diag("raw sql failed: %s", err != NULL ? err :
		    sqlite3_errmsg(db));
	sqlite3_free(err);
	sqlite3_close(db);
}

static const struct dose dose_hold = { .sets = 3, .hold = 30, .rest = 45 };
static const struct dose dose_reps = { .sets = 3, .reps = 10, .rest = 60 };

static void
test_modes_and_record(void)
{
	struct store	*st;
	struct history	 h;
	struct stat	 sb;
	char		*dir = tmp_dir(), *path = db_path(dir);
	int64_t		 id;

	umask(022);
	is_int(store_open(dir, &st), 0, "open creates the database");
	ok(stat(dir, &sb) == 0 && (sb.st_mode & 0777) == 0700,
	    "folder is 0700 (%o)", sb.st_mode & 0777);
	ok(stat(path, &sb) == 0 && (sb.st_mode & 0777) == 0600,
	    "file is 0600 (%o)", sb.st_mode & 0777);
	is_str(store_path(st), path, "store_path names the file");

	is_int(store_session_begin(st, "knee-strength-1", 1700000000, 3600,
	    &id), 0, "session begins");
	ok(id > 0, "session has an id");
	is_int(store_set_done(st, id, "wall-sit", SIDE_BOTH, &dose_hold, 1,
	    30), 0, "set 1 recorded");
	is_int(store_set_done(st, id, "wall-sit", SIDE_BOTH, &dose_hold, 2,
	    30), 0, "set 2 recorded");
	is_int(store_set_done(st, id, "wall-sit", SIDE_BOTH, &dose_hold, 3,
	    22), 0, "set 3 recorded");
	is_int(store_set_done(st, id, "step-down", SIDE_LEFT, &dose_reps, 1,
	    10), 0, "left side recorded");
	is_int(store_set_done(st, id, "step-down", SIDE_RIGHT, &dose_reps, 1,
	    9), 0, "right side recorded");
	is_int(store_set_done(st, id, "step-down", SIDE_RIGHT, &dose_reps, 1,
	    10), 0, "a set recorded again replaces it");
	is_int(store_set_done(st, id + 99, "wall-sit", SIDE_BOTH, &dose_hold,
	    1, 30), 65, "a set of no session is refused");
	is_int(store_set_done(st, id, "wall-sit", SIDE_BOTH, &dose_hold, 0,
	    30), 65, "set 0 is refused");

	/* Each set is committed: another connection sees it before the end. */
	{
		struct store	*other;

		history_init(&h);
		is_int(store_open_readonly(dir, &other), 0,
		    "second connection opens read-only");
		is_int(store_load(other, 0, &h), 0, "loads while in progress");
		ok(h.ns == 1 && h.s[0].nex == 3 && h.s[0].ex[0].ndone == 3,
		    "sets are visible before the session ends");
		is_int(h.s[0].end, 0, "the session is still in progress");
		history_free(&h);
		store_close(other);
	}

	is_int(store_session_end(st, id, 1700001450, true), 0, "session ends");
	is_int(store_add_pain(st, id, PAIN_DURING, 2, 0, NULL, 1700001450,
	    3600), 0, "pain during");
	is_int(store_add_pain(st, id, PAIN_AFTER, 4, 0, NULL, 1700001450,
	    3600), 0, "pain after");
	is_int(store_add_pain(st, id, PAIN_AFTER, 3, FLAG_SWELLING, "felt ok",
	    1700001460, 3600), 0, "pain after again, with a flag and note");
	is_int(store_add_pain(st, id, PAIN_AFTER, 11, 0, NULL, 1700001460,
	    3600), 65, "pain 11 is refused");
	is_int(store_add_exercise_pain(st, id, "wall-sit", SIDE_BOTH, 4), 0,
	    "exercise pain");
	is_int(store_add_exercise_pain(st, id, "lunge", SIDE_BOTH, 4), 65,
	    "pain for an exercise not in the session is refused");
	is_int(store_add_exercise_pain(st, id, "step-down", SIDE_BOTH, 6), 0,
	    "pain for an exercise done per side");
	is_int(store_add_pain(st, 0, PAIN_MORNING, 1, FLAG_NIGHT_PAIN, "stiff",
	    1700050000, 3600), 0, "a standalone report");

	history_init(&h);
	is_int(store_load(st, 0, &h), 0, "load");
	is_int(h.ns, 1, "one session");
	is_str(h.s[0].routine, "knee-strength-1", "routine");
	is_int(h.s[0].start, 1700000000, "start (UTC)");
	is_int(h.s[0].utc_off, 3600, "offset kept");
	is_int(h.s[0].end, 1700001450, "end");
	ok(h.s[0].completed, "completed");
	is_int(h.s[0].pain_during, 2, "pain during loaded");
	is_int(h.s[0].pain_after, 3, "the last pain after counts");
	is_int(h.s[0].pain_morning, PAIN_NONE, "no morning pain");
	is_int(h.s[0].flags, FLAG_SWELLING, "flag on the session");
	is_str(h.s[0].note, "felt ok", "note on the session");
	is_int(h.s[0].nex, 3, "three exercise rows");
	is_str(h.s[0].ex[0].exercise, "wall-sit", "first exercise");
	is_int(h.s[0].ex[0].prescribed.hold, 30, "prescribed hold");
	is_int(h.s[0].ex[0].ndone, 3, "three sets");
	is_int(h.s[0].ex[0].done[2], 22, "third set value");
	is_int(h.s[0].ex[0].pain, 4, "exercise pain loaded");
	is_int(h.s[0].ex[1].side, SIDE_LEFT, "left side first");
	ok(h.s[0].ex[1].pain == 6 && h.s[0].ex[2].pain == 6,
	    "SIDE_BOTH pain went to both sides");
	is_int(h.s[0].ex[2].done[0], 10, "replaced set value");
	is_int(h.np, 1, "one standalone report");
	is_int(h.p[0].kind, PAIN_MORNING, "report kind");
	is_int(h.p[0].flags, FLAG_NIGHT_PAIN, "report flags");
	is_str(h.p[0].note, "stiff", "report note");
	history_free(&h);

	store_close(st);
	free(path);
	free(dir);
}

static void
test_load_windows(void)
{
	struct store	*st;
	struct history	 h;
	char		*dir = tmp_dir();
	int64_t		 id, t0 = 1700000000;
	int		 i;

	store_open(dir, &st);
	for (i = 0; i < 30; i++) {
		store_session_begin(st, "r", t0 + i * 86400, 0, &id);
		store_set_done(st, id, "e", SIDE_BOTH, &dose_reps, 1, i);
		store_add_pain(st, 0, PAIN_MORNING, i % 11, 0, NULL,
		    t0 + i * 86400 + 3600, 0);
	}
	history_init(&h);
	is_int(store_load(st, t0 + 20 * 86400, &h), 0, "load since");
	is_int(h.ns, 10, "only sessions since");
	is_int(h.s[0].start, t0 + 20 * 86400, "oldest first");
	is_int(h.np, 10, "only reports since");
	history_free(&h);

	is_int(store_load_recent(st, 5, &h), 0, "load recent");
	is_int(h.ns, 5, "the newest five");
	is_int(h.s[0].start, t0 + 25 * 86400, "oldest of them first");
	is_int(h.s[4].ex[0].done[0], 29, "with their sets");
	is_int(h.np, 5, "five reports");
	ok(h.p[0].at < h.p[4].at, "reports oldest first");
	history_free(&h);

	is_int(store_load_recent(st, 100, &h), 0, "load more than there is");
	is_int(h.ns, 30, "all sessions");
	is_int(h.np, 30, "all reports");
	history_free(&h);

	is_int(store_load_session(st, id, &h), 0, "load one session");
	ok(h.ns == 1 && h.s[0].id == id, "the one asked for");
	history_free(&h);
	is_int(store_load_session(st, id + 1, &h), 66, "no such session");
	history_free(&h);
	store_close(st);
	free(dir);
}

/*
 * Two sessions recorded at once (two terminals): their exercise rows
 * interleave, and each session still gets all of its own, in order, with
 * their sets. Equal ids are one copy in the history's pool.
 */
static void
test_load_interleaved(void)
{
	static const char *const exs[] = { "a", "b", "c", "d", "e" };
	struct store	*st;
	struct history	 h;
	char		*dir = tmp_dir();
	int64_t		 id[2], t0 = 1700000000;
	size_t		 i, k;
	bool		 right = true;

	store_open(dir, &st);
	store_session_begin(st, "r", t0, 0, &id[0]);
	store_session_begin(st, "q", t0 + 60, 0, &id[1]);
	for (i = 0; i < 5; i++)
		for (k = 0; k < 2; k++)
			store_set_done(st, id[k], exs[k == 0 ? i : 4 - i],
			    SIDE_BOTH, &dose_reps, (int)k + 1,
			    (int)(10 * k + i));
	history_init(&h);
	is_int(store_load(st, 0, &h), 0, "load interleaved sessions");
	is_int(h.ns, 2, "two sessions");
	if (h.ns == 2 && h.s[0].nex == 5 && h.s[1].nex == 5) {
		for (i = 0; i < 5; i++) {
			if (strcmp(h.s[0].ex[i].exercise, exs[i]) != 0 ||
			    strcmp(h.s[1].ex[i].exercise, exs[4 - i]) != 0 ||
			    h.s[0].ex[i].ndone != 1 ||
			    h.s[1].ex[i].ndone != 2 ||
			    h.s[0].ex[i].done[0] != (int)i ||
			    h.s[1].ex[i].done[0] != 0 ||
			    h.s[1].ex[i].done[1] != (int)(10 + i))
				right = false;
		}
	} else
		right = false;
	ok(right, "each has its five exercises in order, with their sets");
	ok(h.ns == 2 && h.s[0].nex > 4 && h.s[1].nex > 0 &&
	    h.s[0].ex[4].exercise == h.s[1].ex[0].exercise,
	    "an id read twice is one copy");
	history_free(&h);
	store_close(st);
	free(dir);
}

static void
test_pain_target(void)
{
	struct store		*st;
	struct history		 h;
	struct pain_input	 in;
	struct pain_result	 res;
	struct pain_ex		 pex = { "wall-sit", SIDE_BOTH, 6 };
	char			*dir = tmp_dir();
	int64_t			 id, got;
	/* 2026-11-02 18:00 +01:00 */
	int64_t			 start = 1793638800;

	store_open(dir, &st);
	is_int(store_pain_target(st, PAIN_AFTER, start, 3600, &got), 0,
	    "target with no sessions");
	is_int(got, 0, "none: standalone");
	store_session_begin(st, "knee", start, 3600, &id);
	store_set_done(st, id, "wall-sit", SIDE_BOTH, &dose_hold, 1, 30);
	store_pain_target(st, PAIN_AFTER, start + 1800, 3600, &got);
	is_int(got, id, "after: the session just done");
	store_pain_target(st, PAIN_AFTER, start + 25 * 3600, 3600, &got);
	is_int(got, 0, "after: not a session of two days ago");
	/* Next morning 07:30 local. */
	store_pain_target(st, PAIN_MORNING, start + 13 * 3600 + 1800, 3600,
	    &got);
	is_int(got, id, "morning: the session of the evening before");
	store_pain_target(st, PAIN_MORNING, start + 37 * 3600, 3600, &got);
	is_int(got, 0, "morning two days later: standalone");

	memset(&in, 0, sizeof in);
	in.session = -1;
	in.during = PAIN_NONE;
	in.after = 3;
	in.morning = 12;
	in.at = start + 3600;
	in.utc_off = 3600;
	is_int(store_record_pain(st, &in, &res), 65, "score 12 refused");
	ok(store_note_valid("knee \xc3\xa9\xe2\x80\x94 fine\n\tok"),
	    "UTF-8 notes are valid");
	ok(!store_note_valid("\xc0\xaf"), "an overlong form is not");
	ok(!store_note_valid("\xed\xa0\x80"), "a surrogate is not");
	ok(!store_note_valid("\xe2\x80"), "a cut sequence is not");
	ok(!store_note_valid("\x1b[2J"), "an escape is not");
	in.morning = 1;
	in.flags = FLAG_LOCKING;
	in.note = "clicky";
	in.ex = &pex;
	in.nex = 1;
	is_int(store_record_pain(st, &in, &res), 0, "record a report");
	is_int(res.target[PAIN_AFTER], id, "after went to the session");
	is_int(res.target[PAIN_MORNING], 0,
	    "morning an hour after is standalone");

	history_init(&h);
	store_load(st, 0, &h);
	is_int(h.s[0].pain_after, 3, "pain after saved");
	is_int(h.s[0].flags, FLAG_LOCKING, "flag on the session");
	is_str(h.s[0].note, "clicky", "note on the session");
	is_int(h.s[0].ex[0].pain, 6, "exercise pain saved");
	is_int(h.np, 1, "morning saved standalone");
	history_free(&h);

	/* Exercise pain for an exercise not done: nothing saved at all. */
	pex.exercise = "lunge";
	in.after = 5;
	is_int(store_record_pain(st, &in, &res), 65, "bad exercise refused");
	store_load(st, 0, &h);
	is_int(h.s[0].pain_after, 3, "nothing of the refused report saved");
	is_int(h.np, 1, "no new standalone report");
	history_free(&h);

	/* Only flags, long after: needs a score. */
	memset(&in, 0, sizeof in);
	in.session = -1;
	in.during = in.after = in.morning = PAIN_NONE;
	in.flags = FLAG_INJURY;
	in.at = start + 30 * 86400;
	is_int(store_record_pain(st, &in, &res), 65,
	    "flags alone with no session refused");
	store_close(st);
	free(dir);
}

static void
test_refuse(void)
{
	struct store	*st;
	char		*dir, *path, *before, *after;
	size_t		 nb, na;
	int64_t		 id;
	char		 junk[4096];
	size_t		 i;

	/* A text file. */
	dir = tmp_dir();
	path = db_path(dir);
	store_open(dir, &st);
	store_close(st);
	write_file(path, "hello, not a database\n", 22);
	is_int(store_open(dir, &st), 74, "a text file is refused");
	ok(strstr(store_open_error(), path) != NULL &&
	    strstr(store_open_error(), "not a rehabit history") != NULL,
	    "the error names the file: %s", store_open_error());
	before = read_file(path, &nb);
	is_int(store_open_readonly(dir, &st), 74, "also read-only");
	after = read_file(path, &na);
	ok(nb == na && memcmp(before, after, nb) == 0, "text file untouched");
	free(before);
	free(after);
	free(path);
	free(dir);

	/* A damaged database: a good one with its pages overwritten. */
	dir = tmp_dir();
	path = db_path(dir);
	store_open(dir, &st);
	for (i = 0; i < 50; i++) {
		store_session_begin(st, "knee", 1700000000 + i, 0, &id);
		store_set_done(st, id, "wall-sit", SIDE_BOTH, &dose_hold, 1, 30);
	}
	store_close(st);
	before = read_file(path, &nb);
	ok(nb > 8192, "database has several pages (%zu bytes)", nb);
	for (i = 0; i < sizeof junk; i++)
		junk[i] = (char)(i * 7 + 3);
	memcpy(before + 4096, junk, sizeof junk);
	write_file(path, before, nb);
	is_int(store_open(dir, &st), 74, "a damaged database is refused");
	ok(strstr(store_open_error(), "damaged") != NULL,
	    "says it is damaged: %s", store_open_error());
	after = read_file(path, &na);
	ok(nb == na && memcmp(before, after, nb) == 0,
	    "damaged database byte-for-byte untouched");
	free(before);
	free(after);
	free(path);
	free(dir);

	/* Another program's SQLite file. */
	dir = tmp_dir();
	path = db_path(dir);
	store_open(dir, &st);
	store_close(st);
	unlink(path);
	raw_exec(path, "CREATE TABLE t (x); INSERT INTO t VALUES (1);");
	before = read_file(path, &nb);
	is_int(store_open(dir, &st), 74, "a foreign database is refused");
	ok(strstr(store_open_error(), "another program") != NULL,
	    "says whose: %s", store_open_error());
	after = read_file(path, &na);
	ok(nb == na && memcmp(before, after, nb) == 0,
	    "foreign database untouched");
	free(before);
	free(after);
	free(path);
	free(dir);

	/* From a newer rehabit. */
	dir = tmp_dir();
	path = db_path(dir);
	store_open(dir, &st);
	store_close(st);
	raw_exec(path, "PRAGMA user_version = 99");
	before = read_file(path, &nb);
	is_int(store_open(dir, &st), 74, "a newer schema is refused");
	ok(strstr(store_open_error(), "newer rehabit") != NULL,
	    "says it is newer: %s", store_open_error());
	is_int(store_open_readonly(dir, &st), 74, "also read-only");
	after = read_file(path, &na);
	ok(nb == na && memcmp(before, after, nb) == 0,
	    "newer database untouched");
	free(before);
	free(after);
	free(path);
	free(dir);

	/* An empty file is ours, created and never written. */
	dir = tmp_dir();
	path = db_path(dir);
	store_open(dir, &st);
	store_close(st);
	write_file(path, "", 0);
	is_int(store_open(dir, &st), 0, "an empty file becomes a database");
	store_close(st);
	free(path);
	free(dir);

	/* A folder where the file should be. */
	dir = tmp_dir();
	path = db_path(dir);
	store_open(dir, &st);
	store_close(st);
	unlink(path);
	mkdir(path, 0700);
	is_int(store_open(dir, &st), 74, "a folder at the path is refused");
	free(path);
	free(dir);
}

static void
test_readonly_missing(void)
{
	struct store	*st;
	struct history	 h;
	struct stat	 sb;
	char		*dir = tmp_dir();
	int64_t		 id;

	is_int(store_open_readonly(dir, &st), 0, "read-only with no database");
	history_init(&h);
	is_int(store_load(st, 0, &h), 0, "loads");
	is_int(h.ns, 0, "an empty history");
	is_int(store_session_begin(st, "r", 1, 0, &id), 74,
	    "a read-only store refuses writes");
	store_close(st);
	ok(stat(dir, &sb) == -1, "nothing created");
	free(dir);
}

static void
test_loose_modes(void)
{
	struct store	*st;
	struct stat	 sb;
	char		*dir = tmp_dir(), *path = db_path(dir);

	store_open(dir, &st);
	store_close(st);
	chmod(path, 0644);
	chmod(dir, 0755);
	is_int(store_open(dir, &st), 0, "opens a database open to others");
	store_close(st);
	ok(stat(path, &sb) == 0 && (sb.st_mode & 0777) == 0600,
	    "file tightened to 0600");
	ok(stat(dir, &sb) == 0 && (sb.st_mode & 0777) == 0700,
	    "folder tightened to 0700");
	free(path);
	free(dir);
}

static void
test_migrate(void)
{
	struct store	*st;
	struct history	 h;
	char		*dir = tmp_dir(), *path = db_path(dir), *sql;
	int64_t		 id;

	mkdir_p(dir);
	xasprintf(&sql, "%s PRAGMA application_id = %d; "
	    "PRAGMA user_version = 1;"
	    "INSERT INTO session VALUES (1, 'knee', 1700000000, 3600, "
	    "1700001000, 1, 'old note');"
	    "INSERT INTO exercise (id, session, exercise, side, sets, hold, "
	    "rest) VALUES (1, 1, 'wall-sit', 0, 3, 30, 45);"
	    "INSERT INTO sets VALUES (1, 1, 30), (1, 2, 25);"
	    "INSERT INTO pain (session, kind, score, at) VALUES "
	    "(1, 1, 2, 1700001000);", store_schema_v1, STORE_APPLICATION_ID);
	raw_exec(path, sql);
	free(sql);
	chmod(path, 0600);

	is_int(store_open(dir, &st), 0, "a version-1 database opens");
	history_init(&h);
	is_int(store_load(st, 0, &h), 0, "and loads");
	ok(h.ns == 1 && h.s[0].nex == 1 && h.s[0].ex[0].ndone == 2,
	    "its data kept");
	is_int(h.s[0].pain_after, 2, "its pain kept");
	is_int(h.s[0].flags, 0, "no flags (new column)");
	history_free(&h);
	is_int(store_session_begin(st, "knee", 1700100000, 0, &id), 0,
	    "writes after the migration");
	store_close(st);
	{
		sqlite3		*db;
		sqlite3_stmt	*stmt;

		sqlite3_open(path, &db);
		sqlite3_prepare_v2(db, "PRAGMA user_version", -1, &stmt, NULL);
		sqlite3_step(stmt);
		is_int(sqlite3_column_int(stmt, 0), STORE_SCHEMA_VERSION,
		    "schema now version %d", STORE_SCHEMA_VERSION);
		sqlite3_finalize(stmt);
		sqlite3_close(db);
	}
	free(path);
	free(dir);
}

/* Version 2 (before clearances) gets the clearance table on open. */
static void
test_migrate_v2(void)
{
	struct store	*st;
	struct history	 h;
	char		*dir = tmp_dir(), *path = db_path(dir), *sql;

	mkdir_p(dir);
	/* Version 2 as its migration from version 1 left it. */
	xasprintf(&sql, "%s PRAGMA application_id = %d; "
	    "ALTER TABLE session ADD COLUMN flags INTEGER NOT NULL DEFAULT 0;"
	    "CREATE UNIQUE INDEX session_start ON session (start, routine);"
	    "CREATE INDEX pain_session ON pain (session, at);"
	    "PRAGMA user_version = 2;"
	    "INSERT INTO pain (kind, score, at, flags) VALUES "
	    "(1, 3, 1700000000, 1);", store_schema_v1, STORE_APPLICATION_ID);
	raw_exec(path, sql);
	free(sql);
	chmod(path, 0600);

	is_int(store_open(dir, &st), 0, "a version-2 database opens");
	history_init(&h);
	is_int(store_load(st, 0, &h), 0, "and loads");
	ok(h.np == 1 && h.p[0].flags == FLAG_SWELLING, "its red flag kept");
	is_int((int)h.nc, 0, "no clearances yet");
	history_free(&h);
	is_int(store_add_clearance(st, 1700100000, 3600, "fine to train"), 0,
	    "a clearance is recorded after the migration");
	is_int(store_add_clearance(st, 1700200000, 0, NULL), 0,
	    "one without a note");
	is_int(store_add_clearance(st, 1700100000, 3600, "said again"), 0,
	    "the same time again replaces it");
	is_int(store_add_clearance(st, 1700300000, 0, "bad\001"), 65,
	    "a note that is not text: 65");
	history_init(&h);
	is_int(store_load(st, 0, &h), 0, "loads again");
	ok(h.nc == 2 && h.c[0].at == 1700100000 && h.c[0].utc_off == 3600 &&
	    h.c[0].note != NULL && strcmp(h.c[0].note, "said again") == 0 &&
	    h.c[1].at == 1700200000 && h.c[1].note == NULL,
	    "two clearances, oldest first, with their notes");
	history_free(&h);
	history_init(&h);
	is_int(store_load(st, 1700150000, &h), 0, "a recent window");
	is_int((int)h.nc, 2, "still every clearance (any may lift a flag)");
	history_free(&h);
	store_close(st);
	free(path);
	free(dir);
}

static void
test_busy(void)
{
	struct store	*st;
	sqlite3		*db;
	char		*dir = tmp_dir(), *path = db_path(dir);
	int64_t		 id;
	int		 rc;

	store_open(dir, &st);
	store_session_begin(st, "knee", 1700000000, 0, &id);
	sqlite3_open(path, &db);
	sqlite3_exec(db, "BEGIN IMMEDIATE", NULL, NULL, NULL);
	store_busy_timeout(st, 200);
	rc = store_set_done(st, id, "wall-sit", SIDE_BOTH, &dose_hold, 1, 30);
	is_int(rc, 75, "a locked database: 75 after the timeout");
	ok(strstr(store_error(st), "in use by another rehabit") != NULL,
	    "says why: %s", store_error(st));
	sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
	sqlite3_close(db);
	is_int(store_set_done(st, id, "wall-sit", SIDE_BOTH, &dose_hold, 1,
	    30), 0, "works once the lock is gone");
	store_close(st);
	free(path);
	free(dir);
}

static void
test_concurrent(void)
{
	struct store	*st;
	struct history	 h;
	char		*dir = tmp_dir();
	pid_t		 pids[8];
	int		 i, j, status, good = 0, sets = 0;
	size_t		 k;

	for (i = 0; i < 8; i++) {
		if ((pids[i] = fork()) == 0) {
			int64_t	id;
			int	rc;

			/* Every writer also creates the database if needed. */
			if ((rc = store_open(dir, &st)) != 0) {
				fprintf(stderr, "%s\n", store_open_error());
				_exit(rc);
			}
			if ((rc = store_session_begin(st, "knee",
			    1700000000 + i, 0, &id)) != 0)
				_exit(rc);
			for (j = 1; j <= 5; j++) {
				if ((rc = store_set_done(st, id, "wall-sit",
				    SIDE_BOTH, &dose_hold, j, i)) != 0) {
					fprintf(stderr, "%s\n",
					    store_error(st));
					_exit(rc);
				}
			}
			rc = store_session_end(st, id, 1700001000 + i, true);
			store_close(st);
			_exit(rc);
		}
	}
	for (i = 0; i < 8; i++) {
		if (waitpid(pids[i], &status, 0) == pids[i] &&
		    WIFEXITED(status) && WEXITSTATUS(status) == 0)
			good++;
	}
	is_int(good, 8, "8 concurrent writers all succeed");
	store_open_readonly(dir, &st);
	history_init(&h);
	store_load(st, 0, &h);
	is_int(h.ns, 8, "8 sessions recorded");
	for (k = 0; k < h.ns; k++) {
		if (h.s[k].nex == 1)
			sets += (int)h.s[k].ex[0].ndone;
	}
	is_int(sets, 40, "all 40 sets recorded");
	history_free(&h);
	store_close(st);
	free(dir);
}

static void
test_import(void)
{
	struct store			*st;
	struct history			 in, h;
	struct hist_session		*s;
	struct hist_exercise		*e;
	struct hist_pain		*p;
	struct store_import_stats	 stats;
	char				*dir = tmp_dir();
	int64_t				 id;

	history_init(&in);
	s = history_add_session(&in);
	s->routine = xstrdup("knee");
	s->start = 1700000000;
	s->end = 1700001000;
	s->utc_off = -18000;
	s->completed = true;
	s->pain_during = 2;
	s->pain_morning = 1;
	s->flags = FLAG_GIVING_WAY;
	s->note = xstrdup("imported");
	e = history_add_exercise(s);
	e->exercise = xstrdup("wall-sit");
	e->prescribed = dose_hold;
	e->ndone = 3;
	e->done = xcalloc(3, sizeof *e->done);
	e->done[0] = 30;
	e->done[1] = 30;
	e->done[2] = 20;
	e->pain = 5;
	p = history_add_pain(&in);
	p->at = 1700090000;
	p->kind = PAIN_MORNING;
	p->score = 2;
	p->note = xstrdup("stiff");

	store_open(dir, &st);
	store_session_begin(st, "knee", 1600000000, 0, &id);
	is_int(store_import(st, &in, &stats), 0, "import");
	is_int(stats.sessions_new, 1, "one new session");
	is_int(stats.reports_new, 1, "one new report");
	is_int(store_import(st, &in, &stats), 0, "import again");
	is_int(stats.sessions_new, 0, "no new session the second time");
	is_int(stats.sessions_merged, 1, "the same session merged");
	is_int(stats.reports_new, 0, "no new report");
	history_init(&h);
	store_load(st, 0, &h);
	is_int(h.ns, 2, "two sessions (one recorded, one imported)");
	is_int(h.np, 1, "one report");
	is_int(h.s[1].ex[0].done[2], 20, "sets imported");
	is_int(h.s[1].ex[0].pain, 5, "exercise pain imported");
	is_int(h.s[1].pain_during, 2, "pain during imported");
	is_int(h.s[1].pain_morning, 1, "morning pain imported");
	is_int(h.s[1].utc_off, -18000, "offset imported");
	is_int(h.s[1].flags, FLAG_GIVING_WAY, "flags imported");
	history_free(&h);
	{
		sqlite3		*db;
		sqlite3_stmt	*stmt;
		char		*path = db_path(dir);

		sqlite3_open(path, &db);
		sqlite3_prepare_v2(db, "SELECT (SELECT count(*) FROM pain) * "
		    "1000 + (SELECT count(*) FROM sets)", -1, &stmt, NULL);
		sqlite3_step(stmt);
		is_int(sqlite3_column_int(stmt, 0), 3003,
		    "no duplicate rows after two imports");
		sqlite3_finalize(stmt);
		sqlite3_close(db);
		free(path);
	}

	/* A record the database refuses: nothing of the import stays. */
	in.s[0].start = 1700500000;
	in.s[0].pain_after = 42;
	is_int(store_import(st, &in, &stats), 65, "bad score refused");
	store_load(st, 0, &h);
	is_int(h.ns, 2, "nothing imported");
	history_free(&h);

	history_free(&in);
	store_close(st);
	free(dir);
}

int
main(void)
{
	char	tmpl[] = "/tmp/rehabit-store.XXXXXX";

	if ((tmp_root = mkdtemp(tmpl)) == NULL) {
		perror("mkdtemp");
		return 1;
	}
	test_modes_and_record();
	test_load_windows();
	test_load_interleaved();
	test_pain_target();
	test_refuse();
	test_readonly_missing();
	test_loose_modes();
	test_migrate();
	test_migrate_v2();
	test_busy();
	test_concurrent();
	test_import();
	rm_rf(tmp_root);
	return tap_done();
}
