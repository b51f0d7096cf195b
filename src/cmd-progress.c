/*
 * cmd-progress.c - `rehabit progress`: the progress figures and charts as
 * plain text, for a terminal or a pipe. It fits the terminal's width (80
 * columns in a pipe unless COLUMNS says otherwise), colours only a
 * terminal, and falls back to ASCII when the locale is not UTF-8.
 */
#include "config.h"

#include <sys/ioctl.h>

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>
#include <time.h>
#include <unistd.h>

#include "calendar.h"
#include "chart.h"
#include "cmd.h"
#include "progression.h"
#include "report.h"
#include "review.h"
#include "xmalloc.h"

#define PROGRESS_WEEKS		12
#define PROGRESS_MIN_WIDTH	40
#define PROGRESS_MAX_WIDTH	200
#define PAIN_CHART_HEIGHT	11
#define PROGRESS_CHANGES	5	/* dose changes shown per exercise */

static int	cmd_progress_exec(const struct rh_opts *, int, char **);

const struct cmd_entry cmd_progress_entry = {
	.name = "progress",
	.args = "[--weeks N] [--routine ID] [--ascii]",
	.summary = "pain, sessions and volume over time, as text charts",
	.help =
	    "  --weeks N       the last N weeks (default 12); 'all' since the"
	    " first session\n"
	    "  --routine ID    only this routine's sessions\n"
	    "  --ascii         draw the charts with ASCII characters only\n"
	    "  --help          show this help\n"
	    "\nPain is the weekly average on the 0-10 scale: green up to 2,"
	    " amber 3-5,\nred above 5 (with --routine, that routine's own"
	    " green and red). A change\nof 2 points or more between the"
	    " first two and the last two weeks with\nscores is called"
	    " meaningful. A second chart shows each session's highest\n"
	    "score, ! over those in the red. The window never starts before"
	    " the first\nsession.\n",
	.exec = cmd_progress_exec,
	.options = review_options,
	.operands = CMD_ARG_NONE
};

/* Where and how the text goes. */
struct progress_out {
	FILE	*fp;
	int	 width;
	bool	 utf8;
	bool	 color;
	/* The routine of --routine: its pain bands; NULL: the built-in. */
	const struct routine *rt;
};

/* ANSI colours by chart role, for a terminal only. */
static const char *
progress_sgr(enum chart_role role)
{
	switch (role) {
	case CHART_GREEN:
		return "\033[32m";
	case CHART_AMBER:
		return "\033[33m";
	case CHART_RED:
		return "\033[31m";
	case CHART_DATA:
		return "\033[36m";
	case CHART_AXIS:
	case CHART_DIM:
		return "\033[2m";
	default:
		return NULL;
	}
}

static void
progress_chart(const struct progress_out *o, const struct chart *c)
{
	const struct chart_cell	*cell;
	char			*buf;
	size_t			 len = (size_t)c->w * 4 + 1;
	int			 row, col, last, role;

	buf = xmalloc(len);
	for (row = 0; row < c->h; row++) {
		if (!o->color) {
			fprintf(o->fp, "%s\n", chart_row(c, row, buf, len));
			continue;
		}
		/* Up to the last glyph; a colour change only where needed. */
		for (last = c->w - 1; last >= 0; last--) {
			if (strcmp(chart_at(c, row, last)->g, " ") != 0)
				break;
		}
		role = CHART_NONE;
		for (col = 0; col <= last; col++) {
			cell = chart_at(c, row, col);
			if (cell->role != role) {
				fputs("\033[0m", o->fp);
				if (progress_sgr(cell->role) != NULL)
					fputs(progress_sgr(cell->role), o->fp);
				role = cell->role;
			}
			fputs(cell->g, o->fp);
		}
		fputs(role != CHART_NONE ? "\033[0m\n" : "\n", o->fp);
	}
	free(buf);
}

