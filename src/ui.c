/*
 * ui.c - the event loop, the screen stack, signals, colours and the small
 * widgets the screens share.
 *
 * Signal handlers only set flags and write a byte to a self-pipe that the
 * loop polls beside the terminal, so a resize or SIGTERM wakes the loop at
 * once without any periodic polling.
 */
#include "config.h"

#include <sys/ioctl.h>

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <langinfo.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>
#include <time.h>
#include <unistd.h>
#include <wchar.h>

#include "ui.h"
#include "history.h"
#include "paths.h"
#include "progression.h"
#include "xmalloc.h"

#define UI_MAX_SCREENS	8

struct ui_frame {
	const struct ui_screen	*screen;
	void			*state;
};

static struct ui_frame	ui_stack[UI_MAX_SCREENS];
static int		ui_depth;
static bool		ui_started;
static bool		ui_is_dirty = true;
static bool		ui_help_shown;
/* The keys of the screen as `?` found it, and the screen's line. */
static const struct ui_key *ui_help_list;
static const char	*ui_help_note;
static bool		ui_is_utf8;
static bool		ui_has_color;
static int		ui_saved_stderr = -1;
static SCREEN		*ui_term;
static int		ui_pipe[2] = { -1, -1 };
#define UI_MAX_HOOKS	4
static void		(*ui_end_hooks[UI_MAX_HOOKS])(void);
static int		ui_nhooks;

/* The deadline the loop last slept towards (INT64_MAX: none). */
static int64_t		ui_due = INT64_MAX;

static volatile sig_atomic_t	ui_sig_quit;
static volatile sig_atomic_t	ui_sig_winch;
static volatile sig_atomic_t	ui_sig_cont;

static void	ui_keybar(const struct ui_key *);

static const struct ui_key ui_help_keys[] = {
	{ "any key", "close this help" },
	{ NULL, NULL }
};

static void	ui_signal(int);
static void	ui_fatal_cleanup(void);

