/*
 * ui-pain.c - the pain form: pain during and pain now (0-10), which
 * exercises hurt, the red-flag questions and a note, then a review.
 * Nothing is saved until the review is confirmed, and then all of it at
 * once (store_record_pain is one transaction). Leaving the form loses only
 * the form: the session's sets were saved as they were done.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <wchar.h>

#include "calendar.h"
#include "app.h"
#include "history.h"
#include "store.h"
#include "ui.h"
#include "xmalloc.h"

#define PAIN_NOTE_MAX	200

enum pain_page {
	PP_DURING,
	PP_NOW,
	PP_EXERCISES,
	PP_FLAGS,
	PP_NOTE,
	PP_REVIEW,
	PP_COUNT
};

struct pain_item {
	char		*label;		/* "Step-down (left)" */
	const char	*exercise;	/* in the loaded history */
	enum side	 side;
	int		 pain;		/* 0-10 or PAIN_NONE */
};

struct pain_form {
	struct app		*app;
	int64_t			 session;	/* 0: standalone */
	struct history		 h;
	const char		*title_name;	/* the routine, or NULL */
	const struct routine	*rt;		/* its pain bands, or NULL */
	char			 title[160];	/* after it, or alone */
	enum pain_page		 page;
	int			 during;	/* PAIN_NONE until given */
	int			 now;
	bool			 one;		/* the last key was the digit 1 */
	struct pain_item	*items;
	size_t			 nitems;
	size_t			 cur;		/* exercise or flag under cursor */
	unsigned		 flags;
	wchar_t			 note[PAIN_NOTE_MAX + 1];
	size_t			 note_len;
	size_t			 note_cur;
	char			 error[256];
	bool			*saved;		/* set when saved, if not NULL */
};

/* The red-flag questions, in the order of the FLAG_* bits. */
static const char *pain_flag_questions[FLAG_COUNT] = {
	"Is the knee swollen?",
	"Does the knee lock or catch?",
	"Does the knee give way?",
	"Does it hurt at night or at rest?",
	"Did you fall on or knock the knee?",
};


static const char pain_physio_msg[] =
    "Stop increasing the exercises and see a physiotherapist.";

static const struct ui_key pain_keys_score[] = {
	{ "0-10", "score" }, { "Enter", "next" }, { "Esc", "back" },
	{ "?", "help" }, { NULL, NULL }
};
static const struct ui_key pain_keys_ex[] = {
	{ "Up/Down", "exercise" }, { "0-10", "score" },
	{ "Bksp", "clear" }, { "Enter", "next" }, { "Esc", "back" },
	{ "?", "help" }, { NULL, NULL }
};
static const struct ui_key pain_keys_flags[] = {
	{ "y/n", "answer" }, { "Up/Down", "question" }, { "Enter", "next" },
	{ "Esc", "back" }, { "?", "help" }, { NULL, NULL }
};
static const struct ui_key pain_keys_note[] = {
	{ "type", "the note" }, { "Enter", "next" }, { "Esc", "back" },
	{ NULL, NULL }
};
static const struct ui_key pain_keys_review[] = {
	{ "Enter", "save" }, { "Esc", "back" }, { "q", "leave, save nothing" },
	{ "?", "help" }, { NULL, NULL }
};

static void	pain_key_score(struct pain_form *, const struct ui_event *);
static void	pain_key_exercises(struct pain_form *,
		    const struct ui_event *);
static void	pain_key_flags(struct pain_form *, const struct ui_event *);
static void	pain_key_note(struct pain_form *, const struct ui_event *);
static void	pain_key_review(struct pain_form *, const struct ui_event *);
static void	pain_draw_score_page(struct pain_form *, int);
static void	pain_draw_exercises(struct pain_form *, int);
static void	pain_draw_flags(struct pain_form *, int);
static void	pain_draw_note(struct pain_form *, int);
static void	pain_draw_review(struct pain_form *, int);

