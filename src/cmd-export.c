/*
 * cmd-export.c - `rehabit export`: the whole history as a history file
 * (YAML, which `rehabit import` reads back) or CSV. A file is written
 * beside its final name and renamed into place, mode 0600: it is health
 * data.
 */
#include "config.h"

#include <sys/stat.h>

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cmd.h"
#include "histfile.h"
#include "history.h"
#include "store.h"
#include "xmalloc.h"

static int	cmd_export_exec(const struct rh_opts *, int, char **);

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
};

static int
cmd_export_write(FILE *fp, bool csv, const struct history *h)
{
	int	rc;

	rc = csv ? histfile_write_csv(fp, h) : histfile_write_yaml(fp, h);
	if (fflush(fp) == EOF)
		rc = -1;
	return rc;
}

/* Write into FILE.XXXXXX and rename it over FILE once complete. */
static int
cmd_export_file(const char *path, bool csv, const struct history *h)
{
	FILE	*fp;
	char	*tmp;
	int	 fd, rc;

	xasprintf(&tmp, "%s.XXXXXX", path);
	if ((fd = mkstemp(tmp)) == -1) {
		fprintf(stderr, "rehabit: %s: %s\n", path, strerror(errno));
		free(tmp);
		return 74;
	}
	(void)fchmod(fd, 0600);
	if ((fp = fdopen(fd, "w")) == NULL) {
		close(fd);
		rc = -1;
	} else {
		rc = cmd_export_write(fp, csv, h);
		if (rc == 0 && fsync(fileno(fp)) == -1)
			rc = -1;
		if (fclose(fp) == EOF)
			rc = -1;
	}
	if (rc == 0 && rename(tmp, path) == -1)
		rc = -1;
	if (rc != 0) {
		fprintf(stderr, "rehabit: %s: %s\n", path, errno != 0 ?
		    strerror(errno) : "cannot write");
		unlink(tmp);
		free(tmp);
		return 74;
	}
	free(tmp);
	return 0;
}

static int
cmd_export_exec(const struct rh_opts *o, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "format",	required_argument,	NULL, 'f' },
		{ "help",	no_argument,		NULL, 'h' },
		{ NULL,		0,			NULL, 0 }
	};
	struct store	*st;
	struct history	 h;
	const char	*path = NULL;
	bool		 csv = false;
	int		 c, rc;

	opterr = 0;
	optind = 1;
	while ((c = getopt_long(argc, argv, ":", longopts, NULL)) != -1) {
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
		case 'h':
			cmd_usage(&cmd_export_entry, stdout);
			return 0;
		case ':':
			return cmd_usage_error(&cmd_export_entry, "option '%s' "
			    "needs a value", argv[optind - 1]);
		default:
			return cmd_usage_error(&cmd_export_entry, "unknown "
			    "option '%s'", argv[optind - 1]);
		}
	}
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
	if (path != NULL)
		rc = cmd_export_file(path, csv, &h);
	else if (cmd_export_write(stdout, csv, &h) != 0) {
		fprintf(stderr, "rehabit: standard output: %s\n",
		    strerror(errno));
		rc = 74;
	}
	history_free(&h);
	return rc;
}