static int
progress_width(void)
{
	struct winsize	 ws;
	const char	*cols;
	long		 n;
	int		 w = 80;

	if (isatty(STDOUT_FILENO) &&
	    ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0)
		w = ws.ws_col;
	else if ((cols = getenv("COLUMNS")) != NULL &&
	    cmd_parse_int(cols, 1, 10000, &n) == 0)
		w = (int)n;
	if (w < PROGRESS_MIN_WIDTH)
		w = PROGRESS_MIN_WIDTH;
	if (w > PROGRESS_MAX_WIDTH)
		w = PROGRESS_MAX_WIDTH;
	return w;
}

static void	progress_wrap(const struct progress_out *, const char *, int,
		    int);

/* One paragraph, wrapped at the width with a hanging indent. */
static void __attribute__((format(printf, 2, 3)))
progress_say(const struct progress_out *o, const char *fmt, ...)
{
	va_list	 ap;
	char	*s;

	va_start(ap, fmt);
	if (vasprintf(&s, fmt, ap) == -1)
		fatalx(EX_OSERR, "out of memory");
	va_end(ap);
	progress_wrap(o, s, 0, 2);
	free(s);
}

static void
progress_header(const struct progress_out *o, const struct report *r,
    const char *routine, int weeks)
{
	char	a[32], b[32], what[160];

	calendar_day_short(r->w[0].day0, true, a, sizeof a);
	calendar_day_short(r->today, true, b, sizeof b);
	snprintf(what, sizeof what, "(%s%s)", routine != NULL ? "routine " :
	    "all routines", routine != NULL ? routine : "");
	if (weeks > r->nweeks)
		progress_say(o, "Progress over the %d week%s since the first"
		    " session, %s to %s %s", r->nweeks, r->nweeks == 1 ? "" :
		    "s", a, b, what);
	else if (weeks > 0)
		progress_say(o, "Progress over the last %d week%s, %s to %s %s",
		    weeks, weeks == 1 ? "" : "s", a, b, what);
	else
		progress_say(o, "Progress since %s %s", a, what);
	fputc('\n', o->fp);
}

static void
progress_summary(const struct progress_out *o, const struct report *r)
{
	static const int	 kinds[REPORT_NPAIN] = {
		PAIN_AFTER, PAIN_DURING, PAIN_MORNING
	};
	char			 buf[512], pct[16] = "", early[32] = "";
	unsigned		 all = 0;
	size_t			 j;
	int			 i;

	if (r->planned > 0)
		snprintf(pct, sizeof pct, " (%d%%)", r->done * 100 /
		    r->planned);
	if (r->partial > 0)
		snprintf(early, sizeof early, ", %d stopped early",
		    r->partial);
	progress_say(o, "sessions: %d done of %d planned%s%s", r->done,
	    r->planned, pct, early);
	progress_say(o, "streak: %d week%s on plan", r->streak,
	    r->streak == 1 ? "" : "s");
	for (i = 0; i < REPORT_NPAIN; i++) {
		review_trend(r, kinds[i], o->utf8, buf, sizeof buf);
		progress_say(o, "%s", buf);
	}
	if (r->nflags > 0) {
		for (j = 0; j < r->nflags; j++)
			all |= r->flags[j].flags;
		review_flags(all, buf, sizeof buf);
		progress_say(o, "red flags reported: %s: see a"
		    " physiotherapist", buf);
	}
	if (r->done + r->partial == 0)
		progress_say(o, "No sessions in this window.");
}

static void
progress_pain_chart(const struct progress_out *o, const struct report *r)
{
	struct chart	 c;
	struct prog_limits l;
	double		*v;
	char		 amber[32] = "";
	int		 i, kind = PAIN_AFTER;

	if (!r->trend[PAIN_AFTER].have && r->trend[PAIN_DURING].have)
		kind = PAIN_DURING;
	v = xcalloc((size_t)r->nweeks, sizeof *v);
	for (i = 0; i < r->nweeks; i++)
		v[i] = r->w[i].pain[kind];
	fputc('\n', o->fp);
	progression_limits(o->rt, NULL, &l);
	if (l.red_above > l.green_max)
		snprintf(amber, sizeof amber, ", amber %d-%d",
		    l.green_max + 1, l.red_above);
	progress_say(o, "Pain %s sessions, weekly average (green <= %d%s, red"
	    " > %d)", kind == PAIN_AFTER ? "after" : "during", l.green_max,
	    amber, l.red_above);
	chart_init(&c, o->width, PAIN_CHART_HEIGHT, !o->utf8);
	c.rt = o->rt;
	chart_pain(&c, v, r->nweeks, r->w[0].day0);
	progress_chart(o, &c);
	chart_free(&c);
	free(v);
}

