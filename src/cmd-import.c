/*
 * cmd-import.c - `rehabit import FILE`: merge a history file. The whole
 * file is read and checked first (every score, time, flag and number, and
 * the routine and exercise ids against the library), then written in one
 * transaction: one bad record and nothing is imported.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "catalog.h"
#include "cmd.h"
#include "diag.h"
#include "histfile.h"
#include "history.h"
#include "store.h"

static int	cmd_import_exec(const struct rh_opts *, int, char **);

const struct cmd_entry cmd_import_entry = {
	.name = "import",
	.args = "FILE",
	.summary = "merge a history file (as written by 'rehabit export')",
	.help =
	    "  --help   show this help\n"
	    "\n"
	    "A session with the same start and routine as one already\n"
	    "recorded is the same session, so importing a file twice adds\n"
	    "nothing. Routines and exercises must be in the library\n"
	    "(--library DIR to use another). One bad record and nothing is\n"
	    "imported: the error names its FILE:LINE:COLUMN. The format is\n"
	    "in rehabit(5).\n",
	.exec = cmd_import_exec,
	.operands = CMD_ARG_FILE,
};

static int
cmd_import_exec(const struct rh_opts *o, int argc, char **argv)
{
	struct store			*st;
	struct store_import_stats	 stats;
	struct catalog			 cat;
	struct history			 h;
	struct diags			 d;
	const char			*path;
	int				 rc;

	if ((rc = cmd_help_only(&cmd_import_entry, argc, argv)) != -1)
		return rc;
	if (optind == argc)
		return cmd_usage_error(&cmd_import_entry, "which file? "
		    "(rehabit import FILE)");
	path = argv[optind++];
	if (optind < argc)
		return cmd_usage_error(&cmd_import_entry, "unexpected argument "
		    "'%s'", argv[optind]);

	if ((rc = cmd_load_catalog(o, &cat)) != 0) {
		catalog_free(&cat);
		return rc;
	}
	history_init(&h);
	diags_init(&d);
	rc = histfile_load(path, &cat, &h, &d);
	catalog_free(&cat);
	if (rc != 0) {
		/* A problem with the file as a whole is one line. */
		if (d.n == 1 && d.v[0].loc.line == 0)
			fputs("rehabit: import: ", stderr);
		else {
			diags_print(&d, stderr);
			fputs("rehabit: ", stderr);
		}
		/* The name as given, escaped: it may hold anything. */
		diag_fputs(stderr, path, false);
		fputs(": ", stderr);
		diag_fputs(stderr, d.n == 1 && d.v[0].loc.line == 0 ?
		    d.v[0].msg : "nothing imported", false);
		fputc('\n', stderr);
		diags_free(&d);
		history_free(&h);
		return rc;
	}
	diags_free(&d);

	if ((rc = store_open(o->data_dir, &st)) != 0) {
		fprintf(stderr, "rehabit: %s\n", store_open_error());
		history_free(&h);
		return rc;
	}
	rc = store_import(st, &h, &stats);
	if (rc != 0)
		fprintf(stderr, "rehabit: %s; nothing imported\n",
		    store_error(st));
	else {
		fputs("Imported ", stdout);
		diag_fputs(stdout, path, false);
		printf(": %zu new session%s, %zu already there; "
		    "%zu new pain report%s, %zu already there",
		    stats.sessions_new, stats.sessions_new == 1 ? "" : "s",
		    stats.sessions_merged, stats.reports_new,
		    stats.reports_new == 1 ? "" : "s", stats.reports_merged);
		if (h.nc > 0)
			printf("; %zu new clearance%s, %zu already there",
			    stats.clearances_new, stats.clearances_new == 1 ?
			    "" : "s", stats.clearances_merged);
		printf(".\n");
	}
	store_close(st);
	history_free(&h);
	return rc;
}
