/*
 * cmd-export.c - `rehabit export`: the whole history as a history file
 * (YAML, which `rehabit import` reads back) or CSV. A file is written
 * beside its final name and renamed into place, mode 0600: it is health
 * data.
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

#include "cmd.h"
#include "histfile.h"
#include "history.h"
#include "store.h"
#include "xmalloc.h"

static int	cmd_export_exec(const struct rh_opts *, int, char **);

static const struct cmd_option cmd_export_options[] = {
	{ "format", 'f', 0, CMD_ARG_TEXT, "yaml csv" },
	{ NULL, 0, 0, CMD_ARG_NONE, NULL }
};

const struct cmd_entry cmd_export_entry = {
	.name = "export",
	.args = "[--format yaml|csv] [FILE]",
	.summary = "write the whole history to FILE (or standard output)",
	.help =
	    "  --format yaml  the history file format (the default), which\n"
	    "                 'rehabit import' reads back; see rehabit(5)\n"
	    "  --format csv   a spreadsheet: RFC 4180, a header row, one row\n"
	    "                 per set; a cell that would be a formula gets a\n"
	    "                 leading '\n"
	    "  --help         show this help\n"
	    "\n"
	    "FILE is created with mode 0600 (only you can read it) and\n"
	    "replaced whole; '-' or no FILE writes to standard output.\n",
	.exec = cmd_export_exec,
	.options = cmd_export_options,
	.operands = CMD_ARG_FILE,
};

struct cmd_export_args {
	bool			 csv;
	const struct history	*h;
};

static int
cmd_export_write(FILE *fp, void *arg)
{
	const struct cmd_export_args	*a = arg;
	int				 rc;

	rc = a->csv ? histfile_write_csv(fp, a->h) :
	    histfile_write_yaml(fp, a->h);
	if (fflush(fp) == EOF)
		rc = -1;
	return rc;
}

static int
cmd_export_exec(const struct rh_opts *o, int argc, char **argv)
{
	struct cmd_export_args	 a;
	struct store		*st;
	struct history		 h;
	const char		*path = NULL;
	bool			 csv = false;
	int			 c, rc;

	while ((c = cmd_getopt(&cmd_export_entry, argc, argv, &rc)) != -1) {
		switch (c) {
		case 'f':
			if (strcmp(optarg, "csv") == 0)
				csv = true;
			else if (strcmp(optarg, "yaml") == 0)
				csv = false;
			else
				return cmd_usage_error(&cmd_export_entry,
				    "--format: '%s' is not yaml or csv",
				    optarg);
			break;
		}
	}
	if (rc != -1)
		return rc;
	if (optind < argc)
		path = argv[optind++];
	if (optind < argc)
		return cmd_usage_error(&cmd_export_entry, "unexpected argument "
		    "'%s'", argv[optind]);
	if (path != NULL && strcmp(path, "-") == 0)
		path = NULL;

	if ((rc = store_open_readonly(o->data_dir, &st)) != 0) {
		fprintf(stderr, "rehabit: %s\n", store_open_error());
		return rc;
	}
	history_init(&h);
	if ((rc = store_load(st, 0, &h)) != 0) {
		fprintf(stderr, "rehabit: %s\n", store_error(st));
		store_close(st);
		history_free(&h);
		return rc;
	}
	store_close(st);
	a.csv = csv;
	a.h = &h;
	if (path != NULL)
		rc = cmd_write_file(path, cmd_export_write, &a);
	else if (cmd_export_write(stdout, &a) != 0) {
		fprintf(stderr, "rehabit: standard output: %s\n",
		    strerror(errno));
		rc = EX_IOERR;
	}
	history_free(&h);
	return rc;
}
