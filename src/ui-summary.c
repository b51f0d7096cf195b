/*
 * ui-summary.c - after a session: what was done against what was
 * prescribed, exercise by exercise, and the pain recorded.
 *
 * The session screen opens the summary with the pain form on top of it,
 * so the summary reads the session when it is first drawn (after the form
 * is gone) and again whenever it comes back from a screen it opened.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "app.h"
#include "history.h"
#include "prescribe.h"
#include "progression.h"
#include "store.h"
#include "ui.h"
#include "xmalloc.h"

struct summary {
	struct app	*app;
	int64_t		 session;
	struct history	 h;		/* the session */
	struct prog_plan plan;
	bool		 planned;
	bool		 stale;		/* read the session again */
	char		 error[256];
	int		 scroll;	/* first content line shown */
	int		 lines;		/* content lines at the last draw */
};

static const struct ui_key summary_keys_list[] = {
	{ "Enter", "back" }, { "p", "progress" }, { "Up/Down", "scroll" },
	{ "q", "back" }, { "?", "help" }, { NULL, NULL }
};

/* Content line y, scrolled, on the screen; -1 when out of view. */
static int
summary_y(const struct summary *sm, int y)
{
	y -= sm->scroll;
	if (y < 0 || y >= LINES - 2)
		return -1;
	return y;
}

/*
 * Text from content line y on, wrapped at `width` columns, whole: the
 * lines scrolled out of view are counted, not drawn. Returns the line
 * after it.
 */
static int
summary_wrap(const struct summary *sm, int y, int x, int width,
    enum ui_role role, const char *text)
{
	ui_wrap(y - sm->scroll, x, width, LINES - 2, role, text);
	return y + ui_wrap_lines(width, text);
}

static void
summary_load(struct summary *sm)
{
	const struct routine	*rt;
	int64_t			 now;
	int			 off;

	history_free(&sm->h);
	if (sm->planned)
		progression_free(&sm->plan);
	sm->planned = false;
	sm->error[0] = '\0';
	sm->stale = false;
	if (store_load_session(sm->app->store, sm->session, &sm->h) != 0 ||
	    sm->h.ns == 0) {
		snprintf(sm->error, sizeof sm->error, "%s",
		    store_error(sm->app->store));
		return;
	}
	rt = catalog_routine(sm->app->cat, sm->h.s[0].routine);
	if (rt == NULL)
		return;
	/* What the next session of this routine will ask, from today. */
	prescribe_now(&now, &off);
	sm->planned = prescribe(sm->app->store, rt, now, off, &sm->plan) == 0;
}

/* What one set asks for, in the unit the engine records. */
static int
summary_target(enum ex_kind kind, const struct dose *d)
{
	switch (kind) {
	case KIND_REPS:
		return d->reps;
	case KIND_HOLD:
		return d->hold * (d->reps > 1 ? d->reps : 1);
	case KIND_TIMED:
		return d->work * (d->rounds > 1 ? d->rounds : 1);
	}
	return 0;
}

/* "10 10 8 reps", "30 30 s": what each set did, in its unit. */
static void
summary_done_str(const struct hist_exercise *e, const struct exercise *ex,
    int target, char *buf, size_t len, bool *all)
{
	size_t	i, n = 0;
	int	full = 0;

	buf[0] = '\0';
	for (i = 0; i < e->ndone && n < len; i++) {
		n += snprintf(buf + n, len - n, "%s%d", i > 0 ? " " : "",
		    e->done[i]);
		if (e->done[i] >= target)
			full++;
	}
	if (e->ndone == 0)
		snprintf(buf, len, "nothing");
	else if (ex != NULL && n < len)
		snprintf(buf + n, len - n, " %s", progression_unit(ex->kind));
	*all = e->ndone >= (size_t)e->prescribed.sets && full >=
	    e->prescribed.sets;
}

/* One exercise's line of the table, as text. */
struct summary_row {
	char	name[128];
	char	dose[128];
	char	done[128];
	bool	all;		/* every set done in full */
};

/*
 * Where the table's columns go: the names and the doses; stacked, each
 * dose goes on a line of its own under its name.
 */
struct summary_cols {
	int	name;
	int	dose;
	bool	stacked;
};

static void
summary_name(const char *name, enum side side, char *buf, size_t len)
{
	if (side == SIDE_BOTH)
		snprintf(buf, len, "%s", name);
	else
		snprintf(buf, len, "%s (%s)", name, history_side_name(side));
}

static void
summary_row(const struct summary *sm, const struct hist_exercise *e,
    struct summary_row *r)
{
	const struct exercise	*ex;

