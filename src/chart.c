/*
 * chart.c - text charts into a grid of cells: pain bars, sparklines and a
 * calendar of sessions. Pure: the caller prints or draws the cells.
 */
#include "config.h"

#include "chart.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "calendar.h"
#include "progression.h"
#include "xmalloc.h"

/* Eighths of a cell, from the lowest to a full block. */
static const char *chart_blocks[8] = {
	"\xe2\x96\x81", "\xe2\x96\x82", "\xe2\x96\x83", "\xe2\x96\x84",
	"\xe2\x96\x85", "\xe2\x96\x86", "\xe2\x96\x87", "\xe2\x96\x88"
};
static const char chart_ascii_levels[] = ".:-=+*#@";

#define G_VLINE		"\xe2\x94\x82"	/* │ */
#define G_TICK		"\xe2\x94\xa4"	/* ┤ */
#define G_GUIDE		"\xe2\x94\x88"	/* ┈ */
#define G_DONE		"\xe2\x96\xa0"	/* ■ */
#define G_PARTIAL	"\xe2\x96\xa1"	/* □ */
#define G_NONE		"\xc2\xb7"	/* · */

/* Width of the scale on the left of the pain chart: "10┤". */
#define PAIN_GUTTER	3

enum chart_role
chart_band(const struct routine *rt, double pain)
{
	static const enum chart_role	role[] = {
		CHART_GREEN, CHART_AMBER, CHART_RED
	};

	return role[progression_band(rt, NULL, pain)];
}

void
chart_init(struct chart *c, int w, int h, bool ascii)
{
	c->w = w > 0 ? w : 0;
	c->h = h > 0 ? h : 0;
	c->ascii = ascii;
	c->rt = NULL;
	c->cell = xcalloc((size_t)c->w * c->h + 1, sizeof *c->cell);
	chart_clear(c);
}

void
chart_free(struct chart *c)
{
	free(c->cell);
	c->cell = NULL;
	c->w = c->h = 0;
}

void
chart_clear(struct chart *c)
{
	int	i;

	for (i = 0; i < c->w * c->h; i++) {
		strcpy(c->cell[i].g, " ");
		c->cell[i].role = CHART_NONE;
	}
}

const struct chart_cell *
chart_at(const struct chart *c, int row, int col)
{
	if (row < 0 || row >= c->h || col < 0 || col >= c->w)
		return NULL;
	return &c->cell[row * c->w + col];
}

static void
chart_put(struct chart *c, int row, int col, const char *g,
    enum chart_role role)
{
	struct chart_cell	*cell;

	if (row < 0 || row >= c->h || col < 0 || col >= c->w)
		return;
	cell = &c->cell[row * c->w + col];
	snprintf(cell->g, sizeof cell->g, "%s", g);
	cell->role = (unsigned char)role;
}

/* Put the Unicode glyph, or its ASCII stand-in. */
static void
chart_glyph(struct chart *c, int row, int col, const char *u, char a,
    enum chart_role role)
{
	char	s[2] = { a, '\0' };

	chart_put(c, row, col, c->ascii ? s : u, role);
}

/* Write single-width text (ASCII) from (row, col), clipped. */
static void
chart_text(struct chart *c, int row, int col, const char *s,
    enum chart_role role)
{
	char	g[2] = { '\0', '\0' };

	for (; *s != '\0'; s++, col++) {
		g[0] = *s;
		chart_put(c, row, col, g, role);
	}
}

char *
chart_row(const struct chart *c, int row, char *buf, size_t len)
{
	const struct chart_cell	*cell;
	size_t			 n = 0, end = 0, gl;
	int			 col;

	if (len == 0)
		return buf;
	for (col = 0; row >= 0 && row < c->h && col < c->w; col++) {
		cell = &c->cell[row * c->w + col];
		gl = strlen(cell->g);
		if (n + gl >= len)
			break;
		memcpy(buf + n, cell->g, gl);
		n += gl;
		if (strcmp(cell->g, " ") != 0)
			end = n;
	}
	buf[end] = '\0';
	return buf;
}

/* Columns for n weeks in `width` cells: how many, and how wide each. */
static void
chart_columns(int n, int width, int maxw, int *ncols, int *cw)
{
	if (n <= 0 || width <= 0) {
		*ncols = 0;
		*cw = 1;
		return;
	}
	if (n > width) {
		*ncols = width;
		*cw = 1;
		return;
	}
	*ncols = n;
	*cw = width / n < maxw ? width / n : maxw;
}

/* Average of the present values (>= 0) of weeks [a, b); -1 if none. */
static double
chart_avg(const double *v, int a, int b)
{
	double	sum = 0;
	int	n = 0;

	for (; a < b; a++) {
		if (v[a] >= 0) {
			sum += v[a];
			n++;
		}
	}
	return n > 0 ? sum / n : -1;
}

/* "7 Sep", or "Sep 2026" when the chart spans more than a year. */
static void
chart_day_label(int64_t day, bool years, char *buf, size_t len)
{
	int	y, m, d;

	calendar_civil(day, &y, &m, &d);
	if (years)
		snprintf(buf, len, "%s %d", calendar_month_abbr(m), y);
	else
		snprintf(buf, len, "%d %s", d, calendar_month_abbr(m));
}