int64_t
ui_now_ms(void)
{
	struct timespec	ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

bool
ui_utf8(void)
{
	return ui_is_utf8;
}

static void
ui_signal(int sig)
{
	int	saved = errno;
	char	c = 0;

	switch (sig) {
	case SIGWINCH:
		ui_sig_winch = 1;
		break;
	case SIGCONT:
		ui_sig_cont = 1;
		break;
	default:
		ui_sig_quit = sig;
		break;
	}
	if (ui_pipe[1] != -1)
		(void)!write(ui_pipe[1], &c, 1);
	errno = saved;
}

/*
 * stderr must not write over the screen (ALSA complains there when there
 * is no sound card): send it to a log file in the state folder.
 */
static void
ui_redirect_stderr(void)
{
	char	*dir, *path;
	int	 fd = -1;

	dir = paths_state_dir();
	xasprintf(&path, "%s/rehabit.log", dir);
	/*
	 * A log that cannot be made is no reason not to coach; one that is
	 * not a regular file (a FIFO would hang here) is a mistake to name.
	 */
	if (paths_mkdir_private(dir) == 0)
		fd = paths_open_file(path, O_WRONLY | O_CREAT | O_APPEND,
		    0600, NULL);
	free(dir);
	if (fd == PATHS_NOT_REGULAR) {
		fprintf(stderr, "rehabit: %s: not a regular file\n", path);
		free(path);
		exit(EX_IOERR);
	}
	free(path);
	if (fd == -1)
		fd = open("/dev/null", O_WRONLY | O_CLOEXEC);
	fflush(stderr);
	ui_saved_stderr = fcntl(STDERR_FILENO, F_DUPFD_CLOEXEC, 3);
	if (fd != -1) {
		dup2(fd, STDERR_FILENO);
		close(fd);
	}
}

static void
ui_restore_stderr(void)
{
	if (ui_saved_stderr == -1)
		return;
	fflush(stderr);
	dup2(ui_saved_stderr, STDERR_FILENO);
	close(ui_saved_stderr);
	ui_saved_stderr = -1;
}

static void
ui_colors(bool want)
{
	static const short fg[UR_COUNT] = {
		[UR_NORMAL] = -1,	 [UR_TITLE] = COLOR_CYAN,
		[UR_DIM] = -1,		 [UR_KEY] = COLOR_CYAN,
		[UR_ACCENT] = COLOR_YELLOW, [UR_GOOD] = COLOR_GREEN,
		[UR_WARN] = COLOR_YELLOW, [UR_BAD] = COLOR_RED,
	};
	int	i;

	ui_has_color = want && has_colors() && start_color() == OK;
	if (!ui_has_color)
		return;
	use_default_colors();
	for (i = 1; i < UR_COUNT; i++)
		init_pair(i, fg[i], -1);
}

attr_t
ui_attr(enum ui_role r)
{
	/* Monochrome: the same roles told apart by weight and reverse. */
	static const attr_t mono[UR_COUNT] = {
		[UR_NORMAL] = A_NORMAL,	[UR_TITLE] = A_BOLD,
		[UR_DIM] = A_DIM,	[UR_KEY] = A_BOLD,
		[UR_ACCENT] = A_BOLD,	[UR_GOOD] = A_NORMAL,
		[UR_WARN] = A_BOLD,	[UR_BAD] = A_BOLD | A_REVERSE,
	};
	static const attr_t extra[UR_COUNT] = {
		[UR_TITLE] = A_BOLD,	[UR_DIM] = A_DIM,
		[UR_KEY] = A_BOLD,	[UR_ACCENT] = A_BOLD,
		[UR_BAD] = A_BOLD,
	};

	if (r >= UR_COUNT)
		r = UR_NORMAL;
	if (!ui_has_color)
		return mono[r];
	return (r == UR_NORMAL ? 0 : COLOR_PAIR(r)) | extra[r];
}

static void
ui_fatal_cleanup(void)
{
	ui_end();
}

void
ui_init(const struct ui_opts *o)
{
	struct sigaction	 sa;
	const char		*cs;

	cs = nl_langinfo(CODESET);
	ui_is_utf8 = !o->ascii && cs != NULL && strcmp(cs, "UTF-8") == 0;
	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO))
		fatalx(2, "the screens need a terminal");
	if (pipe2(ui_pipe, O_CLOEXEC | O_NONBLOCK) == -1)
		fatalx(EX_OSERR, "pipe: %s", strerror(errno));
	ui_redirect_stderr();
	xmalloc_fatal_hook = ui_fatal_cleanup;
	if ((ui_term = newterm(NULL, stdout, stdin)) == NULL) {
		ui_restore_stderr();
		fatalx(2, "cannot use terminal type '%s'",
		    getenv("TERM") != NULL ? getenv("TERM") : "");
	}
	ui_started = true;
	cbreak();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	nodelay(stdscr, TRUE);
	set_escdelay(25);
	curs_set(0);
	ui_colors(o->color);

	/* After newterm(): replace the handlers curses installed. */
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = ui_signal;
	sigemptyset(&sa.sa_mask);
	sa.sa_flags = SA_RESTART;
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);
	sigaction(SIGWINCH, &sa, NULL);
	sigaction(SIGCONT, &sa, NULL);
}

void
ui_on_end(void (*fn)(void))
{
	int	i;

	for (i = 0; i < ui_nhooks; i++) {
		if (ui_end_hooks[i] == fn)
			return;
	}
	if (ui_nhooks == UI_MAX_HOOKS)
		fatalx(EX_SOFTWARE, "too many end hooks");
	ui_end_hooks[ui_nhooks++] = fn;
}

void
ui_end(void)
{
	if (ui_started) {
		ui_started = false;
		curs_set(1);
		endwin();
		/* newterm() screens must be freed explicitly. */
		delscreen(ui_term);
		ui_term = NULL;
	}
	while (ui_nhooks > 0)
		ui_end_hooks[--ui_nhooks]();
	ui_restore_stderr();
	xmalloc_fatal_hook = NULL;
	if (ui_pipe[0] != -1) {
		close(ui_pipe[0]);
		close(ui_pipe[1]);
		ui_pipe[0] = ui_pipe[1] = -1;
	}
}

void
ui_push(const struct ui_screen *s, void *state)
{
	if (ui_depth == UI_MAX_SCREENS)
		fatalx(EX_SOFTWARE, "too many screens");
	ui_stack[ui_depth].screen = s;
	ui_stack[ui_depth].state = state;
	ui_depth++;
	ui_is_dirty = true;
	ui_due = INT64_MAX;
}