	ex = catalog_exercise(sm->app->cat, e->exercise);
	summary_name(ex != NULL ? ex->name : e->exercise, e->side, r->name,
	    sizeof r->name);
	if (ex != NULL)
		catalog_dose_str(ex, &e->prescribed, r->dose, sizeof r->dose);
	else
		snprintf(r->dose, sizeof r->dose, "%d sets",
		    e->prescribed.sets);
	summary_done_str(e, ex, ex != NULL ? summary_target(ex->kind,
	    &e->prescribed) : 0, r->done, sizeof r->done, &r->all);
}

static void
summary_next_row(const struct prog_item *it, struct summary_row *r)
{
	summary_name(it->step->ex->name, it->side, r->name, sizeof r->name);
	catalog_dose_str(it->step->ex, &it->dose, r->dose, sizeof r->dose);
}

/*
 * The names and doses share the room the sets done leave: each as wide
 * as its widest if both fit, else half each (what one needs less of goes
 * to the other), shortened in the middle.
 */
static void
summary_layout(const struct summary *sm, const struct hist_session *s,
    struct summary_cols *c)
{
	struct summary_row	r;
	size_t			i;
	int			done = 4, room, w;

	c->name = 8;		/* "Exercise" */
	c->dose = 10;		/* "Prescribed" */
	for (i = 0; i < s->nex; i++) {
		summary_row(sm, &s->ex[i], &r);
		if ((w = ui_width(r.name)) > c->name)
			c->name = w;
		if ((w = ui_width(r.dose)) > c->dose)
			c->dose = w;
		/* "  pain 4/10" after it. */
		if ((w = ui_width(r.done) + (s->ex[i].pain != PAIN_NONE ?
		    11 : 0)) > done)
			done = w;
	}
	for (i = 0; sm->planned && i < sm->plan.nitems; i++) {
		summary_next_row(&sm->plan.items[i], &r);
		if ((w = ui_width(r.name)) > c->name)
			c->name = w;
		if ((w = ui_width(r.dose)) > c->dose)
			c->dose = w;
	}
	if (done > 27)
		done = 27;
	/* Side by side, the sets done need room for "Done per set". */
	room = COLS - 3 - 4 - (done > 12 ? done : 12);
	c->stacked = false;
	if (c->name + c->dose <= room)
		return;
	if (c->name <= room / 2)
		c->dose = room - c->name;
	else if (c->dose <= room - room / 2)
		c->name = room - c->dose;
	else {
		c->name = room / 2;
		c->dose = room - c->name;
	}
	/* Too narrow for both side by side: a line each. */
	if (c->name < 16 || c->dose < 16) {
		c->stacked = true;
		c->name = COLS - 3 - 2 - done;
		c->dose = COLS - 5;
	}
}

/* Stacked: the dose on content line y, under its name. */
static void
summary_dose_line(const struct summary *sm, int y,
    const struct summary_cols *c, enum ui_role role, const char *dose)
{
	int	row;

	if (c->stacked && (row = summary_y(sm, y)) != -1)
		ui_print_short(row, 4, c->dose, role, dose);
}

static int
summary_draw_exercise(struct summary *sm, int y,
    const struct hist_exercise *e, const struct summary_cols *c)
{
	struct summary_row	r;
	int			x, row;

	summary_row(sm, e, &r);
	summary_dose_line(sm, y + 1, c, UR_DIM, r.dose);
	if ((row = summary_y(sm, y)) == -1)
		return y + (c->stacked ? 2 : 1);
	x = 2;
	ui_print_short(row, x, c->name, UR_NORMAL, r.name);
	x += c->name + 2;
	if (!c->stacked) {
		ui_print_short(row, x, c->dose, UR_DIM, r.dose);
		x += c->dose + 2;
	}
	x += ui_print(row, x, COLS - x, r.all ? UR_GOOD : UR_WARN, r.done);
	if (e->pain != PAIN_NONE)
		ui_printf(row, x + 2, COLS - x - 2, e->pain > 5 ? UR_BAD :
		    e->pain > 2 ? UR_WARN : UR_DIM, "pain %d/10", e->pain);
	return y + (c->stacked ? 2 : 1);
}

static void
summary_pain_str(const char *what, int score, char *buf, size_t len)
{
	if (score == PAIN_NONE)
		snprintf(buf, len, "%s -", what);
	else
		snprintf(buf, len, "%s %d/10", what, score);
}

