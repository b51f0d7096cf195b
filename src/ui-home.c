/*
 * ui-home.c - the home screen, what `rehabit` with no command shows: the
 * routine that is due, when each routine was last done, this week's
 * sessions against the plan, the latest pain and any advice. It asks for
 * the morning pain first when the last session has none and it is now a
 * later day.
 *
 * Home reads the history when it opens and again whenever it comes back
 * from a screen it opened (a session, the progress review), so what it
 * shows is always what the store holds.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "app.h"
#include "calendar.h"
#include "due.h"
#include "history.h"
#include "prescribe.h"
#include "progression.h"
#include "store.h"
#include "ui.h"
#include "xmalloc.h"

/* How long a lone 1 waits for a 0 (to make 10) on the morning question. */
#define HOME_TEN_MS	1500

enum home_mode {
	HM_MAIN,
	HM_MORNING,	/* the morning question */
	HM_PICK,	/* choosing a routine */
	HM_CLEAR	/* "has a physiotherapist seen the knee?" */
};

struct home {
	struct app	*app;
	struct history	 h;
	struct due	 d;
	bool		 stale;		/* read the history again */
	bool		 loaded;
	enum home_mode	 mode;
	long		 morning;	/* session asked about, or -1 */
	bool		 morning_done;	/* answered or skipped this run */
	int64_t		 one_at;	/* a lone 1 typed at (ms), or 0 */
	size_t		 cur;		/* routine under the cursor (HM_PICK) */
	int64_t		 today;		/* local day */
	char		 msg[256];
	enum ui_role	 msg_role;
	unsigned	 advice;	/* ADVICE_* of any routine */
	char		 physio[512];	/* why: see a physiotherapist */
	char		 cross[256];	/* why: keep fit by cross-training */
};

static const struct ui_key home_keys_main[] = {
	{ "Enter", "start" }, { "r", "routines" }, { "p", "progress" },
	{ "l", "last session" }, { "?", "help" }, { "q", "quit" },
	{ NULL, NULL }
};
/* While home says to see a physiotherapist: the way out, c. */
static const struct ui_key home_keys_physio[] = {
	{ "Enter", "start" }, { "c", "saw a physio" }, { "r", "routines" },
	{ "p", "progress" }, { "l", "last" }, { "?", "help" }, { "q", "quit" },
	{ NULL, NULL }
};
static const struct ui_key home_keys_clear[] = {
	{ "y", "yes, record it" }, { "n", "no" }, { "?", "help" },
	{ NULL, NULL }
};
static const struct ui_key home_keys_pick[] = {
	{ "Up/Down", "choose" }, { "Enter", "start" }, { "Esc", "back" },
	{ "?", "help" }, { NULL, NULL }
};
static const struct ui_key home_keys_morning[] = {
	{ "0-10", "record" }, { "Enter", "skip" }, { "?", "help" },
	{ "q", "quit" }, { NULL, NULL }
};

/* Add `what` to a "; "-separated list unless it is there already. */
static void
home_add_why(char *buf, size_t len, const char *what)
{
	size_t	n = strlen(buf);

	if (what[0] == '\0' || strstr(buf, what) != NULL)
		return;
	snprintf(buf + n, len - n, "%s%s", n > 0 ? "; " : "", what);
}

/*
 * A routine blocked by a library file with problems may use an exercise
 * without a kind: no plan can be worked out for it.
 */
static bool
home_plannable(const struct routine *rt)
{
	size_t	i;

	for (i = 0; i < rt->nsteps; i++)
		if (rt->steps[i].ex == NULL || rt->steps[i].ex->broken)
			return false;
	return true;
}

/*
 * The advice of every routine's plan, worked out from the history each
 * time (prescribe.c): it stands until the condition that raised it
 * clears. A history that cannot be read gives no advice; home_load()
 * says why.
 */
static void
home_advice(struct home *hm, int64_t now, int off)
{
	struct prog_plan	plan;
	size_t			i;

	hm->advice = 0;
	hm->physio[0] = hm->cross[0] = '\0';
	for (i = 0; i < hm->app->cat->nrt; i++) {
		if (!home_plannable(&hm->app->cat->rt[i]))
			continue;
		if (prescribe(hm->app->store, &hm->app->cat->rt[i], now, off,
		    &plan) != 0)
			continue;
		hm->advice |= plan.advice;
		if (plan.advice & ADVICE_SEE_PHYSIO)
			home_add_why(hm->physio, sizeof hm->physio,
			    plan.physio);
		if (plan.advice & ADVICE_CROSS_TRAIN)
			home_add_why(hm->cross, sizeof hm->cross, plan.cross);
		progression_free(&plan);
	}
}

