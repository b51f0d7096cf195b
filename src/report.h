/*
 * report.h - progress figures: pure functions from the recorded history
 * and the routines to what the progress screen, `rehabit progress` and
 * `rehabit report` show. No I/O and no clock: "now" is an argument.
 *
 * Weeks are local calendar weeks, Monday first. A moment is placed on its
 * local day with the UTC offset it was recorded with (or with an injected
 * time zone function), so weeks stay right across DST changes and year
 * ends: days are counted as whole civil days, never as 86400-second steps
 * from a fixed instant.
 */
#ifndef REHABIT_REPORT_H
#define REHABIT_REPORT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "catalog.h"
#include "history.h"

/* Pain series, in the order of enum pain_kind. */
#define REPORT_NPAIN	3

/*
 * A change of pain at least this big (0-10 scale) counts as meaningful:
 * trials call a drop of 2 points a success (Crossley 2004, doc/CLINICAL.md).
 */
#define REPORT_MEANINGFUL	2.0

/* What to compute. */
struct report_in {
	const struct history	*h;
	const struct catalog	*cat;		/* NULL: no plans, no names */
	const char		*routine;	/* NULL: every routine */
	int64_t			 now;		/* the window ends this day */
	int			 now_off;	/* UTC offset at `now` */
	/*
	 * 0: since the first session. Never earlier than the first
	 * session's week either, so that nothing is averaged over weeks
	 * before it.
	 */
	int			 weeks;
	/*
	 * The UTC offset at a moment; NULL: each record's own utc_off.
	 * Also replaces now_off when set.
	 */
	int			(*tz)(int64_t t, void *arg);
	void			*tz_arg;
	/*
	 * The history holds every record from this moment on (0: all of
	 * it). report_build() then says in `need_all` whether the figures
	 * could depend on older records.
	 */
	int64_t			 since;
};

struct report_week {
	int64_t		 day0;		/* local day number of its Monday */
	int		 done;		/* sessions completed */
	int		 partial;	/* sessions stopped early */
	int		 planned;	/* sum of per_week of active routines */
	double		 pain[REPORT_NPAIN];	/* average; -1: none */
	int		 npain[REPORT_NPAIN];
	unsigned char	 day_done[7];	/* Monday first */
	unsigned char	 day_partial[7];
	unsigned	 day_flags[7];	/* FLAG_* reported that day */
};

/* A dose change between two sessions of an exercise. */
struct report_change {
	int64_t		 at;		/* start of the session that changed */
	int		 utc_off;
	struct dose	 from;
	struct dose	 to;
	size_t		 session;	/* its index in the history */
	int		 dir;		/* +1 more volume or level, -1 less */
	/* Filled by a caller that can explain the change, else empty. */
	char		 decision[16];	/* "up", "down", ... (as read) */
	char		 rule[24];	/* "pain-green", ... */
	char		 reason[256];
};

struct report_exercise {
	const char		*id;		/* owned by the history */
	const struct exercise	*ex;		/* NULL if not in the library */
	enum ex_kind		 kind;
	int			 sessions;	/* in the window */
	struct dose		 start;		/* first in the window */
	struct dose		 current;	/* last in the window */
	int64_t			*volume;	/* per window week */
	int64_t			 total;		/* volume in the window */
	double			*pain;		/* per window week; -1: none */
	struct report_change	*changes;	/* in the window, oldest 1st */
	size_t			 nchanges;
};

/*
 * A red flag reported with a session or on its own, or (cleared) a visit
 * to a physiotherapist that lifted them (flags 0).
 */
struct report_flag {
	int64_t		 at;
	int		 utc_off;
	unsigned	 flags;
	bool		 cleared;
	const char	*note;		/* owned by the history; may be NULL */
};

/* The change of one pain series across the window. */
struct report_trend {
	bool		 have;		/* enough scores to compare */
	double		 first;		/* average of the first two weeks */
	double		 last;		/* average of the last two weeks */
	int		 weeks;		/* from the first week to the last */
	bool		 meaningful;	/* |last - first| >= 2 points */
};

/* One session in the window, for the pain of each session. */
struct report_session {
	int64_t		 at;
	int		 utc_off;
	const char	*routine;	/* owned by the history */
	int		 pain[REPORT_NPAIN];	/* by pain_kind; -1: none */
	int		 worst;		/* the highest of them; -1: none */
	unsigned	 flags;
	bool		 completed;
};

/* A note written with a session or a pain report, in the window. */
struct report_note {
	int64_t		 at;
	int		 utc_off;
	const char	*routine;	/* NULL: a pain report */
	const char	*note;		/* owned by the history */
};

struct report_routine {
	const char		*id;		/* owned by the history */
	const struct routine	*rt;		/* NULL if not in the library */
	int64_t			 first;		/* first and last session */
	int64_t			 last;
	int			 first_off;
	int			 last_off;
	int			 sessions;	/* in the window */
	bool			 current;	/* still planned now */
};

struct report {
	int			 nweeks;
	struct report_week	*w;		/* the window, oldest first */
	int64_t			 today;		/* local day number of now */
	int			 done;		/* in the window */
	int			 partial;
	int			 planned;	/* due up to today */
	int			 streak;	/* weeks on plan, up to now */
	struct report_trend	 trend[REPORT_NPAIN];
	struct report_exercise	*ex;		/* in order of first use */
	size_t			 nex;
	struct report_routine	*rt;
	size_t			 nrt;
	struct report_flag	*flags;
	size_t			 nflags;
	struct report_session	*sess;		/* in the window, oldest 1st */
	size_t			 nsess;
	struct report_note	*notes;		/* in the window, oldest 1st */
	size_t			 nnotes;
	size_t			 nsessions;	/* in scope, whole history */
	bool			 need_all;	/* load everything and redo */

	struct report_week	*all;		/* every week, for the streak */
	int			 nall;
};

/* Compute the figures; free them with report_free(). */
void	report_build(struct report *, const struct report_in *);
void	report_free(struct report *);


/*
 * The planned volume of a dose: sets x reps, sets x hold seconds (x holds
 * per set), sets x rounds x work seconds.
 */
int64_t	report_dose_volume(enum ex_kind, const struct dose *);

/* True when a week met its plan (planned > 0, done >= planned). */
bool	report_on_plan(const struct report_week *);

#endif
