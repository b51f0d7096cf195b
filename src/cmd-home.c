/*
 * cmd-home.c - `rehabit` with no command: the home screen (ui-home.c),
 * opened once the settings, library and history are (app.c).
 */
#include "config.h"

#include <stdio.h>
#include <unistd.h>

#include "app.h"
#include "cmd.h"

static int	cmd_home_exec(const struct rh_opts *, int, char **);

const struct cmd_entry cmd_home_entry = {
	.name = "home",
	.args = "",
	.summary = "the home screen: what is due, this week, pain, advice",
	.help = "",
	.exec = cmd_home_exec,
};

static int
cmd_home_exec(const struct rh_opts *o, int argc, char **argv)
{
	struct app	app;
	int		rc;

	(void)argc;
	(void)argv;
	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
		fprintf(stderr, "rehabit: the home screen needs a terminal "
		    "(see 'rehabit --help' for the commands)\n");
		return EXIT_USAGE;
	}
	/* A history that cannot be written is still shown (read-only). */
	if ((rc = app_open_readable(&app, o)) != 0)
		return rc;
	ui_home_open(&app);
	rc = app_run(&app);
	app_close(&app);
	return rc;
}
