/*
 * cmd-report.c - `rehabit report [FILE]`: a one-page Markdown summary to
 * bring to a physiotherapist: routines and dates, adherence, the pain
 * trend and its chart, the pain of each session, red flags, every note,
 * current doses and every dose change with the rule and reason behind
 * it.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>
#include <time.h>
#include <unistd.h>

#include "calendar.h"
#include "chart.h"
#include "cmd.h"
#include "diag.h"
#include "report.h"
#include "review.h"
#include "xmalloc.h"

#define REPORT_WIDTH	72

static int	cmd_report_exec(const struct rh_opts *, int, char **);

const struct cmd_entry cmd_report_entry = {
	.name = "report",
	.args = "[--weeks N] [--routine ID] [--ascii] [FILE]",
	.summary = "a one-page Markdown summary for a physiotherapist",
	.help =
	    "  FILE            write the report there: a new file, mode 0600,"
	    " put in\n"
	    "                  place once whole; default or '-': standard"
	    " output\n"
	    "  --weeks N       the last N weeks; default: since the first"
	    " session\n"
	    "  --routine ID    only this routine's sessions\n"
	    "  --ascii         draw the charts with ASCII characters only\n"
	    "  --help          show this help\n",
	.exec = cmd_report_exec,
	.options = review_options,
	.operands = CMD_ARG_FILE
};

/*
 * A table cell: no pipe or line break may escape it, and no control
 * character (a history from before notes were checked) reaches a terminal.
 */
static void
cmd_report_cell(FILE *fp, const char *s)
{
	char	one[3] = "";
	size_t	n;

	for (; *s != '\0'; s++) {
		if (*s == '|')
			fputs("\\|", fp);
		else if (*s == '\n' || *s == '\r' || *s == '\t')
			fputc(' ', fp);
		else if ((n = diag_control(s, false)) != 0) {
			memcpy(one, s, n);
			one[n] = '\0';
			diag_fputs(fp, one, false);
			s += n - 1;
		} else
			fputc(*s, fp);
	}
}

static void
cmd_report_chart(FILE *fp, const struct chart *c)
{
	char	*buf;
	size_t	 len = (size_t)c->w * 4 + 1;
	int	 row;

	buf = xmalloc(len);
	fputs("```text\n", fp);
	for (row = 0; row < c->h; row++)
		fprintf(fp, "%s\n", chart_row(c, row, buf, len));
	fputs("```\n", fp);
	free(buf);
}

static void
cmd_report_date(int64_t t, int off, char *buf, size_t len)
{
	calendar_date(calendar_day(t, off), buf, len);
}

static void
cmd_report_routines(FILE *fp, const struct report *r)
{
	const struct report_routine	*rr;
	char				 a[16], b[16];
	size_t				 i;

	fputs("\n## Routines\n\n| Routine | Planned a week | First session"
	    " | Last session | Sessions in this period |\n"
	    "|---|---:|---|---|---:|\n", fp);
	for (i = 0; i < r->nrt; i++) {
		rr = &r->rt[i];
		cmd_report_date(rr->first, rr->first_off, a, sizeof a);
		cmd_report_date(rr->last, rr->last_off, b, sizeof b);
		fputs("| ", fp);
		if (rr->rt != NULL) {
			cmd_report_cell(fp, rr->rt->name);
			fputs(" (", fp);
		}
		cmd_report_cell(fp, rr->id);
		if (rr->rt != NULL)
			fprintf(fp, ") | %d", rr->rt->per_week);
		else
			fputs(" (not in the library) | -", fp);
		fprintf(fp, " | %s | %s%s | %d |\n", a, b,
		    rr->current ? " (current)" : "", rr->sessions);
	}
}