/* Each page: its title, keys, and how it takes a key and draws. */
static const struct pain_page_def {
	const char		*title;
	const struct ui_key	*keys;
	void			(*key)(struct pain_form *,
				    const struct ui_event *);
	void			(*draw)(struct pain_form *, int);
} pain_pages[PP_COUNT] = {
	[PP_DURING] = { "Pain during the session", pain_keys_score,
	    pain_key_score, pain_draw_score_page },
	[PP_NOW] = { "Pain now", pain_keys_score, pain_key_score,
	    pain_draw_score_page },
	[PP_EXERCISES] = { "Which exercises hurt? (optional)", pain_keys_ex,
	    pain_key_exercises, pain_draw_exercises },
	[PP_FLAGS] = { "Warning signs", pain_keys_flags, pain_key_flags,
	    pain_draw_flags },
	[PP_NOTE] = { "A note (optional)", pain_keys_note, pain_key_note,
	    pain_draw_note },
	[PP_REVIEW] = { "Check and save", pain_keys_review, pain_key_review,
	    pain_draw_review },
};

static bool
pain_page_used(const struct pain_form *f, enum pain_page p)
{
	if (p == PP_DURING)
		return f->session != 0;
	if (p == PP_EXERCISES)
		return f->nitems > 0;
	return true;
}

static void
pain_goto(struct pain_form *f, int dir)
{
	int	p = (int)f->page;

	do
		p += dir;
	while (p >= 0 && p < PP_COUNT && !pain_page_used(f, p));
	f->one = false;
	f->cur = 0;
	f->error[0] = '\0';
	if (p < 0) {
		/* Back from the first page: leave, saving nothing. */
		ui_pop();
		return;
	}
	f->page = p;
	if (p == PP_NOTE)
		f->note_cur = f->note_len;
	ui_dirty();
}

/* A digit on a score: 1 then 0 makes 10. */
static void
pain_digit(struct pain_form *f, int *score, int digit)
{
	if (f->one && digit == 0)
		*score = 10;
	else
		*score = digit;
	f->one = digit == 1 && *score == 1;
}

static void
pain_adjust(int *score, int by)
{
	if (*score == PAIN_NONE)
		*score = by > 0 ? 0 : 10;
	else
		*score += by;
	if (*score < 0)
		*score = 0;
	if (*score > 10)
		*score = 10;
}

/* --- saving -------------------------------------------------------- */

static char *
pain_note_utf8(const struct pain_form *f)
{
	mbstate_t	 st;
	char		*s, *p;
	size_t		 i, n;

	if (f->note_len == 0)
		return NULL;
	s = p = xmalloc(f->note_len * MB_CUR_MAX + 1);
	memset(&st, 0, sizeof st);
	for (i = 0; i < f->note_len; i++) {
		n = wcrtomb(p, f->note[i], &st);
		if (n != (size_t)-1)
			p += n;
	}
	*p = '\0';
	return s;
}

static void
pain_save(struct pain_form *f)
{
	struct pain_input	 in;
	struct pain_result	 res;
	struct pain_ex		*ex;
	time_t			 now = time(NULL);
	size_t			 i, n = 0;
	char			*note;
	int			 rc;

	memset(&in, 0, sizeof in);
	in.session = f->session;
	in.during = f->during;
	in.after = f->now;
	in.morning = PAIN_NONE;
	in.flags = f->flags;
	in.note = note = pain_note_utf8(f);
	in.at = now;
	in.utc_off = calendar_offset(now);
	ex = xcalloc(f->nitems + 1, sizeof *ex);
	for (i = 0; i < f->nitems; i++) {
		if (f->items[i].pain == PAIN_NONE)
			continue;
		ex[n].exercise = f->items[i].exercise;
		ex[n].side = f->items[i].side;
		ex[n].score = f->items[i].pain;
		n++;
	}
	in.ex = ex;
	in.nex = n;
	rc = store_record_pain(f->app->store, &in, &res);
	free(ex);
	free(note);
	if (rc != 0 && store_fault(f->app->store) == STORE_FAULT_NOTE_FULL) {
		/* Nothing is wrong with the history: say what to change. */
		snprintf(f->error, sizeof f->error, "Not saved: the session's "
		    "note has no room for this one. Shorten it.");
		ui_dirty();
		return;
	}
	if (rc != 0) {
		/* Keep the answers: the person may try again or leave. */
		snprintf(f->error, sizeof f->error, "Not saved: %s",
		    store_error(f->app->store));
		ui_dirty();
		return;
	}
	if (f->saved != NULL)
		*f->saved = true;
	ui_pop();
}

/* --- keys ---------------------------------------------------------- */

