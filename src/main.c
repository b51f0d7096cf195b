/*
 * main.c - rehabit's entry point: the locale, the global options and the
 * table of subcommands. Every command but the screens runs and exits
 * without touching curses.
 */
#include "config.h"

#include <locale.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"

/* The command table, in the order --help lists it. */
static const struct cmd_entry *main_cmds[] = {
	&cmd_start_entry,
	&cmd_list_entry,
	&cmd_show_entry,
	&cmd_check_entry,
	&cmd_plan_entry,
	&cmd_pain_entry,
	&cmd_log_entry,
	&cmd_progress_entry,
	&cmd_report_entry,
	&cmd_export_entry,
	&cmd_import_entry,
	&cmd_due_entry,
	NULL
};

/*
 * The global options main_globals() takes out of argv, for completion;
 * --help and --version, before any command, aside.
 */
static const struct cmd_option main_options[] = {
	{ "library", 0, 0, CMD_ARG_DIR, NULL },
	{ "data-dir", 0, 0, CMD_ARG_DIR, NULL },
	{ "no-sound", 0, 0, CMD_ARG_NONE, NULL },
	{ "no-color", 0, 0, CMD_ARG_NONE, NULL },
	{ NULL, 0, 0, CMD_ARG_NONE, NULL }
};

/* What `rehabit` with no command runs: the home screen. */
static const struct cmd_entry *main_home = &cmd_home_entry;

static void
main_usage(FILE *fp)
{
	const struct cmd_entry	**e;

	fputs("Usage: rehabit [OPTION]... [COMMAND [ARG]...]\n"
	    "A terminal coach for home rehab exercise.\n\nCommands:\n", fp);
	for (e = main_cmds; *e != NULL; e++)
		fprintf(fp, "  %-9s %s\n", (*e)->name, (*e)->summary);
	fputs("\nOptions:\n"
	    "  --library DIR   use only the YAML files in DIR\n"
	    "  --data-dir DIR  keep the history in DIR\n"
	    "  --no-sound      no sound cues\n"
	    "  --no-color      no colours (also when NO_COLOR is set)\n"
	    "  --help          show this help and exit\n"
	    "  --version       show the version and the features built\n"
	    "\n'rehabit COMMAND --help' shows a command's options.\n"
	    "rehabit is a coach, not a diagnosis: if pain persists, see a"
	    " physiotherapist.\n", fp);
}

static void
main_version(void)
{
	printf("rehabit %s\nfeatures: %s\n", PACKAGE_VERSION,
#ifdef HAVE_CANBERRA
	    "+sound (libcanberra, loaded when needed)"
#else
	    "-sound"
#endif
	    );
}

/*
 * Take the global options out of argv wherever they stand (before "--"),
 * so that `rehabit --library D list` and `rehabit list --library D` mean
 * the same. Returns 0, or EXIT_USAGE after printing the error.
 */
static int
main_globals(struct rh_opts *o, int *argc, char **argv)
{
	const char	 *name, **slot;
	size_t		  len;
	int		  i, j = 1;

	for (i = 1; i < *argc; i++) {
		if (strcmp(argv[i], "--") == 0) {
			while (i < *argc)
				argv[j++] = argv[i++];
			break;
		}
		name = argv[i];
		slot = NULL;
		if (strncmp(name, "--library", 9) == 0 &&
		    (name[9] == '\0' || name[9] == '='))
			slot = &o->library, len = 9;
		else if (strncmp(name, "--data-dir", 10) == 0 &&
		    (name[10] == '\0' || name[10] == '='))
			slot = &o->data_dir, len = 10;
		else if (strcmp(name, "--no-sound") == 0) {
			o->sound = false;
			continue;
		} else if (strcmp(name, "--no-color") == 0) {
			o->color = false;
			continue;
		}
		if (slot == NULL) {
			argv[j++] = argv[i];
			continue;
		}
		if (name[len] == '=')
			*slot = name + len + 1;
		else if (i + 1 < *argc)
			*slot = argv[++i];
		else {
			fprintf(stderr, "rehabit: option '%s' needs a folder "
			    "(see 'rehabit --help')\n", name);
			return EXIT_USAGE;
		}
		if (**slot == '\0') {
			fprintf(stderr, "rehabit: option '%.*s' needs a "
			    "folder (see 'rehabit --help')\n", (int)len, name);
			return EXIT_USAGE;
		}
	}
	argv[j] = NULL;
	*argc = j;
	return 0;
}

int
main(int argc, char **argv)
{
	const struct cmd_entry	**e;
	struct rh_opts		  o = { NULL, NULL, true, true };
	const char		 *nc;
	int			  rc;

	setlocale(LC_ALL, "");
	if ((nc = getenv("NO_COLOR")) != NULL && *nc != '\0')
		o.color = false;
	/* The shell completion scripts' question, before anything moves. */
	if (argc > 1 && strcmp(argv[1], "__complete") == 0)
		return cmd_complete(main_cmds, main_options, argc - 2,
		    argv + 2);
	if ((rc = main_globals(&o, &argc, argv)) != 0)
		return rc;

	if (argc > 1 && strcmp(argv[1], "--help") == 0) {
		main_usage(stdout);
		return 0;
	}
	if (argc > 1 && strcmp(argv[1], "--version") == 0) {
		main_version();
		return 0;
	}
	if (argc > 1 && argv[1][0] == '-' && strcmp(argv[1], "--") != 0) {
		fprintf(stderr, "rehabit: unknown option '%s' "
		    "(see 'rehabit --help')\n", argv[1]);
		return EXIT_USAGE;
	}
	if (argc > 1 && strcmp(argv[1], "--") == 0) {
		argv[1] = argv[0];
		argv++;
		argc--;
	}
	if (argc < 2) {
		if (main_home == NULL) {
			main_usage(stderr);
			return EXIT_USAGE;
		}
		return main_home->exec(&o, 1, argv);
	}
	for (e = main_cmds; *e != NULL; e++) {
		if (strcmp((*e)->name, argv[1]) == 0)
			return (*e)->exec(&o, argc - 1, argv + 1);
	}
	fprintf(stderr, "rehabit: unknown command '%s' (see 'rehabit --help')\n",
	    argv[1]);
	return EXIT_USAGE;
}
