/*
 * cmd-due.c - `rehabit due`: what is due today, for shell prompts and
 * cron. Exits 0 when a session is due, 1 when none is.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

#include "calendar.h"
#include "cmd.h"
#include "due.h"
#include "history.h"
#include "progression.h"
#include "store.h"

#define CMD_DUE_NOT_DUE	1

static int	cmd_due_exec(const struct rh_opts *, int, char **);

static const struct cmd_option cmd_due_options[] = {
	{ "quiet", 'q', 'q', CMD_ARG_NONE, NULL },
	{ NULL, 0, 0, CMD_ARG_NONE, NULL }
};

const struct cmd_entry cmd_due_entry = {
	.name = "due",
	.args = "[--quiet]",
	.summary = "what is due today; exit 0 if a session is due, 1 if not",
	.help =
	    "  -q, --quiet  print nothing, only set the exit status\n"
	    "\nA routine with per_week N is due while fewer than N of its "
	    "sessions were\ndone this week (Monday to Sunday) and none today. "
	    "A strength routine\nplanned at most 3 times a week rests the day "
	    "after a strength session.\nWhen nothing is due, it names the "
	    "day of the next session.\nWhile a red flag stands (reported in "
	    "the last two weeks, no `pain --cleared`\nsince), nothing is due: "
	    "see a physiotherapist first.\n"
	    "\nListed: the routines done at least once and those of your "
	    "own library\nfolder (or of --library DIR); all of them until "
	    "one is. A routine that\nneeds a library file with problems is "
	    "never due; the problems are\nprinted on standard error.\n"
	    "\nExit status: 0 a session is due, 1 none is, 2 usage, 74 "
	    "storage failure,\n75 history busy.\n",
	.exec = cmd_due_exec,
	.options = cmd_due_options,
};

/* Why nothing is due: the red flags, and the way out of them. */
static void
cmd_due_red_flag(const struct due *d)
{
	char	day[16];
	int	i;

	calendar_date(d->flag_day, day, sizeof day);
	printf("Nothing due today: see a physiotherapist first.\nYou "
	    "reported");
	for (i = 0; i < FLAG_COUNT; i++)
		if (d->red_flags & (1u << i))
			printf(" %s", history_flag_name(1u << i));
	printf(" (last on %s). After the visit:\n  rehabit pain --cleared "
	    "[--note \"what the physio said\"]\n", day);
}

static void
cmd_due_print(const struct due *d, int64_t today)
{
	const struct due_item	*it;
	char			 last[32], day[64];
	size_t			 i, hidden = 0;
	int			 w = 0, n;

	if (d->pick < d->n) {
		it = &d->items[d->pick];
		printf("Due today: %s (%s)\n", it->rt->name, it->rt->id);
	} else if (d->red_flags != 0)
		cmd_due_red_flag(d);
	else {
		printf("Nothing due today.\n");
		if ((it = due_next(d)) != NULL) {
			calendar_day_str(it->next, today, day, sizeof day);
			printf("Next session: %s (%s)\n", day, it->rt->id);
		}
	}
	printf("This week: %d of %d sessions done\n", d->week_done,
	    d->week_planned);
	if (d->n == 0)
		return;
	for (i = 0; i < d->n; i++)
		if (d->items[i].listed &&
		    (n = (int)strlen(d->items[i].rt->id)) > w)
			w = n;
	putchar('\n');
	for (i = 0; i < d->n; i++) {
		it = &d->items[i];
		if (!it->listed) {
			hidden++;
			continue;
		}
		due_last_str(it, today, last, sizeof last);
		printf("  %-*s  %d of %d this week  last: %-11s  %s\n", w,
		    it->rt->id, it->week_done, it->rt->per_week, last,
		    due_state_text(it->state));
	}
	if (hidden > 0)
		printf("\n%zu other routine%s in the library: rehabit list\n",
		    hidden, hidden == 1 ? "" : "s");
}

static int
cmd_due_exec(const struct rh_opts *o, int argc, char **argv)
{
	struct catalog	 cat;
	struct diags	 probs;
	struct store	*st;
	struct history	 h;
	struct due	 d;
	bool		 quiet = false;
	time_t		 now;
	int		 rc, off;

	while (cmd_getopt(&cmd_due_entry, argc, argv, &rc) == 'q')
		quiet = true;
	if (rc != -1)
		return rc;
	if (optind < argc)
		return cmd_usage_error(&cmd_due_entry,
		    "unexpected argument '%s'", argv[optind]);

	/* A file with problems stops only what depends on it: say so. */
	diags_init(&probs);
	rc = cmd_load_catalog_valid(o, &cat, &probs);
	if (!quiet)
		diags_print(&probs, stderr);
	diags_free(&probs);
	if (rc != 0) {
		catalog_free(&cat);
		return rc;
	}
	if ((rc = store_open_readonly(o->data_dir, &st)) != 0) {
		fprintf(stderr, "rehabit: %s\n", store_open_error());
		catalog_free(&cat);
		return rc;
	}
	history_init(&h);
	if ((rc = store_load(st, 0, &h)) != 0) {
		fprintf(stderr, "rehabit: %s\n", store_error(st));
		goto out;
	}
	now = time(NULL);
	off = calendar_offset(now);
	due_compute(&cat, &h, now, off, &d);
	if (!quiet)
		cmd_due_print(&d, calendar_day(now, off));
	rc = d.pick < d.n ? 0 : CMD_DUE_NOT_DUE;
	due_free(&d);
out:
	history_free(&h);
	store_close(st);
	catalog_free(&cat);
	return rc;
}
