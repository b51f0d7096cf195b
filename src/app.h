/*
 * app.h - what the screens share while curses runs: the options, the
 * library, the history store and the settings, and how one screen opens
 * another. Each ui-*.c file owns one screen and exports its *_open().
 */
#ifndef REHABIT_APP_H
#define REHABIT_APP_H

#include <stdbool.h>
#include <stdint.h>

#include "catalog.h"
#include "cmd.h"
#include "history.h"

struct store;
struct config;

struct app {
	const struct rh_opts	*opts;
	struct catalog		*cat;
	struct store		*store;
	const struct config	*cfg;
	/* The library's problems: their files are left out (home shows). */
	struct diags		 libdiags;
};

/*
 * Load the library, open the history and read the settings. On failure
 * the error is printed and the exit status returned (app.c). A library
 * file with problems is not a failure: what depends on it is left out
 * (cmd_load_catalog_valid()) and its problems kept in `libdiags`.
 */
int	app_open(struct app *, const struct rh_opts *);
/*
 * The same, but a history that cannot be written (a read-only folder or
 * file) is opened for reading: store_readonly() says so (the home screen).
 */
int	app_open_readable(struct app *, const struct rh_opts *);
/*
 * app_open() in two steps, for a command that checks what it was asked
 * against the library before the history is opened (or created): the
 * settings and library, then the history. On failure both print the
 * error, close what was opened and return the exit status.
 */
int	app_open_library(struct app *, const struct rh_opts *);
int	app_open_history(struct app *, bool readable);
void	app_close(struct app *);
/* Start curses, run the screens pushed until none is left, end curses. */
int	app_run(struct app *);

/*
 * The home screen (ui-home.c): the routine that is due, the last
 * sessions, this week, the latest pain and any advice.
 */
void	ui_home_open(struct app *);
/*
 * A guided session of `rt` (ui-session.c). When it ends (done or quit with
 * sets done) it opens the summary and, on top of it, the pain form.
 */
void	ui_session_open(struct app *, const struct routine *rt);
/*
 * Before a session of `rt` while a red flag stands (ui-redflag.c): push a
 * screen that says to see a physiotherapist and what is still fine, and
 * asks; y opens the session. False (nothing pushed) when none stands.
 */
bool	ui_redflag_open(struct app *, const struct history *,
	    const struct routine *rt, int64_t now, int utc_off);
/*
 * The pain form for a session, or a standalone report if 0 (ui-pain.c).
 * `saved` (may be NULL) is set to true once the report is saved.
 */
void	ui_pain_open(struct app *, int64_t session, bool *saved);
/* Done against prescribed, the pain recorded, what changes (ui-summary.c). */
void	ui_summary_open(struct app *, int64_t session);
/* Progress review: pain, volume, calendar (ui-progress.c). */
void	ui_progress_open(struct app *);

#endif
