/*
 * ui-progress.c - the progress screen: the figures of `rehabit progress`,
 * interactive. Three views (pain by week and by session, volume,
 * calendar), an exercise to look at, and a window of 4, 12, 26 or 52
 * weeks or the whole history, never before the first session. It draws
 * the same chart cells as the command line, with colours by role.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "app.h"
#include "calendar.h"
#include "chart.h"
#include "report.h"
#include "review.h"
#include "store.h"
#include "ui.h"
#include "xmalloc.h"

enum progress_view { PV_PAIN, PV_VOLUME, PV_CALENDAR, PV_COUNT };

static const char *progress_view_names[PV_COUNT] = {
	"Pain", "Volume", "Calendar"
};
static const int progress_windows[] = { 4, 12, 26, 52, 0 };
/* Dose changes explained per exercise: what the volume view lists. */
#define UI_PROGRESS_CHANGES	12
/* The pain view's height from which it shows sessions under weeks. */
#define UI_PROGRESS_SPLIT	16
#define PROGRESS_NWINDOWS \
	((int)(sizeof progress_windows / sizeof progress_windows[0]))

struct ui_progress {
	struct app		*app;
	struct review		 rv;
	bool			 loaded;
	char			 error[256];
	struct report		 r;
	enum progress_view	 view;
	int			 window;	/* in progress_windows */
	int			 ex;		/* -1: whole sessions */
};

static const struct ui_key ui_progress_keys[] = {
	{ "1/2/3", "pain, volume, calendar" },
	{ "Left/Right", "view" },
	{ "Up/Down", "exercise" },
	{ "w", "window" },
	{ "q", "back" },
	{ "?", "keys" },
	{ NULL, NULL }
};

static void
ui_progress_compute(struct ui_progress *p)
{
	report_free(&p->r);
	review_figures(&p->rv, p->app->cat, NULL,
	    progress_windows[p->window], (int64_t)time(NULL),
	    UI_PROGRESS_CHANGES, &p->r);
	if (p->ex >= (int)p->r.nex)
		p->ex = (int)p->r.nex - 1;
}

static enum ui_role
ui_progress_role(enum chart_role role)
{
	switch (role) {
	case CHART_GREEN:
		return UR_GOOD;
	case CHART_AMBER:
		return UR_WARN;
	case CHART_RED:
		return UR_BAD;
	case CHART_DATA:
		return UR_ACCENT;
	case CHART_AXIS:
	case CHART_DIM:
		return UR_DIM;
	default:
		return UR_NORMAL;
	}
}

static void
ui_progress_chart(const struct chart *c, int y, int x)
{
	const struct chart_cell	*cell;
	int			 row, col;

	for (row = 0; row < c->h && y + row < LINES - 1; row++) {
		for (col = 0; col < c->w && x + col < COLS; col++) {
			cell = chart_at(c, row, col);
			if (strcmp(cell->g, " ") != 0)
				ui_print(y + row, x + col, 1,
				    ui_progress_role(cell->role), cell->g);
		}
	}
}

