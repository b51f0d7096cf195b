/*
 * chart.h - text charts of the progress figures, drawn into a grid of
 * cells (one glyph and one role each) of a given width and height. The
 * command line prints the rows, the progress screen draws the same cells
 * with curses colours: nothing here knows about terminals.
 *
 * Glyphs are Unicode blocks, or plain ASCII when `ascii` is set.
 */
#ifndef REHABIT_CHART_H
#define REHABIT_CHART_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "report.h"

/* What a cell shows; screens map roles to colours. */
enum chart_role {
	CHART_NONE,
	CHART_AXIS,
	CHART_LABEL,
	CHART_GREEN,		/* pain in the green band, a session done */
	CHART_AMBER,		/* amber band, a session stopped early */
	CHART_RED,		/* red band, a red flag */
	CHART_DATA,		/* volume */
	CHART_DIM		/* guides, days without a session */
};

struct chart_cell {
	char		g[5];		/* one glyph, UTF-8, NUL-terminated */
	unsigned char	role;		/* enum chart_role */
};

struct chart {
	int			 w;
	int			 h;
	bool			 ascii;
	/* Whose pain bands (progression_band()); NULL: the built-in. */
	const struct routine	*rt;
	struct chart_cell	*cell;		/* h rows of w cells */
};

/*
 * The band of a pain score for a routine (NULL: the built-in thresholds):
 * CHART_GREEN, CHART_AMBER or CHART_RED.
 */
enum chart_role	chart_band(const struct routine *, double pain);

void	chart_init(struct chart *, int w, int h, bool ascii);
void	chart_free(struct chart *);
/* Blank every cell. */
void	chart_clear(struct chart *);
const struct chart_cell	*chart_at(const struct chart *, int row, int col);
/*
 * Row `row` as a string without trailing blanks; returns buf. A buffer of
 * w * 4 + 1 bytes always suffices.
 */
char	*chart_row(const struct chart *, int row, char *buf, size_t len);

/*
 * Pain (0-10, -1: no score) per week, the first week's Monday being day
 * number day0: bars coloured by the bands of c->rt, guides at their limits
 * (2 and 5 built in), the 0-10 scale on the left and dates on the last
 * row. Weeks are merged (averaged) when there are more than columns.
 */
void	chart_pain(struct chart *, const double *pain, int n, int64_t day0);

/*
 * The worst score of each of n sessions (oldest first) as a bar, like
 * chart_pain(), with a red "!" over every red bar. When there are
 * more sessions than columns, a column shows the worst of its sessions.
 */
void	chart_sessions(struct chart *, const struct report_session *, int n);

/*
 * A sparkline of n values in `width` cells from (row, col): 0 is blank,
 * the largest value a full block. Merged (averaged) when n > width.
 */
void	chart_spark(struct chart *, int row, int col, int width,
	    const int64_t *v, int n);

/*
 * A calendar of sessions like a contribution graph: a column per week, a
 * row per weekday (Monday first) under a row of month names; a day with a
 * red flag shows "!", with a session or not. Days after `today` are
 * blank. When the weeks do not fit, the latest are shown.
 */
void	chart_calendar(struct chart *, const struct report_week *, int n,
	    int64_t today);

#endif