/*
 * A store error without the path in front, which the home screen's one
 * line has no room for: "read-only: ...", "the disk is full; ...".
 */
static const char *
home_store_error(const struct home *hm, const char *err)
{
	const char	*path = store_path(hm->app->store);
	size_t		 n = strlen(path);

	if (strncmp(err, path, n) == 0 && strncmp(err + n, ": ", 2) == 0)
		return err + n + 2;
	return err;
}

/*
 * A history that cannot be written (a read-only folder, a backup) is
 * shown all the same, and home says so.
 */
static void
home_readonly_note(struct home *hm)
{
	const char	*ro = store_readonly(hm->app->store), *why;

	if (ro == NULL || hm->msg[0] != '\0')
		return;
	why = home_store_error(hm, ro);
	if (strncmp(why, "read-only: ", 11) == 0)
		why += 11;
	snprintf(hm->msg, sizeof hm->msg, "Read-only: nothing new is saved "
	    "(%s).", why);
	hm->msg_role = UR_WARN;
}

static void
home_load(struct home *hm)
{
	time_t	now = time(NULL);
	int	off = calendar_offset(now);

	history_free(&hm->h);
	due_free(&hm->d);
	hm->stale = false;
	hm->loaded = true;
	if (store_load(hm->app->store, 0, &hm->h) != 0) {
		snprintf(hm->msg, sizeof hm->msg, "Cannot read the history: %s",
		    store_error(hm->app->store));
		hm->msg_role = UR_BAD;
		history_free(&hm->h);
	}
	home_readonly_note(hm);
	due_compute(hm->app->cat, &hm->h, now, off, &hm->d);
	home_advice(hm, now, off);
	hm->today = calendar_day(now, off);
	hm->morning = hm->morning_done ? -1 :
	    due_morning_pending(&hm->h, now, off);
	if (hm->morning >= 0)
		hm->mode = HM_MORNING;
	else if (hm->mode == HM_MORNING)
		hm->mode = HM_MAIN;
}

/* A file name without its folder: home's lines are short. */
static const char *
home_base(const char *path)
{
	const char	*slash = path != NULL ? strrchr(path, '/') : NULL;

	return slash != NULL ? slash + 1 : path != NULL ? path : "";
}

/* Why a routine cannot start: a library file it depends on is broken. */
static void
home_blocked_msg(struct home *hm, const struct routine *rt)
{
	if (rt->blocked_ex != NULL)
		snprintf(hm->msg, sizeof hm->msg, "Not started: it uses "
		    "'%s' of %s, which has problems.", rt->blocked_ex,
		    home_base(rt->blocked));
	else
		snprintf(hm->msg, sizeof hm->msg, "Not started: %s has "
		    "problems.", home_base(rt->blocked));
	hm->msg_role = UR_BAD;
}

/* Open another screen over home; come back to fresh figures. */
static void
home_start(struct home *hm, const struct routine *rt)
{
	time_t	now;

	hm->mode = HM_MAIN;
	if (store_readonly(hm->app->store) != NULL) {
		snprintf(hm->msg, sizeof hm->msg, "Not started: the history "
		    "is read-only, so no set could be saved.");
		hm->msg_role = UR_BAD;
		return;
	}
	if (rt->blocked != NULL) {
		home_blocked_msg(hm, rt);
		return;
	}
	hm->stale = true;
	hm->msg[0] = '\0';
	now = time(NULL);
	if (!ui_redflag_open(hm->app, &hm->h, rt, now, calendar_offset(now)))
		ui_session_open(hm->app, rt);
}

static void
home_morning_record(struct home *hm, int score)
{
	struct pain_input	 in;
	struct pain_result	 res;
	time_t			 now = time(NULL);

	hm->one_at = 0;
	memset(&in, 0, sizeof in);
	in.session = hm->h.s[hm->morning].id;
	in.during = in.after = PAIN_NONE;
	in.morning = score;
	in.at = now;
	in.utc_off = calendar_offset(now);
	if (store_record_pain(hm->app->store, &in, &res) != 0) {
		snprintf(hm->msg, sizeof hm->msg, "Not saved: %s",
		    home_store_error(hm, store_error(hm->app->store)));
		hm->msg_role = UR_BAD;
		return;
	}
	snprintf(hm->msg, sizeof hm->msg, "Morning pain %d/10 recorded.",
	    score);
	hm->msg_role = ui_pain_role(catalog_routine(hm->app->cat,
	    hm->h.s[hm->morning].routine), score);
	hm->morning_done = true;
	home_load(hm);
}

