/*
 * app.c - what the screens share: the library, the history store and the
 * settings, opened before curses starts (so errors are plain lines on
 * stderr) and closed after it ends.
 */
#include "config.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "conf.h"
#include "diag.h"
#include "store.h"
#include "ui.h"
#include "xmalloc.h"

int
app_open_library(struct app *app, const struct rh_opts *o)
{
	struct config	*cfg;
	struct diags	 d;
	int		 rc;

	memset(app, 0, sizeof *app);
	app->opts = o;
	app->cfg = cfg = xcalloc(1, sizeof *cfg);
	conf_defaults(cfg);
	diags_init(&d);
	rc = conf_load(cfg, NULL, &d);
	if (rc != 0)
		diags_print(&d, stderr);
	diags_free(&d);
	if (rc != 0) {
		app_close(app);
		return rc;
	}
	app->cat = xcalloc(1, sizeof *app->cat);
	catalog_init(app->cat);
	if ((rc = cmd_load_catalog_valid(o, app->cat, &app->libdiags)) != 0) {
		app_close(app);
		return rc;
	}
	return 0;
}

int
app_open_history(struct app *app, bool readable)
{
	int	rc;

	rc = readable ? store_open_or_readonly(app->opts->data_dir,
	    &app->store) : store_open(app->opts->data_dir, &app->store);
	if (rc != 0) {
		fprintf(stderr, "rehabit: %s\n", store_open_error());
		app->store = NULL;
		app_close(app);
		return rc;
	}
	return 0;
}

int
app_open(struct app *app, const struct rh_opts *o)
{
	int	rc;

	if ((rc = app_open_library(app, o)) != 0)
		return rc;
	return app_open_history(app, false);
}

int
app_open_readable(struct app *app, const struct rh_opts *o)
{
	int	rc;

	if ((rc = app_open_library(app, o)) != 0)
		return rc;
	return app_open_history(app, true);
}

void
app_close(struct app *app)
{
	if (app->store != NULL)
		store_close(app->store);
	if (app->cat != NULL) {
		catalog_free(app->cat);
		free(app->cat);
	}
	free((void *)app->cfg);
	diags_free(&app->libdiags);
	memset(app, 0, sizeof *app);
}

int
app_run(struct app *app)
{
	struct ui_opts	uo;
	int		rc;

	memset(&uo, 0, sizeof uo);
	uo.color = app->opts->color && app->cfg->color;
	ui_init(&uo);
	rc = ui_run();
	ui_end();
	return rc;
}