/* Each session's worst score, and the latest red ones by date. */
static void
progress_sessions(const struct progress_out *o, const struct report *r)
{
	const struct report_session	*rs;
	struct chart			 c;
	struct prog_limits		 l;
	char				 day[32], v[16], *line, *more;
	size_t				 i, n = 0, shown = 0;

	if (r->nsess == 0)
		return;
	progression_limits(o->rt, NULL, &l);
	fputc('\n', o->fp);
	progress_say(o, "Pain per session, the highest score given (%s above"
	    " %d)", o->color ? "red, !" : "!", l.red_above);
	chart_init(&c, o->width, PAIN_CHART_HEIGHT, !o->utf8);
	c.rt = o->rt;
	chart_sessions(&c, r->sess, (int)r->nsess);
	progress_chart(o, &c);
	chart_free(&c);
	for (i = 0; i < r->nsess; i++)
		n += chart_band(o->rt, r->sess[i].worst) == CHART_RED;
	if (n == 0)
		return;
	xasprintf(&line, "pain above %d in %zu session%s:", l.red_above, n,
	    n == 1 ? "" : "s");
	for (i = r->nsess; i > 0 && shown < PROGRESS_CHANGES; i--) {
		rs = &r->sess[i - 1];
		if (chart_band(o->rt, rs->worst) != CHART_RED)
			continue;
		calendar_day_short(calendar_day(rs->at, rs->utc_off), true,
		    day, sizeof day);
		review_number(rs->worst, v, sizeof v);
		xasprintf(&more, "%s%s %s (%s)", line, shown > 0 ? "," : "",
		    day, v);
		free(line);
		line = more;
		shown++;
	}
	if (shown < n) {
		xasprintf(&more, "%s and %zu earlier", line, n - shown);
		free(line);
		line = more;
	}
	progress_say(o, "%s", line);
	free(line);
}

static void
progress_calendar(const struct progress_out *o, const struct report *r)
{
	struct chart	c;
	int		w = 3 + 2 * r->nweeks;

	if (w > o->width)
		w = o->width;
	fputc('\n', o->fp);
	progress_say(o, "Sessions (%s done, %s stopped early, %s none, ! red"
	    " flag)", o->utf8 ? "\xe2\x96\xa0" : "#",
	    o->utf8 ? "\xe2\x96\xa1" : "+", o->utf8 ? "\xc2\xb7" : ".");
	chart_init(&c, w, 8, !o->utf8);
	chart_calendar(&c, r->w, r->nweeks, r->today);
	progress_chart(o, &c);
	chart_free(&c);
}

/* A UTF-8 string cut or padded to `w` columns, then a gap of two. */
static void
progress_cell(FILE *fp, const char *s, int w)
{
	int	n = 0;

	w -= 2;
	for (; *s != '\0' && n < w; s++) {
		fputc(*s, fp);
		/* Count the first byte of each character only. */
		if (((unsigned char)s[1] & 0xc0) != 0x80)
			n++;
	}
	for (; n < w + 2; n++)
		fputc(' ', fp);
}

static int
progress_strw(const char *s)
{
	int	n = 0;

	for (; *s != '\0'; s++) {
		if (((unsigned char)*s & 0xc0) != 0x80)
			n++;
	}
	return n;
}

