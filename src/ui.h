/*
 * ui.h - the ncurses side: one event loop, a stack of screens, colours by
 * role, and the small widgets every screen shares.
 *
 * A screen is a const table of callbacks (tmux's window_mode style) with
 * its own state. The loop draws the top screen only when something marked
 * it dirty, then sleeps in poll() until the next key, signal or the
 * earliest deadline the screen asks for: no busy loop, no fixed-rate
 * polling.
 */
#ifndef REHABIT_UI_H
#define REHABIT_UI_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <curses.h>

/* What a key means. Screens dispatch on actions, not raw keys. */
enum ui_action {
	UA_NONE,
	UA_ENTER,	/* Enter: count a rep, confirm */
	UA_BACK,	/* Esc, Backspace: go back */
	UA_QUIT,	/* q */
	UA_HELP,	/* ? */
	UA_PAUSE,	/* p */
	UA_SKIP,	/* s */
	UA_UNDO,	/* u */
	UA_UP,
	UA_DOWN,
	UA_LEFT,
	UA_RIGHT,
	UA_PLUS,	/* + */
	UA_MINUS,	/* - */
	UA_DIGIT,	/* 0-9, value in ev->digit */
	UA_CHAR		/* any other key, in ev->ch */
};

struct ui_event {
	enum ui_action	action;
	int		ch;	/* the raw key (wide char or KEY_*) */
	int		digit;
};

/* Colours are looked up by what is drawn, never by raw colour pair. */
enum ui_role {
	UR_NORMAL,
	UR_TITLE,	/* routine and exercise names */
	UR_DIM,		/* secondary text */
	UR_KEY,		/* key names in the key bar */
	UR_ACCENT,	/* the big counter, the current item */
	UR_GOOD,	/* green pain band, done */
	UR_WARN,	/* amber */
	UR_BAD,		/* red, advice to see a physiotherapist */
	UR_COUNT
};

/* One line of a screen's key list: shown in the key bar and by `?`. */
struct ui_key {
	const char	*key;	/* "Enter", "p", "+/-" */
	const char	*what;	/* "count a rep" */
};

struct ui_screen {
	const char	*name;
	/* Draw everything on stdscr (already erased). */
	void		(*draw)(void *state);
	/* Handle one event. */
	void		(*key)(void *state, const struct ui_event *);
	/*
	 * Optional: the next monotonic ms at which the screen must run
	 * tick(), or INT64_MAX. Called before every sleep.
	 */
	int64_t		(*wake)(void *state, int64_t now_ms);
	void		(*tick)(void *state, int64_t now_ms);
	/* Optional: the screen is closed (popped, or the program ends). */
	void		(*leave)(void *state);
	/* Keys for the key bar and `?`; may change with the state. */
	const struct ui_key *(*keys)(void *state);
	/* Optional: true while the screen takes text ('?' is a letter). */
	bool		(*typing)(void *state);
	/*
	 * Optional: `?` opens the help over the screen, which hides what it
	 * shows (a session pauses its clock). Returns a line for the help to
	 * show under the keys, or NULL.
	 */
	const char	*(*help)(void *state);
};

struct ui_opts {
	bool	color;		/* false: monochrome (--no-color, NO_COLOR) */
	bool	ascii;		/* force ASCII glyphs */
};

/*
 * Start curses (stderr goes to the log file first: ALSA and others write
 * there), and give the terminal back on every way out: ui_end(), a fatal
 * error, SIGINT/SIGTERM/SIGHUP.
 */
void	ui_init(const struct ui_opts *);
void	ui_end(void);
/*
 * Run fn once in ui_end(), after the terminal is given back and before
 * stderr leaves the log file (e.g. to stop the sound worker, which may
 * wait for a sound to finish). Hooks run newest first.
 */
void	ui_on_end(void (*fn)(void));

/* Screens: the loop runs the top one until the stack is empty. */
void	ui_push(const struct ui_screen *, void *state);
void	ui_pop(void);
/*
 * Run until the stack is empty. Returns 0, or 128 + the signal that ended
 * it (the caller exits with that after ui_end()).
 */
int	ui_run(void);
/* The top screen's state changed: draw again before the next sleep. */
void	ui_dirty(void);

int64_t	ui_now_ms(void);
bool	ui_utf8(void);
attr_t	ui_attr(enum ui_role);
/* Print a (UTF-8) string at y, x clipped to `width` columns. */
int	ui_print(int y, int x, int width, enum ui_role, const char *);
int	ui_printf(int y, int x, int width, enum ui_role, const char *, ...)
	    __attribute__((format(printf, 5, 6)));
/*
 * Shorten a string to `width` columns into buf: cut in the middle
 * ("Runner's knee...phase 2") so that the end that tells names apart
 * stays, or at the end if !middle; "..." without UTF-8. Words are kept
 * whole where that loses little. Returns the width of buf.
 */
int	ui_shorten(const char *, int width, bool middle, char *buf,
	    size_t len);
/* ui_print() with what does not fit cut from the middle (ui_shorten). */
int	ui_print_short(int y, int x, int width, enum ui_role, const char *);
/*
 * pre, name and post on one line: the name shortened (ui_shorten) so that
 * what comes after it ("After Mobility, Thu 26 Nov.") stays whole.
 */
int	ui_print_name(int y, int x, int width, enum ui_role, const char *pre,
	    const char *name, const char *post);
/*
 * Print s from line y on, broken between words into lines of `width`
 * columns, above line maxy; returns the line after the last one used.
 */
int	ui_wrap(int y, int x, int width, int maxy, enum ui_role,
	    const char *);
/* The lines ui_wrap() breaks s into at `width` columns (s whole). */
int	ui_wrap_lines(int width, const char *);
/* Centre a string on line y. */
void	ui_center(int y, enum ui_role, const char *);
/* A horizontal line: box-drawing characters, or '-' without UTF-8. */
void	ui_hline(int y, int x, int width, enum ui_role);
/* A bar `width` wide, `done` of `total` filled. */
void	ui_bar(int y, int x, int width, int64_t done, int64_t total,
	    enum ui_role);
/*
 * Big digits (and ':'), 5 lines high at scale 1, 5 * scale at larger
 * scales (each dot a square of scale x scale cells); the width of a
 * string in columns at that scale.
 */
int	ui_big_width(const char *, int scale);
void	ui_big(int y, int x, int scale, enum ui_role, const char *);
struct routine;
/*
 * The colour of a pain score in the bands of a routine (NULL: the built-in
 * green up to 2, amber 3-5, red above 5), as progression_band() says.
 */
enum ui_role ui_pain_role(const struct routine *, int score);
/* Its band in words: fine, acceptable, too much. */
const char *ui_pain_band(const struct routine *, int score);
/*
 * Draw the 0-10 pain scale at line y with `score` marked in its colour
 * (PAIN_NONE: none) and its anchors under it; returns the next free line.
 */
int	ui_pain_scale(int y, const struct routine *, int score);
/* Columns a UTF-8 string takes. */
int	ui_width(const char *);
/* Format ms as M:SS (rounded up, as a countdown shows it). */
void	ui_mmss(int64_t ms, char *buf, size_t len);

#define UI_MIN_COLS	30
#define UI_MIN_LINES	8

#endif
