/*
 * cmd-show.c - `rehabit show ROUTINE`: a routine and today's dose of each
 * of its steps (the progression rules' prescription).
 */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <sysexits.h>
#include <unistd.h>

#include "catalog.h"
#include "cmd.h"
#include "prescribe.h"
#include "progression.h"
#include "store.h"

static int	cmd_show_exec(const struct rh_opts *, int, char **);

const struct cmd_entry cmd_show_entry = {
	.name = "show",
	.args = "ROUTINE",
	.summary = "show a routine and the dose of each exercise",
	.help =
	    "ROUTINE is an id from 'rehabit list'. Each step shows its\n"
	    "exercise and today's dose, worked out from your pain history\n"
	    "('rehabit plan --why' says why): sets and reps (or hold, or\n"
	    "intervals), tempo and rest.\n"
	    "\n"
	    "  --help   show this help and exit\n"
	    "\n"
	    "Exit status: 0 shown, 66 no such routine, 65 library problems,\n"
	    "74 history unreadable, 75 history busy.\n",
	.exec = cmd_show_exec,
	.operands = CMD_ARG_ROUTINE,
};

/*
 * One step with the dose it is to be done at: "3 x 12 each side, tempo
 * 2-1-2, rest 60 s". Kept apart so that the dose can come from elsewhere.
 */
static void
show_step(FILE *fp, size_t n, const struct step *st, const struct dose *d)
{
	char	dose[256];

	catalog_dose_str(st->ex, d, dose, sizeof dose);
	fprintf(fp, "%3zu. %s (%s)\n     %s", n, st->ex->name, st->ex->id,
	    dose);
	if (st->ex->kind == KIND_HOLD && d->reps > 1)
		fprintf(fp, ", relax %d s", d->relax);
	if (st->has_tempo)
		fprintf(fp, ", tempo %d-%d-%d", st->tempo[0], st->tempo[1],
		    st->tempo[2]);
	if (d->sets > 1)
		fprintf(fp, ", rest %d s", d->rest);
	fputc('\n', fp);
}

static int
cmd_show_exec(const struct rh_opts *o, int argc, char **argv)
{
	struct catalog		 cat;
	const struct routine	*rt;
	struct store		*st;
	struct prog_plan	 pl;
	int64_t			 now;
	size_t			 i;
	int			 rc, utc_off;

	if ((rc = cmd_help_only(&cmd_show_entry, argc, argv)) >= 0)
		return rc;
	if (optind >= argc)
		return cmd_usage_error(&cmd_show_entry, "which routine? "
		    "(see 'rehabit list')");
	if (optind + 1 < argc)
		return cmd_usage_error(&cmd_show_entry, "unexpected argument "
		    "'%s'", argv[optind + 1]);
	if ((rc = cmd_load_catalog(o, &cat)) != 0) {
		catalog_free(&cat);
		return rc;
	}
	if ((rt = catalog_routine(&cat, argv[optind])) == NULL) {
		fprintf(stderr, "rehabit: show: no routine '%s' (see 'rehabit "
		    "list')\n", argv[optind]);
		catalog_free(&cat);
		return EX_NOINPUT;
	}
	/* Today's prescription, computed from the history. */
	if ((rc = store_open_readonly(o->data_dir, &st)) != 0) {
		fprintf(stderr, "rehabit: %s\n", store_open_error());
		catalog_free(&cat);
		return rc;
	}
	prescribe_now(&now, &utc_off);
	rc = prescribe(st, rt, now, utc_off, &pl);
	if (rc != 0)
		fprintf(stderr, "rehabit: %s\n", store_error(st));
	store_close(st);
	if (rc != 0) {
		catalog_free(&cat);
		return rc;
	}
	printf("%s (%s), %d session%s a week\n\n", rt->name, rt->id,
	    rt->per_week, rt->per_week == 1 ? "" : "s");
	for (i = 0; i < rt->nsteps; i++)
		show_step(stdout, i + 1, &rt->steps[i],
		    progression_step_dose(&pl, i));
	progression_free(&pl);
	catalog_free(&cat);
	return cmd_flush(&cmd_show_entry);
}
