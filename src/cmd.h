/*
 * cmd.h - subcommands. Each lives in cmd-NAME.c and exports one const
 * struct cmd_entry; main.c keeps the table. Commands that do not need the
 * terminal run and exit before curses starts.
 */
#ifndef REHABIT_CMD_H
#define REHABIT_CMD_H

#include <stdbool.h>
#include <stdio.h>
#include <unistd.h>		/* optarg, optind: cmd_getopt() */

#include "catalog.h"

/* Global options, valid before or after the command name. */
struct rh_opts {
	const char	*library;	/* --library DIR, or NULL */
	const char	*data_dir;	/* --data-dir DIR, or NULL */
	bool		 sound;		/* false with --no-sound */
	bool		 color;		/* false with --no-color or NO_COLOR */
};

/* What an option's value or a command's operands are (for completion). */
enum cmd_arg {
	CMD_ARG_NONE,		/* no value; a command without operands */
	CMD_ARG_TEXT,		/* a number, a date, a note, or one of values */
	CMD_ARG_ROUTINE,	/* a routine id of the library */
	CMD_ARG_FILE,		/* a file name */
	CMD_ARG_DIR		/* a folder */
};

/*
 * One option of a command: cmd_getopt() parses them all the same way, and
 * `rehabit __complete` offers them. Every command has --help and -h as
 * well, so 'h' is no key of its own.
 */
struct cmd_option {
	const char	*name;		/* --NAME */
	int		 key;		/* what cmd_getopt() returns */
	char		 letter;	/* -LETTER as well, or 0 */
	enum cmd_arg	 arg;		/* CMD_ARG_NONE: takes no value */
	const char	*values;	/* "text yaml": the values, or NULL */
};

struct cmd_entry {
	const char	*name;
	const char	*args;		/* e.g. "[--limit N]" */
	const char	*summary;	/* one line */
	const char	*help;		/* option lines for COMMAND --help */
	int		(*exec)(const struct rh_opts *, int argc, char **argv);
	const struct cmd_option *options; /* ended by a NULL name, or NULL */
	enum cmd_arg	 operands;	/* what the operands are */
};

/* Exit statuses (sysexits.h numbers, doc/DESIGN.md section 2). */
#define EXIT_USAGE	2

/* Print "Usage: rehabit NAME ARGS", the summary and the help text. */
void	cmd_usage(const struct cmd_entry *, FILE *);
/*
 * Print "rehabit: NAME: message" and a hint to --help on one line;
 * returns EXIT_USAGE.
 */
int	cmd_usage_error(const struct cmd_entry *, const char *, ...)
	    __attribute__((format(printf, 2, 3)));
/*
 * Parse a whole decimal number in [min, max] into *out; 0 or -1.
 */
int	cmd_parse_int(const char *, long min, long max, long *out);

/*
 * The next option of argv (argv[0] is the command's name) from the table
 * of `e`, in any order among the operands: its key, with optarg its value.
 * Returns -1 after the last, with *rc -1 to go on (optind is at the first
 * operand), or 0 after printing the help (--help, -h), or EXIT_USAGE after
 * printing "rehabit: NAME: unknown option '--x'" or "option '--x' needs a
 * value". A new argv starts afresh.
 */
int	cmd_getopt(const struct cmd_entry *, int argc, char **argv, int *rc);
/* For commands whose only option is --help: cmd_getopt()'s *rc. */
int	cmd_help_only(const struct cmd_entry *, int argc, char **argv);

/*
 * Write text a person typed (a note) on one line: line breaks and tabs as
 * spaces, other control characters (C0, DEL, C1) as \xNN as diag_fputs()
 * writes them, so that it can neither break a line apart nor send the
 * terminal an escape sequence.
 */
void	cmd_put_text(FILE *, const char *);

/*
 * The folders of the library: --library DIR alone, else the bundled
 * library and, if it exists, $XDG_CONFIG_HOME/rehabit/library. Returns 0,
 * or EX_NOINPUT after printing why a folder is missing.
 */
int	cmd_library_dirs(const struct rh_opts *, char ***dirs, size_t *n);

/*
 * Load and link the whole library into `cat` (initialised here; free it
 * with catalog_free() whatever the result). Returns 0; EX_DATAERR after
 * printing every problem as FILE:LINE:COLUMN: message; EX_NOINPUT when a
 * library folder is missing.
 */
int	cmd_load_catalog(const struct rh_opts *, struct catalog *);
/*
 * The same, but a file with problems stops only what depends on it (see
 * catalog_isolate()): its problems go to `d`, sorted, and 0 is returned;
 * EX_NOINPUT when a library folder is missing.
 */
int	cmd_load_catalog_valid(const struct rh_opts *, struct catalog *,
	    struct diags *d);

/*
 * After a command has printed its output: 0, or EX_IOERR after a one-line
 * error if standard output could not be written (a full disk, a closed
 * pipe).
 */
int	cmd_flush(const struct cmd_entry *);

/*
 * Write FILE whole or not at all: `fn` writes into a new 0600 file beside
 * it (FILE.XXXXXX), which is synced and renamed over FILE. A FILE that
 * was there keeps nothing of its own (not its mode), and a full disk
 * leaves it as it was. Returns 0, or EX_IOERR after a one-line error.
 */
int	cmd_write_file(const char *path, int (*fn)(FILE *, void *), void *);

/*
 * `rehabit __complete WORD...`: the words a shell has on its command line
 * after the program's name, the last one being completed. Prints the
 * candidates one a line; ":file" or ":dir" asks the shell for file or
 * folder names. Returns 0.
 */
int	cmd_complete(const struct cmd_entry *const *cmds,
	    const struct cmd_option *globals, int argc, char **argv);

extern const struct cmd_entry cmd_list_entry;
extern const struct cmd_entry cmd_show_entry;
extern const struct cmd_entry cmd_check_entry;
extern const struct cmd_entry cmd_due_entry;
/* `rehabit` with no command: the home screen (cmd-home.c). */
extern const struct cmd_entry cmd_home_entry;
extern const struct cmd_entry cmd_pain_entry;
extern const struct cmd_entry cmd_log_entry;
extern const struct cmd_entry cmd_export_entry;
extern const struct cmd_entry cmd_import_entry;
extern const struct cmd_entry cmd_start_entry;
extern const struct cmd_entry cmd_plan_entry;
extern const struct cmd_entry cmd_progress_entry;
extern const struct cmd_entry cmd_report_entry;

#endif
