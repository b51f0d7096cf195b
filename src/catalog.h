/*
 * catalog.h - the exercise library: exercises and routines loaded from YAML
 * (doc/DESIGN.md section 3) into validated, read-only structs.
 *
 * Everything here is plain data: progression, the session engine and the
 * screens read it and never change it after catalog_load*() returns.
 */
#ifndef REHABIT_CATALOG_H
#define REHABIT_CATALOG_H

#include <stdbool.h>
#include <stddef.h>

#include "arena.h"
#include "diag.h"
#include "inlimits.h"

enum ex_kind {
	KIND_REPS,		/* count repetitions */
	KIND_HOLD,		/* count down `hold` seconds per set */
	KIND_TIMED		/* work/easy intervals for `rounds` */
};

enum ex_focus { FOCUS_STRENGTH, FOCUS_MOBILITY, FOCUS_CARDIO };

enum ex_sides {
	SIDES_BOTH,		/* both legs at once */
	SIDES_EACH		/* left then right, per set */
};

struct exercise {
	char		 *id;		/* [a-z0-9-]+, unique in the library */
	char		 *name;
	enum ex_kind	  kind;
	enum ex_focus	  focus;
	enum ex_sides	  sides;
	bool		  broken;	/* had problems: steps using it are
					   not checked against it */
	bool		  isolated;	/* its file has problems: not found
					   (catalog_isolate()) */
	char		**cues;
	size_t		  ncues;
	char		**levels;	/* easy -> hard; may be empty */
	size_t		  nlevels;
	struct diag_loc	  loc;
};

/*
 * A dose: what one step asks for in one session. Fields that do not apply
 * to the exercise's kind are 0. `level` is 1-based into the exercise's
 * levels, 0 when the exercise has none.
 */
struct dose {
	int	sets;
	int	reps;		/* reps: per set; hold: holds per set (0 = 1) */
	int	hold;		/* seconds per hold */
	int	relax;		/* seconds between holds of one set */
	int	work;		/* timed: seconds of work per round */
	int	easy;		/* timed: seconds of easy between rounds */
	int	rounds;		/* timed: rounds per set */
	int	rest;		/* seconds between sets */
	int	level;
};

/*
 * A place in the file of the step or routine that holds it: a diag_loc
 * without the file, which the holder's `loc` names. Thousands of steps
 * hold a dozen of these, so they are kept small.
 */
struct catalog_pos {
	int	line;		/* 1-based; 0: not given */
	int	col;
};

/* One axis of a progression ladder: `{step: N, max: M}`. */
struct ladder_axis {
	bool			on;	/* the axis was named in the YAML */
	int			step;	/* 0: the default step for the axis */
	int			max;	/* 0: no maximum given */
	struct catalog_pos	loc;	/* where it was named */
};

/*
 * Progression settings of a routine or a step (`progression:` key).
 * Threshold fields hold -1 (or 0.0 for load_cap) when not given, so that a
 * step inherits from its routine and the routine from the built-in
 * defaults in progression.c.
 */
struct prog_cfg {
	struct ladder_axis reps, sets, hold, work, rounds;
	bool	levels;			/* `level: {max: N}` named */
	int	level_max;		/* 0: up to the exercise's last */
	struct catalog_pos level_loc;
	int	green_max;		/* `green`: pain <= this is green */
	int	red_above;		/* `red`: pain > this is red */
	int	greens_needed;		/* `greens`: green sessions to step up */
	int	reds_to_physio;		/* `reds_to_physio` */
	int	physio_weeks;		/* `physio_weeks` */
	double	load_cap;		/* `load_cap`: e.g. 1.3 */
};

/* The keys of a step, for struct step's `given` and `keyloc`. */
enum step_key {
	STEP_EXERCISE, STEP_SETS, STEP_REPS, STEP_HOLD, STEP_RELAX,
	STEP_WORK, STEP_EASY, STEP_ROUNDS, STEP_REST, STEP_LEVEL,
	STEP_TEMPO, STEP_PROGRESSION,
	STEP_KEY_COUNT
};

struct step {
	char			*exercise_id;
	/* Resolved by catalog_link(); never NULL once it succeeds. */
	const struct exercise	*ex;
	/* The starting dose, with the defaults filled in. */
	struct dose		 base;
	bool			 has_tempo;
	int			 tempo[3];	/* seconds down, pause, up */
	struct prog_cfg		 prog;		/* as written on the step */
	/* 1 << STEP_* for each key written in the file, and where. */
	unsigned		 given;
	struct catalog_pos	 keyloc[STEP_KEY_COUNT];
	struct diag_loc		 loc;
};

