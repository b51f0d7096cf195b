/*
 * cmd-report.c - `rehabit report [FILE]`: a one-page Markdown summary to
 * bring to a physiotherapist: routines and dates, adherence, the pain
 * trend and its chart, red flags, current doses and every dose change
 * with the rule and reason behind it.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>
#include <time.h>
#include <unistd.h>

#include "chart.h"
#include "cmd.h"
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
	    "  FILE            write the report there (mode 0600); default or"
	    " '-': standard\n"
	    "                  output\n"
	    "  --weeks N       the last N weeks; default: since the first"
	    " session\n"
	    "  --routine ID    only this routine's sessions\n"
	    "  --ascii         draw the charts with ASCII characters only\n"
	    "  --help          show this help\n",
	.exec = cmd_report_exec
};

/* A table cell: no pipe or line break may escape it. */
static void
cmd_report_cell(FILE *fp, const char *s)
{
	for (; *s != '\0'; s++) {
		if (*s == '|')
			fputs("\\|", fp);
		else if (*s == '\n' || *s == '\r' || *s == '\t')
			fputc(' ', fp);
		else
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
	report_date(report_day(t, off), buf, len);
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

	report_date(r->today, today, sizeof today);
	fputs("# rehabit progress report\n\n", fp);
	if (r->nsessions == 0) {
		fprintf(fp, "Written %s. No sessions recorded%s%s yet.\n",
		    today, routine != NULL ? " for " : "",
		    routine != NULL ? routine : "");
		return;
	}
	review_day(r->w[0].day0, true, a, sizeof a);
	review_day(r->today, true, b, sizeof b);
	fprintf(fp, "Written %s, covering %s to %s (%d week%s)%s%s.\n", today,
	    a, b, r->nweeks, r->nweeks == 1 ? "" : "s",
	    routine != NULL ? ", routine " : "",
	    routine != NULL ? routine : "");
	fputs("Pain is self-reported on a 0-10 scale. rehabit is a coach, not"
	    " a diagnosis.\n", fp);
	cmd_report_routines(fp, r);
	cmd_report_adherence(fp, r, ascii);
	cmd_report_pain(fp, r, ascii);
	cmd_report_flags(fp, r);
	cmd_report_doses(fp, r);
	cmd_report_decisions(fp, r, ascii);
}

/* Open FILE for the report: private (0600), as it holds health data. */
static FILE *
cmd_report_open(const char *path)
{
	FILE	*fp;
	int	 fd;

	fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
	if (fd == -1)
		return NULL;
	if ((fp = fdopen(fd, "w")) == NULL)
		close(fd);
	return fp;
}

static int
cmd_report_exec(const struct rh_opts *opts, int argc, char **argv)
{
	const struct cmd_entry		*e = &cmd_report_entry;
	struct review			 rv;
	struct review_args		 a = { 0, NULL, false };
	struct report			 r;
	const char			*path = NULL;
	FILE				*fp = stdout;
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
	if (path != NULL && strcmp(path, "-") != 0 &&
	    (fp = cmd_report_open(path)) == NULL) {
		fprintf(stderr, "rehabit: %s: %s\n", path, strerror(errno));
		review_free(&rv);
		return EX_IOERR;
	}
	review_figures(&rv, &rv.cat, a.routine, (int)a.weeks,
	    (int64_t)time(NULL), 0, &r);
	cmd_report_write(fp, &r, a.routine, a.ascii);
	report_free(&r);
	review_free(&rv);
	rc = 0;
	if (fflush(fp) != 0 || ferror(fp))
		rc = EX_IOERR;
	if (fp != stdout && fclose(fp) != 0)
		rc = EX_IOERR;
	if (rc != 0)
		fprintf(stderr, "rehabit: %s: cannot write the report\n",
		    path != NULL ? path : "standard output");
	return rc;
}
