/*
 * progression.h - the next prescription: a pure function of (routine,
 * recorded history, today) that says for each step what to do next, which
 * rule decided and why (doc/DESIGN.md section 5, doc/CLINICAL.md). No I/O, no
 * clock, no globals: "today" is an argument.
 *
 * Today is given as `now` (UTC seconds since the epoch) and `utc_off` (the
 * local offset in seconds east of UTC at `now`); days are local calendar
 * days numbered from 1970-01-01. A session's day is its own local day
 * (start + its utc_off), so "days since the last session" counts calendar
 * days as the person lived them.
 */
#ifndef REHABIT_PROGRESSION_H
#define REHABIT_PROGRESSION_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "catalog.h"
#include "history.h"

enum prog_decision {
	PROG_START,		/* no history: the routine's dose */
	PROG_PROGRESS,		/* one step up the ladder */
	PROG_HOLD,		/* the same dose */
	PROG_REGRESS,		/* one step down */
	PROG_DELOAD		/* less after a break */
};

/* The rules, in the order they are checked. */
enum prog_rule {
	RULE_START,
	RULE_RED_FLAG,
	RULE_PAIN_RED,
	RULE_SEE_PHYSIO,
	RULE_BREAK,		/* return-after-break */
	RULE_TREND,		/* trend-rising */
	RULE_AMBER,		/* pain-amber */
	RULE_LOAD_CAP,
	RULE_GREEN		/* pain-green */
};

/* Advice, as a bit set, in the order it is listed. */
#define ADVICE_SEE_PHYSIO	0x1u
#define ADVICE_CROSS_TRAIN	0x2u
#define ADVICE_REST_DAY		0x4u
#define ADVICE_COUNT		3

/* Thresholds after inheritance: step, else routine, else built-in. */
struct prog_limits {
	int	green_max;	/* pain <= this is green */
	int	red_above;	/* pain > this is red */
	int	greens_needed;	/* green sessions in a row to step up */
	int	reds_to_physio;	/* red sessions in a row: see a physio */
	int	physio_weeks;	/* pain not lower after this: see a physio */
	double	load_cap;	/* this week <= cap x the weekly average */
};

/* One session a rule looked at, for `plan --why`. */
struct prog_seen {
	int64_t	start;
	int	utc_off;
	int	pain;		/* the highest pain that decided, or PAIN_NONE */
	bool	ex_pain;	/* it was given for this exercise (or side) */
	int	morning;	/* the morning after, or PAIN_NONE */
	int	morning_prev;	/* the morning score before that one */
	bool	morning_up;	/* above the morning before it */
	bool	all_done;
	bool	green;
	bool	red;
	int	peak;		/* the highest pain given, or PAIN_NONE */
	bool	severe;		/* see PROG_SEVERE_PAIN */
};

#define PROG_SEEN	6

/*
 * Pain this high (during, after, or the next morning) sends the person to
 * a physiotherapist on its own; so does red pain still above the red
 * limit the next morning (it did not settle). rehabit(1) names the source.
 */
#define PROG_SEVERE_PAIN	8

/* The numbers behind a decision. */
struct prog_why {
	struct prog_seen sess[PROG_SEEN];	/* this step's, newest first */
	size_t		 nsess;
	int		 days_since;	/* since the last session; -1: none */
	long		 week_volume;	/* the last 7 days, today included */
	double		 avg_volume;	/* weekly average of the weeks before */
	int		 avg_weeks;	/* weeks averaged; 0: under 2 weeks */
	long		 start_volume;	/* of the routine's dose */
	long		 cur_volume;	/* of the current dose */
	long		 new_volume;	/* of the prescription */
};

struct prog_item {
	const struct step	*step;
	size_t			 nstep;		/* index into routine steps */
	enum side		 side;		/* LEFT/RIGHT when sides differ */
	struct dose		 current;	/* last prescribed, on the ladder */
	struct dose		 dose;		/* the prescription */
	enum prog_decision	 decision;
	enum prog_rule		 rule;
	char			 reason[256];
	struct prog_why		 why;
};

struct prog_plan {
	const struct routine	*routine;
	int64_t			 day;		/* today, local */
	struct prog_item	*items;		/* in step order */
	size_t			 nitems;
	unsigned		 advice;	/* ADVICE_* */
	unsigned		 flags;		/* red flags that stand */
	char			 physio[512];	/* what triggered see-physio */
	char			 cross[512];	/* what triggered cross-train */
	char			 rest[128];	/* why not today */
	char			 next[64];	/* the next day it may be done */
};


/*
 * The earliest session start the rules read, besides the last session of
 * each step: callers load history from here on (plus, for a step not done
 * since, its last session).
 */
int64_t		 progression_since(const struct routine *, int64_t now,
		    int utc_off);

/*
 * The red flags (FLAG_*) that stand at `now`: reported in the last two
 * weeks and after the last clearance by a physiotherapist. *day gets the
 * local day of the latest such report.
 */
unsigned	 progression_red_flags(const struct history *, int64_t now,
		    int utc_off, int64_t *day);

/* Compute the plan; free it with progression_free(). */
void		 progression_plan(const struct routine *,
		    const struct history *, int64_t now, int utc_off,
		    struct prog_plan *);
void		 progression_free(struct prog_plan *);

/*
 * The dose a session runs a step with: the prescription, or when the two
 * sides of a step differ, the smaller of them (the safe one).
 */
const struct dose *progression_step_dose(const struct prog_plan *,
		    size_t nstep);

/* The thresholds of a step (NULL: the routine's; rt NULL: built-in). */
void		 progression_limits(const struct routine *,
		    const struct step *, struct prog_limits *);

/* In this order: screens index tables with it. */
enum prog_band {
	PROG_GREEN,		/* pain <= green_max: fine, may step up */
	PROG_AMBER,		/* up to red_above: acceptable, hold */
	PROG_RED		/* above red_above: too much */
};
/*
 * The band of a pain score (0-10, or an average) as the rules read it for
 * a step of a routine: the step's `green`/`red`, else the routine's, else
 * the built-in 2 and 5 (st NULL: the routine's; rt NULL: built-in). Every
 * screen and chart colours scores with this.
 */
enum prog_band	 progression_band(const struct routine *,
		    const struct step *, double pain);
/* The highest dose the step's ladder allows (every axis at its max). */
void		 progression_top(const struct routine *, const struct step *,
		    struct dose *);
/*
 * The floor: one set of the level's smallest dose (the routine's dose with
 * one set). No prescription has less volume.
 */
void		 progression_floor(const struct step *, int level,
		    struct dose *);
/* sets x reps, sets x holds x hold seconds, sets x rounds x work. */
long		 progression_volume(enum ex_kind, const struct dose *);
/* What a volume counts: "reps", or "s" (seconds held or worked). */
const char	*progression_unit(enum ex_kind);

/* The decision as plan --format yaml writes it: progress, hold, ... */
const char	*progression_decision_name(enum prog_decision);
/* As a person reads it: start, up, keep, down, ease back in. */
const char	*progression_decision_word(enum prog_decision);
const char	*progression_rule_name(enum prog_rule);
/* The name of one ADVICE_* bit: see-physio, cross-train, rest-day. */
const char	*progression_advice_name(unsigned);

#endif