static void
home_key_morning(struct home *hm, const struct ui_event *ev)
{
	switch (ev->action) {
	case UA_DIGIT:
		if (hm->one_at != 0 && ev->digit == 0)
			home_morning_record(hm, 10);
		else if (ev->digit == 1) {
			if (hm->one_at != 0)
				home_morning_record(hm, 1);
			else
				hm->one_at = ui_now_ms();
		} else
			home_morning_record(hm, ev->digit);
		break;
	case UA_ENTER:
		if (hm->one_at != 0) {
			home_morning_record(hm, 1);
			break;
		}
		/* FALLTHROUGH */
	case UA_BACK:
		hm->one_at = 0;
		hm->morning_done = true;
		hm->morning = -1;
		hm->mode = HM_MAIN;
		break;
	case UA_QUIT:
		ui_pop();
		break;
	default:
		break;
	}
}

/* "I saw a physiotherapist": lifts the red flags, restarts the doses. */
static void
home_clear(struct home *hm)
{
	time_t	now = time(NULL);

	hm->mode = HM_MAIN;
	if (store_add_clearance(hm->app->store, now, calendar_offset(now),
	    NULL) != 0) {
		snprintf(hm->msg, sizeof hm->msg, "Not saved: %s",
		    home_store_error(hm, store_error(hm->app->store)));
		hm->msg_role = UR_BAD;
		return;
	}
	snprintf(hm->msg, sizeof hm->msg, "Recorded: a physiotherapist saw "
	    "the knee. Doses start again from a safe level.");
	hm->msg_role = UR_GOOD;
	home_load(hm);
}

static void
home_key_clear(struct home *hm, const struct ui_event *ev)
{
	if (ev->action == UA_CHAR && (ev->ch == 'y' || ev->ch == 'Y'))
		home_clear(hm);
	else if ((ev->action == UA_CHAR && (ev->ch == 'n' ||
	    ev->ch == 'N')) || ev->action == UA_BACK ||
	    ev->action == UA_QUIT)
		hm->mode = HM_MAIN;
}

static void
home_key_pick(struct home *hm, const struct ui_event *ev)
{
	switch (ev->action) {
	case UA_UP:
		if (hm->cur > 0)
			hm->cur--;
		break;
	case UA_DOWN:
		if (hm->cur + 1 < hm->d.n)
			hm->cur++;
		break;
	case UA_ENTER:
		if (hm->cur < hm->d.n)
			home_start(hm, hm->d.items[hm->cur].rt);
		break;
	case UA_BACK:
	case UA_QUIT:
		hm->mode = HM_MAIN;
		break;
	default:
		break;
	}
}

/* The summary of the latest session that counts. */
static void
home_last(struct home *hm)
{
	size_t	i;

	for (i = hm->h.ns; i > 0; i--) {
		if (!due_session_counts(&hm->h.s[i - 1]))
			continue;
		hm->stale = true;
		hm->msg[0] = '\0';
		ui_summary_open(hm->app, hm->h.s[i - 1].id);
		return;
	}
	snprintf(hm->msg, sizeof hm->msg, "No session recorded yet.");
	hm->msg_role = UR_DIM;
}

static void
home_key(void *state, const struct ui_event *ev)
{
	struct home	*hm = state;

	ui_dirty();
	if (hm->mode == HM_MORNING) {
		home_key_morning(hm, ev);
		return;
	}
	if (hm->mode == HM_PICK) {
		home_key_pick(hm, ev);
		return;
	}
	if (hm->mode == HM_CLEAR) {
		home_key_clear(hm, ev);
		return;
	}
	switch (ev->action) {
	case UA_ENTER:
		if (hm->d.pick < hm->d.n)
			home_start(hm, hm->d.items[hm->d.pick].rt);
		else if (hm->d.held < hm->d.n)	/* asks first */
			home_start(hm, hm->d.items[hm->d.held].rt);
		else if (hm->d.n > 0) {
			hm->mode = HM_PICK;
			hm->cur = 0;
		}
		break;
	case UA_QUIT:
		ui_pop();
		break;
	case UA_PAUSE:		/* p */
		hm->stale = true;
		hm->msg[0] = '\0';
		ui_progress_open(hm->app);
		break;
	case UA_CHAR:
		if (ev->ch == 'r' && hm->d.n > 0) {
			hm->mode = HM_PICK;
			hm->cur = hm->d.pick < hm->d.n ? hm->d.pick :
			    hm->d.held < hm->d.n ? hm->d.held : 0;
		} else if (ev->ch == 'l')
			home_last(hm);
		else if (ev->ch == 'c' && (hm->advice & ADVICE_SEE_PHYSIO)) {
			hm->msg[0] = '\0';
			hm->mode = HM_CLEAR;
		}
		break;
	default:
		break;
	}
}

