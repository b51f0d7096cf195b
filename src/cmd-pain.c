/*
 * cmd-pain.c - `rehabit pain`: record pain for the latest session (morning
 * pain for the session of the day before), or as a report on its own.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "app.h"
#include "calendar.h"
#include "cmd.h"
#include "history.h"
#include "isotime.h"
#include "store.h"

static int	cmd_pain_exec(const struct rh_opts *, int, char **);

#define CMD_PAIN_SCORES	"0 1 2 3 4 5 6 7 8 9 10"
static const struct cmd_option cmd_pain_options[] = {
	{ "during", 'd', 0, CMD_ARG_TEXT, CMD_PAIN_SCORES },
	{ "after", 'a', 0, CMD_ARG_TEXT, CMD_PAIN_SCORES },
	{ "morning", 'm', 0, CMD_ARG_TEXT, CMD_PAIN_SCORES },
	{ "flag", 'f', 0, CMD_ARG_TEXT,
	    "swelling locking giving-way night-pain injury" },
	{ "note", 'n', 0, CMD_ARG_TEXT, NULL },
	{ "date", 't', 0, CMD_ARG_TEXT, NULL },
	{ "cleared", 'c', 0, CMD_ARG_NONE, NULL },
	{ NULL, 0, 0, CMD_ARG_NONE, NULL }
};

const struct cmd_entry cmd_pain_entry = {
	.name = "pain",
	.args = "[--during N] [--after N] [--morning N] [--flag F]... "
	    "[--note TEXT] [--date DATE] | --cleared [--note TEXT]",
	.summary = "record pain (0-10) for the latest session, or on its own",
	.help =
	    "  --during N    pain during the session, 0 (none) to 10 (worst)\n"
	    "  --after N     pain after the session (now)\n"
	    "  --morning N   pain and stiffness this morning; it belongs to\n"
	    "                the session of the day before\n"
	    "  --flag F      a red flag (repeat for more): swelling, locking,\n"
	    "                giving-way, night-pain, injury\n"
	    "  --note TEXT   a note, kept with the session or the report; at\n"
	    "                most 4096 bytes, also once added to the session's\n"
	    "  --cleared     a physiotherapist has seen the knee: lifts the\n"
	    "                red-flag advice; progression starts again from\n"
	    "                a safe dose (--note: what they said)\n"
	    "  --date DATE   when: YYYY-MM-DD[THH:MM[:SS][+HH:MM]], local time\n"
	    "                unless an offset is given; a day alone means its\n"
	    "                end (08:00 for a morning report alone)\n"
	    "  --help        show this help\n"
	    "\n"
	    "During and after go to the session started in the 24 hours\n"
	    "before, morning pain to the session of the day before; with no\n"
	    "such session the report is kept on its own. Anchors: 0 none,\n"
	    "2 mild, 5 the most that is fine, 10 the worst imaginable.\n"
	    "With no options in a terminal, the pain form opens.\n",
	.exec = cmd_pain_exec,
	.options = cmd_pain_options,
};

static int
cmd_pain_score(const char *opt, const char *arg, int *out)
{
	long	v;

	if (cmd_parse_int(arg, 0, 10, &v) == -1)
		return cmd_usage_error(&cmd_pain_entry, "%s: '%s' is not a "
		    "score from 0 to 10", opt, arg);
	*out = (int)v;
	return 0;
}

/* Where a report went, for the person to check. */
static void
cmd_pain_said(struct store *st, const char *what, int score, int64_t target)
{
	struct history	h;
	char		when[ISOTIME_LEN];

	if (target < 0)
		return;
	if (target == 0) {
		printf("Recorded %s %d/10 on its own (no session to go "
		    "with).\n", what, score);
		return;
	}
	history_init(&h);
	if (store_load_session(st, target, &h) == 0) {
		isotime_format_short(h.s[0].start, h.s[0].utc_off, when,
		    sizeof when);
		if (score == PAIN_NONE)
			printf("Recorded %s for %s of %s.\n", what,
			    h.s[0].routine, when);
		else
			printf("Recorded %s %d/10 for %s of %s.\n", what, score,
			    h.s[0].routine, when);
	}
	history_free(&h);
}

