/*
 * ui-redflag.c - asked before a session starts while a red flag stands
 * (swelling, locking, giving way, night pain, an injury, reported in the
 * last two weeks and not cleared by a physiotherapist). Nothing is due
 * then, and the person is told to see a physiotherapist; starting anyway
 * is their choice, so the screen says which gentle work is still fine
 * and asks: y starts the session, n goes back.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "calendar.h"
#include "history.h"
#include "progression.h"
#include "ui.h"
#include "xmalloc.h"

struct redflag {
	struct app		*app;
	const struct routine	*rt;
	unsigned		 flags;
	int64_t			 day;
};

static const struct ui_key redflag_keys[] = {
	{ "y", "start anyway" }, { "n", "not now" }, { "?", "help" },
	{ NULL, NULL }
};

/* Mobility work only: gentle, and no load on a knee that may be hurt. */
static bool
redflag_gentle(const struct routine *rt)
{
	size_t	i;

	for (i = 0; i < rt->nsteps; i++)
		if (rt->steps[i].ex == NULL ||
		    rt->steps[i].ex->focus != FOCUS_MOBILITY)
			return false;
	return rt->nsteps > 0;
}

/* The library's gentle routines by name: "Mobility, Knee mobility". */
static void
redflag_gentle_names(const struct catalog *cat, char *buf, size_t len)
{
	size_t	i, n;

	buf[0] = '\0';
	for (i = 0; i < cat->nrt; i++) {
		if (!redflag_gentle(&cat->rt[i]))
			continue;
		n = strlen(buf);
		snprintf(buf + n, len - n, "%s%s", n > 0 ? ", " : "",
		    cat->rt[i].name);
	}
}

static void
redflag_draw(void *state)
{
	struct redflag	*rf = state;
	char		 names[128], day[16], text[512], gentle[256];
	unsigned	 f;
	size_t		 n = 0;
	int		 y = 2, w = COLS - 2, maxy = LINES - 2;

	names[0] = '\0';
	for (f = 1; f < (1u << FLAG_COUNT); f <<= 1)
		if (rf->flags & f)
			n += (size_t)snprintf(names + n, sizeof names - n,
			    "%s%s", n > 0 ? ", " : "", history_flag_name(f));
	calendar_date(rf->day, day, sizeof day);
	ui_print(0, 1, w, UR_TITLE, "rehabit");
	ui_print(y++, 1, w, UR_BAD, "See a physiotherapist first.");
	snprintf(text, sizeof text, "You reported %s (last on %s). These are "
	    "not exercise problems: have the knee checked before training "
	    "it.", names, day);
	y = ui_wrap(y, 1, w, maxy, UR_WARN, text) + 1;
	if (redflag_gentle(rf->rt))
		snprintf(text, sizeof text, "%s is gentle mobility work: still "
		    "fine meanwhile, as long as the knee does not hurt more.",
		    rf->rt->name);
	else {
		redflag_gentle_names(rf->app->cat, gentle, sizeof gentle);
		snprintf(text, sizeof text, "%s loads the knee. Still fine "
		    "meanwhile: gentle mobility work%s%s%s, and walking, "
		    "cycling or swimming if they do not hurt.", rf->rt->name,
		    gentle[0] != '\0' ? " (" : "", gentle,
		    gentle[0] != '\0' ? ")" : "");
	}
	y = ui_wrap(y, 1, w, maxy, UR_NORMAL, text) + 1;
	ui_print_name(y++, 1, w, UR_ACCENT, "Start ", rf->rt->name,
	    " anyway?");
	if (y + 1 < maxy)
		ui_wrap(y + 1, 1, w, maxy, UR_DIM, "Seen one? Say so on the "
		    "home screen (c) or with 'rehabit pain --cleared'.");
}

static void
redflag_key(void *state, const struct ui_event *ev)
{
	struct redflag		*rf = state;
	struct app		*app = rf->app;
	const struct routine	*rt = rf->rt;

	ui_dirty();
	if (ev->action == UA_CHAR && (ev->ch == 'y' || ev->ch == 'Y')) {
		ui_pop();		/* frees rf */
		ui_session_open(app, rt);
	} else if ((ev->action == UA_CHAR && (ev->ch == 'n' ||
	    ev->ch == 'N')) || ev->action == UA_BACK ||
	    ev->action == UA_QUIT)
		ui_pop();
}

static const struct ui_key *
redflag_key_list(void *state)
{
	(void)state;
	return redflag_keys;
}

static void
redflag_leave(void *state)
{
	free(state);
}

static const struct ui_screen redflag_screen = {
	.name = "red-flag",
	.draw = redflag_draw,
	.key = redflag_key,
	.leave = redflag_leave,
	.keys = redflag_key_list,
};

bool
ui_redflag_open(struct app *app, const struct history *h,
    const struct routine *rt, int64_t now, int utc_off)
{
	struct redflag	*rf;
	unsigned	 flags;
	int64_t		 day;

	if ((flags = progression_red_flags(h, now, utc_off, &day)) == 0)
		return false;
	rf = xcalloc(1, sizeof *rf);
	rf->app = app;
	rf->rt = rt;
	rf->flags = flags;
	rf->day = day;
	ui_push(&redflag_screen, rf);
	return true;
}