/* A lone 1 on the morning question: after a pause it means 1. */
static int64_t
home_wake(void *state, int64_t now)
{
	struct home	*hm = state;

	(void)now;
	if (hm->mode != HM_MORNING || hm->one_at == 0)
		return INT64_MAX;
	return hm->one_at + HOME_TEN_MS;
}

static void
home_tick(void *state, int64_t now)
{
	struct home	*hm = state;

	(void)now;
	if (hm->one_at != 0)
		home_morning_record(hm, 1);
	ui_dirty();
}

/* --- drawing ------------------------------------------------------- */

/* The local date of t as "Mon 23 Nov". */
static void
home_date(int64_t t, int off, char *buf, size_t len)
{
	struct tm	tm;
	time_t		lt = (time_t)(t + off);

	if (gmtime_r(&lt, &tm) == NULL || strftime(buf, len, "%a %d %b", &tm) == 0)
		snprintf(buf, len, "?");
}

static const char *
home_rt_name(const struct home *hm, const char *id)
{
	const struct routine	*rt = catalog_routine(hm->app->cat, id);

	return rt != NULL ? rt->name : id;
}

/* Why nothing is due, from the routines' states. */
static const char *
home_why_none(const struct home *hm)
{
	size_t	i, blocked = 0, listed = 0;
	bool	today = false;

	for (i = 0; i < hm->d.n; i++) {
		if (hm->d.items[i].state == DUE_REST_DAY)
			return "a rest day after yesterday's strength session";
		if (hm->d.items[i].state == DUE_DONE_TODAY)
			today = true;
		listed += hm->d.items[i].listed;
		blocked += hm->d.items[i].listed &&
		    hm->d.items[i].state == DUE_BLOCKED;
	}
	if (!today && blocked == listed)
		return "your routines need a library file with problems";
	return today ? "today's session is done" :
	    "this week's sessions are done";
}

static int
home_draw_due(struct home *hm, int y)
{
	const struct due_item	*it;
	const char		*hint = "r chooses a routine all the same.";
	char			 why[192], next[192], day[64];
	int			 end;

	if (hm->d.pick < hm->d.n) {
		it = &hm->d.items[hm->d.pick];
		ui_print(y, 1, 11, UR_DIM, "Due today");
		ui_print_short(y, 12, COLS - 13, UR_ACCENT, it->rt->name);
		snprintf(why, sizeof why, "Enter starts it (%zu exercise%s)",
		    it->rt->nsteps, it->rt->nsteps == 1 ? "" : "s");
		ui_print(y + 1, 12, COLS - 13, UR_DIM, ui_width(why) <=
		    COLS - 13 ? why : "Enter starts it");
		return y + 3;
	}
	/* Never "due" beside "see a physiotherapist". */
	if (hm->d.red_flags != 0) {
		ui_print(y, 1, 11, UR_DIM, "Due today");
		end = ui_wrap(y, 12, COLS - 13, y + 2, UR_BAD, "nothing: see a "
		    "physiotherapist first.");
		end = ui_wrap(end, 12, COLS - 13, end + 2, UR_DIM, "Enter asks "
		    "before starting; c once one has seen the knee.");
		return end + 1;
	}
	/*
	 * Why nothing is due, whole: over up to three lines when narrow. The
	 * hint only where it fits on its line: the keys say it too.
	 */
	ui_print(y, 1, 11, UR_DIM, "Due today");
	snprintf(why, sizeof why, "nothing: %s.", home_why_none(hm));
	/* The day `due` and `plan` name, where two lines hold it all. */
	if ((it = due_next(&hm->d)) != NULL) {
		calendar_day_str(it->next, hm->today, day, sizeof day);
		snprintf(next, sizeof next, "nothing: %s; next session %s.",
		    home_why_none(hm), day);
		if (ui_width(next) <= 2 * (COLS - 13))
			snprintf(why, sizeof why, "%s", next);
	}
	end = ui_wrap(y, 12, COLS - 13, y + 3, UR_GOOD, why);
	if (end < y + 3 && ui_width(hint) <= COLS - 13)
		end = ui_wrap(end, 12, COLS - 13, end + 1, UR_DIM, hint);
	return (end > y + 2 ? end : y + 2) + 1;
}

