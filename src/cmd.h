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

#endif
