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

#include "calendar.h"
#include "chart.h"
#include "report.h"
#include "tap.h"
#include "xmalloc.h"

#define NW	12

static struct report_week	t_w[NW];
static double			t_pain[NW];
static int64_t			t_vol[NW];
static int64_t			t_day0;

/* Sessions of three weeks: pain 1 or 2, one 7 (a bad day), one none. */
#define NS	9
static struct report_session	t_sess[NS];

static void
make_sessions(void)
{
	static const int	worst[NS] = { 2, 1, 2, 7, 1, -1, 2, 1, 1 };
	int			i;

	memset(t_sess, 0, sizeof t_sess);
	for (i = 0; i < NS; i++) {
		t_sess[i].at = (t_day0 + 7 * (i / 3) + 2 * (i % 3)) * 86400 +
		    18 * 3600;
		t_sess[i].worst = worst[i];
		t_sess[i].pain[PAIN_AFTER] = worst[i];
	}
}

/* Twelve weeks: pain falling from 7 to 1 with a gap, volume rising. */
static void
make_weeks(void)
{
	static const double	pain[NW] = {
		7, 6.5, 5, 4.5, -1, 4, 3, 2.5, 2, 1.5, 0, 1
	};
	int			i, d;

	t_day0 = calendar_days(2026, 9, 7);
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
	chart_init(&c, 40, 11, ascii);
	chart_sessions(&c, t_sess, NS);
	dump(fp, "sessions", &c);
	chart_free(&c);
	chart_init(&c, 12, 6, ascii);
	chart_sessions(&c, t_sess, NS);
	dump(fp, "sessions, merged", &c);
	chart_free(&c);
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
	int			 w, h, row, i, bad = 0;
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
				chart_sessions(&c, t_sess, NS);
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

	/* Three weeks on a wide chart: no guide past the last bar. */
	chart_init(&c, 40, 11, false);
	chart_pain(&c, (double[]){ 1, 4, 9 }, 3, t_day0);
	cell = chart_at(&c, 4, 3 + 3 * 4);
	ok(cell != NULL && strcmp(cell->g, " ") == 0,
	    "3 weeks: the 5 guide stops after the last week");
	cell = chart_at(&c, 4, 3 + 3 * 4 - 1);
	ok(cell != NULL && strcmp(cell->g, " ") != 0,
	    "3 weeks: the 5 guide runs under the weeks");
	chart_free(&c);

	/* A red flag on a day with a session done is still a "!". */
	chart_init(&c, 40, 8, true);
	chart_calendar(&c, t_w, NW, t_day0 + 7 * NW - 3);
	cell = chart_at(&c, 7, 3 + 8 * 2);
	ok(cell != NULL && strcmp(cell->g, "!") == 0 &&
	    cell->role == CHART_RED, "calendar: a flag on a done day is !");
	cell = chart_at(&c, 1, 3 + 8 * 2);
	ok(cell != NULL && strcmp(cell->g, "#") == 0,
	    "calendar: a done day without a flag is #");
	chart_free(&c);

	/* Each session a bar; a bad day is red and marked, never merged
	 * away by an average. */
	chart_init(&c, 40, 11, false);
	chart_sessions(&c, t_sess, NS);
	cell = chart_at(&c, 9, 3 + 3 * 2);
	ok(cell != NULL && cell->role == CHART_RED, "session of 7: red bar");
	cell = chart_at(&c, 2, 3 + 3 * 2);
	ok(cell != NULL && strcmp(cell->g, "!") == 0 &&
	    cell->role == CHART_RED, "session of 7: ! over its bar");
	for (i = 0, bad = 0; i < 11; i++) {
		cell = chart_at(&c, i, 3 + 5 * 2);
		bad += cell->role == CHART_RED || cell->role == CHART_GREEN ||
		    cell->role == CHART_AMBER;
	}
	is_int(bad, 0, "a session without a score: no bar");
	chart_row(&c, 10, buf, sizeof buf);
	is_str(buf, "   7 Sep   16 Sep  25 Sep",
	    "sessions: their dates under them");
	chart_free(&c);
	chart_init(&c, 6, 6, true);
	chart_sessions(&c, t_sess, NS);
	for (i = 0, bad = 0; i < 5; i++)
		bad += strcmp(chart_at(&c, i, 3 + 1)->g, "!") == 0;
	is_int(bad, 1, "merged sessions: the worst, 7, still marked");
	chart_free(&c);

	is_int(chart_band(NULL, 2), CHART_GREEN, "2 is green");
	is_int(chart_band(NULL, 2.5), CHART_AMBER, "2.5 is amber");
	is_int(chart_band(NULL, 5), CHART_AMBER, "5 is amber");
	is_int(chart_band(NULL, 5.1), CHART_RED, "5.1 is red");
}

/* A routine's own green 1 and red 3: the bars, scale and guides follow. */
static void
test_routine_bands(void)
{
	struct routine		 rt;
	struct chart		 c;
	const struct chart_cell	*cell;
	char			 buf[128];

	memset(&rt, 0, sizeof rt);
	rt.prog.green_max = 1;
	rt.prog.red_above = 3;
	is_int(chart_band(&rt, 1), CHART_GREEN, "green 1: 1 is green");
	is_int(chart_band(&rt, 2), CHART_AMBER, "green 1: 2 is amber");
	is_int(chart_band(&rt, 3.5), CHART_RED, "red 3: 3.5 is red");
	chart_init(&c, 10, 11, false);
	c.rt = &rt;
	chart_pain(&c, (double[]){ 2, 4, 1 }, 3, t_day0);
	cell = chart_at(&c, 9, 3);
	ok(cell != NULL && cell->role == CHART_AMBER, "pain 2: an amber bar");
	cell = chart_at(&c, 9, 5);
	ok(cell != NULL && cell->role == CHART_RED, "pain 4: a red bar");
	cell = chart_at(&c, 9, 7);
	ok(cell != NULL && cell->role == CHART_GREEN, "pain 1: a green bar");
	chart_row(&c, 8, buf, sizeof buf);
	ok(strncmp(buf, " 1\xe2\x94\xa4", 5) == 0, "the scale marks 1");
	chart_row(&c, 6, buf, sizeof buf);
	ok(strncmp(buf, " 3\xe2\x94\xa4", 5) == 0, "the scale marks 3");
	chart_row(&c, 4, buf, sizeof buf);
	ok(strstr(buf, " 5") == NULL && strstr(buf, "\xe2\x94\x88") == NULL,
	    "no mark or guide at 5");
	chart_free(&c);
	chart_init(&c, 10, 11, false);
	c.rt = &rt;
	chart_sessions(&c, (struct report_session[]){ { .worst = 4 } }, 1);
	cell = chart_at(&c, 5, 3);
	ok(cell != NULL && strcmp(cell->g, "!") == 0,
	    "a session of 4 over red 3: !");
	chart_free(&c);
}

int
main(void)
{
	make_weeks();
	make_sessions();
	test_golden(false);
	test_golden(true);
	test_sizes();
	test_routine_bands();
	return tap_done();
}