static int
home_draw_week(struct home *hm, int y)
{
	int	x;

	ui_print(y, 1, 11, UR_DIM, "This week");
	x = 12;
	if (COLS >= 50) {
		ui_bar(y, x, 15, hm->d.week_done, hm->d.week_planned,
		    hm->d.week_done >= hm->d.week_planned ? UR_GOOD :
		    UR_ACCENT);
		x += 17;
	}
	ui_printf(y, x, COLS - x - 1, UR_NORMAL, "%d of %d sessions",
	    hm->d.week_done, hm->d.week_planned);
	return y + 2;
}

/* Is routine i in the table: all when choosing, else those in use. */
static bool
home_shown(const struct home *hm, size_t i)
{
	return hm->mode == HM_PICK || hm->d.items[i].listed;
}

/* Where the routine table's columns go; a width of 0: left out. */
struct home_cols {
	int	name, last, week, state;
};

/*
 * Lay the routine table out in the room there is: the names whole if they
 * can be, the state always (at least "due today"), and "This week", then
 * "Last done", left out rather than cut a name short. What is left over
 * goes to the state.
 */
static void
home_layout(const struct home *hm, struct home_cols *c)
{
	char	last[32];
	size_t	i;
	int	room = COLS - 4, want = 7, state = 9, w, enough;

	c->last = 9;
	c->week = 9;
	for (i = 0; i < hm->d.n; i++) {
		if (!home_shown(hm, i))
			continue;
		if ((w = ui_width(hm->d.items[i].rt->name)) > want)
			want = w;
		due_last_str(&hm->d.items[i], hm->today, last, sizeof last);
		if ((w = ui_width(last)) > c->last)
			c->last = w;
		if ((w = ui_width(due_state_text(hm->d.items[i].state))) >
		    state)
			state = w;
	}
	/*
	 * The state needs its first words ("not started", "rest day") and a
	 * gap; at the narrowest, "due today". The rest wraps under them.
	 */
	if (state > 13)
		state = 13;
	if (state > 9 && state > room / 3)
		state = room / 3 > 9 ? room / 3 : 9;
	room -= state + 2;
	enough = want < 24 ? want : 24;
	if (want + c->week + c->last + 4 > room &&
	    room - c->week - c->last - 4 < enough)
		c->week = 0;
	if (want + (c->week > 0 ? c->week + 2 : 0) + c->last + 2 > room &&
	    room - (c->week > 0 ? c->week + 2 : 0) - c->last - 2 < enough)
		c->last = 0;
	if (c->week > 0)
		room -= c->week + 2;
	if (c->last > 0)
		room -= c->last + 2;
	c->name = want < room ? want : room;
	c->state = COLS - 4 - c->name - 2 - (c->last > 0 ? c->last + 2 : 0) -
	    (c->week > 0 ? c->week + 2 : 0);
}

/* The lines a routine's row takes with its state wrapped whole. */
static int
home_row_lines(const struct home_cols *c, const struct due_item *it)
{
	int	n = ui_wrap_lines(c->state, due_state_text(it->state));

	return n > 1 ? n : 1;
}

/*
 * The states wrap under themselves, never cut, while every routine
 * still has its row; only where that leaves some out are they shortened.
 */
static bool
home_states_wrap(const struct home *hm, const struct home_cols *c,
    int rows)
{
	size_t	i;
	int	used = 0;

	for (i = 0; i < hm->d.n; i++)
		if (home_shown(hm, i))
			used += home_row_lines(c, &hm->d.items[i]);
	return used <= rows;
}

