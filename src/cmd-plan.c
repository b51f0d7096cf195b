/*
 * cmd-plan.c - `rehabit plan [ROUTINE] [--why] [--format text|yaml]`: the
 * next prescription of each exercise, the rule that set it and why.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>
#include <unistd.h>

#include "calendar.h"
#include "catalog.h"
#include "cmd.h"
#include "history.h"
#include "prescribe.h"
#include "progression.h"
#include "store.h"

static int	cmd_plan_exec(const struct rh_opts *, int, char **);

static const struct cmd_option cmd_plan_options[] = {
	{ "why", 'w', 0, CMD_ARG_NONE, NULL },
	{ "format", 'f', 0, CMD_ARG_TEXT, "text yaml" },
	{ NULL, 0, 0, CMD_ARG_NONE, NULL }
};

const struct cmd_entry cmd_plan_entry = {
	.name = "plan",
	.args = "[ROUTINE] [--why] [--format text|yaml]",
	.summary = "next prescription per exercise, with the rule that set it",
	.help =
	    "Computes from your pain history what each exercise of ROUTINE\n"
	    "asks for next time: one step up after two sessions with pain at\n"
	    "2/10 or less, the same dose with pain 3-5/10, one step down above\n"
	    "5/10, less after a break: each line says up, keep, down, ease\n"
	    "back in or start, and why. ROUTINE defaults to the routine done\n"
	    "most recently, else the library's first.\n"
	    "\n"
	    "  --why            show the numbers each rule looked at\n"
	    "  --format FORMAT  text (default) or yaml\n"
	    "  --help           show this help and exit\n"
	    "\n"
	    "Exit status: 0 shown, 2 usage, 65 bad library or history,\n"
	    "66 no such routine, 74 history unreadable, 75 history busy.\n",
	.exec = cmd_plan_exec,
	.options = cmd_plan_options,
	.operands = CMD_ARG_ROUTINE,
};

/* The keys of a prescription, in the order a routine step writes them. */
static const struct {
	const char	*key;
	enum step_key	 bit;
	size_t		 off;
} plan_keys[] = {
	{ "sets", STEP_SETS, offsetof(struct dose, sets) },
	{ "reps", STEP_REPS, offsetof(struct dose, reps) },
	{ "hold", STEP_HOLD, offsetof(struct dose, hold) },
	{ "relax", STEP_RELAX, offsetof(struct dose, relax) },
	{ "work", STEP_WORK, offsetof(struct dose, work) },
	{ "easy", STEP_EASY, offsetof(struct dose, easy) },
	{ "rounds", STEP_ROUNDS, offsetof(struct dose, rounds) },
	{ "rest", STEP_REST, offsetof(struct dose, rest) },
	{ "level", STEP_LEVEL, offsetof(struct dose, level) },
};

static int
plan_field(const struct dose *d, size_t off)
{
	return (*(const int *)(const void *)((const char *)d + off));
}

/*
 * `{sets: 3, hold: 35, rest: 45}`: the keys the routine's step writes,
 * and any other that the rules have changed.
 */
static void
plan_yaml_dose(FILE *fp, const struct step *st, const struct dose *d)
{
	const char	*sep = "";
	size_t		 i;
	int		 v;

	fputc('{', fp);
	for (i = 0; i < sizeof plan_keys / sizeof plan_keys[0]; i++) {
		v = plan_field(d, plan_keys[i].off);
		if ((st->given & (1u << plan_keys[i].bit)) == 0 &&
		    v == plan_field(&st->base, plan_keys[i].off))
			continue;
		fprintf(fp, "%s%s: %d", sep, plan_keys[i].key, v);
		sep = ", ";
	}
	fputc('}', fp);
}

/* A double-quoted YAML scalar. */
static void
plan_yaml_str(FILE *fp, const char *s)
{
	fputc('"', fp);
	for (; *s != '\0'; s++) {
		if (*s == '"' || *s == '\\')
			fprintf(fp, "\\%c", *s);
		else if ((unsigned char)*s < 0x20)
			fprintf(fp, "\\x%02x", (unsigned char)*s);
		else
			fputc(*s, fp);
	}
	fputc('"', fp);
}