void
ui_pop(void)
{
	struct ui_frame	f;

	if (ui_depth == 0)
		return;
	f = ui_stack[--ui_depth];
	if (f.screen->leave != NULL)
		f.screen->leave(f.state);
	ui_is_dirty = true;
	ui_due = INT64_MAX;
	ui_help_shown = false;
	ui_help_note = NULL;
}

/* Pop every screen, calling leave() on each: a clean exit. */
static void
ui_quit(void)
{
	while (ui_depth > 0)
		ui_pop();
}

void
ui_dirty(void)
{
	ui_is_dirty = true;
}

/* What keys mean: function keys (KEY_CODE_YES) and characters. */
static const struct ui_keymap {
	bool		fkey;
	wint_t		wc;
	enum ui_action	action;
} ui_keymap[] = {
	{ true, KEY_ENTER, UA_ENTER },
	{ true, KEY_BACKSPACE, UA_BACK },
	{ true, KEY_UP, UA_UP },
	{ true, KEY_DOWN, UA_DOWN },
	{ true, KEY_LEFT, UA_LEFT },
	{ true, KEY_RIGHT, UA_RIGHT },
	{ false, '\r', UA_ENTER },
	{ false, '\n', UA_ENTER },
	{ false, ' ', UA_ENTER },
	{ false, 27, UA_BACK },		/* Esc */
	{ false, 127, UA_BACK },
	{ false, '\b', UA_BACK },
	{ false, 'q', UA_QUIT },
	{ false, '?', UA_HELP },
	{ false, 'p', UA_PAUSE },
	{ false, 's', UA_SKIP },
	{ false, 'u', UA_UNDO },
	{ false, 'k', UA_UP },
	{ false, 'j', UA_DOWN },
	{ false, '+', UA_PLUS },
	{ false, '=', UA_PLUS },
	{ false, '-', UA_MINUS }
};

/* Map a key to what it means: other function keys mean nothing. */
static void
ui_map_key(int r, wint_t wc, struct ui_event *ev)
{
	bool	fkey = r == KEY_CODE_YES;
	size_t	i;

	memset(ev, 0, sizeof *ev);
	ev->ch = (int)wc;
	ev->action = fkey ? UA_NONE : UA_CHAR;
	for (i = 0; i < sizeof ui_keymap / sizeof ui_keymap[0]; i++) {
		if (ui_keymap[i].fkey == fkey && ui_keymap[i].wc == wc) {
			ev->action = ui_keymap[i].action;
			return;
		}
	}
	if (!fkey && wc >= '0' && wc <= '9') {
		ev->action = UA_DIGIT;
		ev->digit = (int)(wc - '0');
	}
}

static bool
ui_too_small(void)
{
	return COLS < UI_MIN_COLS || LINES < UI_MIN_LINES;
}

/*
 * Lines are Unicode box characters in a UTF-8 locale (WACS_*): the VT100
 * line-drawing set (ACS) shows as "qqqq" where the terminal type does not
 * say how the terminal switches to it (xterm-256color in tmux). Without
 * UTF-8, plain ASCII.
 */
static void
ui_box_char(int y, int x, const cchar_t *wc, chtype ascii)
{
	if (ui_is_utf8)
		mvadd_wch(y, x, wc);
	else
		mvaddch(y, x, ascii);
}

void
ui_hline(int y, int x, int width, enum ui_role role)
{
	if (width <= 0 || y < 0 || y >= LINES)
		return;
	attron(ui_attr(role));
	if (ui_is_utf8)
		mvhline_set(y, x, WACS_HLINE, width);
	else
		mvhline(y, x, '-', width);
	attroff(ui_attr(role));
}

/* A frame of h rows and w columns at y, x, its inside cleared. */
static void
ui_frame(int y, int x, int h, int w)
{
	int	i;

	for (i = 0; i < h && y + i < LINES; i++) {
		mvhline(y + i, x, ' ', w);
		if (i == 0 || i == h - 1)
			ui_hline(y + i, x + 1, w - 2, UR_NORMAL);
		ui_box_char(y + i, x, WACS_VLINE, '|');
		ui_box_char(y + i, x + w - 1, WACS_VLINE, '|');
	}
	ui_box_char(y, x, WACS_ULCORNER, '+');
	ui_box_char(y, x + w - 1, WACS_URCORNER, '+');
	if (y + h - 1 < LINES) {
		ui_box_char(y + h - 1, x, WACS_LLCORNER, '+');
		ui_box_char(y + h - 1, x + w - 1, WACS_LRCORNER, '+');
	}
}