/* The scores marked on the scale: the band limits of c->rt, 0 and 10. */
static void
chart_marks(const struct chart *c, int *v)
{
	struct prog_limits	l;

	progression_limits(c->rt, NULL, &l);
	v[0] = l.green_max;
	v[1] = l.red_above;
	v[2] = 0;
	v[3] = 10;
}

static void
chart_pain_scale(struct chart *c, int ph)
{
	char	s[4];
	int	marks[4], i, row, b;

	for (row = 0; row < ph; row++)
		chart_glyph(c, row, PAIN_GUTTER - 1, G_VLINE, '|', CHART_AXIS);
	chart_marks(c, marks);
	for (i = 0; i < 4; i++) {
		b = marks[i] * ph / 10;
		if (b > ph - 1)
			b = ph - 1;
		row = ph - 1 - b;
		snprintf(s, sizeof s, "%2d", marks[i]);
		chart_text(c, row, 0, s, chart_band(c->rt, marks[i]));
		chart_glyph(c, row, PAIN_GUTTER - 1, G_TICK, '+', CHART_AXIS);
	}
}

/* Dotted guides at the band limits, up to column `end`: not past the
 * last date. */
static void
chart_pain_guides(struct chart *c, int ph, int end)
{
	int	limits[4], i, b, row, col;

	chart_marks(c, limits);
	for (i = 0; i < 2; i++) {
		b = limits[i] * ph / 10;
		if (b > ph - 1 || b == 0)
			continue;
		row = ph - 1 - b;
		for (col = PAIN_GUTTER; col < end && col < c->w; col++)
			chart_glyph(c, row, col, G_GUIDE, '.', CHART_DIM);
	}
}

/* One bar: `v` (0-10) over ph rows, in columns [col, col + cw). */
static void
chart_pain_bar(struct chart *c, int ph, int col, int cw, double v)
{
	enum chart_role	role = chart_band(c->rt, v);
	int		eighths, b, fill, i;
	char		a;

	eighths = (int)lround(v / 10.0 * ph * 8);
	if (eighths < 1)
		eighths = 1;	/* a score of 0 still shows it was given */
	for (b = 0; b < ph; b++) {
		fill = eighths - b * 8;
		if (fill <= 0)
			break;
		if (fill > 8)
			fill = 8;
		if (c->ascii) {
			if (fill < 4 && b > 0)
				break;
			a = fill < 4 ? '_' : '#';
		} else
			a = ' ';
		for (i = 0; i < cw; i++)
			chart_glyph(c, ph - 1 - b, col + i,
			    chart_blocks[fill - 1], a, role);
	}
}

/* Dates under the bars, left to right, where they fit: the day of
 * column col is day[col]. */
static void
chart_pain_dates(struct chart *c, int row, int ncols, int cw,
    const int64_t *day, bool years)
{
	char	label[16];
	int	col, x, next = PAIN_GUTTER;

	for (col = 0; col < ncols; col++) {
		x = PAIN_GUTTER + col * cw;
		if (x < next)
			continue;
		chart_day_label(day[col], years, label, sizeof label);
		if (x + (int)strlen(label) > c->w)
			break;
		chart_text(c, row, x, label, CHART_LABEL);
		next = x + (int)strlen(label) + 2;
	}
}

void
chart_pain(struct chart *c, const double *pain, int n, int64_t day0)
{
	int64_t	*day;
	int	 ph, ncols, cw, col, bw;
	double	 v;

	chart_clear(c);
	if (c->h < 2 || c->w <= PAIN_GUTTER)
		return;
	ph = c->h - 1;
	chart_pain_scale(c, ph);
	chart_columns(n, c->w - PAIN_GUTTER, 4, &ncols, &cw);
	chart_pain_guides(c, ph, PAIN_GUTTER + ncols * cw);
	/* A gap between wide bars keeps weeks apart. */
	bw = cw > 1 ? cw - 1 : 1;
	day = xcalloc((size_t)ncols + 1, sizeof *day);
	for (col = 0; col < ncols; col++) {
		v = chart_avg(pain, (int)((int64_t)col * n / ncols),
		    (int)((int64_t)(col + 1) * n / ncols));
		if (v >= 0)
			chart_pain_bar(c, ph, PAIN_GUTTER + col * cw, bw,
			    v > 10 ? 10 : v);
		day[col] = day0 + 7 * ((int64_t)col * n / ncols);
	}
	chart_pain_dates(c, ph, ncols, cw, day, n > 52);
	free(day);
}

/* The worst score of sessions [a, b), merged: never averaged away. */
static int
chart_worst(const struct report_session *s, int a, int b)
{
	int	v = -1;

	for (; a < b; a++) {
		if (s[a].worst > v)
			v = s[a].worst;
	}
	return v;
}