static void
pain_key_score(struct pain_form *f, const struct ui_event *ev)
{
	int	*score = f->page == PP_DURING ? &f->during : &f->now;

	switch (ev->action) {
	case UA_DIGIT:
		pain_digit(f, score, ev->digit);
		return;
	case UA_PLUS:
	case UA_RIGHT:
	case UA_UP:
		pain_adjust(score, 1);
		break;
	case UA_MINUS:
	case UA_LEFT:
	case UA_DOWN:
		pain_adjust(score, -1);
		break;
	case UA_ENTER:
		if (*score == PAIN_NONE) {
			snprintf(f->error, sizeof f->error,
			    "Type a score from 0 to 10 first.");
			break;
		}
		pain_goto(f, 1);
		return;
	case UA_BACK:
		pain_goto(f, -1);
		return;
	case UA_QUIT:
		ui_pop();
		return;
	default:
		break;
	}
	f->one = false;
}

static void
pain_key_exercises(struct pain_form *f, const struct ui_event *ev)
{
	struct pain_item	*it = &f->items[f->cur];

	switch (ev->action) {
	case UA_DIGIT:
		pain_digit(f, &it->pain, ev->digit);
		return;
	case UA_UP:
		if (f->cur > 0)
			f->cur--;
		break;
	case UA_DOWN:
		if (f->cur + 1 < f->nitems)
			f->cur++;
		break;
	case UA_PLUS:
	case UA_RIGHT:
		pain_adjust(&it->pain, 1);
		break;
	case UA_MINUS:
	case UA_LEFT:
		pain_adjust(&it->pain, -1);
		break;
	case UA_ENTER:
		pain_goto(f, 1);
		return;
	case UA_BACK:
		/* Backspace clears a score; Esc (or Backspace on none) goes back. */
		if (ev->ch != 27 && it->pain != PAIN_NONE)
			it->pain = PAIN_NONE;
		else {
			pain_goto(f, -1);
			return;
		}
		break;
	case UA_QUIT:
		ui_pop();
		return;
	default:
		break;
	}
	f->one = false;
}

static void
pain_key_flags(struct pain_form *f, const struct ui_event *ev)
{
	unsigned	bit = 1u << f->cur;

	switch (ev->action) {
	case UA_UP:
		if (f->cur > 0)
			f->cur--;
		break;
	case UA_DOWN:
		if (f->cur + 1 < FLAG_COUNT)
			f->cur++;
		break;
	case UA_LEFT:
	case UA_RIGHT:
		f->flags ^= bit;
		break;
	case UA_ENTER:
		pain_goto(f, 1);
		break;
	case UA_BACK:
		pain_goto(f, -1);
		break;
	case UA_QUIT:
		ui_pop();
		break;
	case UA_CHAR:
		if (ev->ch == 'y' || ev->ch == 'Y')
			f->flags |= bit;
		else if (ev->ch == 'n' || ev->ch == 'N')
			f->flags &= ~bit;
		else
			break;
		/* An answer moves on to the next question. */
		if (f->cur + 1 < FLAG_COUNT)
			f->cur++;
		break;
	default:
		break;
	}
}

/*
 * The note's line editor. Printable keys arrive as whatever action they
 * also mean elsewhere (digits, q, p, space...): the raw key decides here.
 */
static void
pain_key_note(struct pain_form *f, const struct ui_event *ev)
{
	wint_t	ch = (wint_t)ev->ch;

	switch (ev->action) {
	case UA_LEFT:
		if (f->note_cur > 0)
			f->note_cur--;
		return;
	case UA_RIGHT:
		if (f->note_cur < f->note_len)
			f->note_cur++;
		return;
	case UA_UP:
	case UA_DOWN:
		if (ch == 'j' || ch == 'k')
			break;
		return;
	case UA_BACK:
		if (ch == 27 || f->note_cur == 0) {
			pain_goto(f, -1);
			return;
		}
		memmove(&f->note[f->note_cur - 1], &f->note[f->note_cur],
		    (f->note_len - f->note_cur) * sizeof *f->note);
		f->note_cur--;
		f->note_len--;
		return;
	case UA_ENTER:
		if (ch != ' ') {
			pain_goto(f, 1);
			return;
		}
		break;
	default:
		break;
	}
	if (ch < ' ' || ch == 127 || ev->action == UA_NONE ||
	    f->note_len == PAIN_NOTE_MAX || wcwidth((wchar_t)ch) < 0)
		return;
	memmove(&f->note[f->note_cur + 1], &f->note[f->note_cur],
	    (f->note_len - f->note_cur) * sizeof *f->note);
	f->note[f->note_cur++] = (wchar_t)ch;
	f->note_len++;
}