/*
 * What a key does while the overlay is shown: `?` closes it, as any key
 * does; the others say what they do on the screen.
 */
static const char *
ui_help_what(const struct ui_key *k)
{
	return strcmp(k->key, "?") == 0 ? ui_help_keys[0].what : k->what;
}

/*
 * The `?` overlay: every key of the top screen, framed and centred, and
 * the screen's note under them.
 */
static void
ui_draw_help(const struct ui_key *keys, const char *note)
{
	int	i, n = 0, kw = 0, ww = 0, w, h, y, x;

	for (i = 0; keys != NULL && keys[i].key != NULL; i++) {
		n++;
		if (ui_width(keys[i].key) > kw)
			kw = ui_width(keys[i].key);
		if (ui_width(ui_help_what(&keys[i])) > ww)
			ww = ui_width(ui_help_what(&keys[i]));
	}
	w = kw + 1 + ww + 4;
	if (note != NULL && ui_width(note) + 4 > w)
		w = ui_width(note) + 4;
	if (w < 20)
		w = 20;
	if (w > COLS)
		w = COLS;
	h = n + 2 + (note != NULL);
	y = (LINES - 1 - h) / 2;
	x = (COLS - w) / 2;
	if (y < 0)
		y = 0;
	ui_frame(y, x, h, w);
	ui_print(y, x + 2, w - 4, UR_TITLE, " Keys ");
	for (i = 0; i < n; i++) {
		ui_print(y + 1 + i, x + 2, kw, UR_KEY, keys[i].key);
		ui_print(y + 1 + i, x + 3 + kw, w - kw - 5, UR_NORMAL,
		    ui_help_what(&keys[i]));
	}
	if (note != NULL)
		ui_print(y + 1 + n, x + 2, w - 4, UR_WARN, note);
}

static void
ui_draw(void)
{
	struct ui_frame		*top = &ui_stack[ui_depth - 1];
	const struct ui_key	*keys;

	ui_is_dirty = false;
	erase();
	if (ui_too_small()) {
		ui_center(LINES / 2, UR_WARN, "Terminal too small");
		if (LINES > 1)
			ui_center(LINES / 2 + 1, UR_DIM, "enlarge it to go on");
		refresh();
		return;
	}
	top->screen->draw(top->state);
	if (ui_help_shown) {
		ui_draw_help(ui_help_list, ui_help_note);
		keys = ui_help_keys;
	} else
		keys = top->screen->keys != NULL ?
		    top->screen->keys(top->state) : NULL;
	ui_keybar(keys);
	refresh();
}

static void
ui_resize(void)
{
	struct winsize	ws;

	ui_sig_winch = 0;
	if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_row > 0 &&
	    ws.ws_col > 0)
		resizeterm(ws.ws_row, ws.ws_col);
	clearok(curscr, TRUE);
	ui_is_dirty = true;
}

static void
ui_read_keys(void)
{
	struct ui_frame	*top;
	struct ui_event	 ev;
	wint_t		 wc;
	int		 r;

	while (ui_depth > 0 && (r = get_wch(&wc)) != ERR) {
		if (r == KEY_CODE_YES && wc == KEY_RESIZE) {
			ui_is_dirty = true;
			continue;
		}
		ui_map_key(r, wc, &ev);
		if (ev.action == UA_NONE)
			continue;
		top = &ui_stack[ui_depth - 1];
		ui_is_dirty = true;
		if (ui_help_shown) {
			ui_help_shown = false;
			ui_help_note = NULL;
			continue;
		}
		if (ev.action == UA_HELP && (top->screen->typing == NULL ||
		    !top->screen->typing(top->state))) {
			ui_help_shown = true;
			ui_help_note = NULL;
			/* Before the hook changes them (a pause). */
			ui_help_list = top->screen->keys != NULL ?
			    top->screen->keys(top->state) : NULL;
			/* The hook may end the screen: ui_pop() closes help. */
			if (top->screen->help != NULL)
				ui_help_note = top->screen->help(top->state);
			if (!ui_help_shown)
				ui_help_note = NULL;
			continue;
		}
		top->screen->key(top->state, &ev);
	}
}

