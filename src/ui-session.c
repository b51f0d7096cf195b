/*
 * ui-session.c - the guided session screen: one exercise at a time, with
 * a rep counter or a countdown, what comes next and the keys.
 *
 * The engine (session.c) does all the timing; this screen turns keys into
 * engine keys, draws the engine's view, plays its cues and saves each set
 * to the store as soon as the engine reports it. It wakes only when the
 * engine says the display changes (session_next_wake()).
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "calendar.h"
#include "app.h"
#include "conf.h"
#include "cue.h"
#include "history.h"
#include "prescribe.h"
#include "progression.h"
#include "session.h"
#include "store.h"
#include "ui.h"
#include "xmalloc.h"

/*
 * How long a save may wait for a busy database during the session: the
 * screen must not freeze; a refused set is tried again later (and at the
 * end with the store's usual patience).
 */
#define UIS_BUSY_MS	250
/* At the end, sets still not saved (a full disk) are tried this often. */
#define UIS_RETRY_MS	5000

/*
 * What the screen is asking, if anything: to end the session early; at
 * the end, with sets not saved, to try again or leave without them; to
 * confirm leaving without them.
 */
enum uis_ask { UIS_ASK_NONE, UIS_ASK_QUIT, UIS_ASK_UNSAVED, UIS_ASK_DROP };

struct ui_session {
	struct app		*app;
	const struct routine	*rt;
	struct sess_item	*items;
	struct sess_plan	 plan;
	struct session		*s;

	int64_t			 start;		/* wall clock, for the store */
	int			 utc_off;
	int64_t			 sid;		/* store id; 0 until a set */
	int			 sets_saved;
	bool			 finished;
	int64_t			 end;		/* wall clock; 0 until it ends */
	bool			 completed;	/* how it ended */
	bool			 end_saved;	/* its end is in the store */
	enum uis_ask		 ask;
	bool			 paused_by_ask;
	int64_t			 retry_at;	/* UIS_ASK_UNSAVED: next try */
	char			*error;		/* why sets are not saved */
	struct sess_out		*pending;	/* sets to save, oldest first */
	size_t			 npending;
	size_t			 pending_cap;
	int			 ncues;		/* cues played, */
	int64_t			 late_ms;	/* the latest past its moment */
};

/* The rows the layout gives each part of the screen. */
struct uis_layout {
	int	top;		/* rows above the middle: header .. cues */
	int	ncues;
	bool	level;
	bool	rule;
	int	scale;		/* of the big digits; 0: plain digits */
	bool	bar;
	bool	notice;
};

static void			 ui_session_draw(void *);
static void			 ui_session_key(void *, const struct ui_event *);
static int64_t			 ui_session_wake(void *, int64_t);
static void			 ui_session_tick(void *, int64_t);
static void			 ui_session_leave(void *);
static const struct ui_key	*ui_session_keys(void *);
static const char		*ui_session_help(void *);

static const struct ui_screen ui_session_screen = {
	.name = "session",
	.draw = ui_session_draw,
	.key = ui_session_key,
	.wake = ui_session_wake,
	.tick = ui_session_tick,
	.leave = ui_session_leave,
	.keys = ui_session_keys,
	.help = ui_session_help,
};

/*
 * What the last session of this run kept, said on the terminal once the
 * screens are gone (after q, Ctrl-C or a signal the person cannot see
 * the summary): the sets saved, and how to record the pain for them when
 * the pain form was not filled in.
 */
static struct {
	struct store	*db;
	int64_t		 sid;		/* 0: no set saved */
	int		 sets;		/* saved */
	size_t		 lost;		/* not saved (see the log) */
	bool		 ended;		/* one ended in this run */
	bool		 completed;
} uis_kept;

/*
 * The key bar shows what fits, in this order (what the phase is for,
 * pause, quit, then the rest); `?` shows them all.
 */