static int
cmd_pain_date(const char *arg, bool morning_only, int64_t now, int64_t *at,
    int *off)
{
	struct isotime	t;
	int64_t		day;
	int		day_off;

	if (isotime_scan(arg, &t) == -1)
		return cmd_usage_error(&cmd_pain_entry, "--date: '%s' is not a "
		    "date like 2026-11-02 or 2026-11-02T07:30", arg);
	if (isotime_resolve(&t, &day, &day_off) == -1)
		return cmd_usage_error(&cmd_pain_entry, "--date: '%s' is not a "
		    "time that exists here", arg);
	/* With a time: not ahead of now; a day alone: not after today. */
	if (day > now + 60)
		return cmd_usage_error(&cmd_pain_entry, "--date: '%s' is in "
		    "the future", arg);
	if (t.has_time) {
		*at = day;
		*off = day_off;
		return 0;
	}
	t.hour = morning_only ? 8 : 23;
	t.min = t.sec = morning_only ? 0 : 59;
	if (isotime_resolve(&t, at, off) == -1 || *at > now) {
		*at = now;
		*off = calendar_offset(now);
	}
	return 0;
}

/* `pain --cleared`: "I saw a physiotherapist". */
static int
cmd_pain_cleared(const struct rh_opts *o, const char *note, int64_t at,
    int utc_off)
{
	struct store	*st;
	char		 when[ISOTIME_LEN];
	int		 rc;

	if ((rc = store_open(o->data_dir, &st)) != 0) {
		fprintf(stderr, "rehabit: %s\n", store_open_error());
		return rc;
	}
	if ((rc = store_add_clearance(st, at, utc_off, note)) != 0) {
		fprintf(stderr, "rehabit: %s\n", store_error(st));
		store_close(st);
		return rc;
	}
	store_close(st);
	isotime_format_short(at, utc_off, when, sizeof when);
	printf("Recorded: a physiotherapist saw the knee (%s).\n"
	    "Red flags reported before then no longer stand; each exercise "
	    "starts again\nfrom a safe dose, as after a break.\n", when);
	return 0;
}

/*
 * No options in a terminal: the form for the session `pain --after N`
 * would record for, else a report on its own.
 */
static int
cmd_pain_form(const struct rh_opts *o)
{
	struct app	 app;
	int64_t		 now = (int64_t)time(NULL), session = 0;
	bool		 saved = false;
	int		 rc;

	if ((rc = app_open(&app, o)) != 0)
		return rc;
	if ((rc = store_pain_target(app.store, PAIN_AFTER, now,
	    calendar_offset(now), &session)) != 0) {
		fprintf(stderr, "rehabit: %s\n", store_error(app.store));
		app_close(&app);
		return rc;
	}
	ui_pain_open(&app, session, &saved);
	rc = app_run(&app);
	if (rc == 0)
		puts(saved ? "Pain recorded." : "Nothing recorded.");
	app_close(&app);
	return rc;
}

/* What the command line asks for. */
struct cmd_pain_args {
	struct pain_input	 in;
	bool			 cleared;	/* --cleared */
	/* No options in a terminal: open the form. */
	bool			 form;
};

/* One option into `a`; 0 or the exit status after a one-line error. */
static int
cmd_pain_option(int c, struct cmd_pain_args *a)
{
	unsigned	f;

	switch (c) {
	case 'd':
		return cmd_pain_score("--during", optarg, &a->in.during);
	case 'a':
		return cmd_pain_score("--after", optarg, &a->in.after);
	case 'm':
		return cmd_pain_score("--morning", optarg, &a->in.morning);
	case 'f':
		if ((f = history_flag_parse(optarg)) == 0)
			return cmd_usage_error(&cmd_pain_entry, "--flag: "
			    "unknown flag '%s' (swelling, locking, giving-way, "
			    "night-pain, injury)", optarg);
		a->in.flags |= f;
		break;
	case 'n':
		if (!store_note_valid(optarg))
			return cmd_usage_error(&cmd_pain_entry,
			    "--note: not text (UTF-8, at most 4096 bytes, no "
			    "control characters)");
		a->in.note = optarg;
		break;
	case 'c':
		a->cleared = true;
		break;
	}
	return 0;
}

/* True when no score, flag or note was given. */
static bool
cmd_pain_nothing(const struct pain_input *in)
{
	return in->during == PAIN_NONE && in->after == PAIN_NONE &&
	    in->morning == PAIN_NONE && in->flags == 0 && in->note == NULL;
}

/*
 * The command line into `a`, with the time of the report (now, or
 * --date). Returns -1 to go on, else the exit status after a one-line
 * error.
 */