/* How long poll() may sleep: until `wake`, at most an hour. */
static int
ui_timeout(int64_t now, int64_t wake)
{
	if (wake == INT64_MAX)
		return -1;
	if (wake <= now)
		return 0;
	if (wake - now > 60 * 60 * 1000)
		return 60 * 60 * 1000;
	return (int)(wake - now);
}

int
ui_run(void)
{
	struct pollfd	 pfd[2];
	struct ui_frame	*top;
	char		 buf[64];
	int64_t		 now, wake;
	int		 sig;

	while (ui_depth > 0 && ui_sig_quit == 0) {
		if (ui_sig_winch)
			ui_resize();
		if (ui_sig_cont) {
			ui_sig_cont = 0;
			clearok(curscr, TRUE);
			ui_is_dirty = true;
		}
		top = &ui_stack[ui_depth - 1];
		now = ui_now_ms();
		/*
		 * The deadline slept for has come: tick. A screen may already
		 * name a later deadline at that very moment (a countdown's
		 * next second), so the one slept for is remembered.
		 */
		wake = top->screen->wake != NULL ?
		    top->screen->wake(top->state, now) : INT64_MAX;
		if (top->screen->tick != NULL &&
		    (wake <= now || ui_due <= now)) {
			ui_due = INT64_MAX;
			top->screen->tick(top->state, now);
			continue;
		}
		if (ui_is_dirty)
			ui_draw();
		ui_due = wake;
		pfd[0].fd = STDIN_FILENO;
		pfd[0].events = POLLIN;
		pfd[1].fd = ui_pipe[0];
		pfd[1].events = POLLIN;
		/* Drawing took time: measure again. */
		if (poll(pfd, 2, ui_timeout(ui_now_ms(), wake)) == -1 &&
		    errno != EINTR)
			fatalx(EX_IOERR, "poll: %s", strerror(errno));
		if (pfd[1].revents & POLLIN)
			while (read(ui_pipe[0], buf, sizeof buf) > 0)
				;
		if (pfd[0].revents & (POLLHUP | POLLERR | POLLNVAL))
			ui_sig_quit = SIGHUP;
		else if (pfd[0].revents & POLLIN)
			ui_read_keys();
	}
	sig = ui_sig_quit;
	ui_quit();
	return sig != 0 ? 128 + sig : 0;
}

/* --- widgets --------------------------------------------------------- */

/*
 * Decode the character at s: its width in columns (never negative) and
 * how many bytes it takes. A byte that is not valid in the locale is one
 * '?' (and the state starts again), so a bad name still draws.
 */
static size_t
ui_next(const char *s, mbstate_t *st, wchar_t *wc, int *cw)
{
	size_t	n;

	n = mbrtowc(wc, s, MB_CUR_MAX, st);
	if (n == (size_t)-1 || n == (size_t)-2) {
		memset(st, 0, sizeof *st);
		n = 1;
		*wc = '?';
	}
	if (n == 0)
		n = 1;
	*cw = wcwidth(*wc);
	if (*cw < 0)
		*cw = 0;
	return n;
}

int
ui_width(const char *s)
{
	mbstate_t	st;
	wchar_t		wc;
	int		w = 0, cw;

	memset(&st, 0, sizeof st);
	while (*s != '\0') {
		s += ui_next(s, &st, &wc, &cw);
		w += cw;
	}
	return w;
}

int
ui_print(int y, int x, int width, enum ui_role role, const char *s)
{
	mbstate_t	st;
	wchar_t		wc;
	size_t		n;
	int		w = 0, cw;

	if (y < 0 || y >= LINES || x >= COLS || width <= 0)
		return 0;
	if (x + width > COLS)
		width = COLS - x;
	memset(&st, 0, sizeof st);
	attron(ui_attr(role));
	move(y, x);
	while (*s != '\0') {
		n = ui_next(s, &st, &wc, &cw);
		if (w + cw > width)
			break;
		addnwstr(&wc, 1);
		w += cw;
		s += n;
	}
	attroff(ui_attr(role));
	return w;
}

/* One character of a string being shortened: where it starts, its width. */
struct ui_char {
	size_t	off;
	int	w;
	bool	space;	/* a word ends here: space or punctuation */
	bool	open;	/* "(": kept at the start of a tail */
	bool	close;	/* ")": kept at the end of a head */
	bool	blank;	/* a space: a line may break here */
};