static const struct ui_key uis_keys_reps[] = {
	{ "Enter", "count a rep" }, { "p", "pause" }, { "q", "quit" },
	{ "u", "undo" }, { "s", "end the set" },
	{ "n/Right", "next exercise" }, { "b/Left", "previous exercise" },
	{ "?", "help" }, { NULL, NULL }
};
static const struct ui_key uis_keys_tempo[] = {
	{ "p", "pause" }, { "q", "quit" }, { "u", "undo a rep" },
	{ "s", "end the set" }, { "n/Right", "next exercise" },
	{ "b/Left", "previous exercise" }, { "?", "help" }, { NULL, NULL }
};
static const struct ui_key uis_keys_timer[] = {
	{ "p", "pause" }, { "q", "quit" }, { "s", "end the set" },
	{ "n/Right", "next exercise" }, { "b/Left", "previous exercise" },
	{ "?", "help" }, { NULL, NULL }
};
static const struct ui_key uis_keys_ready[] = {
	{ "Enter", "start now" }, { "p", "pause" }, { "q", "quit" },
	{ "s", "skip" }, { "n/Right", "next exercise" },
	{ "b/Left", "previous exercise" }, { "?", "help" }, { NULL, NULL }
};
static const struct ui_key uis_keys_rest[] = {
	{ "s", "skip the rest" }, { "+/-", "15 s more/less" },
	{ "p", "pause" }, { "q", "quit" }, { "n/Right", "next exercise" },
	{ "b/Left", "previous exercise" }, { "?", "help" }, { NULL, NULL }
};
static const struct ui_key uis_keys_paused[] = {
	{ "p", "resume" }, { "q", "quit" }, { "?", "help" }, { NULL, NULL }
};
static const struct ui_key uis_keys_ask[] = {
	{ "y", "end the session" }, { "n", "keep going" }, { NULL, NULL }
};
static const struct ui_key uis_keys_unsaved[] = {
	{ "Enter", "try again now" }, { "q", "leave without them" },
	{ NULL, NULL }
};
static const struct ui_key uis_keys_drop[] = {
	{ "y", "leave, losing them" }, { "n", "stay and try again" },
	{ NULL, NULL }
};

/* --- plan and store -------------------------------------------------- */

/*
 * Today's dose for each step: the prescription from the history
 * (progression), or the routine's base dose when the history cannot be
 * read (the reason is shown). A step that gives no rest of its own rests
 * as long as the settings say.
 */
static struct sess_item *
ui_session_items(struct ui_session *st)
{
	const struct routine	*rt = st->rt;
	struct sess_item	*items;
	struct prog_plan	 pl;
	const struct dose	*d;
	int64_t			 now;
	int			 off;
	size_t			 i;
	bool			 planned = false;

	items = xcalloc(rt->nsteps, sizeof *items);
	if (st->app->store != NULL) {
		prescribe_now(&now, &off);
		if (prescribe(st->app->store, rt, now, off, &pl) == 0)
			planned = true;
		else
			xasprintf(&st->error, "could not read the history (%s): "
			    "today's doses are the routine's own",
			    store_error(st->app->store));
	}
	for (i = 0; i < rt->nsteps; i++) {
		items[i].step = &rt->steps[i];
		d = planned ? progression_step_dose(&pl, i) : NULL;
		items[i].dose = d != NULL ? *d : rt->steps[i].base;
		if ((rt->steps[i].given & (1U << STEP_REST)) == 0 &&
		    st->app->cfg != NULL)
			items[i].dose.rest = st->app->cfg->rest;
	}
	if (planned)
		progression_free(&pl);
	return items;
}

/*
 * Say calmly, in the one line the screen has for it, why sets are not
 * saved yet and that they are kept: the causes a person can act on by
 * name, anything else as the store said it (without the path).
 */
static void
ui_session_error(struct ui_session *st)
{
	struct store	*db = st->app->store;
	const char	*why, *path = store_path(db);
	size_t		 n = strlen(path), unsaved;

	switch (store_fault(db)) {
	case STORE_FAULT_FULL:
		why = "the disk is full";
		break;
	case STORE_FAULT_READONLY:
		why = "the history is read-only";
		break;
	case STORE_FAULT_BUSY:
		why = "another rehabit holds the history";
		break;
	default:
		why = store_error(db);
		if (strncmp(why, path, n) == 0 && strncmp(why + n, ": ", 2) == 0)
			why += n + 2;
		break;
	}
	unsaved = st->npending;
	free(st->error);
	if (st->ask != UIS_ASK_UNSAVED && st->ask != UIS_ASK_DROP)
		xasprintf(&st->error, "%zu set%s not saved yet (%s): kept, "
		    "tried again after each set.", unsaved,
		    unsaved == 1 ? "" : "s", why);
	else if (unsaved > 0)
		xasprintf(&st->error, "%zu set%s not saved (%s). Trying again "
		    "every %d s.", unsaved, unsaved == 1 ? "" : "s", why,
		    UIS_RETRY_MS / 1000);
	else
		xasprintf(&st->error, "The end of the session is not saved "
		    "(%s). Trying again every %d s.", why, UIS_RETRY_MS / 1000);
}