struct routine {
	char		*id;
	char		*name;
	int		 per_week;	/* planned sessions per week */
	bool		 own;		/* from the person's own folder */
	/*
	 * After catalog_isolate(): the file with problems it depends on
	 * (its own, or the file of `blocked_ex`), else NULL. It cannot start.
	 */
	const char	*blocked;
	const char	*blocked_ex;	/* the exercise id, or NULL */
	struct step	*steps;
	size_t		 nsteps;
	struct prog_cfg	 prog;		/* as written on the routine */
	struct diag_loc	 loc;
};

/*
 * Filled by catalog_load*() only: the arrays grow by powers of two. The
 * strings and small arrays of exercises and routines (ids, names, cues,
 * levels, steps) are in `arena`, freed with the catalog, never one by one.
 */
struct catalog {
	struct exercise	*ex;
	size_t		 nex;
	struct routine	*rt;
	size_t		 nrt;
	char		**files;	/* the files loaded, for diag_loc */
	bool		 *bad;		/* per file: it has problems */
	size_t		 nfiles;
	struct arena	 arena;
};

/* The limits on a library file (inlimits.h). */
#define CATALOG_MAX_FILE	INPUT_LIBRARY_FILE
#define CATALOG_MAX_DEPTH	INPUT_YAML_DEPTH
#define CATALOG_MAX_SCALAR	INPUT_YAML_SCALAR
#define CATALOG_MAX_NODES	INPUT_YAML_NODES

void	catalog_init(struct catalog *);
void	catalog_free(struct catalog *);

/*
 * A catalog is fit to use only when loading and linking added no problem:
 * after problems, names and a step's `ex` may be NULL.
 *
 * Load YAML from memory into `cat`, as if read from `path`. Problems are
 * appended to `d`; returns the number of problems added. Used by the
 * fuzzer, so it must survive any input.
 */
size_t	catalog_load_buffer(struct catalog *cat, const char *path,
	    const char *buf, size_t len, struct diags *d);

/*
 * The *.yaml files of a folder (not hidden ones), sorted by name, as
 * "DIR/NAME" paths in *files. Returns how many, or -1 after adding the
 * reason to `d`. Free each path and the array.
 */
long	catalog_dir_files(const char *dir, char ***files, struct diags *d);

/* Load one file, or every *.yaml in a folder (sorted by name). */
size_t	catalog_load_path(struct catalog *cat, const char *path,
	    struct diags *d);

/*
 * After every file is loaded: resolve step exercises, check ids are unique
 * across files. Returns the number of problems added.
 */
size_t	catalog_link(struct catalog *cat, struct diags *d);

/*
 * After catalog_link(), for a library used despite problems: leave out
 * the routines of the files that have problems, mark `blocked` the
 * routines that use an exercise of such a file, and hide those exercises
 * from catalog_exercise(). Returns how many files have problems.
 */
size_t	catalog_isolate(struct catalog *cat);
/* Has this file of `cat` (a diag_loc's file) problems? */
bool	catalog_file_bad(const struct catalog *cat, const char *file);
/*
 * Sort problems into the order a person reads them: by file, in the order
 * the files were loaded, then by line and column.
 */
void	catalog_sort_diags(const struct catalog *cat, struct diags *d);

/*
 * Copy into `cat` the exercises of `from` whose ids `cat` does not have
 * (their strings into cat's arena) and move the file names they point to,
 * so that files checked on their own can use a library's exercises. Call
 * before catalog_link(cat); `from` keeps its exercises and routines (the
 * file names of their locations then belong to `cat`) and is still freed
 * with catalog_free(), before or after `cat`.
 */
void	catalog_borrow(struct catalog *cat, struct catalog *from);

const struct exercise	*catalog_exercise(const struct catalog *, const char *);
const struct routine	*catalog_routine(const struct catalog *, const char *);

const char	*catalog_kind_name(enum ex_kind);
const char	*catalog_focus_name(enum ex_focus);
const char	*catalog_sides_name(enum ex_sides);
/*
 * Did-you-mean for a misspelt key: the Damerau-Levenshtein distance of two
 * words (CATALOG_WORD_MAX for a longer one), and the one of `known` at
 * most 2 from `word`, when it is the only nearest and the distance is
 * below the word's length; else NULL.
 */
#define CATALOG_WORD_MAX	32
int		 catalog_distance(const char *, const char *);
const char	*catalog_suggest(const char *word, const char *const *known,
		    size_t n);
/* The YAML name of a step key: "sets", "hold", ... */
const char	*catalog_step_key_name(enum step_key);

/*
 * Format a dose the way a person reads it: "3 x 12", "3 x 12 each side",
 * "3 x 30 s hold", "5 rounds: 1:00 work / 2:00 easy", followed by the
 * level's name in brackets when the exercise has levels.
 */
void	 catalog_dose_str(const struct exercise *, const struct dose *,
	    char *buf, size_t len);

#endif
