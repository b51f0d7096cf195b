/*
 * cmd-start.c - `rehabit start [ROUTINE]`: a guided session on the
 * screen. Everything that can fail (settings, library, routine, terminal,
 * history) is checked before curses starts, so errors are plain lines.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>
#include <unistd.h>

#include "app.h"
#include "cmd.h"
#include "due.h"
#include "prescribe.h"
#include "store.h"
#include "ui.h"

static int	cmd_start_exec(const struct rh_opts *, int, char **);

const struct cmd_entry cmd_start_entry = {
	.name = "start",
	.args = "[ROUTINE]",
	.summary = "follow a guided session of ROUTINE (default: the one due)",
	.help =
	    "The session screen shows one exercise at a time with a rep\n"
	    "counter or a countdown, and saves each set as it is done.\n"
	    "\n"
	    "Keys:\n"
	    "  Enter        count a rep; start now (get ready)\n"
	    "  p            pause or resume\n"
	    "  s            skip: the rest or countdown, else end the set\n"
	    "  u            undo the last rep\n"
	    "  n, Right     next exercise\n"
	    "  b, Left      back to the previous exercise\n"
	    "  +, -         15 s more or less rest\n"
	    "  q            quit (the sets done are kept)\n"
	    "  ?            all the keys (pauses; p resumes)\n"
	    "\n"
	    "While a red flag stands (see 'rehabit due'), it asks first and\n"
	    "says which gentle work is still fine: y starts, n does not.\n"
	    "\n"
	    "Settings (get-ready, rest and switch-sides seconds, sound,\n"
	    "colour) are read from $XDG_CONFIG_HOME/rehabit/config.yaml;\n"
	    "see rehabit(5).\n",
	.exec = cmd_start_exec,
	.operands = CMD_ARG_ROUTINE,
};

/*
 * The routine due today (as the home screen picks it), else the one done
 * last, else the library's first. NULL with *rc set if the history
 * cannot be read.
 */
static const struct routine *
cmd_start_due(struct store *db, const struct catalog *cat, int *rc)
{
	const struct routine	*rt = NULL;
	struct history		 h;
	struct due		 d;
	int64_t			 now;
	int			 off;

	prescribe_now(&now, &off);
	history_init(&h);
	if ((*rc = store_load(db, 0, &h)) != 0) {
		history_free(&h);
		return NULL;
	}
	due_compute(cat, &h, now, off, &d);
	if (d.pick < d.n)
		rt = d.items[d.pick].rt;
	due_free(&d);
	history_free(&h);
	if (rt == NULL)
		rt = prescribe_default_routine(db, cat, rc);
	return rt;
}

/* A routine that uses an exercise of a library file with problems. */
static int
cmd_start_blocked(const struct routine *rt)
{
	fprintf(stderr, "rehabit: start: '%s' cannot start: it uses '%s' of "
	    "%s, which has problems (see 'rehabit check')\n", rt->id,
	    rt->blocked_ex != NULL ? rt->blocked_ex : "?", rt->blocked);
	return EX_DATAERR;
}

/*
 * The routine asked for, checked against the library before anything is
 * opened or created: NULL with *rc 0 when none was named (the one due is
 * picked once the history is open), NULL with *rc set on an error.
 */
static const struct routine *
cmd_start_named(struct app *app, const char *name, int *rc)
{
	const struct routine	*rt = NULL;

	*rc = 0;
	/* A library file with problems stops only what depends on it. */
	if (name != NULL && (rt = catalog_routine(app->cat, name)) == NULL) {
		diags_print(&app->libdiags, stderr);
		fprintf(stderr, "rehabit: start: no routine '%s' in the "
		    "library (see 'rehabit list')\n", name);
		*rc = EX_NOINPUT;
	} else if (rt != NULL && rt->blocked != NULL) {
		diags_print(&app->libdiags, stderr);
		*rc = cmd_start_blocked(rt);
	} else if (app->cat->nrt == 0) {
		fprintf(stderr, "rehabit: start: the library has no routines "
		    "(see 'rehabit list')\n");
		*rc = EX_NOINPUT;
	} else if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
		if (rt != NULL)
			fprintf(stderr, "rehabit: start: the session needs a "
			    "terminal ('rehabit show %s' prints it)\n", rt->id);
		else
			fprintf(stderr, "rehabit: start: the session needs a "
			    "terminal ('rehabit plan' prints today's doses)\n");
		*rc = EXIT_USAGE;
	}
	return rt;
}

/*
 * Push the session of `rt`, behind the red-flag question while a red
 * flag stands (ui-redflag.c). Returns 0 or the store's status.
 */
static int
cmd_start_push(struct app *app, const struct routine *rt)
{
	struct history	h;
	int64_t		now;
	int		rc, off;

	prescribe_now(&now, &off);
	history_init(&h);
	if ((rc = store_load(app->store, 0, &h)) != 0)
		fprintf(stderr, "rehabit: %s\n", store_error(app->store));
	else if (!ui_redflag_open(app, &h, rt, now, off))
		ui_session_open(app, rt);
	history_free(&h);
	return rc;
}

static int
cmd_start_exec(const struct rh_opts *opts, int argc, char **argv)
{
	struct app		 app;
	const struct routine	*rt;
	const char		*name = NULL;
	int			 rc;

	if ((rc = cmd_help_only(&cmd_start_entry, argc, argv)) != -1)
		return rc;
	if (optind + 1 < argc)
		return cmd_usage_error(&cmd_start_entry,
		    "one routine at a time");
	if (optind < argc)
		name = argv[optind];

	if ((rc = app_open_library(&app, opts)) != 0)
		return rc;
	rt = cmd_start_named(&app, name, &rc);
	if (rc != 0) {
		app_close(&app);
		return rc;
	}
	/* Only now is the history opened, or created. */
	if ((rc = app_open_history(&app, false)) != 0)
		return rc;
	/* No routine named: the one due, else the one done last. */
	if (rt == NULL && (rt = cmd_start_due(app.store, app.cat,
	    &rc)) == NULL)
		fprintf(stderr, "rehabit: %s\n", store_error(app.store));
	else if (rt->blocked != NULL)
		rc = cmd_start_blocked(rt);
	else if ((rc = cmd_start_push(&app, rt)) == 0)
		rc = app_run(&app);
	app_close(&app);
	return rc;
}