static void
pain_key_review(struct pain_form *f, const struct ui_event *ev)
{
	switch (ev->action) {
	case UA_ENTER:
		pain_save(f);
		break;
	case UA_BACK:
		pain_goto(f, -1);
		break;
	case UA_QUIT:
		ui_pop();
		break;
	default:
		break;
	}
}

static void
pain_key(void *state, const struct ui_event *ev)
{
	struct pain_form	*f = state;

	if (f->page != PP_NOTE && f->page != PP_REVIEW)
		f->error[0] = '\0';
	pain_pages[f->page].key(f, ev);
	ui_dirty();
}

/* --- drawing ------------------------------------------------------- */

static void
pain_draw_score_page(struct pain_form *f, int y)
{
	int	score = f->page == PP_DURING ? f->during : f->now;

	ui_print(y++, 2, COLS - 4, UR_DIM, f->page == PP_DURING ?
	    "How much did the knee hurt at worst while you exercised?" :
	    "How much does it hurt now?");
	y = ui_pain_scale(y + 1, f->rt, score);
	if (score != PAIN_NONE)
		ui_printf(y, 4, COLS - 8, ui_pain_role(f->rt, score),
		    "%d/10: %s", score, ui_pain_band(f->rt, score));
	else
		ui_print(y, 4, COLS - 8, UR_DIM,
		    "Type a digit (1 then 0 for 10).");
}

static void
pain_draw_exercises(struct pain_form *f, int y)
{
	int	rows = LINES - y - 3, first = 0, i, w = 0;
	char	buf[8];

	ui_print(y++, 2, COLS - 4, UR_DIM,
	    "Give a score to any exercise that hurt; Enter when done.");
	y++;
	for (i = 0; i < (int)f->nitems; i++)
		if (ui_width(f->items[i].label) > w)
			w = ui_width(f->items[i].label);
	if (w > COLS - 14)
		w = COLS - 14;
	if (rows < 1)
		rows = 1;
	if ((int)f->cur >= rows)
		first = (int)f->cur - rows + 1;
	for (i = first; i < (int)f->nitems && i - first < rows; i++) {
		const struct pain_item *it = &f->items[i];

		if ((size_t)i == f->cur)
			ui_print(y, 2, 2, UR_ACCENT, ">");
		ui_print_short(y, 4, w, (size_t)i == f->cur ? UR_ACCENT :
		    UR_NORMAL, it->label);
		if (it->pain == PAIN_NONE)
			ui_print(y, 6 + w, 6, UR_DIM, "-");
		else {
			snprintf(buf, sizeof buf, "%d/10", it->pain);
			ui_print(y, 6 + w, 6, ui_pain_role(f->rt, it->pain),
			    buf);
		}
		y++;
	}
}

static int
pain_draw_physio(int y)
{
	/* Whole, over more lines where the terminal is narrow. */
	y = ui_wrap(y, 2, COLS - 4, LINES - 1, UR_BAD, pain_physio_msg);
	return ui_wrap(y, 2, COLS - 4, LINES - 1, UR_DIM,
	    "These are not exercise problems: a professional should look.");
}

static void
pain_draw_flags(struct pain_form *f, int y)
{
	size_t	i;
	int	qw = 0;

	ui_print(y++, 2, COLS - 4, UR_DIM, "Answer y or n.");
	y++;
	for (i = 0; i < FLAG_COUNT; i++)
		if (ui_width(pain_flag_questions[i]) > qw)
			qw = ui_width(pain_flag_questions[i]);
	if (qw > COLS - 11)
		qw = COLS - 11;
	for (i = 0; i < FLAG_COUNT; i++, y++) {
		if (i == f->cur)
			ui_print(y, 2, 2, UR_ACCENT, ">");
		ui_print_short(y, 4, qw, i == f->cur ? UR_ACCENT : UR_NORMAL,
		    pain_flag_questions[i]);
		if (f->flags & (1u << i))
			ui_print(y, 6 + qw, 4, UR_BAD, "yes");
		else
			ui_print(y, 6 + qw, 4, UR_DIM, "no");
	}
	if (f->flags != 0)
		pain_draw_physio(y + 1);
}