static void
cmd_report_adherence(FILE *fp, const struct report *r, bool ascii)
{
	struct chart	c;
	int		i, on = 0, w = 3 + 2 * r->nweeks;

	for (i = 0; i < r->nweeks; i++)
		on += report_on_plan(&r->w[i]);
	fprintf(fp, "\n## Adherence\n\n- Sessions done: %d of %d planned",
	    r->done, r->planned);
	if (r->planned > 0)
		fprintf(fp, " (%d%%)", r->done * 100 / r->planned);
	fprintf(fp, "; %d stopped early.\n", r->partial);
	fprintf(fp, "- Weeks on plan: %d of %d; current streak: %d week%s.\n",
	    on, r->nweeks, r->streak, r->streak == 1 ? "" : "s");
	if (w > REPORT_WIDTH)
		w = REPORT_WIDTH;
	fprintf(fp, "\nSessions by day (%s done, %s stopped early, %s none,"
	    " ! red flag):\n\n", ascii ? "#" : "\xe2\x96\xa0",
	    ascii ? "+" : "\xe2\x96\xa1", ascii ? "." : "\xc2\xb7");
	chart_init(&c, w, 8, ascii);
	chart_calendar(&c, r->w, r->nweeks, r->today);
	cmd_report_chart(fp, &c);
	chart_free(&c);
}

static void
cmd_report_pain(FILE *fp, const struct report *r, bool ascii)
{
	static const int	 kinds[REPORT_NPAIN] = {
		PAIN_AFTER, PAIN_DURING, PAIN_MORNING
	};
	struct chart		 c;
	char			 buf[256];
	double			*v;
	int			 i;

	fputs("\n## Pain (0-10)\n\n", fp);
	for (i = 0; i < REPORT_NPAIN; i++) {
		review_trend(r, kinds[i], !ascii, buf, sizeof buf);
		buf[0] = (char)(buf[0] - 'a' + 'A');
		fprintf(fp, "- %s\n", buf);
	}
	fputs("\nA change of 2 points or more is called meaningful"
	    " (Crossley 2004).\n", fp);
	v = xcalloc((size_t)r->nweeks, sizeof *v);
	for (i = 0; i < r->nweeks; i++)
		v[i] = r->w[i].pain[PAIN_AFTER];
	fputs("\nWeekly average pain after sessions (green up to 2, amber"
	    " 3-5, red above 5):\n\n", fp);
	chart_init(&c, REPORT_WIDTH, 11, ascii);
	chart_pain(&c, v, r->nweeks, r->w[0].day0);
	cmd_report_chart(fp, &c);
	chart_free(&c);
	free(v);
}

/* A score, or "-" when none was given. */
static void
cmd_report_score(FILE *fp, int v)
{
	if (v < 0)
		fputs("-", fp);
	else
		fprintf(fp, "%d", v);
}

/* Each session's worst pain, and every session above 5 by name. */
static void
cmd_report_sessions(FILE *fp, const struct report *r, bool ascii)
{
	const struct report_session	*rs;
	struct chart			 c;
	char				 day[16], names[128];
	size_t				 i, n = 0;

	if (r->nsess == 0)
		return;
	fputs("\n## Pain by session\n\nThe highest score given with each"
	    " session (! above 5):\n\n", fp);
	chart_init(&c, REPORT_WIDTH, 11, ascii);
	chart_sessions(&c, r->sess, (int)r->nsess);
	cmd_report_chart(fp, &c);
	chart_free(&c);
	for (i = 0; i < r->nsess; i++) {
		rs = &r->sess[i];
		if (chart_band(NULL, rs->worst) != CHART_RED)
			continue;
		if (n++ == 0)
			fputs("\nSessions with pain above 5 (during/after/next"
			    " morning):\n\n", fp);
		cmd_report_date(rs->at, rs->utc_off, day, sizeof day);
		fprintf(fp, "- %s, ", day);
		cmd_put_text(fp, rs->routine);
		fputs(rs->completed ? ": " : " (stopped early): ", fp);
		cmd_report_score(fp, rs->pain[PAIN_DURING]);
		fputc('/', fp);
		cmd_report_score(fp, rs->pain[PAIN_AFTER]);
		fputc('/', fp);
		cmd_report_score(fp, rs->pain[PAIN_MORNING]);
		if (rs->flags != 0) {
			review_flags(rs->flags, names, sizeof names);
			fprintf(fp, "; red flags: %s", names);
		}
		fputc('\n', fp);
	}
	if (n == 0)
		fputs("\nNo session had pain above 5.\n", fp);
}