static void
progress_exercises(const struct progress_out *o, const struct report *r)
{
	const struct report_exercise	*e;
	struct chart			 c;
	char				 a[128], b[128], **dose, **now;
	char				 vol[32], *line;
	int				 namew = 8, dosew = 4, noww = 4, sparkw;
	size_t				 k, len;
	bool				 full = true;

	if (r->nex == 0)
		return;
	dose = xcalloc(r->nex, sizeof *dose);
	now = xcalloc(r->nex, sizeof *now);
	for (k = 0; k < r->nex; k++) {
		e = &r->ex[k];
		review_dose(e, &e->start, a, sizeof a);
		review_dose(e, &e->current, b, sizeof b);
		now[k] = xstrdup(b);
		if (strcmp(a, b) == 0)
			dose[k] = xstrdup(a);
		else
			xasprintf(&dose[k], "%s %s %s", a, o->utf8 ?
			    "\xe2\x86\x92" : "->", b);
		if (progress_strw(review_name(e)) > namew)
			namew = progress_strw(review_name(e));
		if (progress_strw(dose[k]) > dosew)
			dosew = progress_strw(dose[k]);
		if (progress_strw(now[k]) > noww)
			noww = progress_strw(now[k]);
	}
	/*
	 * Name, dose, sparkline, average. When "start -> now" does not fit
	 * beside a sparkline of 12 weeks, show the dose now only; then
	 * shrink what is still too wide.
	 */
	if (namew > 22)
		namew = 22;
	sparkw = r->nweeks < 26 ? r->nweeks : 26;
	if (sparkw < 6)
		sparkw = 6;
	if (namew + dosew + (sparkw < 12 ? sparkw : 12) + 16 > o->width) {
		full = false;
		dosew = noww;
	}
	if (namew + dosew + sparkw + 16 > o->width)
		sparkw = o->width - namew - dosew - 16;
	if (sparkw < 6) {
		sparkw = 6;
		dosew = o->width - namew - sparkw - 16;
	}
	fputc('\n', o->fp);
	progress_cell(o->fp, "Exercise", namew + 2);
	progress_cell(o->fp, full ? "Dose" : "Dose now", dosew + 2);
	progress_cell(o->fp, "Volume/week", sparkw + 2);
	fprintf(o->fp, "Average\n");
	chart_init(&c, sparkw, 1, !o->utf8);
	len = (size_t)sparkw * 4 + 1;
	line = xmalloc(len);
	for (k = 0; k < r->nex; k++) {
		e = &r->ex[k];
		progress_cell(o->fp, review_name(e), namew + 2);
		progress_cell(o->fp, full ? dose[k] : now[k], dosew + 2);
		chart_clear(&c);
		chart_spark(&c, 0, 0, sparkw, e->volume, r->nweeks);
		progress_cell(o->fp, chart_row(&c, 0, line, len), sparkw + 2);
		review_volume(e->kind, e->total / r->nweeks, vol, sizeof vol);
		fprintf(o->fp, "%s\n", vol);
		free(dose[k]);
		free(now[k]);
	}
	free(line);
	free(dose);
	free(now);
	chart_free(&c);
}

/* Write `s` wrapped at the width, every line after the first indented. */
static void
progress_wrap(const struct progress_out *o, const char *s, int col,
    int indent)
{
	const char	*word, *end;
	int		 n;
	bool		 fresh = true;	/* nothing written on this line yet */

	while (*s != '\0') {
		while (*s == ' ')
			s++;
		word = s;
		while (*s != '\0' && *s != ' ')
			s++;
		end = s;
		n = progress_strw(word) - progress_strw(end);
		if (word == end)
			break;
		if (!fresh && col + 1 + n > o->width) {
			fprintf(o->fp, "\n%*s", indent, "");
			col = indent;
		} else if (!fresh) {
			fputc(' ', o->fp);
			col++;
		}
		fwrite(word, 1, (size_t)(end - word), o->fp);
		col += n;
		fresh = false;
	}
	fputc('\n', o->fp);
}

