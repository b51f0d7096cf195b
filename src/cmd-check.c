/*
 * cmd-check.c - `rehabit check [FILE|DIR...]`: validate library files and
 * print every problem as FILE:LINE:COLUMN: message.
 */
#include "config.h"

#include <sys/stat.h>

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>
#include <unistd.h>

#include "catalog.h"
#include "cmd.h"
#include "diag.h"
#include "xmalloc.h"

static int	cmd_check_exec(const struct rh_opts *, int, char **);

const struct cmd_entry cmd_check_entry = {
	.name = "check",
	.args = "[FILE|DIR...]",
	.summary = "check exercise library files for mistakes",
	.help =
	    "Without FILE or DIR, check the whole library. Named files are\n"
	    "checked together; their steps may also use the library's\n"
	    "exercises.\n"
	    "Every problem is printed as FILE:LINE:COLUMN: message, file by\n"
	    "file in line order; a misspelt key gets a \"did you mean\".\n"
	    "Home and due leave out only what depends on a file with problems.\n"
	    "\n"
	    "  --help   show this help and exit\n"
	    "\n"
	    "Exit status: 0 all good, 65 problems found, 66 a file is "
	    "missing.\n",
	.exec = cmd_check_exec,
	.operands = CMD_ARG_FILE,
};

static const char *
check_plural(size_t n, const char *one, const char *many)
{
	return n == 1 ? one : many;
}

/* Is `path` (by its real path) one of the first `n` files of `cat`? */
static int
check_named(const struct catalog *cat, size_t n, const char *path)
{
	char	a[PATH_MAX], b[PATH_MAX];
	size_t	i;

	if (realpath(path, a) == NULL)
		return 0;
	for (i = 0; i < n; i++)
		if (realpath(cat->files[i], b) != NULL && strcmp(a, b) == 0)
			return 1;
	return 0;
}

/*
 * Lend the named files the library's exercises: load the library files
 * that were not named into a catalog of their own and borrow from it. Its
 * problems are not the named files' and are not reported here.
 */
static void
check_borrow_library(struct catalog *cat, size_t nnamed, char **dirs,
    size_t ndirs)
{
	struct catalog	  lib;
	struct diags	  quiet;
	struct stat	  sb;
	char		**files;
	long		  n, j;
	size_t		  i;

	catalog_init(&lib);
	diags_init(&quiet);
	for (i = 0; i < ndirs; i++) {
		if (stat(dirs[i], &sb) == 0 && !S_ISDIR(sb.st_mode)) {
			if (!check_named(cat, nnamed, dirs[i]))
				catalog_load_path(&lib, dirs[i], &quiet);
			continue;
		}
		if ((n = catalog_dir_files(dirs[i], &files, &quiet)) == -1)
			continue;
		for (j = 0; j < n; j++) {
			if (!check_named(cat, nnamed, files[j]))
				catalog_load_path(&lib, files[j], &quiet);
			free(files[j]);
		}
		free(files);
	}
	catalog_borrow(cat, &lib);
	catalog_free(&lib);
	diags_free(&quiet);
}

static int
cmd_check_exec(const struct rh_opts *o, int argc, char **argv)
{
	struct catalog	  cat;
	struct diags	  d;
	struct stat	  sb;
	char		**dirs;
	size_t		  ndirs, nfiles, nex, nrt, nprob, i;
	int		  rc;

	if ((rc = cmd_help_only(&cmd_check_entry, argc, argv)) >= 0)
		return rc;
	argc -= optind;
	argv += optind;
	for (rc = 0; rc < argc; rc++) {
		if (stat(argv[rc], &sb) == -1) {
			fputs("rehabit: check: ", stderr);
			diag_fputs(stderr, argv[rc], false);
			fprintf(stderr, ": %s\n", strerror(errno));
			return EX_NOINPUT;
		}
	}
	if ((rc = cmd_library_dirs(o, &dirs, &ndirs)) != 0)
		return rc;

	catalog_init(&cat);
	diags_init(&d);
	if (argc == 0) {
		for (i = 0; i < ndirs; i++)
			catalog_load_path(&cat, dirs[i], &d);
		nfiles = cat.nfiles;
		nex = cat.nex;
		nrt = cat.nrt;
	} else {
		for (rc = 0; rc < argc; rc++)
			catalog_load_path(&cat, argv[rc], &d);
		nfiles = cat.nfiles;
		nex = cat.nex;
		nrt = cat.nrt;
		check_borrow_library(&cat, nfiles, dirs, ndirs);
	}
	xfree_list(dirs, ndirs);
	catalog_link(&cat, &d);
	catalog_sort_diags(&cat, &d);

	rc = 0;
	nprob = d.n + d.dropped;
	if (nprob > 0) {
		diags_print(&d, stderr);
		fprintf(stderr, "rehabit: check: %zu %s found\n", nprob,
		    check_plural(nprob, "problem", "problems"));
		rc = EX_DATAERR;
	} else
		printf("%zu %s, %zu %s, %zu %s: ok\n",
		    nfiles, check_plural(nfiles, "file", "files"),
		    nex, check_plural(nex, "exercise", "exercises"),
		    nrt, check_plural(nrt, "routine", "routines"));
	diags_free(&d);
	catalog_free(&cat);
	if (rc == 0)
		rc = cmd_flush(&cmd_check_entry);
	return rc;
}