/* Write one set (and the session row before the first); 0 or -1. */
static int
ui_session_write(struct ui_session *st, const struct sess_out *o)
{
	const struct sess_item	*it = &st->items[o->item];
	struct store		*db = st->app->store;

	if (st->sid == 0 && store_session_begin(db, st->rt->id, st->start,
	    st->utc_off, &st->sid) != 0) {
		st->sid = 0;
		return -1;
	}
	if (store_set_done(db, st->sid, it->step->ex->id, o->side, &it->dose,
	    o->set, o->value) != 0)
		return -1;
	st->sets_saved++;
	return 0;
}

/*
 * Write the sets not saved yet, oldest first. A set the store refused
 * (busy, disk full, read-only) stays in memory and is tried again with
 * the next one and at the end, so a passing problem loses nothing.
 * Returns true when none is left.
 */
static bool
ui_session_flush(struct ui_session *st)
{
	size_t	i, done = 0;

	if (st->app->store == NULL)
		return st->npending == 0;
	for (i = 0; i < st->npending; i++) {
		if (ui_session_write(st, &st->pending[i]) != 0)
			break;
		done++;
	}
	if (done > 0)
		memmove(st->pending, st->pending + done,
		    (st->npending - done) * sizeof *st->pending);
	st->npending -= done;
	if (st->npending > 0) {
		ui_session_error(st);
		return false;
	}
	free(st->error);
	st->error = NULL;
	return true;
}

/* A set is finished: save it at once (the session row on the first). */
static void
ui_session_save(struct ui_session *st, const struct sess_out *o)
{
	if (st->npending == st->pending_cap) {
		st->pending_cap = st->pending_cap == 0 ? 16 :
		    2 * st->pending_cap;
		st->pending = xreallocarray(st->pending, st->pending_cap,
		    sizeof *st->pending);
	}
	st->pending[st->npending++] = *o;
	ui_session_flush(st);
}

/*
 * Save what is left and the session's end. Returns true when all of it
 * is in the store (or there is no store, or nothing to save).
 */
static bool
ui_session_end_store(struct ui_session *st)
{
	if (st->app->store == NULL)
		return true;
	store_busy_timeout(st->app->store, STORE_BUSY_MS);
	if (!ui_session_flush(st))
		return false;
	if (st->sid == 0 || st->end_saved)
		return true;
	if (store_session_end(st->app->store, st->sid, st->end,
	    st->completed) != 0) {
		ui_session_error(st);
		return false;
	}
	st->end_saved = true;
	return true;
}

/* Sets left unsaved at the very end go to the log, for the record. */
static void
ui_session_log_unsaved(struct ui_session *st)
{
	if (st->npending > 0 || (st->sid != 0 && !st->end_saved))
		fprintf(stderr, "rehabit: session: %zu set%s%s not saved: "
		    "%s\n", st->npending, st->npending == 1 ? "" : "s",
		    st->sid != 0 && !st->end_saved ? " and the end" : "",
		    st->app->store != NULL ? store_error(st->app->store) :
		    "no history");
}

/*
 * Act on what the engine reports: cues first, then the sets to save, so
 * that a slow disk (a commit waits for fsync) never delays a cue. Returns
 * true when the session is complete.
 */
static bool
ui_session_drain(struct ui_session *st)
{
	struct sess_out	o[16];
	size_t		n, i;
	int64_t		late;
	bool		complete = false;

	do {
		for (n = 0; n < 16 && session_pop(st->s, &o[n]); n++)
			;
		for (i = 0; i < n; i++) {
			if (o[i].kind == SO_SET_DONE)
				continue;
			cue_play_out(o[i].kind);
			/* How late the loop acted on it, for the log. */
			st->ncues++;
			late = ui_now_ms() - o[i].at;
			if (late > st->late_ms)
				st->late_ms = late;
			if (o[i].kind == SO_COMPLETE)
				complete = true;
		}
		for (i = 0; i < n; i++) {
			if (o[i].kind == SO_SET_DONE)
				ui_session_save(st, &o[i]);
		}
	} while (n == 16);
	return complete;
}

/*
 * Leave the screen and, if anything was saved, open the summary with the
 * pain form on top of it.
 */
static void
ui_session_close(struct ui_session *st)
{
	struct app	*app = st->app;
	int64_t		 sid;

	st->finished = true;
	sid = st->sid;
	ui_pop();		/* frees st */
	if (sid != 0) {
		ui_summary_open(app, sid);
		ui_pain_open(app, sid, NULL);
	}
}

/*
 * The session is over (done, or ended with `q`): save what is left and
 * its end, then close. When the store still refuses (a full disk), stay
 * and say so, trying again every UIS_RETRY_MS and on Enter, so the
 * session is saved once there is space again; `q` leaves without it.
 */