/* Every note of the period, with a red flag or not: the person's words. */
static void
cmd_report_notes(FILE *fp, const struct report *r)
{
	const struct report_note	*n;
	char				 day[16];
	size_t				 i;

	fputs("\n## Notes\n\n", fp);
	if (r->nnotes == 0) {
		fputs("None written.\n", fp);
		return;
	}
	for (i = 0; i < r->nnotes; i++) {
		n = &r->notes[i];
		cmd_report_date(n->at, n->utc_off, day, sizeof day);
		fprintf(fp, "- %s, ", day);
		if (n->routine != NULL)
			cmd_put_text(fp, n->routine);
		else
			fputs("pain report", fp);
		fputs(": \"", fp);
		cmd_put_text(fp, n->note);
		fputs("\"\n", fp);
	}
}

static void
cmd_report_flags(FILE *fp, const struct report *r)
{
	const struct report_flag	*f;
	char				 day[16], names[128];
	size_t				 i;

	fputs("\n## Red flags\n\n", fp);
	if (r->nflags == 0) {
		fputs("None reported.\n", fp);
		return;
	}
	for (i = 0; i < r->nflags; i++) {
		f = &r->flags[i];
		cmd_report_date(f->at, f->utc_off, day, sizeof day);
		if (f->cleared)
			snprintf(names, sizeof names, "seen by a "
			    "physiotherapist; red flags cleared");
		else
			review_flags(f->flags, names, sizeof names);
		fprintf(fp, "- %s: %s", day, names);
		if (f->note != NULL && f->note[0] != '\0') {
			fputs(" - \"", fp);
			cmd_report_cell(fp, f->note);
			fputc('"', fp);
		}
		fputc('\n', fp);
	}
}

static void
cmd_report_doses(FILE *fp, const struct report *r)
{
	const struct report_exercise	*e;
	char				 a[128], b[128], v[32];
	size_t				 i;

	if (r->nex == 0)
		return;
	fputs("\n## Current doses\n\n| Exercise | Start of period | Now |"
	    " Sessions | Volume a week |\n|---|---|---|---:|---:|\n", fp);
	for (i = 0; i < r->nex; i++) {
		e = &r->ex[i];
		review_dose(e, &e->start, a, sizeof a);
		review_dose(e, &e->current, b, sizeof b);
		review_volume(e->kind, e->total / r->nweeks, v, sizeof v);
		fputs("| ", fp);
		cmd_report_cell(fp, review_name(e));
		fputs(" | ", fp);
		cmd_report_cell(fp, a);
		fputs(" | ", fp);
		cmd_report_cell(fp, b);
		fprintf(fp, " | %d | %s |\n", e->sessions, v);
	}
}

static void
cmd_report_decisions(FILE *fp, const struct report *r, bool ascii)
{
	const struct report_exercise	*e;
	const struct report_change	*c;
	char				 day[16], a[128], b[128];
	size_t				 i, j, n = 0;

	fputs("\n## Progression decisions\n\n", fp);
	for (i = 0; i < r->nex; i++)
		n += r->ex[i].nchanges;
	if (n == 0) {
		fputs("No dose changed in this period.\n", fp);
		return;
	}
	fputs("| Date | Exercise | Change | Decision | Reason |\n"
	    "|---|---|---|---|---|\n", fp);
	for (i = 0; i < r->nex; i++) {
		e = &r->ex[i];
		for (j = 0; j < e->nchanges; j++) {
			c = &e->changes[j];
			cmd_report_date(c->at, c->utc_off, day, sizeof day);
			review_dose(e, &c->from, a, sizeof a);
			review_dose(e, &c->to, b, sizeof b);
			fprintf(fp, "| %s | ", day);
			cmd_report_cell(fp, review_name(e));
			fputs(" | ", fp);
			cmd_report_cell(fp, a);
			fputs(ascii ? " -> " : " \xe2\x86\x92 ", fp);
			cmd_report_cell(fp, b);
			fputs(" | ", fp);
			if (c->decision[0] != '\0')
				fprintf(fp, "%s (%s)", c->decision, c->rule);
			else
				fputs(c->dir > 0 ? "step up" : c->dir < 0 ?
				    "step down" : "changed", fp);
			fputs(" | ", fp);
			cmd_report_cell(fp, c->reason[0] != '\0' ? c->reason :
			    "-");
			fputs(" |\n", fp);
		}
	}
}

