/*
 * cmd.h - subcommands. Each lives in cmd-NAME.c and exports one const
 * struct cmd_entry; main.c keeps the table. Commands that do not need the
 * terminal run and exit before curses starts.
 */
#ifndef REHABIT_CMD_H
#define REHABIT_CMD_H

#include <stdbool.h>
#include <stdio.h>

#include "catalog.h"

/* Global options, valid before or after the command name. */
struct rh_opts {
	const char	*library;	/* --library DIR, or NULL */
	const char	*data_dir;	/* --data-dir DIR, or NULL */
	bool		 sound;		/* false with --no-sound */
	bool		 color;		/* false with --no-color or NO_COLOR */
};

struct cmd_entry {
	const char	*name;
	const char	*args;		/* e.g. "[--limit N]" */
	const char	*summary;	/* one line */
	const char	*help;		/* option lines for COMMAND --help */
	int		(*exec)(const struct rh_opts *, int argc, char **argv);
};

/* Exit statuses (sysexits.h numbers, DESIGN.md section 2). */
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
 * For commands whose only option is --help: parse argv with getopt_long.
 * Returns -1 to go on (optind is at the first operand), 0 after printing
 * the help, or EXIT_USAGE after a one-line error.
 */
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
void	cmd_free_dirs(char **, size_t);

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

extern const struct cmd_entry cmd_list_entry;
extern const struct cmd_entry cmd_show_entry;
extern const struct cmd_entry cmd_check_entry;
extern const struct cmd_entry cmd_due_entry;
/* `rehabit` with no command: the home screen (ui-home.c). */
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
