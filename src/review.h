/*
 * review.h - what `rehabit progress`, `rehabit report` and the progress
 * screen share: loading the library and the history, the figures as of
 * now with every dose change explained by the progression rules, and the
 * wording of the figures. Nothing here draws or prints to a terminal.
 */
#ifndef REHABIT_REVIEW_H
#define REHABIT_REVIEW_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "catalog.h"
#include "cmd.h"
#include "history.h"
#include "report.h"

struct store;

/* The options `progress` and `report` share. */
struct review_args {
	long		 weeks;		/* --weeks N; 0 for 'all' */
	const char	*routine;	/* --routine NAME, or NULL */
	bool		 ascii;		/* --ascii, or not a UTF-8 locale */
};
#define REVIEW_MAX_WEEKS	5200

struct review {
	struct catalog	cat;
	struct history	h;
	/* The history is loaded whole from here on, as outlines before. */
	int64_t		since;
};

/*
 * Load the library and the history (read-only: nothing is created) that
 * the last `weeks` weeks up to `now` need, with a margin for the rules
 * that look back, and the older sessions as outlines (store_load_outlined:
 * enough for the streak and every routine's first session); weeks 0: all
 * of it. Returns 0, or an exit status after printing a one-line error.
 */
int	review_load(const struct rh_opts *, struct review *, int weeks,
	    int64_t now);
/* The history alone from an open store (the screens have the library). */
int	review_load_store(struct store *, struct review *);
void	review_free(struct review *);
/*
 * Parse --weeks, --routine, --ascii and --help for command `e` into `a`
 * (weeks keeps the caller's default). Returns -1 to go on (optind is at
 * the first operand), 0 after printing the help, or EXIT_USAGE after a
 * one-line error.
 */
int	review_args(const struct cmd_entry *e, int argc, char **argv,
	    struct review_args *a);
/* Those options, for the table of each command. */
extern const struct cmd_option review_options[];

/*
 * The figures of the last `weeks` weeks (0: all) up to `now`, local time,
 * for one routine or all (NULL), with the latest `explain` dose changes of
 * each exercise explained (0: every one).
 */
void	review_figures(const struct review *, const struct catalog *,
	    const char *routine, int weeks, int64_t now, size_t explain,
	    struct report *);

/* True when `id` is a routine of the library or of the history. */
bool	review_routine_known(const struct review *, const struct catalog *,
	    const char *id);

/*
 * "pain after sessions: 5 → 1.5 over 12 weeks (meaningful)"; ASCII arrow
 * when !utf8.
 */
void	review_trend(const struct report *, int kind, bool utf8, char *,
	    size_t);
/* A score or average: "5", "1.5". */
void	review_number(double, char *, size_t);
/* A dose as a person reads it. */
void	review_dose(const struct report_exercise *, const struct dose *,
	    char *, size_t);
const char	*review_name(const struct report_exercise *);
/* A volume with its unit: "96 reps", "4:30", "45 s". */
void	review_volume(enum ex_kind, int64_t, char *, size_t);
/* Red flags as words: "swelling, night-pain". */
void	review_flags(unsigned, char *, size_t);

#endif