static int
summary_draw_pain(struct summary *sm, int y, const struct hist_session *s)
{
	const struct routine *rt = catalog_routine(sm->app->cat, s->routine);
	char		buf[64], flags[128], line[640];
	unsigned	bit;
	size_t		n = 0;
	int		row, x, hi = PAIN_NONE;

	if (s->pain_during > hi)
		hi = s->pain_during;
	if (s->pain_after > hi)
		hi = s->pain_after;
	if ((row = summary_y(sm, y)) != -1) {
		x = ui_print(row, 2, 6, UR_TITLE, "Pain") + 4;
		summary_pain_str("during", s->pain_during, buf, sizeof buf);
		x += ui_print(row, x, COLS - x, UR_NORMAL, buf) + 3;
		summary_pain_str("after", s->pain_after, buf, sizeof buf);
		x += ui_print(row, x, COLS - x, UR_NORMAL, buf) + 3;
		summary_pain_str("next morning", s->pain_morning, buf,
		    sizeof buf);
		x += ui_print(row, x, COLS - x, UR_NORMAL, buf) + 3;
		if (hi == PAIN_NONE)
			ui_print(row, x, COLS - x, UR_DIM, "(not recorded)");
		else
			ui_print(row, x, COLS - x, ui_pain_role(rt, hi),
			    ui_pain_band(rt, hi));
	}
	y++;
	if (s->flags != 0) {
		for (bit = 1; bit < (1u << FLAG_COUNT); bit <<= 1)
			if (s->flags & bit)
				n += snprintf(flags + n, sizeof flags - n,
				    "%s%s", n > 0 ? ", " : "",
				    history_flag_name(bit));
		snprintf(line, sizeof line, "Warning signs: %s. See a "
		    "physiotherapist.", flags);
		y = summary_wrap(sm, y, 2, COLS - 4, UR_BAD, line);
	}
	if (s->note != NULL && s->note[0] != '\0') {
		snprintf(line, sizeof line, "Note: %s", s->note);
		y = summary_wrap(sm, y, 2, COLS - 4, UR_DIM, line);
	}
	return y;
}

/* Does every reason fit on its exercise's line, after the decision? */
static bool
summary_reasons_fit(const struct summary *sm, const struct summary_cols *c)
{
	const struct prog_item	*it;
	size_t			 i;
	int			 x;

	if (c->stacked)
		return false;
	for (i = 0; i < sm->plan.nitems; i++) {
		it = &sm->plan.items[i];
		x = 2 + c->name + 2 + c->dose + 2 +
		    ui_width(progression_decision_word(it->decision)) + 2;
		if (x + ui_width(it->reason) > COLS - 1)
			return false;
	}
	return true;
}

/*
 * One line per exercise: the next dose and the decision; the reason on
 * the line too where every reason fits, else whole under each exercise.
 */
static int
summary_draw_next(struct summary *sm, int y, const struct summary_cols *c)
{
	const struct prog_item	*it;
	struct summary_row	 r;
	char			 line[640];
	size_t			 i;
	int			 row, x;
	bool			 fit;

	if (!sm->planned)
		return y;
	if ((row = summary_y(sm, y)) != -1)
		ui_print(row, 2, COLS - 4, UR_TITLE, "Next time");
	y++;
	fit = summary_reasons_fit(sm, c);
	for (i = 0; i < sm->plan.nitems; i++) {
		it = &sm->plan.items[i];
		summary_next_row(it, &r);
		row = summary_y(sm, y);
		ui_print_short(row, 2, c->name, UR_NORMAL, r.name);
		x = 2 + c->name + 2;
		if (c->stacked)
			summary_dose_line(sm, ++y, c, UR_ACCENT, r.dose);
		else {
			ui_print_short(row, x, c->dose, UR_ACCENT, r.dose);
			x += c->dose + 2;
		}
		x += ui_print(row, x, COLS - x, it->decision == PROG_REGRESS ||
		    it->decision == PROG_DELOAD ? UR_WARN :
		    it->decision == PROG_PROGRESS ? UR_GOOD : UR_NORMAL,
		    progression_decision_word(it->decision));
		if (fit) {
			ui_printf(row, x, COLS - x, UR_DIM, ": %s",
			    it->reason);
			y++;
		} else
			y = summary_wrap(sm, y + 1, 4, COLS - 6, UR_DIM,
			    it->reason);
	}
	if (sm->plan.advice & ADVICE_SEE_PHYSIO) {
		snprintf(line, sizeof line, "See a physiotherapist: %s.",
		    sm->plan.physio);
		y = summary_wrap(sm, y + 1, 2, COLS - 4, UR_BAD, line);
	}
	if (sm->plan.advice & ADVICE_CROSS_TRAIN) {
		snprintf(line, sizeof line, "Keep fit by walking, cycling or "
		    "swimming (%s).", sm->plan.cross);
		y = summary_wrap(sm, y, 2, COLS - 4, UR_BAD, line);
	}
	return y;
}