static void
ui_progress_header(const struct ui_progress *p)
{
	const struct report	*r = &p->r;
	char			 a[32], b[32], line[256];
	int			 i, x, w, pct, weeks = progress_windows[p->window];

	/* The dates whole: fewer words where the line is short. */
	for (i = 0; i < 3; i++) {
		calendar_day_short(r->w[0].day0, i == 0, a, sizeof a);
		calendar_day_short(r->today, i == 0, b, sizeof b);
		if (weeks > r->nweeks && i < 2)
			/* Nothing before the first session is shown. */
			snprintf(line, sizeof line, i == 0 ?
			    "Progress: %d week%s since the first session, %s"
			    " to %s" : "Progress: %d week%s, %s to %s",
			    r->nweeks, r->nweeks == 1 ? "" : "s", a, b);
		else if (weeks > r->nweeks)
			snprintf(line, sizeof line, "Progress: %d week%s to %s",
			    r->nweeks, r->nweeks == 1 ? "" : "s", b);
		else if (weeks > 0 && i < 2)
			snprintf(line, sizeof line, i == 0 ?
			    "Progress: last %d weeks, %s to %s" :
			    "Progress: %d weeks, %s to %s", weeks, a, b);
		else if (weeks > 0)
			snprintf(line, sizeof line, "Progress: %d weeks to %s",
			    weeks, b);
		else
			snprintf(line, sizeof line, "Progress: all, since %s",
			    a);
		if (ui_width(line) <= COLS - 2)
			break;
	}
	ui_print(0, 1, COLS - 2, UR_TITLE, line);
	/* The views, the current one marked. */
	x = COLS - 1;
	for (i = PV_COUNT - 1; i >= 0; i--) {
		snprintf(line, sizeof line, i == (int)p->view ? "[%d %s]" :
		    " %d %s ", i + 1, progress_view_names[i]);
		x -= ui_width(line);
		if (x < 40)
			break;
		ui_print(1, x, ui_width(line), i == (int)p->view ? UR_ACCENT :
		    UR_DIM, line);
	}
	/* What fits whole: the streak goes first, then the words. */
	w = x > 40 ? x - 2 : COLS - 2;
	pct = r->planned > 0 ? r->done * 100 / r->planned : 0;
	snprintf(line, sizeof line, "sessions: %d done of %d planned (%d%%), "
	    "streak %d week%s", r->done, r->planned, pct, r->streak,
	    r->streak == 1 ? "" : "s");
	if (ui_width(line) > w)
		snprintf(line, sizeof line, "sessions: %d done of %d planned "
		    "(%d%%)", r->done, r->planned, pct);
	if (ui_width(line) > w)
		snprintf(line, sizeof line, "%d of %d sessions", r->done,
		    r->planned);
	ui_print(1, 1, w, UR_NORMAL, line);
	review_trend(r, PAIN_AFTER, ui_utf8(), line, sizeof line);
	ui_print(2, 1, COLS - 2, r->trend[PAIN_AFTER].meaningful &&
	    r->trend[PAIN_AFTER].last < r->trend[PAIN_AFTER].first ?
	    UR_GOOD : UR_NORMAL, line);
	if (r->nflags > 0) {
		review_flags(r->flags[r->nflags - 1].flags, a, sizeof a);
		snprintf(line, sizeof line, "red flag reported (%s): see a"
		    " physiotherapist", a);
		ui_print(3, 1, COLS - 2, UR_BAD, line);
	}
}

/* Each session's highest score, a red "!" over those above 5. */
static void
ui_progress_sessions(const struct ui_progress *p, int y, int h)
{
	const struct report	*r = &p->r;
	struct chart		 c;
	size_t			 i;
	int			 n = 0;
	char			 title[160];

	for (i = 0; i < r->nsess; i++)
		n += chart_band(NULL, r->sess[i].worst) == CHART_RED;
	snprintf(title, sizeof title, "Pain per session, the highest score"
	    " (! above 5: %d)", n);
	ui_print(y, 1, COLS - 2, UR_TITLE, title);
	chart_init(&c, COLS - 2, h - 1, !ui_utf8());
	chart_sessions(&c, r->sess, (int)r->nsess);
	ui_progress_chart(&c, y + 1, 1);
	chart_free(&c);
}

static void
ui_progress_pain(const struct ui_progress *p, int y, int h)
{
	const struct report		*r = &p->r;
	const struct report_exercise	*e = NULL;
	struct chart			 c;
	double				*v;
	char				 title[160];
	int				 i;

	v = xcalloc((size_t)r->nweeks, sizeof *v);
	if (p->ex >= 0) {
		e = &r->ex[p->ex];
		for (i = 0; i < r->nweeks; i++)
			v[i] = e->pain[i];
		snprintf(title, sizeof title, "Pain in %s, weekly average"
		    " (Up/Down: exercise)", review_name(e));
	} else {
		for (i = 0; i < r->nweeks; i++)
			v[i] = r->w[i].pain[PAIN_AFTER];
		snprintf(title, sizeof title, "Pain after sessions, weekly"
		    " average (green <= 2, amber 3-5, red > 5)");
	}
	ui_print(y, 1, COLS - 2, UR_TITLE, title);
	/* Room for each session's pain under the weeks': a bad day shows. */
	if (e == NULL && r->nsess > 0 && h >= UI_PROGRESS_SPLIT) {
		ui_progress_sessions(p, y + h / 2, h - h / 2);
		h /= 2;
	}
	for (i = 0; i < r->nweeks && v[i] < 0; i++)
		;
	if (i == r->nweeks)
		ui_print(y + 2, 3, COLS - 4, UR_DIM, e != NULL ?
		    "No pain was given for this exercise in this window." :
		    "No pain after sessions was given in this window.");
	else {
		chart_init(&c, COLS - 2, h - 1, !ui_utf8());
		chart_pain(&c, v, r->nweeks, r->w[0].day0);
		ui_progress_chart(&c, y + 1, 1);
		chart_free(&c);
	}
	free(v);
}

/*
 * One dose change from line `row`: the day, the new dose, the decision
 * and rule, and the reason whole, on the line where it fits, else
 * wrapped under the dose. A change that would not fit above `maxy` is
 * left out rather than cut. Returns the line after it.
 */