/* The routines: last done, this week, state; with a cursor in HM_PICK. */
static int
home_draw_routines(struct home *hm, int y, int maxy)
{
	const struct due_item	*it;
	struct home_cols	 c;
	char			 buf[128];
	size_t			 i, first = 0, hidden = 0;
	int			 rows, x, end;
	bool			 cur, wrap;

	home_layout(hm, &c);
	ui_print(y, 3, c.name, UR_DIM, "Routine");
	x = 3 + c.name + 2;
	if (c.last > 0) {
		ui_print(y, x, c.last, UR_DIM, "Last done");
		x += c.last + 2;
	}
	if (c.week > 0)
		ui_print(y, x, c.week, UR_DIM, "This week");
	y++;
	rows = maxy - y;
	if (rows < 1)
		rows = 1;
	wrap = home_states_wrap(hm, &c, rows);
	if (!wrap && hm->mode == HM_PICK && hm->cur >= (size_t)rows)
		first = hm->cur - rows + 1;
	for (i = first; i < hm->d.n && y < maxy; i++) {
		if (!home_shown(hm, i)) {
			hidden++;
			continue;
		}
		it = &hm->d.items[i];
		cur = hm->mode == HM_PICK && i == hm->cur;
		if (cur) {
			ui_print(y, 1, 2, UR_ACCENT, ">");
			attron(A_REVERSE);
		}
		ui_print_short(y, 3, c.name, cur ? UR_ACCENT : UR_NORMAL,
		    it->rt->name);
		attroff(A_REVERSE);
		x = 3 + c.name + 2;
		if (c.last > 0) {
			due_last_str(it, hm->today, buf, sizeof buf);
			ui_print(y, x, c.last, UR_NORMAL, buf);
			x += c.last + 2;
		}
		if (c.week > 0) {
			ui_printf(y, x, c.week, UR_NORMAL, "%d of %d",
			    it->week_done, it->rt->per_week);
			x += c.week + 2;
		}
		if (wrap)
			end = ui_wrap(y, x, c.state, maxy, it->state ==
			    DUE_YES ? UR_ACCENT : it->state == DUE_BLOCKED ?
			    UR_BAD : UR_DIM, due_state_text(it->state));
		else {
			ui_shorten(due_state_text(it->state), c.state, false,
			    buf, sizeof buf);
			ui_print(y, x, c.state, it->state == DUE_YES ?
			    UR_ACCENT : it->state == DUE_BLOCKED ? UR_BAD :
			    UR_DIM, buf);
			end = y + 1;
		}
		y = end > y ? end : y + 1;
	}
	if (hidden > 0 && y + 1 < maxy) {
		snprintf(buf, sizeof buf, "r shows the other %zu routine%s of "
		    "the library.", hidden, hidden == 1 ? "" : "s");
		ui_print(++y, 3, COLS - 4, UR_DIM, buf);
		y++;
	}
	return y + 1;
}

static void
home_pain_part(char *buf, size_t len, size_t *n, const char *what, int score)
{
	if (score == PAIN_NONE || *n >= len)
		return;
	*n += snprintf(buf + *n, len - *n, "%s%s %d/10", *n > 0 ? ", " : "",
	    what, score);
}

/* The latest pain: of the last session with any, or a later report. */
static int
home_draw_pain(struct home *hm, int y)
{
	const struct hist_session	*s = NULL;
	const struct hist_pain		*p = NULL;
	char				 buf[160], when[32];
	size_t				 i, n = 0;
	int				 hi;

	for (i = hm->h.ns; i > 0; i--) {
		s = &hm->h.s[i - 1];
		if (s->pain_during != PAIN_NONE ||
		    s->pain_after != PAIN_NONE || s->pain_morning != PAIN_NONE)
			break;
		s = NULL;
	}
	if (hm->h.np > 0)
		p = &hm->h.p[hm->h.np - 1];
	ui_print(y, 1, 11, UR_DIM, "Pain");
	if (p != NULL && (s == NULL || p->at > s->start)) {
		home_date(p->at, p->utc_off, when, sizeof when);
		ui_printf(y, 12, COLS - 13, ui_pain_role(NULL, p->score),
		    "%s %d/10 (%s, on its "
		    "own)", history_pain_kind_name(p->kind), p->score, when);
		return y + 2;
	}
	if (s == NULL) {
		ui_print(y, 12, COLS - 13, UR_DIM, "none recorded yet");
		return y + 2;
	}
	home_pain_part(buf, sizeof buf, &n, "during", s->pain_during);
	home_pain_part(buf, sizeof buf, &n, "after", s->pain_after);
	home_pain_part(buf, sizeof buf, &n, "next morning", s->pain_morning);
	home_date(s->start, s->utc_off, when, sizeof when);
	hi = s->pain_during > s->pain_after ? s->pain_during : s->pain_after;
	if (s->pain_morning > hi)
		hi = s->pain_morning;
	ui_print(y, 12, COLS - 13, ui_pain_role(catalog_routine(hm->app->cat,
	    s->routine), hi), buf);
	snprintf(buf, sizeof buf, ", %s", when);
	ui_print_name(y + 1, 12, COLS - 13, UR_DIM, "",
	    home_rt_name(hm, s->routine), buf);
	/* Only while they stand: not after a physiotherapist saw them. */
	if (s->flags != 0 && hm->d.red_flags != 0)
		ui_print(y + 2, 12, COLS - 13, UR_BAD,
		    "Warning signs reported: see a physiotherapist.");
	return y + (s->flags != 0 && hm->d.red_flags != 0 ? 4 : 3);
}