void
chart_sessions(struct chart *c, const struct report_session *s, int n)
{
	int64_t	*day;
	int	 ph, ncols, cw, col, a, v, top;

	chart_clear(c);
	if (c->h < 2 || c->w <= PAIN_GUTTER)
		return;
	ph = c->h - 1;
	chart_pain_scale(c, ph);
	chart_columns(n, c->w - PAIN_GUTTER, 2, &ncols, &cw);
	chart_pain_guides(c, ph, PAIN_GUTTER + ncols * cw);
	day = xcalloc((size_t)ncols + 1, sizeof *day);
	for (col = 0; col < ncols; col++) {
		a = (int)((int64_t)col * n / ncols);
		v = chart_worst(s, a, (int)((int64_t)(col + 1) * n / ncols));
		day[col] = calendar_day(s[a].at, s[a].utc_off);
		if (v < 0)
			continue;
		chart_pain_bar(c, ph, PAIN_GUTTER + col * cw, 1, v);
		if (chart_band(c->rt, v) != CHART_RED)
			continue;
		/* A red day is marked where neither colour nor height
		 * is needed to see it: over its bar, or on its top. */
		top = ph - 1 - ((int)lround(v / 10.0 * ph * 8) - 1) / 8;
		chart_put(c, top > 0 ? top - 1 : 0, PAIN_GUTTER + col * cw,
		    "!", CHART_RED);
	}
	chart_pain_dates(c, ph, ncols, cw, day,
	    n > 0 && day[ncols - 1] - day[0] > 365);
	free(day);
}

void
chart_spark(struct chart *c, int row, int col, int width, const int64_t *v,
    int n)
{
	double	val, max = 0, sum;
	int	ncols, cw, i, k, a, b, lvl;

	chart_columns(n, width, 1, &ncols, &cw);
	for (i = 0; i < ncols; i++) {
		a = (int)((int64_t)i * n / ncols);
		b = (int)((int64_t)(i + 1) * n / ncols);
		for (sum = 0, k = a; k < b; k++)
			sum += (double)v[k];
		if (sum / (b - a) > max)
			max = sum / (b - a);
	}
	for (i = 0; i < ncols; i++) {
		a = (int)((int64_t)i * n / ncols);
		b = (int)((int64_t)(i + 1) * n / ncols);
		for (sum = 0, k = a; k < b; k++)
			sum += (double)v[k];
		val = sum / (b - a);
		if (val <= 0 || max <= 0) {
			chart_put(c, row, col + i, " ", CHART_NONE);
			continue;
		}
		lvl = (int)ceil(val * 8 / max);
		if (lvl < 1)
			lvl = 1;
		if (lvl > 8)
			lvl = 8;
		chart_glyph(c, row, col + i, chart_blocks[lvl - 1],
		    chart_ascii_levels[lvl - 1], CHART_DATA);
	}
}

/* Month names over the first week of each month, where they fit. */
static void
chart_calendar_months(struct chart *c, int gutter, int cw, int first,
    int ncols, const struct report_week *w)
{
	int	i, y, m, d, pm = 0, next = gutter, x;

	for (i = 0; i < ncols; i++) {
		calendar_civil(w[first + i].day0 + 6, &y, &m, &d);
		if (m != pm && (i == 0 || d <= 7)) {
			x = gutter + i * cw;
			if (x >= next && x + 3 <= c->w) {
				chart_text(c, 0, x, calendar_month_abbr(m),
				    CHART_LABEL);
				next = x + 4;
			}
		}
		pm = m;
	}
}

void
chart_calendar(struct chart *c, const struct report_week *w, int n,
    int64_t today)
{
	static const char	*days[7] = {
		"Mo", "", "We", "", "Fr", "", "Su"
	};
	const struct report_week *wk;
	int			 gutter = 3, ncols, cw, first, i, d;
	int64_t			 day;

	chart_clear(c);
	if (c->w <= gutter || n <= 0)
		return;
	/* The latest weeks that fit, two cells each when there is room. */
	ncols = n < c->w - gutter ? n : c->w - gutter;
	cw = (c->w - gutter) >= 2 * ncols ? 2 : 1;
	first = n - ncols;
	chart_calendar_months(c, gutter, cw, first, ncols, w);
	for (d = 0; d < 7; d++)
		chart_text(c, d + 1, 0, days[d], CHART_LABEL);
	for (i = 0; i < ncols; i++) {
		wk = &w[first + i];
		for (d = 0; d < 7; d++) {
			day = wk->day0 + d;
			if (day > today)
				continue;
			/* A red flag before a session done that day: a
			 * colour alone is lost in a pipe or NO_COLOR. */
			if (wk->day_flags[d] != 0)
				chart_glyph(c, d + 1, gutter + i * cw, "!",
				    '!', CHART_RED);
			else if (wk->day_done[d] > 0)
				chart_glyph(c, d + 1, gutter + i * cw, G_DONE,
				    '#', CHART_GREEN);
			else if (wk->day_partial[d] > 0)
				chart_glyph(c, d + 1, gutter + i * cw,
				    G_PARTIAL, '+', CHART_AMBER);
			else
				chart_glyph(c, d + 1, gutter + i * cw, G_NONE,
				    '.', CHART_DIM);
		}
	}
}