static void
summary_head(struct summary *sm, const struct hist_session *s, int y)
{
	const struct routine	*rt;
	const char		*name;
	struct tm		 tm;
	time_t			 t = (time_t)(s->start + s->utc_off);
	char			 when[48], post[80];
	int			 row;

	rt = catalog_routine(sm->app->cat, s->routine);
	if (gmtime_r(&t, &tm) == NULL ||
	    strftime(when, sizeof when, "%a %d %b %H:%M", &tm) == 0)
		snprintf(when, sizeof when, "?");
	name = rt != NULL ? rt->name : s->routine;
	if ((row = summary_y(sm, y)) != -1)
		ui_print(row, 1, COLS - 2, UR_TITLE, s->completed ?
		    "Session done" : COLS >= 48 ? "Session stopped early (the "
		    "sets done are kept)" : "Stopped early; the sets are kept");
	if ((row = summary_y(sm, y + 1)) == -1)
		return;
	/* The length, where the name stays whole beside it. */
	snprintf(post, sizeof post, ", %s, %lld min", when,
	    (long long)((s->end - s->start + 30) / 60));
	if (s->end <= s->start || ui_width(name) + ui_width(post) > COLS - 2)
		snprintf(post, sizeof post, ", %s", when);
	ui_print_name(row, 1, COLS - 2, UR_DIM, "", name, post);
}

static void
summary_draw(void *state)
{
	struct summary			*sm = state;
	const struct hist_session	*s;
	struct summary_cols		 c;
	size_t				 i;
	int				 y = 0, row, x;

	if (sm->stale)
		summary_load(sm);
	if (sm->h.ns == 0) {
		ui_print(0, 1, COLS - 2, UR_TITLE, "Session");
		ui_print(2, 1, COLS - 2, UR_BAD, sm->error[0] != '\0' ?
		    sm->error : "The session was not found.");
		return;
	}
	s = &sm->h.s[sm->h.ns - 1];
	summary_head(sm, s, y);
	y += 3;
	summary_layout(sm, s, &c);
	if ((row = summary_y(sm, y)) != -1) {
		ui_print(row, 2, c.name, UR_DIM, c.stacked ?
		    "Exercise, prescribed" : "Exercise");
		x = c.name + 4;
		if (!c.stacked) {
			ui_print(row, x, c.dose, UR_DIM, "Prescribed");
			x += c.dose + 2;
		}
		ui_print(row, x, COLS - x - 1, UR_DIM, c.stacked ? "Done" :
		    "Done per set");
	}
	y++;
	for (i = 0; i < s->nex; i++)
		y = summary_draw_exercise(sm, y, &s->ex[i], &c);
	if (s->nex == 0 && (row = summary_y(sm, y++)) != -1)
		ui_print(row, 2, COLS - 4, UR_DIM, "No sets were done.");
	y++;
	y = summary_draw_pain(sm, y, s);
	y = summary_draw_next(sm, y + 1, &c);
	sm->lines = y;
}

static void
summary_key(void *state, const struct ui_event *ev)
{
	struct summary	*sm = state;
	int		 page = LINES - 2;

	switch (ev->action) {
	case UA_ENTER:
	case UA_QUIT:
	case UA_BACK:
		ui_pop();
		return;
	case UA_PAUSE:		/* p */
		sm->stale = true;
		ui_progress_open(sm->app);
		return;
	case UA_UP:
		if (sm->scroll > 0)
			sm->scroll--;
		break;
	case UA_DOWN:
		if (sm->scroll + page < sm->lines)
			sm->scroll++;
		break;
	default:
		return;
	}
	ui_dirty();
}

static const struct ui_key *
summary_keys(void *state)
{
	(void)state;
	return summary_keys_list;
}

static void
summary_leave(void *state)
{
	struct summary	*sm = state;

	history_free(&sm->h);
	if (sm->planned)
		progression_free(&sm->plan);
	free(sm);
}

static const struct ui_screen summary_screen = {
	.name = "summary",
	.draw = summary_draw,
	.key = summary_key,
	.leave = summary_leave,
	.keys = summary_keys,
};

void
ui_summary_open(struct app *app, int64_t session)
{
	struct summary	*sm;

	sm = xcalloc(1, sizeof *sm);
	sm->app = app;
	sm->session = session;
	sm->stale = true;
	history_init(&sm->h);
	ui_push(&summary_screen, sm);
}