static void
plan_yaml(FILE *fp, const struct prog_plan *pl)
{
	const struct prog_item	*it;
	char			 day[16];
	const char		*sep = "";
	unsigned		 a;
	size_t			 i;

	calendar_date(pl->day, day, sizeof day);
	fprintf(fp, "routine: %s\nas_of: %s\nexercises:\n", pl->routine->id,
	    day);
	for (i = 0; i < pl->nitems; i++) {
		it = &pl->items[i];
		fprintf(fp, "  - exercise: %s\n", it->step->exercise_id);
		if (it->side != SIDE_BOTH)
			fprintf(fp, "    side: %s\n", history_side_name(it->side));
		fputs("    prescription: ", fp);
		plan_yaml_dose(fp, it->step, &it->dose);
		fprintf(fp, "\n    decision: %s\n    rule: %s\n    reason: ",
		    progression_decision_name(it->decision),
		    progression_rule_name(it->rule));
		plan_yaml_str(fp, it->reason);
		fputc('\n', fp);
	}
	fputs("advice: [", fp);
	for (a = 1; a < (1u << ADVICE_COUNT); a <<= 1) {
		if ((pl->advice & a) == 0)
			continue;
		fprintf(fp, "%s%s", sep, progression_advice_name(a));
		sep = ", ";
	}
	fputs("]\n", fp);
}

static void
plan_why_session(FILE *fp, const struct prog_seen *v)
{
	char	day[16];

	calendar_date(calendar_day(v->start, v->utc_off), day,
	    sizeof day);
	fprintf(fp, "      %s: ", day);
	if (v->pain == PAIN_NONE)
		fputs("no pain score", fp);
	else
		fprintf(fp, "pain %d/10%s", v->pain, v->ex_pain ?
		    " (this exercise)" : "");
	if (v->morning != PAIN_NONE) {
		fprintf(fp, ", morning after %d", v->morning);
		if (v->morning_prev != PAIN_NONE)
			fprintf(fp, " (before: %d)", v->morning_prev);
	}
	fprintf(fp, ", %s, %s%s\n", v->all_done ? "all sets done" :
	    "not all sets done", v->red ? "red" : v->green ? "green" :
	    "amber", v->severe ? ", severe" : "");
}

static void
plan_why(FILE *fp, const struct prog_plan *pl, const struct prog_item *it)
{
	const struct prog_why	*w = &it->why;
	const char		*unit = progression_unit(it->step->ex->kind);
	struct prog_limits	 lim;
	char			 was[128], now[128], from[16], to[16];
	size_t			 i;

	progression_limits(pl->routine, it->step, &lim);
	fprintf(fp, "    rule: %s\n", progression_rule_name(it->rule));
	fprintf(fp, "    severe (see a physiotherapist): pain %d/10 or more, "
	    "or above %d/10 still the next morning\n", PROG_SEVERE_PAIN,
	    lim.red_above);
	if (w->nsess == 0)
		fputs("    sessions: none yet\n", fp);
	else {
		fputs("    sessions, newest first:\n", fp);
		for (i = 0; i < w->nsess; i++)
			plan_why_session(fp, &w->sess[i]);
		fprintf(fp, "    days since the last session: %d\n",
		    w->days_since);
	}
	/* The load cap counts the last 7 days, not the calendar week. */
	calendar_date(pl->day - 6, from, sizeof from);
	calendar_date(pl->day, to, sizeof to);
	fprintf(fp, "    volume in the last 7 days (%s to %s): %ld %s\n", from,
	    to, w->week_volume, unit);
	if (w->avg_weeks > 0)
		fprintf(fp, "    weekly average of the %d week%s before: "
		    "%.1f %s (load cap %.1f x: %.1f %s)\n", w->avg_weeks,
		    w->avg_weeks == 1 ? "" : "s", w->avg_volume, unit,
		    lim.load_cap, lim.load_cap * w->avg_volume, unit);
	else
		fprintf(fp, "    weekly average: under 2 weeks of history; "
		    "capped against the routine's starting dose: volume %ld "
		    "%s (load cap %.1f x: %.1f %s)\n", w->start_volume, unit,
		    lim.load_cap, lim.load_cap * w->start_volume, unit);
	catalog_dose_str(it->step->ex, &it->current, was, sizeof was);
	catalog_dose_str(it->step->ex, &it->dose, now, sizeof now);
	fprintf(fp, "    change: %s (volume %ld %s) -> %s (volume %ld %s)\n",
	    was, w->cur_volume, unit, now, w->new_volume, unit);
}