/*
 * A library file with problems: its first problem, whole, and what that
 * means. The rest are for `rehabit check`.
 */
static int
home_draw_problems(struct home *hm, int y)
{
	const struct diags	*d = &hm->app->libdiags;
	const struct diag	*g;
	char			 buf[600];
	size_t			 more;

	if (d->n == 0)
		return y;
	g = &d->v[0];
	if (g->loc.line > 0)
		snprintf(buf, sizeof buf, "%s:%d:%d: %s", home_base(g->file),
		    g->loc.line, g->loc.col, g->msg);
	else
		snprintf(buf, sizeof buf, "%s: %s", home_base(g->file),
		    g->msg);
	ui_print(y, 1, 11, UR_DIM, "Library");
	y = ui_wrap(y, 12, COLS - 13, y + 3, UR_BAD, buf);
	more = d->n - 1 + d->dropped;
	if (more > 0)
		snprintf(buf, sizeof buf, "%zu more; what needs a file with "
		    "problems cannot start. See rehabit check.", more);
	else
		snprintf(buf, sizeof buf, "What uses the file cannot start. "
		    "See rehabit check.");
	y = ui_wrap(y, 12, COLS - 13, y + 2, UR_WARN, buf);
	return y + 1;
}

/* Advice stands out: it is why rehabit is safe to follow. */
static int
home_draw_advice(struct home *hm, int y)
{
	char	why[600];

	/* The reasons whole, over as many lines as they take. */
	if (hm->advice & ADVICE_SEE_PHYSIO) {
		ui_print(y++, 1, COLS - 2, UR_BAD,
		    "See a physiotherapist before going on.");
		snprintf(why, sizeof why, "Why: %s.", hm->physio);
		y = ui_wrap(y, 3, COLS - 4, LINES - 2, UR_WARN, why);
	}
	if (hm->advice & ADVICE_CROSS_TRAIN) {
		ui_print(y++, 1, COLS - 2, UR_BAD,
		    "Keep fit meanwhile by walking, cycling or swimming.");
		snprintf(why, sizeof why, "Why: %s.", hm->cross);
		y = ui_wrap(y, 3, COLS - 4, LINES - 2, UR_WARN, why);
	}
	return hm->advice & (ADVICE_SEE_PHYSIO | ADVICE_CROSS_TRAIN) ?
	    y + 1 : y;
}

static void
home_draw_welcome(struct home *hm, int y)
{
	int	w = COLS - 2, maxy = LINES - 1;

	ui_print(y++, 1, COLS - 2, UR_TITLE, "Welcome to rehabit");
	y++;
	/* Lines short enough to read easily; shorter still when narrow. */
	y = ui_wrap(y, 1, w < 59 ? w : 59, maxy, UR_NORMAL,
	    "A coach for home rehab exercise. A session takes you through "
	    "each exercise with timers and counts, then asks how much it "
	    "hurt; the next session's dose follows from that.");
	y++;
	if (hm->d.pick < hm->d.n) {
		ui_print(y, 1, 15, UR_DIM, "First session");
		ui_print_short(y++, 16, COLS - 17, UR_ACCENT,
		    hm->d.items[hm->d.pick].rt->name);
		y = ui_wrap(y, 16, COLS - 17, maxy, UR_DIM,
		    "Enter starts it; r chooses another routine.");
	}
	y++;
	ui_wrap(y, 1, w < 55 ? w : 55, maxy, UR_DIM, "rehabit is a coach, not "
	    "a diagnosis: if pain persists, see a physiotherapist.");
}