static bool
ui_is_gap(wchar_t wc)
{
	return wc == ' ' || wc == '-' || wc == ',' || wc == ';' ||
	    wc == ':' || wc == '/' || wc == '(' || wc == ')';
}

/* The characters of s; *n set to how many (the last entry ends s). */
static struct ui_char *
ui_chars(const char *s, size_t *n)
{
	struct ui_char	*c = NULL;
	mbstate_t	 st;
	wchar_t		 wc;
	size_t		 i = 0, off = 0, cap = 0;
	int		 cw;

	memset(&st, 0, sizeof st);
	for (;;) {
		if (i == cap) {
			cap = cap == 0 ? 32 : cap * 2;
			c = xreallocarray(c, cap, sizeof *c);
		}
		c[i].off = off;
		c[i].w = 0;
		c[i].space = true;
		c[i].open = c[i].close = c[i].blank = false;
		if (s[off] == '\0')
			break;
		off += ui_next(s + off, &st, &wc, &cw);
		c[i].w = cw;
		c[i].space = ui_is_gap(wc);
		c[i].open = wc == '(';
		c[i].close = wc == ')';
		c[i].blank = wc == ' ';
		i++;
	}
	*n = i;
	return c;
}

/*
 * The first characters of c that fit in `width` columns, ended at a word
 * when a word break keeps at least half of them, without the spaces and
 * dashes before the cut.
 */
static size_t
ui_head(const struct ui_char *c, size_t n, int width)
{
	size_t	k = 0, b;
	int	w = 0;

	while (k < n && w + c[k].w <= width)
		w += c[k++].w;
	if (k < n && !c[k].space) {
		for (b = k; b > 0 && !c[b - 1].space; b--)
			;
		if (b > 0 && 2 * b >= k)
			k = b;
	}
	while (k > 0 && c[k - 1].space && !c[k - 1].close)
		k--;
	return k;
}

/* The same at the end: the index of the first character kept. */
static size_t
ui_tail(const struct ui_char *c, size_t n, int width)
{
	size_t	k = n, b;
	int	w = 0;

	while (k > 0 && w + c[k - 1].w <= width)
		w += c[--k].w;
	if (k > 0 && k < n && !c[k - 1].space) {
		for (b = k; b < n && !c[b].space; b++)
			;
		if (b < n && 2 * (n - b) >= n - k)
			k = b;
	}
	while (k < n && c[k].space && !c[k].open)
		k++;
	return k;
}

int
ui_shorten(const char *s, int width, bool middle, char *buf, size_t len)
{
	struct ui_char	*c;
	const char	*ell = ui_is_utf8 ? "\xe2\x80\xa6" : "...";
	size_t		 n, h, t, i;
	int		 ew = ui_is_utf8 ? 1 : 3, tw = 0;

	if (len == 0)
		return 0;
	if (width < 0)
		width = 0;
	if (ui_width(s) <= width) {
		snprintf(buf, len, "%s", s);
		return ui_width(buf);
	}
	c = ui_chars(s, &n);
	if (width <= ew) {
		/* No room for the mark: as much as fits. */
		h = ui_head(c, n, width);
		t = n;
		ell = "";
	} else if (middle) {
		/* The end tells names apart: it gets its half first. */
		t = ui_tail(c, n, (width - ew) / 2);
		for (i = t; i < n; i++)
			tw += c[i].w;
		h = ui_head(c, t, width - ew - tw);
	} else {
		h = ui_head(c, n, width - ew);
		t = n;
	}
	snprintf(buf, len, "%.*s%s%s", (int)c[h].off, s, ell, s + c[t].off);
	free(c);
	return ui_width(buf);
}

int
ui_print_short(int y, int x, int width, enum ui_role role, const char *s)
{
	char	buf[512];

	ui_shorten(s, width, true, buf, sizeof buf);
	return ui_print(y, x, width, role, buf);
}

