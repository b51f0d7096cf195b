/*
 * history.h - recorded history as plain structs, the input of the pure
 * modules (progression, report). The store fills them from SQLite; the
 * importer from a history file (doc/DESIGN.md section 4); tests build them by
 * hand. No I/O here.
 *
 * Times are UTC seconds since the epoch; `utc_off` is the local offset in
 * seconds east of UTC at that moment, kept for display and export.
 */
#ifndef REHABIT_HISTORY_H
#define REHABIT_HISTORY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "catalog.h"

/* Red flags: not exercise problems, see a professional (doc/CLINICAL.md). */
enum {
	FLAG_SWELLING	= 1 << 0,
	FLAG_LOCKING	= 1 << 1,
	FLAG_GIVING_WAY	= 1 << 2,
	FLAG_NIGHT_PAIN	= 1 << 3,
	FLAG_INJURY	= 1 << 4,
};
#define FLAG_COUNT	5

enum side { SIDE_BOTH, SIDE_LEFT, SIDE_RIGHT };

enum pain_kind { PAIN_DURING, PAIN_AFTER, PAIN_MORNING };

#define PAIN_NONE	(-1)	/* no score given */

/* One exercise (and side) of a session: what was asked and what was done. */
struct hist_exercise {
	char		*exercise;	/* exercise id */
	enum side	 side;
	struct dose	 prescribed;
	int		*done;		/* per set: reps done, or seconds */
	size_t		 ndone;
	int		 pain;		/* 0-10 or PAIN_NONE */
};

struct hist_session {
	int64_t			 id;		/* store row id; 0 if none */
	char			*routine;	/* routine id */
	int64_t			 start;
	int64_t			 end;		/* 0 while in progress */
	int			 utc_off;
	bool			 completed;
	int			 pain_during;	/* 0-10 or PAIN_NONE */
	int			 pain_after;
	int			 pain_morning;	/* next morning, or PAIN_NONE */
	unsigned		 flags;		/* FLAG_* reported with it */
	char			*note;
	struct hist_exercise	*ex;
	size_t			 nex;
	/*
	 * Its strings and arrays (routine, note, ex and each exercise's id
	 * and done) are in the history's pool, not malloc()ed one by one:
	 * read them, never free or grow them.
	 */
	bool			 pooled;
};

/* A pain report not tied to a session. */
struct hist_pain {
	int64_t		 at;
	int		 utc_off;
	enum pain_kind	 kind;
	int		 score;		/* 0-10 */
	unsigned	 flags;
	char		*note;
	char		*uid;		/* its id in the history file, or NULL */
};

/*
 * "I saw a physiotherapist": red flags reported before it no longer stand,
 * and progression restarts from a safe dose (rehabit(1), pain --cleared).
 */
struct hist_clearance {
	int64_t		 at;
	int		 utc_off;
	char		*note;		/* what the physio said, or NULL */
};

/* Sessions are sorted oldest first; so are standalone reports and
 * clearances. */
struct history_pool;

struct history {
	struct hist_session	*s;
	size_t			 ns;
	struct hist_pain	*p;
	size_t			 np;
	struct hist_clearance	*c;
	size_t			 nc;
	struct history_pool	*pool;		/* NULL until first used */
};

void	history_init(struct history *);
void	history_free(struct history *);

/*
 * Append an empty session / exercise / report and return it. Not for a
 * pooled session's exercises: its array cannot grow.
 */
struct hist_session	*history_add_session(struct history *);
struct hist_exercise	*history_add_exercise(struct hist_session *);
struct hist_pain	*history_add_pain(struct history *);
struct hist_clearance	*history_add_clearance(struct history *);
/* The latest clearance at or before `now`, or NULL. */
const struct hist_clearance *history_last_clearance(const struct history *,
			    int64_t now);

/*
 * The pool of a history: memory for pooled sessions, freed with the
 * history (see arena.h for why). A loader of thousands of sessions fills
 * them from here rather than with a malloc() per string and array.
 * history_pool_id() shares one copy between equal ids (exercise and
 * routine ids repeat in every session): never change one in place.
 */
void	*history_pool_alloc(struct history *, size_t);
char	*history_pool_str(struct history *, const char *, size_t);
char	*history_pool_id(struct history *, const char *, size_t);

/* Flag names as in the history file: swelling, locking, giving-way, ... */
const char	*history_flag_name(unsigned flag);
/* Parse one flag name; returns 0 if unknown. */
unsigned	 history_flag_parse(const char *);
const char	*history_side_name(enum side);
const char	*history_pain_kind_name(enum pain_kind);

/*
 * Which session a pain score belongs to: the latest that started from
 * *from to *to (UTC, both included), for a score of `kind` reported at
 * `at`, local offset `utc_off`. A score during or after a session is about
 * one of the last 24 hours; a morning report is about the day before, not
 * the same day.
 */
void	history_pain_window(enum pain_kind kind, int64_t at, int utc_off,
	    int64_t *from, int64_t *to);

#endif
