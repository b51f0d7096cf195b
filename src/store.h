/*
 * store.h - the history database (SQLite): sessions, the sets done in
 * them and pain reports. Every completed set is committed on its own, so a
 * crash loses at most the set in progress.
 *
 * The database is history.db in the data folder: folder 0700, file 0600,
 * WAL, foreign keys on, schema versions in PRAGMA user_version. A file that
 * is not a rehabit history, is damaged, or was written by a newer rehabit
 * is refused and never written to.
 *
 * Functions return 0 on success or a sysexits status (74 storage failure,
 * 75 busy, 65 bad data) with the reason in store_error().
 */
#ifndef REHABIT_STORE_H
#define REHABIT_STORE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "catalog.h"
#include "history.h"

/* The schema this rehabit writes; older ones are migrated on open. */
#define STORE_SCHEMA_VERSION	4
/* PRAGMA application_id of a rehabit history: "RhBt". */
#define STORE_APPLICATION_ID	0x52684274
#define STORE_FILE		"history.db"
/* The longest note, in bytes: of a report, and of a session's, appended. */
#define STORE_NOTE_MAX		4096
/* How long to wait for another rehabit holding the database. */
#define STORE_BUSY_MS		5000

/* Exit statuses (sysexits.h). */
#define STORE_EX_DATAERR	65
#define STORE_EX_IOERR		74
#define STORE_EX_TEMPFAIL	75

struct store;

/* What kind of problem the last error was, for a screen to say briefly. */
enum store_fault {
	STORE_FAULT_NONE,
	STORE_FAULT_FULL,	/* the disk is full */
	STORE_FAULT_READONLY,	/* the file system, folder or file cannot
				   be written */
	STORE_FAULT_BUSY,	/* another rehabit holds the database */
	STORE_FAULT_NOTE_FULL,	/* a note would make the session's note
				   longer than STORE_NOTE_MAX */
	STORE_FAULT_OTHER
};

/* The SQL of schema version 1, to test the migration from it. */
extern const char store_schema_v1[];

/*
 * Open (creating on first use, folder 0700, file 0600) the database in
 * `dir`, or in paths_data_dir() when dir is NULL. The file is checked (a
 * SQLite header, rehabit's application id, not newer than this rehabit,
 * PRAGMA quick_check) before anything is written to it.
 */
int		 store_open(const char *dir, struct store **out);
/*
 * Open for reading only (log, export, progress): the cheap checks only,
 * and nothing is created. A missing database reads as an empty history.
 * A history that cannot be written (a read-only folder, file or file
 * system, a backup) is read as it is, unless a -wal file it cannot use
 * holds changes not yet in it: then 74, rather than an old history.
 */
int		 store_open_readonly(const char *dir, struct store **out);
/*
 * As store_open(), but a history that cannot be written is opened for
 * reading (the home screen): store_readonly() then says why, and every
 * write fails with that reason (74).
 */
int		 store_open_or_readonly(const char *dir, struct store **out);
void		 store_close(struct store *);
/* The last error, "PATH: reason"; valid until the next call. */
const char	*store_error(const struct store *);
/* The kind of the last error (STORE_FAULT_NONE if none). */
enum store_fault store_fault(const struct store *);
/*
 * Why the history opened by store_open_or_readonly() cannot be written,
 * "PATH: read-only: reason"; NULL when it can.
 */
const char	*store_readonly(const struct store *);
/* When store_open() itself fails (no store to ask). */
const char	*store_open_error(void);
/* The database file's path. */
const char	*store_path(const struct store *);
/* Change how long to wait for a busy database (tests). */
void		 store_busy_timeout(struct store *, int ms);

/* A guided session as it happens. */
int	store_session_begin(struct store *, const char *routine,
	    int64_t start, int utc_off, int64_t *id);
/*
 * Record set `set` (1-based) of an exercise and side with what was done
 * (reps, or seconds held). Committed at once, in its own transaction.
 * Recording the same set again replaces its value.
 */
int	store_set_done(struct store *, int64_t session,
	    const char *exercise, enum side, const struct dose *prescribed,
	    int set, int value);
int	store_session_end(struct store *, int64_t session, int64_t end,
	    bool completed);