static void
ui_session_finish(struct ui_session *st, bool completed)
{
	if (st->end == 0) {
		st->end = (int64_t)time(NULL);
		st->completed = completed;
	}
	if (ui_session_end_store(st)) {
		ui_session_close(st);
		return;
	}
	if (st->ask != UIS_ASK_DROP)
		st->ask = UIS_ASK_UNSAVED;
	st->retry_at = ui_now_ms() + UIS_RETRY_MS;
	ui_session_error(st);
	ui_dirty();
}

/* End early: keep the set in progress if any of it was done. */
static void
ui_session_stop(struct ui_session *st)
{
	session_stop(st->s, ui_now_ms());
	ui_session_drain(st);
	ui_session_finish(st, false);
}

/* Sound cues were started (once, by the first session). */
static bool	uis_cue_on;

static void
ui_session_cue_end(void)
{
	cue_shutdown();
	uis_cue_on = false;
}

/*
 * No sound can be played: the terminal bell (curses flashes the screen
 * when the terminal has no bell). Called on this thread by cue_play().
 */
static void
ui_session_bell(enum cue_kind kind)
{
	(void)kind;
	beep();
}

/* --- drawing --------------------------------------------------------- */

static const char *
ui_session_sym(const char *utf8, const char *ascii)
{
	return ui_utf8() ? utf8 : ascii;
}

static const char *
ui_session_side(enum side side)
{
	switch (side) {
	case SIDE_LEFT:
		return "LEFT";
	case SIDE_RIGHT:
		return "RIGHT";
	default:
		return NULL;
	}
}

static bool
ui_session_countdown(const struct sess_view *v)
{
	return v->phase != SP_DONE && (v->phase != SP_REPS || v->tempo_on);
}

/* "GET READY · Set 1 of 3 · LEFT" */
static void
ui_session_status(const struct sess_view *v, char *buf, size_t len)
{
	static const char *names[] = {
		[SP_READY] = "GET READY", [SP_REPS] = NULL,
		[SP_HOLD] = "HOLD", [SP_RELAX] = "RELAX", [SP_WORK] = "WORK",
		[SP_EASY] = "EASY", [SP_SWITCH] = "SWITCH SIDES",
		[SP_REST] = "REST", [SP_DONE] = "DONE"
	};
	static const char *tempo[] = { "DOWN", "PAUSE", "UP" };
	const char	*dot = ui_session_sym(" \xc2\xb7 ", " - ");
	const char	*side = ui_session_side(v->side);
	size_t		 n = 0;

	buf[0] = '\0';
	if (v->paused)
		n += snprintf(buf + n, len - n, "PAUSED%s", dot);
	if (names[v->phase] != NULL && n < len)
		n += snprintf(buf + n, len - n, "%s%s", names[v->phase], dot);
	if (v->phase == SP_REPS && v->tempo_on && n < len)
		n += snprintf(buf + n, len - n, "%s%s", tempo[v->tempo], dot);
	if (v->phase == SP_REST && n < len)
		n += snprintf(buf + n, len - n, "next: ");
	if (v->phase == SP_SWITCH && n < len)
		n += snprintf(buf + n, len - n, "now ");
	if (v->phase == SP_SWITCH && side != NULL && n < len)
		snprintf(buf + n, len - n, "%s", side);
	else if (n < len) {
		n += snprintf(buf + n, len - n, "Set %d of %d", v->set,
		    v->nsets);
		if (side != NULL && n < len)
			snprintf(buf + n, len - n, "%s%s", dot, side);
	}
}

/* The counter: reps so far, or what is left of a countdown. */
static void
ui_session_count(const struct sess_view *v, char *buf, size_t len)
{
	if (v->phase == SP_REPS || v->phase == SP_DONE)
		snprintf(buf, len, "%d", v->rep);
	else
		ui_mmss(v->left_ms, buf, len);
}

/*
 * What goes under the counter, or stands for it when there is no room for
 * big digits: "3 of 10 reps", "0:25 of 0:30, hold 2 of 3", ...
 */
