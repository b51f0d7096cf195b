/*
 * test-chart.c - the text charts: golden output at several sizes, in
 * Unicode and ASCII (tests/fixtures/report/charts*.txt), and properties
 * that hold at any size.
 *
 * To refresh the golden files after a deliberate change, run with
 * REHABIT_REGEN=1 and review the diff.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "chart.h"
#include "report.h"
#include "tap.h"
#include "xmalloc.h"

#define NW	12

static struct report_week	t_w[NW];
static double			t_pain[NW];
static int64_t			t_vol[NW];
static int64_t			t_day0;

/* Twelve weeks: pain falling from 7 to 1 with a gap, volume rising. */
static void
make_weeks(void)
{
	static const double	pain[NW] = {
		7, 6.5, 5, 4.5, -1, 4, 3, 2.5, 2, 1.5, 0, 1
	};
	int			i, d;

	t_day0 = report_days(2026, 9, 7);
	memset(t_w, 0, sizeof t_w);
	for (i = 0; i < NW; i++) {
		t_w[i].day0 = t_day0 + 7 * i;
		t_w[i].planned = 3;
		t_pain[i] = pain[i];
		t_vol[i] = i == 4 ? 0 : 100 + 25 * i;
		for (d = 0; d < 7; d += 2) {
			if (i == 4)
				break;
			t_w[i].day_done[d] = d < 6;
			t_w[i].done += d < 6;
		}
	}
	t_w[2].day_partial[1] = 1;
	t_w[7].day_flags[3] = FLAG_SWELLING;
	t_w[8].day_done[6] = 1;
	t_w[8].day_flags[6] = FLAG_LOCKING;
}

/* Print every row of a chart under a heading. */
static void
dump(FILE *fp, const char *title, const struct chart *c)
{
	char	*buf;
	size_t	 len = (size_t)c->w * 4 + 1;
	int	 row;

	buf = xmalloc(len);
	fprintf(fp, "== %s (%dx%d%s)\n", title, c->w, c->h,
	    c->ascii ? ", ascii" : "");
	for (row = 0; row < c->h; row++)
		fprintf(fp, "%s|\n", chart_row(c, row, buf, len));
	free(buf);
}

/* Every chart at every size into one text. */
static char *
render(bool ascii)
{
	static const int	pain_sizes[][2] = {
		{ 40, 11 }, { 20, 6 }, { 80, 8 }, { 8, 4 }
	};
	static const int	cal_sizes[][2] = { { 40, 8 }, { 14, 8 } };
	struct chart		c;
	char			*out = NULL;
	size_t			 len = 0, i;
	FILE			*fp;

	fp = open_memstream(&out, &len);
	for (i = 0; i < sizeof pain_sizes / sizeof pain_sizes[0]; i++) {
		chart_init(&c, pain_sizes[i][0], pain_sizes[i][1], ascii);
		chart_pain(&c, t_pain, NW, t_day0);
		dump(fp, "pain", &c);
		chart_free(&c);
	}
	chart_init(&c, 30, 6, ascii);
	chart_pain(&c, t_pain, 3, t_day0);
	dump(fp, "pain, 3 weeks", &c);
	chart_free(&c);
	for (i = 0; i < sizeof cal_sizes / sizeof cal_sizes[0]; i++) {
		chart_init(&c, cal_sizes[i][0], cal_sizes[i][1], ascii);
		chart_calendar(&c, t_w, NW, t_day0 + 7 * NW - 3);
		dump(fp, "calendar", &c);
		chart_free(&c);
	}
	chart_init(&c, 20, 3, ascii);
	chart_spark(&c, 0, 0, 20, t_vol, NW);
	chart_spark(&c, 1, 2, 6, t_vol, NW);
	chart_spark(&c, 2, 0, 4, t_vol, 1);
	dump(fp, "sparklines", &c);
	chart_free(&c);
	fclose(fp);
	return out;
}

static char *
slurp(const char *path)
{
	FILE	*fp;
	char	*buf;
	long	 n;

	if ((fp = fopen(path, "rb")) == NULL)
		return NULL;
	fseek(fp, 0, SEEK_END);
	n = ftell(fp);
	rewind(fp);
	buf = xmalloc((size_t)n + 1);
	buf[fread(buf, 1, (size_t)n, fp)] = '\0';
	fclose(fp);
	return buf;
}

static void
test_golden(bool ascii)
{
	const char	*name = ascii ? "charts-ascii.txt" : "charts.txt";
	char		*path, *got, *want;
	FILE		*fp;

	xasprintf(&path, "%s/%s", REPORT_FIXTURES, name);
	got = render(ascii);
	if (getenv("REHABIT_REGEN") != NULL &&
	    (fp = fopen(path, "w")) != NULL) {
		fputs(got, fp);
		fclose(fp);
	}
	want = slurp(path);
	ok(want != NULL, "golden file %s exists", name);
	is_str(got, want != NULL ? want : "", "charts match %s", name);
	free(path);
	free(got);
	free(want);
}

static bool
printable(const char *s)
{
	for (; *s != '\0'; s++) {
		if ((unsigned char)*s < 0x20 || (unsigned char)*s > 0x7e)
			return false;
	}
	return true;
}

/* Nothing is drawn outside the grid, whatever the size. */
static void
test_sizes(void)
{
	struct chart		 c;
	const struct chart_cell	*cell;
	char			 buf[1024];
	int			 w, h, row, bad = 0;
	bool			 ascii;

	for (ascii = false; ; ascii = true) {
		for (w = 0; w < 60; w += 7) {
			for (h = 0; h < 12; h += 3) {
				chart_init(&c, w, h, ascii);
				chart_pain(&c, t_pain, NW, t_day0);
				for (row = 0; row < h; row++) {
					chart_row(&c, row, buf, sizeof buf);
					if (ascii && !printable(buf))
						bad++;
				}
				chart_calendar(&c, t_w, NW, t_day0 + 100);
				for (row = 0; row < h; row++) {
					chart_row(&c, row, buf, sizeof buf);
					if (ascii && !printable(buf))
						bad++;
				}
				chart_free(&c);
			}
		}
		if (ascii)
			break;
	}
	is_int(bad, 0, "ASCII charts hold only printable ASCII");

	chart_init(&c, 10, 11, false);
	chart_pain(&c, (double[]){ 1, 4, 9 }, 3, t_day0);
	cell = chart_at(&c, 9, 3);
	ok(cell != NULL && cell->role == CHART_GREEN, "pain 1: a green bar");
	cell = chart_at(&c, 9, 5);
	ok(cell != NULL && cell->role == CHART_AMBER, "pain 4: an amber bar");
	cell = chart_at(&c, 2, 7);
	ok(cell != NULL && cell->role == CHART_RED, "pain 9: a red bar");
	ok(chart_at(&c, 11, 0) == NULL && chart_at(&c, 0, 10) == NULL,
	    "no cell outside the grid");
	chart_row(&c, 0, buf, 4);
	is_str(buf, "10", "a short buffer is cut, not overrun");
	chart_free(&c);

	is_int(chart_band(2), CHART_GREEN, "2 is green");
	is_int(chart_band(2.5), CHART_AMBER, "2.5 is amber");
	is_int(chart_band(5), CHART_AMBER, "5 is amber");
	is_int(chart_band(5.1), CHART_RED, "5.1 is red");
}

int
main(void)
{
	make_weeks();
	test_golden(false);
	test_golden(true);
	test_sizes();
	return tap_done();
}