static void
cmd_report_write(FILE *fp, const struct report *r, const char *routine,
    bool ascii)
{
	char	a[32], b[32], today[16];

	calendar_date(r->today, today, sizeof today);
	fputs("# rehabit progress report\n\n", fp);
	if (r->nsessions == 0) {
		fprintf(fp, "Written %s. No sessions recorded%s%s yet.\n",
		    today, routine != NULL ? " for " : "",
		    routine != NULL ? routine : "");
		return;
	}
	calendar_day_short(r->w[0].day0, true, a, sizeof a);
	calendar_day_short(r->today, true, b, sizeof b);
	fprintf(fp, "Written %s, covering %s to %s (%d week%s)%s%s.\n", today,
	    a, b, r->nweeks, r->nweeks == 1 ? "" : "s",
	    routine != NULL ? ", routine " : "",
	    routine != NULL ? routine : "");
	fputs("Pain is self-reported on a 0-10 scale. rehabit is a coach, not"
	    " a diagnosis.\n", fp);
	cmd_report_routines(fp, r);
	cmd_report_adherence(fp, r, ascii);
	cmd_report_pain(fp, r, ascii);
	cmd_report_sessions(fp, r, ascii);
	cmd_report_flags(fp, r);
	cmd_report_notes(fp, r);
	cmd_report_doses(fp, r);
	cmd_report_decisions(fp, r, ascii);
}

struct cmd_report_args {
	const struct report	*r;
	const char		*routine;
	bool			 ascii;
};

static int
cmd_report_file(FILE *fp, void *arg)
{
	const struct cmd_report_args	*a = arg;

	cmd_report_write(fp, a->r, a->routine, a->ascii);
	return 0;
}

static int
cmd_report_exec(const struct rh_opts *opts, int argc, char **argv)
{
	const struct cmd_entry		*e = &cmd_report_entry;
	struct review			 rv;
	struct review_args		 a = { 0, NULL, false };
	struct report			 r;
	struct cmd_report_args		 fa;
	const char			*path = NULL;
	int				 rc;

	if ((rc = review_args(e, argc, argv, &a)) != -1)
		return rc;
	if (optind < argc)
		path = argv[optind++];
	if (optind < argc)
		return cmd_usage_error(e, "unexpected argument '%s'",
		    argv[optind]);

	/* The routines' first sessions are shown: always all of it. */
	if ((rc = review_load(opts, &rv, 0, 0)) != 0) {
		review_free(&rv);
		return rc;
	}
	if (a.routine != NULL &&
	    !review_routine_known(&rv, &rv.cat, a.routine)) {
		fprintf(stderr, "rehabit: report: no routine '%s' in the "
		    "library or the history\n", a.routine);
		review_free(&rv);
		return EX_NOINPUT;
	}
	if (path != NULL && strcmp(path, "-") == 0)
		path = NULL;
	review_figures(&rv, &rv.cat, a.routine, (int)a.weeks,
	    (int64_t)time(NULL), 0, &r);
	fa.r = &r;
	fa.routine = a.routine;
	fa.ascii = a.ascii;
	/* Health data: a new 0600 file, renamed over FILE once whole. */
	if (path != NULL)
		rc = cmd_write_file(path, cmd_report_file, &fa);
	else {
		cmd_report_write(stdout, &r, a.routine, a.ascii);
		rc = cmd_flush(e);
	}
	report_free(&r);
	review_free(&rv);
	return rc;
}