static void
ui_session_sublabel(const struct sess_view *v, bool big, char *buf,
    size_t len)
{
	const char	  *dot = ui_session_sym(" \xc2\xb7 ", ", ");
	char		   left[16], all[16];
	size_t		   n;

	buf[0] = '\0';
	if (v->phase == SP_DONE)
		return;
	if (v->phase == SP_REPS) {
		n = snprintf(buf, len, "%d of %d reps", v->rep, v->reps);
		if (v->tempo_on && n < len)
			snprintf(buf + n, len - n, "%scounted for you", dot);
		else if (big && !v->paused && n < len)
			snprintf(buf + n, len - n, "%sEnter counts", dot);
		return;
	}
	ui_mmss(v->left_ms, left, sizeof left);
	ui_mmss(v->phase_ms, all, sizeof all);
	n = snprintf(buf, len, "%s of %s", left, all);
	if (n >= len)
		return;
	if ((v->phase == SP_HOLD || v->phase == SP_RELAX) && v->reps > 1)
		snprintf(buf + n, len - n, "%shold %d of %d", dot,
		    v->rep + (v->phase == SP_HOLD), v->reps);
	else if (v->phase == SP_WORK || v->phase == SP_EASY)
		snprintf(buf + n, len - n, "%sround %d of %d", dot, v->round,
		    v->rounds);
}

/* One line about an item: "Wall sit, 3 x 30 s hold". */
static void
ui_session_item_str(const struct ui_session *st, size_t item, char *buf,
    size_t len)
{
	const struct sess_item	*it = &st->items[item];
	char			 dose[128];

	catalog_dose_str(it->step->ex, &it->dose, dose, sizeof dose);
	snprintf(buf, len, "%s, %s", it->step->ex->name, dose);
}

/*
 * The routine's name on the left, where you are on the right: the
 * longest form that leaves the name whole, else the shortest.
 */
static void
ui_session_header(const struct ui_session *st, const struct sess_view *v,
    int x, int w)
{
	char	right[3][96];
	int	rw = 0, el, left, i;

	el = (int)(v->elapsed_ms / 60000);
	left = (int)((v->remaining_ms + 59999) / 60000);
	snprintf(right[0], sizeof right[0], "exercise %zu of %zu  %d min in  "
	    "about %d min left", v->item + 1, v->nitems, el, left);
	snprintf(right[1], sizeof right[1], "%zu/%zu  %d min  ~%d min left",
	    v->item + 1, v->nitems, el, left);
	snprintf(right[2], sizeof right[2], "%zu/%zu", v->item + 1,
	    v->nitems);
	for (i = 0; i < 3; i++) {
		rw = ui_width(right[i]);
		if (ui_width(st->rt->name) + 2 + rw <= w)
			break;
	}
	if (i == 3)
		rw = ui_width(right[--i]);
	ui_print(0, x + w - rw, rw, UR_DIM, right[i]);
	ui_print_short(0, x, w - rw - 2, UR_TITLE, st->rt->name);
}

/*
 * Decide which parts fit in LINES x COLS, dropping cues first; then grow
 * the digits into the rows left, for someone on a mat a few metres away.
 */
static void
ui_session_layout(const struct ui_session *st, const struct sess_view *v,
    const char *count, struct uis_layout *l)
{
	const struct exercise	*ex = st->items[v->item].step->ex;
	const struct dose	*d = &st->items[v->item].dose;
	int			 spare;

	memset(l, 0, sizeof *l);
	/* header, name, status, counter, next; the key bar. */
	spare = LINES - 6;
	l->notice = st->error != NULL || st->ask != UIS_ASK_NONE;
	if (l->notice)
		spare--;
	if (ui_session_countdown(v) && spare >= 1) {
		l->bar = true;
		spare--;
	}
	if (spare >= 5 && COLS >= ui_big_width(count, 1) + 4) {
		l->scale = 1;
		spare -= 5;
	}
	if (ex->nlevels > 0 && d->level > 0 && spare >= 1) {
		l->level = true;
		spare--;
	}
	l->ncues = (int)ex->ncues < spare ? (int)ex->ncues : spare;
	spare -= l->ncues;
	if (spare >= 1) {
		l->rule = true;
		spare--;
	}
	/*
	 * Rows are counted as if the bar were there, so that the digits keep
	 * their size from a rest to the reps. They take at most two fifths
	 * of the lines: the name, set and cues stay easy to find, and 80x24
	 * keeps the 5-row digits.
	 */
	if (!l->bar)
		spare--;
	while (l->scale > 0 && spare >= 5 &&
	    5 * (l->scale + 1) <= 2 * LINES / 5 &&
	    COLS >= ui_big_width(count, l->scale + 1) + 4) {
		l->scale++;
		spare -= 5;
	}
	l->top = 2 + l->rule + l->level + l->ncues;
}