static void
pain_draw_note(struct pain_form *f, int y)
{
	int	w = COLS - 6, from = 0, x, i, cw;

	ui_print(y++, 2, COLS - 4, UR_DIM,
	    "Anything worth remembering; Enter when done.");
	y++;
	/* Scroll so that the cursor stays in view. */
	for (;;) {
		for (x = 0, i = from; i < (int)f->note_cur; i++)
			x += (cw = wcwidth(f->note[i])) > 0 ? cw : 0;
		if (x < w || from >= (int)f->note_cur)
			break;
		from++;
	}
	move(y, 3);
	attron(A_UNDERLINE);
	for (x = 0, i = from; i < (int)f->note_len; i++) {
		cw = wcwidth(f->note[i]);
		if (x + (cw > 0 ? cw : 0) > w)
			break;
		if (i == (int)f->note_cur)
			attron(A_REVERSE);
		addnwstr(&f->note[i], 1);
		if (i == (int)f->note_cur)
			attroff(A_REVERSE);
		x += cw > 0 ? cw : 0;
	}
	if (f->note_cur == f->note_len && x < w) {
		attron(A_REVERSE);
		addch(' ');
		attroff(A_REVERSE);
		x++;
	}
	for (; x < w; x++)
		addch(' ');
	attroff(A_UNDERLINE);
	ui_printf(y + 2, 3, COLS - 6, UR_DIM, "%zu of %d characters",
	    f->note_len, PAIN_NOTE_MAX);
}

static void
pain_flags_str(unsigned flags, char *buf, size_t len)
{
	unsigned	bit;
	size_t		n = 0;

	buf[0] = '\0';
	for (bit = 1; bit < (1u << FLAG_COUNT); bit <<= 1) {
		if ((flags & bit) == 0)
			continue;
		n += snprintf(buf + n, n < len ? len - n : 0, "%s%s",
		    n > 0 ? ", " : "", history_flag_name(bit));
	}
	if (n == 0)
		snprintf(buf, len, "none");
}

static void
pain_draw_review(struct pain_form *f, int y)
{
	char	*note, buf[256];
	size_t	 i, n = 0;
	int	 w = COLS - 22;

	if (f->session != 0) {
		ui_print(y, 4, 16, UR_DIM, "Pain during");
		ui_printf(y++, 20, w, ui_pain_role(f->rt, f->during), "%d/10",
		    f->during);
	}
	ui_print(y, 4, 16, UR_DIM, "Pain now");
	ui_printf(y++, 20, w, ui_pain_role(f->rt, f->now), "%d/10",
	    f->now);
	if (f->nitems > 0) {
		buf[0] = '\0';
		for (i = 0; i < f->nitems; i++) {
			if (f->items[i].pain == PAIN_NONE)
				continue;
			n += snprintf(buf + n, n < sizeof buf ?
			    sizeof buf - n : 0, "%s%s %d", n > 0 ? ", " : "",
			    f->items[i].label, f->items[i].pain);
		}
		ui_print(y, 4, 16, UR_DIM, "Exercises");
		ui_print(y++, 20, w, UR_NORMAL, n > 0 ? buf : "none hurt");
	}
	pain_flags_str(f->flags, buf, sizeof buf);
	ui_print(y, 4, 16, UR_DIM, "Warning signs");
	ui_print(y++, 20, w, f->flags != 0 ? UR_BAD : UR_NORMAL, buf);
	note = pain_note_utf8(f);
	ui_print(y, 4, 16, UR_DIM, "Note");
	ui_print(y++, 20, w, UR_NORMAL, note != NULL ? note : "-");
	free(note);
	y++;
	if (f->flags != 0) {
		y = pain_draw_physio(y) + 1;
	}
	ui_print(y, 4, COLS - 8, UR_DIM,
	    "Enter saves; nothing is saved before.");
}

