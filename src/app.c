/*
 * app.c - what the screens share: the library, the history store and the
 * settings, opened before curses starts (so errors are plain lines on
 * stderr) and closed after it ends.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "store.h"
#include "ui.h"
#include "xmalloc.h"

int
app_open(struct app *app, const struct rh_opts *o)
{
	int	rc;

	memset(app, 0, sizeof *app);
	app->opts = o;
	app->cat = xcalloc(1, sizeof *app->cat);
	catalog_init(app->cat);
	if ((rc = cmd_load_catalog(o, app->cat)) != 0) {
		app_close(app);
		return rc;
	}
	if ((rc = store_open(o->data_dir, &app->store)) != 0) {
		fprintf(stderr, "rehabit: %s\n", store_open_error());
		app->store = NULL;
		app_close(app);
		return rc;
	}
	return 0;
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
	memset(app, 0, sizeof *app);
}

int
app_run(struct app *app)
{
	struct ui_opts	uo;
	int		rc;

	memset(&uo, 0, sizeof uo);
	uo.color = app->opts->color;
	ui_init(&uo);
	rc = ui_run();
	ui_end();
	return rc;
}