/* The session is over, and not all of it is saved yet. */
static void
ui_session_draw_unsaved(const struct ui_session *st)
{
	int	x = COLS >= 40 ? 2 : 0, w = COLS - 2 * x, mid;

	ui_print(0, x, w, UR_TITLE, st->rt->name);
	mid = (LINES - 4) / 2;
	ui_center(mid, UR_ACCENT, st->completed ? "SESSION DONE" :
	    "SESSION ENDED");
	ui_center(mid + 2, UR_NORMAL, "Waiting to save it; nothing is lost "
	    "while this screen is open.");
	if (st->ask == UIS_ASK_DROP)
		ui_center(LINES - 3, UR_BAD, "Leave without saving them? "
		    "They will be lost. (y/n)");
	else if (st->error != NULL)
		ui_print(LINES - 3, x, w, UR_WARN, st->error);
}

static void
ui_session_draw(void *arg)
{
	struct ui_session	*st = arg;
	struct sess_view	 v;
	struct uis_layout	 l;
	const struct sess_item	*it;
	const struct exercise	*ex;
	const char		*sym;
	char			 buf[256], count[32], cue[1024];
	int			 x, w, y, i, mid, need, bottom;

	if (st->ask == UIS_ASK_UNSAVED || st->ask == UIS_ASK_DROP) {
		ui_session_draw_unsaved(st);
		return;
	}
	session_view(st->s, ui_now_ms(), &v);
	if (v.item >= v.nitems)
		return;
	it = &st->items[v.item];
	ex = it->step->ex;
	ui_session_count(&v, count, sizeof count);
	ui_session_layout(st, &v, count, &l);
	x = COLS >= 40 ? 2 : 0;
	w = COLS - 2 * x;

	ui_session_header(st, &v, x, w);
	y = 1;
	if (l.rule)
		ui_hline(y++, x, w, UR_DIM);
	ui_print(y++, x, w, UR_TITLE, ex->name);
	if (l.level) {
		snprintf(buf, sizeof buf, "Level %d of %zu: ", it->dose.level,
		    ex->nlevels);
		ui_print_name(y++, x, w, UR_DIM, buf,
		    ex->levels[it->dose.level - 1], "");
	}
	/* A cue too long for its line ends in "…", not at the edge. */
	sym = ui_session_sym("\xe2\x80\xa2 ", "- ");
	for (i = 0; i < l.ncues; i++) {
		ui_shorten(ex->cues[i], w - ui_width(sym), false, cue,
		    sizeof cue);
		ui_printf(y++, x, w, UR_NORMAL, "%s%s", sym, cue);
	}

	/* The middle: status, counter, bar; centred between top and bottom. */
	bottom = LINES - 2 - l.notice;
	need = 1 + 5 * l.scale + 1 + l.bar;
	mid = l.top + (bottom - l.top - need) / 2;
	if (mid < l.top)
		mid = l.top;
	ui_session_status(&v, buf, sizeof buf);
	ui_center(mid++, v.paused ? UR_WARN : UR_ACCENT, buf);
	if (l.scale > 0) {
		ui_big(mid, (COLS - ui_big_width(count, l.scale)) / 2,
		    l.scale, UR_ACCENT, count);
		mid += 5 * l.scale;
	}
	ui_session_sublabel(&v, l.scale > 0, buf, sizeof buf);
	ui_center(mid++, l.scale > 0 ? UR_NORMAL : UR_ACCENT, buf);
	if (l.bar)
		ui_bar(mid, x, w, v.phase_ms - v.left_ms, v.phase_ms,
		    UR_ACCENT);

	if (l.notice && st->ask == UIS_ASK_QUIT)
		ui_center(LINES - 3, UR_WARN, st->sets_saved > 0 ?
		    "End the session? The sets done are kept. (y/n)" :
		    "End the session? (y/n)");
	else if (l.notice && st->error != NULL)
		ui_print(LINES - 3, x, w, UR_WARN, st->error);
	if (v.next_item < v.nitems) {
		ui_session_item_str(st, v.next_item, buf, sizeof buf);
		ui_print_name(LINES - 2, x, w, UR_DIM, "Next: ", buf, "");
	} else
		ui_print(LINES - 2, x, w, UR_DIM, "Next: the end of the session");
}

/* --- keys and time --------------------------------------------------- */

static const struct ui_key *
ui_session_keys(void *arg)
{
	struct ui_session	*st = arg;
	struct sess_view	 v;

	if (st->ask == UIS_ASK_QUIT)
		return uis_keys_ask;
	if (st->ask == UIS_ASK_UNSAVED)
		return uis_keys_unsaved;
	if (st->ask == UIS_ASK_DROP)
		return uis_keys_drop;
	session_view(st->s, ui_now_ms(), &v);
	if (v.paused)
		return uis_keys_paused;
	switch (v.phase) {
	case SP_REPS:
		return v.tempo_on ? uis_keys_tempo : uis_keys_reps;
	case SP_READY:
	case SP_SWITCH:
		return uis_keys_ready;
	case SP_REST:
		return uis_keys_rest;
	default:
		return uis_keys_timer;
	}
}