static int
ui_progress_change(const struct report_exercise *e,
    const struct report_change *ch, int row, int maxy)
{
	enum ui_role	role = ch->dir < 0 ? UR_WARN : UR_NORMAL;
	char		day[32], dose[128], head[64], what[256];
	int		x = 3, ind, w;

	calendar_day_short(calendar_day(ch->at, ch->utc_off), false, day,
	    sizeof day);
	review_dose(e, &ch->to, dose, sizeof dose);
	snprintf(head, sizeof head, "%-6s %s ", day, ui_utf8() ?
	    "\xe2\x86\x92" : "->");
	snprintf(what, sizeof what, "%s%s%s%s%s%s", dose,
	    ch->decision[0] != '\0' ? " (" : "", ch->decision,
	    ch->rule[0] != '\0' ? ", " : "", ch->rule,
	    ch->decision[0] != '\0' ? ")" : "");
	ind = ui_width(head);
	w = COLS - 4 - ind;
	if (ui_width(what) + 1 + ui_width(ch->reason) <= w) {
		if (row + 1 > maxy)
			return (maxy);
		ui_print(row, x, ind, role, head);
		ui_printf(row, x + ind, w, role, "%s %s", what, ch->reason);
		return (row + 1);
	}
	/* The change, then its reason under it, each wrapped. */
	if (row + ui_wrap_lines(w, what) + ui_wrap_lines(w, ch->reason) >
	    maxy)
		return (maxy);
	ui_print(row, x, ind, role, head);
	row = ui_wrap(row, x + ind, w, maxy, role, what);
	return (ui_wrap(row, x + ind, w, maxy, role, ch->reason));
}

static void
ui_progress_volume(const struct ui_progress *p, int y, int h)
{
	const struct report		*r = &p->r;
	const struct report_exercise	*e;
	struct chart			 c;
	char				 a[128], b[128], line[640];
	int				 i, namew = 0, sparkw, row = y;
	size_t				 k;

	ui_print(row++, 1, COLS - 2, UR_TITLE,
	    "Volume a week (Up/Down: exercise)");
	if (r->nex == 0) {
		ui_print(row, 1, COLS - 2, UR_DIM, "No exercises in this"
		    " window.");
		return;
	}
	for (k = 0; k < r->nex; k++) {
		if (ui_width(review_name(&r->ex[k])) > namew)
			namew = ui_width(review_name(&r->ex[k]));
	}
	/* The names get what leaves the sparklines 8 columns. */
	if (namew > COLS / 3 && namew > COLS - 24)
		namew = COLS / 3 > COLS - 24 ? COLS / 3 : COLS - 24;
	sparkw = COLS - namew - 16;
	if (sparkw > r->nweeks)
		sparkw = r->nweeks;
	if (sparkw < 1)
		sparkw = 1;
	chart_init(&c, sparkw, 1, !ui_utf8());
	for (k = 0; k < r->nex && row < y + h; k++, row++) {
		e = &r->ex[k];
		ui_print(row, 1, 2, UR_ACCENT, (int)k == p->ex ? ">" : " ");
		ui_print_short(row, 3, namew, (int)k == p->ex ? UR_ACCENT :
		    UR_NORMAL, review_name(e));
		chart_clear(&c);
		chart_spark(&c, 0, 0, sparkw, e->volume, r->nweeks);
		ui_progress_chart(&c, row, namew + 5);
		review_volume(e->kind, e->total / r->nweeks, a, sizeof a);
		ui_print(row, namew + 6 + sparkw, COLS - namew - 7 - sparkw,
		    UR_DIM, a);
	}
	chart_free(&c);
	if (p->ex < 0 || row + 2 >= y + h)
		return;
	e = &r->ex[p->ex];
	review_dose(e, &e->start, a, sizeof a);
	review_dose(e, &e->current, b, sizeof b);
	snprintf(line, sizeof line, "%s: %s %s %s", review_name(e), a,
	    ui_utf8() ? "\xe2\x86\x92" : "->", b);
	if (ui_width(line) > COLS - 2) {
		/* Both doses whole: the one now on a line of its own. */
		snprintf(line, sizeof line, "%s: %s", review_name(e), a);
		ui_print_short(++row, 1, COLS - 2, UR_TITLE, line);
		snprintf(line, sizeof line, "%s %s", ui_utf8() ?
		    "\xe2\x86\x92" : "->", b);
		ui_print_short(++row, 3, COLS - 4, UR_TITLE, line);
	} else
		ui_print(++row, 1, COLS - 2, UR_TITLE, line);
	row++;
	if (e->nchanges == 0)
		ui_print(row, 3, COLS - 4, UR_DIM, "no change in this window");
	for (i = (int)e->nchanges - 1; i >= 0 && row < y + h; i--)
		row = ui_progress_change(e, &e->changes[i], row, y + h);
}