/* ui_wrap(), drawing only when `draw`: the lines it takes either way. */
static int
ui_wrap_do(int y, int x, int width, int maxy, enum ui_role role,
    const char *s, bool draw)
{
	struct ui_char	*c;
	char		*line;
	size_t		 n, from = 0, to, brk;
	int		 w;

	c = ui_chars(s, &n);
	line = xmalloc(strlen(s) + 1);
	while (from < n && y < maxy && width > 0) {
		/* As many words as fit; a word longer than a line is cut. */
		brk = 0;
		for (to = from, w = 0; to < n && w + c[to].w <= width; to++) {
			w += c[to].w;
			if (to + 1 < n && c[to + 1].blank)
				brk = to + 1;
		}
		if (to < n && brk > from)
			to = brk;
		if (to == from)
			to++;
		memcpy(line, s + c[from].off, c[to].off - c[from].off);
		line[c[to].off - c[from].off] = '\0';
		if (draw)
			ui_print(y, x, width, role, line);
		y++;
		for (from = to; from < n && c[from].blank; from++)
			;
	}
	free(line);
	free(c);
	return y;
}

int
ui_wrap(int y, int x, int width, int maxy, enum ui_role role, const char *s)
{
	return ui_wrap_do(y, x, width, maxy, role, s, true);
}

int
ui_wrap_lines(int width, const char *s)
{
	return ui_wrap_do(0, 0, width, INT_MAX, UR_NORMAL, s, false);
}

int
ui_print_name(int y, int x, int width, enum ui_role role, const char *pre,
    const char *name, const char *post)
{
	char	buf[512];
	int	w;

	w = ui_print(y, x, width, role, pre);
	ui_shorten(name, width - w - ui_width(post), true, buf, sizeof buf);
	w += ui_print(y, x + w, width - w, role, buf);
	return w + ui_print(y, x + w, width - w, role, post);
}

int
ui_printf(int y, int x, int width, enum ui_role role, const char *fmt, ...)
{
	va_list	ap;
	char	buf[512];

	va_start(ap, fmt);
	vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	return ui_print(y, x, width, role, buf);
}

void
ui_center(int y, enum ui_role role, const char *s)
{
	int	w = ui_width(s), x;

	x = w >= COLS ? 0 : (COLS - w) / 2;
	ui_print(y, x, COLS - x, role, s);
}

/* The key bar on the last line. */
static void
ui_keybar(const struct ui_key *keys)
{
	int	x = 0, y = LINES - 1, need, i, help = -1, keep = 0;

	if (keys == NULL)
		return;
	/* A screen taller than the terminal may have drawn here. */
	move(y, 0);
	clrtoeol();
	/* Whatever does not fit stays behind `?`: keep room for it. */
	for (i = 0; keys[i].key != NULL; i++) {
		if (strcmp(keys[i].key, "?") == 0) {
			help = i;
			keep = ui_width(keys[i].key) + 1 +
			    ui_width(keys[i].what) + 2;
		}
	}
	for (i = 0; keys[i].key != NULL; i++) {
		if (i == help)
			continue;
		need = ui_width(keys[i].key) + 1 + ui_width(keys[i].what);
		if (x + need + keep > COLS)
			break;
		x += ui_print(y, x, COLS - x, UR_KEY, keys[i].key) + 1;
		x += ui_print(y, x, COLS - x, UR_DIM, keys[i].what) + 2;
	}
	if (help != -1) {
		x += ui_print(y, x, COLS - x, UR_KEY, keys[help].key) + 1;
		ui_print(y, x, COLS - x, UR_DIM, keys[help].what);
	}
}

void
ui_bar(int y, int x, int width, int64_t done, int64_t total,
    enum ui_role role)
{
	int	fill, i;

	if (width <= 0 || y < 0 || y >= LINES)
		return;
	if (total <= 0)
		total = 1;
	if (done < 0)
		done = 0;
	if (done > total)
		done = total;
	fill = (int)(done * width / total);
	move(y, x);
	for (i = 0; i < width && x + i < COLS; i++) {
		if (i < fill) {
			attron(ui_attr(role));
			if (ui_is_utf8)
				addwstr(L"\u2588");
			else
				addch('#');
			attroff(ui_attr(role));
		} else {
			attron(ui_attr(UR_DIM));
			if (ui_is_utf8)
				addwstr(L"\u2591");
			else
				addch('.');
			attroff(ui_attr(UR_DIM));
		}
	}
}

enum ui_role
ui_pain_role(const struct routine *rt, int score)
{
	static const enum ui_role	role[] = { UR_GOOD, UR_WARN, UR_BAD };

	return role[progression_band(rt, NULL, score)];
}

const char *
ui_pain_band(const struct routine *rt, int score)
{
	static const char *const	word[] = {
		"fine", "acceptable", "too much"
	};

	return word[progression_band(rt, NULL, score)];
}