static void
ui_session_ask_quit(struct ui_session *st)
{
	struct sess_view	v;

	session_view(st->s, ui_now_ms(), &v);
	st->ask = UIS_ASK_QUIT;
	/* The clock stands still while the question is open. */
	st->paused_by_ask = !v.paused;
	if (st->paused_by_ask)
		session_key(st->s, SK_PAUSE, ui_now_ms());
}

/*
 * The help covers the counter: the clock stops while it is open, and
 * stays stopped once it closes, so that the person is back in position
 * before `p` starts it again.
 */
static const char *
ui_session_help(void *arg)
{
	struct ui_session	*st = arg;
	struct sess_view	 v;

	if (st->ask != UIS_ASK_NONE)
		return NULL;
	session_view(st->s, ui_now_ms(), &v);
	if (v.phase == SP_DONE)
		return NULL;
	if (!v.paused)
		session_key(st->s, SK_PAUSE, ui_now_ms());
	/* A phase that ended on the way is acted on, as for any key. */
	if (ui_session_drain(st)) {
		ui_session_finish(st, true);
		return NULL;
	}
	return "Clock paused: p resumes";
}

static void
ui_session_answer(struct ui_session *st, const struct ui_event *ev)
{
	if (ev->action == UA_CHAR && (ev->ch == 'y' || ev->ch == 'Y')) {
		ui_session_stop(st);
		return;
	}
	st->ask = UIS_ASK_NONE;
	if (st->paused_by_ask)
		session_key(st->s, SK_PAUSE, ui_now_ms());
	st->paused_by_ask = false;
}

/* The session is over and some of it is not saved yet. */
static void
ui_session_unsaved_key(struct ui_session *st, const struct ui_event *ev)
{
	bool	yes = ev->action == UA_CHAR && (ev->ch == 'y' || ev->ch == 'Y');

	ui_dirty();
	if (st->ask == UIS_ASK_DROP) {
		if (yes)
			ui_session_close(st);	/* the leave logs them */
		else
			st->ask = UIS_ASK_UNSAVED;
		return;
	}
	if (ev->action == UA_ENTER)
		ui_session_finish(st, st->completed);
	else if (ev->action == UA_QUIT)
		st->ask = UIS_ASK_DROP;
}

static void
ui_session_key(void *arg, const struct ui_event *ev)
{
	struct ui_session	*st = arg;
	enum sess_key		 k;

	if (st->ask == UIS_ASK_QUIT) {
		ui_session_answer(st, ev);
		return;
	}
	if (st->ask == UIS_ASK_UNSAVED || st->ask == UIS_ASK_DROP) {
		ui_session_unsaved_key(st, ev);
		return;
	}
	switch (ev->action) {
	case UA_ENTER:
		k = SK_ENTER;
		break;
	case UA_PAUSE:
		k = SK_PAUSE;
		break;
	case UA_SKIP:
		k = SK_SKIP;
		break;
	case UA_UNDO:
		k = SK_UNDO;
		break;
	case UA_LEFT:
		k = SK_BACK;
		break;
	case UA_RIGHT:
		k = SK_SKIP_EXERCISE;
		break;
	case UA_PLUS:
		k = SK_REST_MORE;
		break;
	case UA_MINUS:
		k = SK_REST_LESS;
		break;
	case UA_QUIT:
		ui_session_ask_quit(st);
		return;
	case UA_CHAR:
		if (ev->ch == 'b')
			k = SK_BACK;
		else if (ev->ch == 'n')
			k = SK_SKIP_EXERCISE;
		else
			return;
		break;
	default:
		return;
	}
	session_key(st->s, k, ui_now_ms());
	if (ui_session_drain(st))
		ui_session_finish(st, true);
}

static int64_t
ui_session_wake(void *arg, int64_t now)
{
	struct ui_session	*st = arg;

	if (st->ask == UIS_ASK_UNSAVED || st->ask == UIS_ASK_DROP)
		return st->retry_at;
	return session_next_wake(st->s, now);
}

static void
ui_session_tick(void *arg, int64_t now)
{
	struct ui_session	*st = arg;

	if (st->ask == UIS_ASK_UNSAVED || st->ask == UIS_ASK_DROP) {
		if (now >= st->retry_at)
			ui_session_finish(st, st->completed);
		return;
	}
	session_advance(st->s, now);
	ui_dirty();
	if (ui_session_drain(st))
		ui_session_finish(st, true);
}