static void
home_draw_morning(struct home *hm, int y)
{
	const struct hist_session	*s = &hm->h.s[hm->morning];
	char				 when[32], post[40];

	home_date(s->start, s->utc_off, when, sizeof when);
	snprintf(post, sizeof post, ", %s.", when);
	ui_print(y, 1, COLS - 2, UR_TITLE, "Morning check");
	y += 2;
	/* The question whole, in fewer words where the line is short. */
	ui_print(y++, 1, COLS - 2, UR_NORMAL, COLS >= 59 ?
	    "How much do the knee's pain and stiffness bother you now?" :
	    "Knee pain and stiffness now?");
	ui_print_name(y++, 1, COLS - 2, UR_DIM, "After ",
	    home_rt_name(hm, s->routine), post);
	y = ui_pain_scale(y + 1, catalog_routine(hm->app->cat, s->routine),
	    hm->one_at != 0 ? 1 : PAIN_NONE);
	ui_print(y, 1, COLS - 2, UR_DIM, hm->one_at != 0 ?
	    "1 - type 0 for 10, Enter for 1." :
	    "A digit records it (1 then 0 for 10); Enter skips.");
}

static void
home_draw_clear(int y)
{
	int	w = COLS - 2, maxy = LINES - 2;

	ui_print(y, 1, w, UR_TITLE, "I saw a physiotherapist");
	y = ui_wrap(y + 2, 1, w, maxy, UR_NORMAL, "Has a physiotherapist or "
	    "doctor seen the knee since the warning signs? Recording it "
	    "lifts the advice to see one, and each exercise starts again "
	    "from a safe dose, as after a break.");
	ui_wrap(y + 1, 1, w, maxy, UR_DIM, "To keep what they said: rehabit "
	    "pain --cleared --note TEXT");
}

static void
home_draw(void *state)
{
	struct home	*hm = state;
	char		 date[32];
	int		 y = 0, maxy = LINES - 2;

	if (hm->stale || !hm->loaded)
		home_load(hm);
	home_date(time(NULL), calendar_offset(time(NULL)), date, sizeof date);
	ui_print(0, 1, COLS - 2, UR_TITLE, "rehabit");
	if (COLS > 40)
		ui_print(0, COLS - ui_width(date) - 1, ui_width(date), UR_DIM,
		    date);
	if (hm->msg[0] != '\0')
		ui_print(maxy, 1, COLS - 2, hm->msg_role, hm->msg);
	y = 2;
	if (hm->mode == HM_MORNING) {
		home_draw_morning(hm, y);
		return;
	}
	if (hm->mode != HM_PICK) {
		y = home_draw_advice(hm, y);
		y = home_draw_problems(hm, y);
	}
	if (hm->d.n == 0) {
		ui_print(y, 1, COLS - 2, UR_WARN,
		    "No routines in the library.");
		ui_print(y + 1, 1, COLS - 2, UR_DIM,
		    "Add YAML files (see rehabit(5)) and start again.");
		return;
	}
	if (hm->mode == HM_CLEAR) {
		home_draw_clear(y);
		return;
	}
	if (hm->mode == HM_PICK) {
		ui_print(y, 1, COLS - 2, UR_ACCENT, "Choose a routine");
		home_draw_routines(hm, y + 2, maxy);
		return;
	}
	if (hm->h.ns == 0 && hm->h.np == 0) {
		home_draw_welcome(hm, y);
		return;
	}
	y = home_draw_due(hm, y);
	y = home_draw_week(hm, y);
	y = home_draw_pain(hm, y);
	home_draw_routines(hm, y, maxy);
}

static const struct ui_key *
home_keys(void *state)
{
	struct home	*hm = state;

	if (hm->mode == HM_MORNING)
		return home_keys_morning;
	if (hm->mode == HM_PICK)
		return home_keys_pick;
	if (hm->mode == HM_CLEAR)
		return home_keys_clear;
	if (hm->advice & ADVICE_SEE_PHYSIO)
		return home_keys_physio;
	return home_keys_main;
}

static void
home_leave(void *state)
{
	struct home	*hm = state;

	history_free(&hm->h);
	due_free(&hm->d);
	free(hm);
}

static const struct ui_screen home_screen = {
	.name = "home",
	.draw = home_draw,
	.key = home_key,
	.wake = home_wake,
	.tick = home_tick,
	.leave = home_leave,
	.keys = home_keys,
};

void
ui_home_open(struct app *app)
{
	struct home	*hm;

	hm = xcalloc(1, sizeof *hm);
	hm->app = app;
	hm->morning = -1;
	history_init(&hm->h);
	home_load(hm);
	ui_push(&home_screen, hm);
}