int
ui_pain_scale(int y, const struct routine *rt, int score)
{
	static const struct { int at; const char *what; } anchors[] = {
		{ 0, "none" }, { 2, "mild" }, { 5, "the limit" },
		{ 10, "worst" }
	};
	static const char *legends[] = {
		"0 none, 2 mild, 5 the limit, 10 worst",
		"0 none 2 mild 5 limit 10 worst",
		"5 is the limit"
	};
	char	num[12];
	int	i, step = COLS >= 50 ? 4 : 2, x0 = 4;
	size_t	a;

	for (i = 0; i <= 10; i++) {
		snprintf(num, sizeof num, "%d", i);
		if (i == score) {
			attron(A_REVERSE);
			ui_print(y, x0 + i * step, 2, ui_pain_role(rt, i), num);
			attroff(A_REVERSE);
		} else
			ui_print(y, x0 + i * step, 2, UR_DIM, num);
	}
	if (step == 4) {
		for (a = 0; a < sizeof anchors / sizeof anchors[0]; a++)
			ui_print(y + 1, x0 + anchors[a].at * step,
			    COLS - x0 - anchors[a].at * step, UR_DIM,
			    anchors[a].what);
	} else {
		/* Narrow: the anchors in words, as many as fit whole. */
		for (a = 0; a < sizeof legends / sizeof legends[0] - 1; a++)
			if (ui_width(legends[a]) <= COLS - x0 - 1)
				break;
		ui_print(y + 1, x0, COLS - x0, UR_DIM, legends[a]);
	}
	return y + 3;
}

/* A 3x5 font: each glyph is five rows of three bits, top row first. */
static const unsigned char ui_font[11][5] = {
	{ 7, 5, 5, 5, 7 }, { 2, 6, 2, 2, 7 }, { 7, 1, 7, 4, 7 },
	{ 7, 1, 7, 1, 7 }, { 5, 5, 7, 1, 1 }, { 7, 4, 7, 1, 7 },
	{ 7, 4, 7, 5, 7 }, { 7, 1, 1, 1, 1 }, { 7, 5, 7, 5, 7 },
	{ 7, 5, 7, 1, 7 }, { 0, 2, 0, 2, 0 }
};

static int
ui_big_glyph(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c == ':')
		return 10;
	return -1;
}

int
ui_big_width(const char *s, int scale)
{
	int	w = 0;

	for (; *s != '\0'; s++) {
		if (ui_big_glyph(*s) == 10)
			w += 2;
		else if (ui_big_glyph(*s) >= 0)
			w += 4;
		else
			w += 2;
	}
	return w > 0 ? (w - 1) * scale : 0;
}

/* One dot of a big glyph: a square of scale x scale cells. */
static void
ui_big_dot(int y, int x, int scale)
{
	int	i, j;

	for (i = 0; i < scale; i++) {
		for (j = 0; j < scale; j++) {
			if (y + i >= LINES || x + j >= COLS || y + i < 0 ||
			    x + j < 0)
				continue;
			if (ui_is_utf8)
				mvaddwstr(y + i, x + j, L"\u2588");
			else
				mvaddch(y + i, x + j, '#');
		}
	}
}

void
ui_big(int y, int x, int scale, enum ui_role role, const char *s)
{
	int	g, row, col, cx;

	attron(ui_attr(role));
	for (cx = x; *s != '\0'; s++) {
		g = ui_big_glyph(*s);
		for (row = 0; g >= 0 && row < 5; row++) {
			for (col = 0; col < 3; col++) {
				if (g == 10 && col != 1)
					continue;
				if ((ui_font[g][row] & (4 >> col)) == 0)
					continue;
				/* ':' is one dot wide, in its own column. */
				ui_big_dot(y + row * scale,
				    cx + (col - (g == 10)) * scale, scale);
			}
		}
		cx += (g == 10 || g < 0 ? 2 : 4) * scale;
	}
	attroff(ui_attr(role));
}

void
ui_mmss(int64_t ms, char *buf, size_t len)
{
	int64_t	s;

	if (ms < 0)
		ms = 0;
	s = (ms + 999) / 1000;
	snprintf(buf, len, "%lld:%02lld", (long long)(s / 60),
	    (long long)(s % 60));
}