/*
 * What the history holds of the session: its sets (a set done again
 * after `b` replaced the first) and whether the pain form (or `rehabit
 * pain`) recorded pain for it. False when it cannot be read.
 */
static bool
ui_session_stored(struct store *db, int64_t sid, int *sets, bool *pain)
{
	struct history	h;
	size_t		i;
	bool		ok = false;

	history_init(&h);
	if (store_load_session(db, sid, &h) == 0 && h.ns == 1) {
		*sets = 0;
		for (i = 0; i < h.s[0].nex; i++)
			*sets += (int)h.s[0].ex[i].ndone;
		*pain = h.s[0].pain_during != PAIN_NONE ||
		    h.s[0].pain_after != PAIN_NONE;
		ok = true;
	}
	history_free(&h);
	return ok;
}

/*
 * Runs in ui_end(), on the terminal given back: what the last session
 * kept. Nothing when it was done and its pain recorded (the summary
 * said it all).
 */
static void
ui_session_farewell(void)
{
	bool	has = false, known = false;
	int	n = uis_kept.sets;

	if (!uis_kept.ended)
		return;
	uis_kept.ended = false;
	if (uis_kept.sid != 0)
		known = ui_session_stored(uis_kept.db, uis_kept.sid, &n, &has);
	if (uis_kept.completed && uis_kept.lost == 0 && (has || !known))
		return;
	printf("Session %s: ", uis_kept.completed ? "done" : "stopped early");
	if (n == 0 && uis_kept.lost == 0)
		printf("no set was done, nothing is saved.\n");
	else
		printf("%d set%s saved.\n", n, n == 1 ? "" : "s");
	if (uis_kept.lost > 0)
		printf("%zu set%s could not be saved (the log file says "
		    "why).\n", uis_kept.lost, uis_kept.lost == 1 ? "" : "s");
	if (known && !has)
		printf("No pain is recorded for %s yet: 'rehabit pain' records "
		    "it (within 24 hours).\n", n == 1 ? "it" : "them");
	fflush(stdout);
}

/*
 * The screen is closed: by ui_session_finish(), or because the program
 * ends (a signal). In the second case the partial session is kept.
 */
static void
ui_session_leave(void *arg)
{
	struct ui_session	*st = arg;

	if (!st->finished) {
		if (st->end == 0) {
			session_stop(st->s, ui_now_ms());
			ui_session_drain(st);
			st->end = (int64_t)time(NULL);
		}
		ui_session_end_store(st);
	}
	ui_session_log_unsaved(st);
	uis_kept.db = st->app->store;
	uis_kept.sid = st->sid;
	uis_kept.sets = st->sets_saved;
	uis_kept.lost = st->npending;
	uis_kept.completed = st->completed;
	uis_kept.ended = true;
	/* stderr is the log file while curses runs. */
	fprintf(stderr, "rehabit: session: %d cues, the latest %lld ms after "
	    "its moment\n", st->ncues, (long long)st->late_ms);
	session_free(st->s);
	free(st->items);
	free(st->error);
	free(st->pending);
	free(st);
}

void
ui_session_open(struct app *app, const struct routine *rt)
{
	struct ui_session	*st;
	time_t			 t;

	st = xcalloc(1, sizeof *st);
	st->app = app;
	st->rt = rt;
	st->items = ui_session_items(st);
	st->plan.routine = rt;
	st->plan.items = st->items;
	st->plan.nitems = rt->nsteps;
	st->plan.ready_secs = app->cfg != NULL ? app->cfg->ready :
	    CONF_DEFAULT_READY;
	st->plan.switch_secs = app->cfg != NULL ? app->cfg->switch_secs :
	    CONF_DEFAULT_SWITCH;
	t = time(NULL);
	st->start = (int64_t)t;
	st->utc_off = calendar_offset(t);
	/*
	 * The sound worker lives until the screens end, so that the last
	 * cue plays out over the summary and the pain form.
	 */
	if (!uis_cue_on) {
		cue_init(app->opts->sound && (app->cfg == NULL ||
		    app->cfg->sound), ui_session_bell);
		ui_on_end(ui_session_cue_end);
		uis_cue_on = true;
	}
	ui_on_end(ui_session_farewell);
	if (app->store != NULL)
		store_busy_timeout(app->store, UIS_BUSY_MS);
	st->s = session_new(&st->plan, ui_now_ms());
	ui_push(&ui_session_screen, st);
	/* The first phase may already have cues (work starts at once). */
	ui_session_drain(st);
}