static void
plan_text(FILE *fp, const struct prog_plan *pl, bool why)
{
	char		day[16], line[1024];
	unsigned	a;
	size_t		i;

	calendar_date(pl->day, day, sizeof day);
	fprintf(fp, "%s (%s), as of %s\n\n", pl->routine->name,
	    pl->routine->id, day);
	for (i = 0; i < pl->nitems; i++) {
		prescribe_line(&pl->items[i], line, sizeof line);
		fprintf(fp, "  %s\n", line);
		if (why)
			plan_why(fp, pl, &pl->items[i]);
	}
	if (pl->advice != 0)
		fputc('\n', fp);
	/* See-physio and cross-train stand out: marked, in capitals. */
	for (a = 1; a < (1u << ADVICE_COUNT); a <<= 1) {
		if ((pl->advice & a) == 0)
			continue;
		prescribe_advice(pl, a, line, sizeof line);
		fprintf(fp, "%s%s\n", a == ADVICE_REST_DAY ? "" : "!! ", line);
		if (a == ADVICE_SEE_PHYSIO && pl->flags != 0)
			fprintf(fp, "   After the visit: rehabit pain "
			    "--cleared [--note \"what the physio said\"]\n");
	}
}

static int
cmd_plan_exec(const struct rh_opts *o, int argc, char **argv)
{
	struct catalog		 cat;
	struct store		*st = NULL;
	const struct routine	*rt;
	struct prog_plan	 pl;
	int64_t			 now;
	int			 ch, rc, utc_off;
	bool			 why = false, yaml = false;

	while ((ch = cmd_getopt(&cmd_plan_entry, argc, argv, &rc)) != -1) {
		switch (ch) {
		case 'w':
			why = true;
			break;
		case 'f':
			if (strcmp(optarg, "yaml") == 0)
				yaml = true;
			else if (strcmp(optarg, "text") == 0)
				yaml = false;
			else
				return (cmd_usage_error(&cmd_plan_entry,
				    "unknown format '%s' (text or yaml)",
				    optarg));
			break;
		}
	}
	if (rc != -1)
		return (rc);
	if (optind + 1 < argc)
		return (cmd_usage_error(&cmd_plan_entry, "unexpected argument "
		    "'%s'", argv[optind + 1]));
	if ((rc = cmd_load_catalog(o, &cat)) != 0)
		goto out;
	if ((rc = store_open_readonly(o->data_dir, &st)) != 0) {
		fprintf(stderr, "rehabit: %s\n", store_open_error());
		st = NULL;
		goto out;
	}
	if (optind < argc) {
		if ((rt = catalog_routine(&cat, argv[optind])) == NULL) {
			fprintf(stderr, "rehabit: plan: no routine '%s' (see "
			    "'rehabit list')\n", argv[optind]);
			rc = EX_NOINPUT;
			goto out;
		}
	} else if ((rt = prescribe_default_routine(st, &cat, &rc)) == NULL) {
		if (rc == 0) {
			fprintf(stderr, "rehabit: plan: the library has no "
			    "routine\n");
			rc = EX_NOINPUT;
		} else
			fprintf(stderr, "rehabit: %s\n", store_error(st));
		goto out;
	}
	prescribe_now(&now, &utc_off);
	if ((rc = prescribe(st, rt, now, utc_off, &pl)) != 0) {
		fprintf(stderr, "rehabit: %s\n", store_error(st));
		goto out;
	}
	if ((rc = prescribe_next(st, &cat, rt, now, utc_off, &pl)) != 0) {
		fprintf(stderr, "rehabit: %s\n", store_error(st));
		progression_free(&pl);
		goto out;
	}
	if (yaml)
		plan_yaml(stdout, &pl);
	else
		plan_text(stdout, &pl, why);
	progression_free(&pl);
	if (fflush(stdout) != 0 || ferror(stdout)) {
		fprintf(stderr, "rehabit: plan: cannot write the output\n");
		rc = EX_IOERR;
	}
out:
	if (st != NULL)
		store_close(st);
	catalog_free(&cat);
	return (rc);
}