static int
cmd_pain_parse(int argc, char **argv, int64_t now, struct cmd_pain_args *a)
{
	const char	*date = NULL;
	int		 c, rc, optrc;
	bool		 any = false;

	memset(a, 0, sizeof *a);
	a->in.session = -1;
	a->in.during = a->in.after = a->in.morning = PAIN_NONE;
	while ((c = cmd_getopt(&cmd_pain_entry, argc, argv, &optrc)) != -1) {
		if (c == 't')
			date = optarg;
		else if ((rc = cmd_pain_option(c, a)) != 0)
			return rc;
		any = true;
	}
	if (optrc != -1)
		return optrc;
	if (optind < argc)
		return cmd_usage_error(&cmd_pain_entry, "unexpected argument "
		    "'%s'", argv[optind]);
	if (a->cleared && (a->in.during != PAIN_NONE ||
	    a->in.after != PAIN_NONE || a->in.morning != PAIN_NONE ||
	    a->in.flags != 0))
		return cmd_usage_error(&cmd_pain_entry, "--cleared: no scores "
		    "or flags with it (only --note and --date)");
	/* The form (ui-pain.c) when stdin and stdout are a terminal. */
	if (!any && isatty(STDIN_FILENO) && isatty(STDOUT_FILENO)) {
		a->form = true;
		return -1;
	}
	if (!any || (!a->cleared && cmd_pain_nothing(&a->in)))
		return cmd_usage_error(&cmd_pain_entry, "give a score: "
		    "--during N, --after N or --morning N");
	a->in.at = now;
	a->in.utc_off = calendar_offset(now);
	if (date != NULL && (rc = cmd_pain_date(date,
	    a->in.morning != PAIN_NONE && a->in.during == PAIN_NONE &&
	    a->in.after == PAIN_NONE, now, &a->in.at, &a->in.utc_off)) != 0)
		return rc;
	return -1;
}

/*
 * Flags or a note alone need a session: look before creating the
 * history. Returns -1 to go on, else the exit status after an error.
 */
static int
cmd_pain_has_target(const struct rh_opts *o, const struct pain_input *in)
{
	struct store	*st;
	int64_t		 target;
	int		 rc;

	if ((rc = store_open_readonly(o->data_dir, &st)) != 0) {
		fprintf(stderr, "rehabit: %s\n", store_open_error());
		return rc;
	}
	rc = store_pain_target(st, PAIN_AFTER, in->at, in->utc_off, &target);
	if (rc != 0)
		fprintf(stderr, "rehabit: %s\n", store_error(st));
	store_close(st);
	if (rc != 0)
		return rc;
	if (target == 0)
		return cmd_usage_error(&cmd_pain_entry, "no session in the 24 "
		    "hours before: give a score with the flags or note");
	return -1;
}

/*
 * Record the report; on success *st is the open history, for saying
 * where it went. Returns 0 or the exit status after a one-line error.
 */
static int
cmd_pain_record(const struct rh_opts *o, const struct pain_input *in,
    struct store **st, struct pain_result *res)
{
	int	rc;

	if (in->during == PAIN_NONE && in->after == PAIN_NONE &&
	    in->morning == PAIN_NONE && (rc = cmd_pain_has_target(o,
	    in)) != -1)
		return rc;
	if ((rc = store_open(o->data_dir, st)) != 0) {
		fprintf(stderr, "rehabit: %s\n", store_open_error());
		return rc;
	}
	if ((rc = store_record_pain(*st, in, res)) != 0) {
		fprintf(stderr, "rehabit: %s\n", store_error(*st));
		store_close(*st);
	}
	return rc;
}

/* Where each part of the report went, and what red flags mean. */
static void
cmd_pain_say(struct store *st, const struct pain_input *in,
    const struct pain_result *res)
{
	int	i;

	cmd_pain_said(st, "pain during", in->during, res->target[PAIN_DURING]);
	cmd_pain_said(st, "pain after", in->after, res->target[PAIN_AFTER]);
	cmd_pain_said(st, "morning pain", in->morning,
	    res->target[PAIN_MORNING]);
	if (res->target[0] < 0 && res->target[1] < 0 && res->target[2] < 0)
		cmd_pain_said(st, in->flags != 0 ? "red flags" : "the note",
		    PAIN_NONE, res->flags_target);
	if (in->flags == 0)
		return;
	printf("Red flags:");
	for (i = 0; i < FLAG_COUNT; i++) {
		if (in->flags & (1u << i))
			printf(" %s", history_flag_name(1u << i));
	}
	printf(".\nThese are not exercise problems: no step up until "
	    "a physiotherapist or doctor\nhas seen the knee.\n");
}

static int
cmd_pain_exec(const struct rh_opts *o, int argc, char **argv)
{
	struct cmd_pain_args	 a;
	struct pain_result	 res;
	struct store		*st;
	int			 rc;

	if ((rc = cmd_pain_parse(argc, argv, (int64_t)time(NULL), &a)) != -1)
		return rc;
	if (a.form)
		return cmd_pain_form(o);
	if (a.cleared)
		return cmd_pain_cleared(o, a.in.note, a.in.at, a.in.utc_off);
	if ((rc = cmd_pain_record(o, &a.in, &st, &res)) != 0)
		return rc;
	cmd_pain_say(st, &a.in, &res);
	store_close(st);
	return 0;
}