/* The latest changes of each exercise, with the rule and its reason. */
static void
progress_changes(const struct progress_out *o, const struct report *r)
{
	const struct report_exercise	*e;
	const struct report_change	*c;
	char				 day[16], a[128], b[128], *line;
	size_t				 k, j, n = 0, hidden = 0;
	int				 col;

	for (k = 0; k < r->nex; k++) {
		n += r->ex[k].nchanges;
		if (r->ex[k].nchanges > PROGRESS_CHANGES)
			hidden += r->ex[k].nchanges - PROGRESS_CHANGES;
	}
	if (n == 0)
		return;
	fputc('\n', o->fp);
	if (hidden > 0)
		progress_say(o, "Dose changes (the latest %d of each exercise;"
		    " %zu earlier in 'rehabit report')", PROGRESS_CHANGES,
		    hidden);
	else
		progress_say(o, "Dose changes");
	for (k = 0; k < r->nex; k++) {
		e = &r->ex[k];
		j = e->nchanges > PROGRESS_CHANGES ?
		    e->nchanges - PROGRESS_CHANGES : 0;
		for (; j < e->nchanges; j++) {
			c = &e->changes[j];
			calendar_date(calendar_day(c->at, c->utc_off), day,
			    sizeof day);
			review_dose(e, &c->from, a, sizeof a);
			review_dose(e, &c->to, b, sizeof b);
			xasprintf(&line, "%s: %s %s %s%s%s%s%s%s",
			    review_name(e), a, o->utf8 ? "\xe2\x86\x92" : "->",
			    b, c->decision[0] != '\0' ? " (" : "",
			    c->decision, c->rule[0] != '\0' ? ", " : "",
			    c->rule, c->decision[0] != '\0' ? ")" : "");
			col = fprintf(o->fp, "  %s  ", day);
			progress_wrap(o, line, col, col);
			if (c->reason[0] != '\0') {
				fprintf(o->fp, "%*s", col, "");
				progress_wrap(o, c->reason, col, col);
			}
			free(line);
		}
	}
}

static int
cmd_progress_exec(const struct rh_opts *opts, int argc, char **argv)
{
	const struct cmd_entry		*e = &cmd_progress_entry;
	struct progress_out		 o;
	struct review			 rv;
	struct review_args		 a = { PROGRESS_WEEKS, NULL, false };
	struct report			 r;
	int64_t				 now;
	int				 rc;

	if ((rc = review_args(e, argc, argv, &a)) != -1)
		return rc;
	if (optind < argc)
		return cmd_usage_error(e, "unexpected argument '%s'",
		    argv[optind]);

	now = (int64_t)time(NULL);
	if ((rc = review_load(opts, &rv, (int)a.weeks, now)) != 0) {
		review_free(&rv);
		return rc;
	}
	if (a.routine != NULL &&
	    !review_routine_known(&rv, &rv.cat, a.routine)) {
		fprintf(stderr, "rehabit: progress: no routine '%s' in the "
		    "library or the history\n", a.routine);
		review_free(&rv);
		return EX_NOINPUT;
	}
	o.fp = stdout;
	o.width = progress_width();
	o.utf8 = !a.ascii;
	o.color = opts->color && isatty(STDOUT_FILENO);
	o.rt = a.routine != NULL ? catalog_routine(&rv.cat, a.routine) : NULL;

	review_figures(&rv, &rv.cat, a.routine, (int)a.weeks, now,
	    PROGRESS_CHANGES, &r);
	if (r.nsessions == 0) {
		printf("No sessions recorded%s%s yet. Start one with 'rehabit"
		    " start';\nyour progress shows here after a few"
		    " sessions.\n", a.routine != NULL ? " for " : "",
		    a.routine != NULL ? a.routine : "");
	} else {
		progress_header(&o, &r, a.routine, (int)a.weeks);
		progress_summary(&o, &r);
		progress_pain_chart(&o, &r);
		progress_sessions(&o, &r);
		progress_calendar(&o, &r);
		progress_exercises(&o, &r);
		progress_changes(&o, &r);
	}
	report_free(&r);
	review_free(&rv);
	if (fflush(stdout) != 0 || ferror(stdout)) {
		fprintf(stderr, "rehabit: progress: cannot write the output\n");
		return EX_IOERR;
	}
	return 0;
}