static void
ui_progress_calendar(const struct ui_progress *p, int y, int h)
{
	const struct report	*r = &p->r;
	struct chart		 c;
	char			 line[160];
	int			 i, on = 0, w = 3 + 2 * r->nweeks;

	if (w > COLS - 2)
		w = COLS - 2;
	snprintf(line, sizeof line, "Sessions (%s done, %s stopped early, ! red"
	    " flag)", ui_utf8() ? "\xe2\x96\xa0" : "#",
	    ui_utf8() ? "\xe2\x96\xa1" : "+");
	ui_print(y, 1, COLS - 2, UR_TITLE, line);
	chart_init(&c, w, h - 1 < 8 ? h - 1 : 8, !ui_utf8());
	chart_calendar(&c, r->w, r->nweeks, r->today);
	ui_progress_chart(&c, y + 1, 1);
	chart_free(&c);
	for (i = 0; i < r->nweeks; i++)
		on += report_on_plan(&r->w[i]);
	if (h > 10) {
		snprintf(line, sizeof line, "%d of %d weeks on plan", on,
		    r->nweeks);
		ui_print(y + 10, 1, COLS - 2, UR_NORMAL, line);
	}
}

static void
ui_progress_draw(void *state)
{
	struct ui_progress	*p = state;
	int			 y = 5, h = LINES - 1 - y;

	if (!p->loaded) {
		ui_center(LINES / 2, UR_BAD, p->error);
		return;
	}
	if (p->r.nsessions == 0) {
		ui_center(LINES / 2 - 1, UR_TITLE, "No sessions recorded yet.");
		ui_center(LINES / 2 + 1, UR_DIM,
		    "Your progress shows here after a few sessions.");
		return;
	}
	ui_progress_header(p);
	if (LINES < 14) {
		y = 3;
		h = LINES - 1 - y;
	}
	switch (p->view) {
	case PV_PAIN:
		ui_progress_pain(p, y, h);
		break;
	case PV_VOLUME:
		ui_progress_volume(p, y, h);
		break;
	default:
		ui_progress_calendar(p, y, h);
		break;
	}
}

static void
ui_progress_key(void *state, const struct ui_event *ev)
{
	struct ui_progress	*p = state;
	int			 nex = (int)p->r.nex;

	switch (ev->action) {
	case UA_BACK:
	case UA_QUIT:
		ui_pop();
		return;
	case UA_DIGIT:
		if (ev->digit >= 1 && ev->digit <= PV_COUNT)
			p->view = (enum progress_view)(ev->digit - 1);
		break;
	case UA_RIGHT:
		p->view = (p->view + 1) % PV_COUNT;
		break;
	case UA_LEFT:
		p->view = (p->view + PV_COUNT - 1) % PV_COUNT;
		break;
	case UA_DOWN:
		/* -1 (the whole session) and then each exercise. */
		if (nex > 0)
			p->ex = p->ex + 1 < nex ? p->ex + 1 : -1;
		break;
	case UA_UP:
		if (nex > 0)
			p->ex = p->ex > -1 ? p->ex - 1 : nex - 1;
		break;
	case UA_PLUS:
	case UA_MINUS:
	case UA_CHAR:
		if (ev->action == UA_CHAR && ev->ch != 'w')
			return;
		if (ev->action == UA_MINUS)
			p->window = (p->window + PROGRESS_NWINDOWS - 1) %
			    PROGRESS_NWINDOWS;
		else
			p->window = (p->window + 1) % PROGRESS_NWINDOWS;
		if (p->loaded)
			ui_progress_compute(p);
		break;
	default:
		return;
	}
	ui_dirty();
}

static const struct ui_key *
ui_progress_keys_of(void *state)
{
	(void)state;
	return ui_progress_keys;
}

static void
ui_progress_leave(void *state)
{
	struct ui_progress	*p = state;

	report_free(&p->r);
	review_free(&p->rv);
	free(p);
}

static const struct ui_screen ui_progress_screen = {
	.name = "progress",
	.draw = ui_progress_draw,
	.key = ui_progress_key,
	.leave = ui_progress_leave,
	.keys = ui_progress_keys_of
};

void
ui_progress_open(struct app *app)
{
	struct ui_progress	*p;

	p = xcalloc(1, sizeof *p);
	p->app = app;
	p->window = 1;		/* 12 weeks */
	p->ex = -1;
	if (review_load_store(app->store, &p->rv) != 0)
		snprintf(p->error, sizeof p->error, "%s",
		    store_error(app->store));
	else {
		p->loaded = true;
		ui_progress_compute(p);
	}
	ui_push(&ui_progress_screen, p);
}