static void
pain_draw(void *state)
{
	struct pain_form	*f = state;
	int			 y = 0, n = 0, k = 0, p;

	for (p = 0; p < PP_COUNT; p++) {
		if (!pain_page_used(f, p))
			continue;
		n++;
		if (p <= (int)f->page)
			k++;
	}
	ui_print(y, 1, COLS - 2, UR_TITLE, "How did it go?");
	if (f->title_name != NULL)
		ui_print_name(y + 1, 1, COLS - 2, UR_DIM, "", f->title_name,
		    f->title);
	else
		ui_wrap(y + 1, 1, COLS - 2, y + 3, UR_DIM, f->title);
	y += 3;
	ui_print(y, 1, COLS - 2, UR_ACCENT, pain_pages[f->page].title);
	ui_printf(y, COLS - 10, 9, UR_DIM, "%d of %d", k, n);
	y += 2;
	pain_pages[f->page].draw(f, y);
	if (f->error[0] != '\0')
		ui_print(LINES - 3, 2, COLS - 4, UR_BAD, f->error);
}

static const struct ui_key *
pain_keys(void *state)
{
	struct pain_form	*f = state;

	return pain_pages[f->page].keys;
}

static void
pain_leave(void *state)
{
	struct pain_form	*f = state;
	size_t			 i;

	for (i = 0; i < f->nitems; i++)
		free(f->items[i].label);
	free(f->items);
	history_free(&f->h);
	free(f);
}

static bool
pain_typing(void *state)
{
	struct pain_form	*f = state;

	return f->page == PP_NOTE;
}

static const struct ui_screen pain_screen = {
	.name = "pain",
	.draw = pain_draw,
	.key = pain_key,
	.leave = pain_leave,
	.keys = pain_keys,
	.typing = pain_typing,
};

/* --- opening ------------------------------------------------------- */

/* One line per exercise and side of the session, in the order done. */
static void
pain_load_items(struct pain_form *f, const struct hist_session *s)
{
	const struct exercise	*ex;
	const char		*name;
	size_t			 i;

	f->items = xcalloc(s->nex + 1, sizeof *f->items);
	for (i = 0; i < s->nex; i++) {
		ex = f->app->cat != NULL ? catalog_exercise(f->app->cat,
		    s->ex[i].exercise) : NULL;
		name = ex != NULL ? ex->name : s->ex[i].exercise;
		if (s->ex[i].side == SIDE_BOTH)
			f->items[i].label = xstrdup(name);
		else
			xasprintf(&f->items[i].label, "%s (%s)", name,
			    history_side_name(s->ex[i].side));
		f->items[i].exercise = s->ex[i].exercise;
		f->items[i].side = s->ex[i].side;
		f->items[i].pain = s->ex[i].pain;
	}
	f->nitems = s->nex;
}

static void
pain_set_title(struct pain_form *f, const struct hist_session *s)
{
	const struct routine	*rt;
	struct tm		 tm;
	time_t			 t;
	char			 when[64];

	if (s == NULL) {
		snprintf(f->title, sizeof f->title, f->session != 0 ?
		    "The last session" :
		    "A pain report on its own (no session in the last day)");
		return;
	}
	t = (time_t)(s->start + s->utc_off);
	if (gmtime_r(&t, &tm) == NULL ||
	    strftime(when, sizeof when, "%a %d %b %H:%M", &tm) == 0)
		snprintf(when, sizeof when, "?");
	f->rt = rt = f->app->cat != NULL ? catalog_routine(f->app->cat,
	    s->routine) : NULL;
	f->title_name = rt != NULL ? rt->name : s->routine;
	snprintf(f->title, sizeof f->title, ", %s", when);
}

void
ui_pain_open(struct app *app, int64_t session, bool *saved)
{
	struct pain_form	*f;
	const struct hist_session *s = NULL;

	f = xcalloc(1, sizeof *f);
	f->app = app;
	f->session = session;
	f->during = f->now = PAIN_NONE;
	f->saved = saved;
	history_init(&f->h);
	/*
	 * Unreadable, the session still gets its report (without the list
	 * of exercises): the store says so on saving if it is really gone.
	 */
	if (session != 0 && store_load_session(app->store, session,
	    &f->h) == 0 && f->h.ns > 0) {
		s = &f->h.s[f->h.ns - 1];
		pain_load_items(f, s);
		/* Start from what was already recorded, if anything. */
		f->during = s->pain_during;
		f->now = s->pain_after;
		f->flags = s->flags;
	}
	pain_set_title(f, s);
	f->page = f->session != 0 ? PP_DURING : PP_NOW;
	ui_push(&pain_screen, f);
}
