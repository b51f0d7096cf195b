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
#include "conf.h"
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

static int
cmd_start_exec(const struct rh_opts *opts, int argc, char **argv)
{
	struct catalog		 cat;
	struct config		 cfg;
	struct diags		 d;
	struct app		 app;
	struct ui_opts		 uo;
	struct store		*db = NULL;
	struct history		 h;
	const struct routine	*rt;
	const char		*name = NULL;
	int64_t			 now;
	int			 i, rc, off;

	for (i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--help") == 0 ||
		    strcmp(argv[i], "-h") == 0) {
			cmd_usage(&cmd_start_entry, stdout);
			return 0;
		}
		if (argv[i][0] == '-' && argv[i][1] != '\0')
			return cmd_usage_error(&cmd_start_entry,
			    "unknown option '%s'", argv[i]);
		if (name != NULL)
			return cmd_usage_error(&cmd_start_entry,
			    "one routine at a time");
		name = argv[i];
	}

	conf_defaults(&cfg);
	diags_init(&d);
	if ((rc = conf_load(&cfg, NULL, &d)) != 0) {
		diags_print(&d, stderr);
		diags_free(&d);
		return rc;
	}
	diags_free(&d);

	/* A library file with problems stops only what depends on it. */
	diags_init(&d);
	if ((rc = cmd_load_catalog_valid(opts, &cat, &d)) != 0) {
		diags_free(&d);
		catalog_free(&cat);
		return rc;
	}
	rt = NULL;
	if (name != NULL && (rt = catalog_routine(&cat, name)) == NULL) {
		diags_print(&d, stderr);
		diags_free(&d);
		fprintf(stderr, "rehabit: start: no routine '%s' in the library "
		    "(see 'rehabit list')\n", name);
		catalog_free(&cat);
		return 66;
	}
	if (rt != NULL && rt->blocked != NULL) {
		diags_print(&d, stderr);
		diags_free(&d);
		rc = cmd_start_blocked(rt);
		catalog_free(&cat);
		return rc;
	}
	diags_free(&d);
	if (cat.nrt == 0) {
		fprintf(stderr, "rehabit: start: the library has no routines "
		    "(see 'rehabit list')\n");
		catalog_free(&cat);
		return 66;
	}
	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
		if (rt != NULL)
			fprintf(stderr, "rehabit: start: the session needs a "
			    "terminal ('rehabit show %s' prints it)\n", rt->id);
		else
			fprintf(stderr, "rehabit: start: the session needs a "
			    "terminal ('rehabit plan' prints today's doses)\n");
		catalog_free(&cat);
		return EXIT_USAGE;
	}
	if ((rc = store_open(opts->data_dir, &db)) != 0) {
		fprintf(stderr, "rehabit: %s\n", store_open_error());
		catalog_free(&cat);
		return rc;
	}
	/* No routine named: the one due, else the one done last. */
	if (rt == NULL && (rt = cmd_start_due(db, &cat, &rc)) == NULL) {
		fprintf(stderr, "rehabit: %s\n", store_error(db));
		store_close(db);
		catalog_free(&cat);
		return rc;
	}
	if (rt->blocked != NULL) {
		rc = cmd_start_blocked(rt);
		store_close(db);
		catalog_free(&cat);
		return rc;
	}

	/* While a red flag stands, ask first (ui-redflag.c). */
	prescribe_now(&now, &off);
	history_init(&h);
	if ((rc = store_load(db, 0, &h)) != 0) {
		fprintf(stderr, "rehabit: %s\n", store_error(db));
		history_free(&h);
		store_close(db);
		catalog_free(&cat);
		return rc;
	}

	app.opts = opts;
	app.cat = &cat;
	app.store = db;
	app.cfg = &cfg;
	uo.color = opts->color && cfg.color;
	uo.ascii = false;
	ui_init(&uo);
	if (!ui_redflag_open(&app, &h, rt, now, off))
		ui_session_open(&app, rt);
	history_free(&h);
	rc = ui_run();
	ui_end();

	store_close(db);
	catalog_free(&cat);
	return rc;
}