/*
 * Pain: for `session` (0: a standalone report). flags are FLAG_*; note
 * may be NULL (a session's note is appended to the session's, 65 if the
 * two would be longer than STORE_NOTE_MAX, with STORE_FAULT_NOTE_FULL).
 * The last score recorded of each kind counts. For a report without a
 * session, store_pain_target() finds the session it belongs to.
 */
int	store_add_pain(struct store *, int64_t session, enum pain_kind,
	    int score, unsigned flags, const char *note, int64_t at,
	    int utc_off);
/* SIDE_BOTH: the exercise on every side it was done in the session. */
int	store_add_exercise_pain(struct store *, int64_t session,
	    const char *exercise, enum side, int score);

/*
 * The session a report made at `at` belongs to, or 0 for none:
 * during/after: the latest session that started in the 24 hours before;
 * morning: the latest session that started on the local day before the
 * day of `at` (utc_off is the local offset at `at`).
 */
int	store_pain_target(struct store *, enum pain_kind, int64_t at,
	    int utc_off, int64_t *session);

/* Per-exercise pain in a pain report. */
struct pain_ex {
	const char	*exercise;
	enum side	 side;		/* SIDE_BOTH: every side done */
	int		 score;		/* 0-10 */
};

/* A pain report as the command line or the pain form gives it. */
struct pain_input {
	int64_t			 session;	/* -1: find with store_pain_target */
	int			 during;	/* 0-10 or PAIN_NONE */
	int			 after;
	int			 morning;
	unsigned		 flags;		/* FLAG_* */
	const char		*note;		/* or NULL */
	int64_t			 at;
	int			 utc_off;
	const struct pain_ex	*ex;		/* needs a session */
	size_t			 nex;
};

/* Where each kind of a report went: a session id, 0 standalone, -1 none. */
struct pain_result {
	int64_t		target[3];	/* by enum pain_kind */
	int64_t		flags_target;
};

/*
 * A note must be UTF-8 text without control characters (tabs and newlines
 * allowed), at most STORE_NOTE_MAX bytes: the one check for the command
 * line, the pain form and import.
 */
bool	store_note_valid(const char *);

/*
 * Record a whole report in one transaction: all or nothing. Scores and
 * the note are checked (65 if not valid). A standalone report needs a
 * score.
 */
int	store_record_pain(struct store *, const struct pain_input *,
	    struct pain_result *);

/*
 * Load sessions that started at or after `since` (0: all), oldest first,
 * with their sets and pain, and standalone reports from then on.
 */
int	store_load(struct store *, int64_t since, struct history *);
/*
 * As store_load(), preceded by every session that started before `since`
 * as an outline: routine, start, offset, end and completed only (no
 * exercises, sets, pain, note or flags; no standalone reports before
 * `since`). Enough to count sessions by week over the whole history (the
 * streak, the first session) without reading every set.
 */
int	store_load_outlined(struct store *, int64_t since, struct history *);
/*
 * The newest `n` sessions (oldest first, as store_load), and the newest
 * `n` standalone reports no older than the oldest of them (all of them
 * when there are fewer than n sessions).
 */
int	store_load_recent(struct store *, size_t n, struct history *);
/*
 * The start of the newest session of `routine` that did `exercise`, or 0
 * when there is none.
 */
int	store_last_start(struct store *, const char *routine,
	    const char *exercise, int64_t *start);
/* One session by id, appended to `h`. 66 if there is none. */
int	store_load_session(struct store *, int64_t id, struct history *);

/*
 * "I saw a physiotherapist" at `at` (note: what they said, or NULL): red
 * flags reported before it no longer stand. The same time again replaces
 * the note. 65 if the note is not valid.
 */
int	store_add_clearance(struct store *, int64_t at, int utc_off,
	    const char *note);

/* What store_import() did. */
struct store_import_stats {
	size_t	sessions_new;
	size_t	sessions_merged;
	size_t	reports_new;
	size_t	reports_merged;
	size_t	clearances_new;
	size_t	clearances_merged;
};

/*
 * Merge a history (from a history file) in one transaction: a session with
 * the same start and routine is the same session (its values are replaced
 * by the file's, sets and pain added or replaced); a standalone report
 * with the same id is the same report (replaced), and one without an id
 * (an older file) is the same as one equal in every field; a clearance
 * with the same time is the same clearance. Importing twice adds nothing.
 * Notes are checked as store_record_pain() does.
 */
int	store_import(struct store *, const struct history *,
	    struct store_import_stats *);

#endif
