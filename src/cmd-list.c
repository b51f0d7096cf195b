/*
 * cmd-list.c - `rehabit list`: the routines and exercises of the library,
 * one per line with id and name.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "catalog.h"
#include "cmd.h"

static int	cmd_list_exec(const struct rh_opts *, int, char **);

const struct cmd_entry cmd_list_entry = {
	.name = "list",
	.args = "",
	.summary = "list the routines and exercises of the library",
	.help =
	    "Prints two sections, Routines and Exercises, one line each:\n"
	    "the id (what other commands take) and the name.\n"
	    "\n"
	    "  --help   show this help and exit\n",
	.exec = cmd_list_exec,
};

static int
cmd_list_exec(const struct rh_opts *o, int argc, char **argv)
{
	struct catalog	cat;
	size_t		i, w = 0;
	int		rc;

	if ((rc = cmd_help_only(&cmd_list_entry, argc, argv)) >= 0)
		return rc;
	if (optind < argc)
		return cmd_usage_error(&cmd_list_entry, "unexpected argument "
		    "'%s'", argv[optind]);
	if ((rc = cmd_load_catalog(o, &cat)) != 0) {
		catalog_free(&cat);
		return rc;
	}
	/* One column width for both sections, so the names line up. */
	for (i = 0; i < cat.nrt; i++)
		if (strlen(cat.rt[i].id) > w)
			w = strlen(cat.rt[i].id);
	for (i = 0; i < cat.nex; i++)
		if (strlen(cat.ex[i].id) > w)
			w = strlen(cat.ex[i].id);
	printf("Routines:\n");
	for (i = 0; i < cat.nrt; i++)
		printf("  %-*s  %s\n", (int)w, cat.rt[i].id, cat.rt[i].name);
	printf("\nExercises:\n");
	for (i = 0; i < cat.nex; i++)
		printf("  %-*s  %s\n", (int)w, cat.ex[i].id, cat.ex[i].name);
	catalog_free(&cat);
	return cmd_flush(&cmd_list_entry);
}
