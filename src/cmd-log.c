/*
 * cmd-log.c - `rehabit log`: past sessions and pain reports, newest
 * first, one line each, in the local time they happened.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

#include "cmd.h"
#include "history.h"
#include "isotime.h"
#include "store.h"

static int	cmd_log_exec(const struct rh_opts *, int, char **);

static const struct cmd_option cmd_log_options[] = {
	{ "limit", 'l', 0, CMD_ARG_TEXT, NULL },
	{ NULL, 0, 0, CMD_ARG_NONE, NULL }
};

const struct cmd_entry cmd_log_entry = {
	.name = "log",
	.args = "[--limit N]",
	.summary = "past sessions and pain reports, newest first",
	.help =
	    "  --limit N   show only the newest N sessions and reports\n"
	    "  --help      show this help\n"
	    "\n"
	    "Each line: the date and time (local time where it happened), the\n"
	    "routine, whether it was completed or stopped early (partial), how\n"
	    "long it took, pain during/after/next morning (- not given), red\n"
	    "flags. Reports not tied to a session show as (pain report). A\n"
	    "note written with either follows on a line of its own.\n",
	.exec = cmd_log_exec,
	.options = cmd_log_options,
};

/* One line of the log: a session or a standalone report. */
struct log_row {
	int64_t				 at;
	const struct hist_session	*s;
	const struct hist_pain		*p;
};

static void
cmd_log_score(char *buf, size_t len, int v)
{
	if (v == PAIN_NONE)
		snprintf(buf, len, "-");
	else
		snprintf(buf, len, "%d", v);
}

static void
cmd_log_flags(char *buf, size_t len, unsigned flags)
{
	size_t	n = 0;
	int	i;

	buf[0] = '\0';
	for (i = 0; i < FLAG_COUNT && n < len; i++) {
		if (flags & (1u << i))
			n += (size_t)snprintf(buf + n, len - n, "%s%s",
			    n > 0 ? "," : "", history_flag_name(1u << i));
	}
}

static void
cmd_log_duration(char *buf, size_t len, const struct hist_session *s)
{
	int64_t	d;

	if (s->end == 0 || s->end < s->start) {
		snprintf(buf, len, "-");
		return;
	}
	d = s->end - s->start;
	if (d >= 3600)
		snprintf(buf, len, "%lld:%02lld:%02lld", (long long)(d / 3600),
		    (long long)(d / 60 % 60), (long long)(d % 60));
	else
		snprintf(buf, len, "%lld:%02lld", (long long)(d / 60),
		    (long long)(d % 60));
}

static void
cmd_log_print(const struct log_row *r, int width)
{
	char		 when[ISOTIME_LEN], dur[32] = "", pain[3][8], flags[64];
	char		 scores[32];
	const char	*name = "(pain report)", *done = "", *note;
	int		 k, v[3];

	if (r->s != NULL) {
		isotime_format_short(r->s->start, r->s->utc_off, when,
		    sizeof when);
		cmd_log_duration(dur, sizeof dur, r->s);
		v[0] = r->s->pain_during;
		v[1] = r->s->pain_after;
		v[2] = r->s->pain_morning;
		cmd_log_flags(flags, sizeof flags, r->s->flags);
		name = r->s->routine;
		done = r->s->completed ? "complete" : r->s->end == 0 ? "open" :
		    "partial";
		note = r->s->note;
	} else {
		isotime_format_short(r->p->at, r->p->utc_off, when,
		    sizeof when);
		for (k = 0; k < 3; k++)
			v[k] = (int)r->p->kind == k ? r->p->score : PAIN_NONE;
		cmd_log_flags(flags, sizeof flags, r->p->flags);
		note = r->p->note;
	}
	for (k = 0; k < 3; k++)
		cmd_log_score(pain[k], sizeof pain[k], v[k]);
	snprintf(scores, sizeof scores, "%s/%s/%s", pain[0], pain[1], pain[2]);
	if (flags[0] != '\0')
		printf("%s  %-*s  %-8s  %7s  %-10s  %s\n", when, width, name,
		    done, dur, scores, flags);
	else
		printf("%s  %-*s  %-8s  %7s  %s\n", when, width, name, done,
		    dur, scores);
	if (note != NULL && note[0] != '\0') {
		printf("%16s  note: ", "");
		cmd_put_text(stdout, note);
		putchar('\n');
	}
}

static int
cmd_log_cmp(const void *a, const void *b)
{
	const struct log_row	*x = a, *y = b;

	/* Newest first; a session before a report of the same second. */
	if (x->at != y->at)
		return x->at > y->at ? -1 : 1;
	return (x->s == NULL) - (y->s == NULL);
}

static int
cmd_log_exec(const struct rh_opts *o, int argc, char **argv)
{
	struct store	*st;
	struct history	 h;
	struct log_row	*rows;
	size_t		 n, i, limit = 0;
	long		 v;
	int		 c, rc, width = 13;

	while ((c = cmd_getopt(&cmd_log_entry, argc, argv, &rc)) != -1) {
		switch (c) {
		case 'l':
			if (cmd_parse_int(optarg, 1, 1000000, &v) == -1)
				return cmd_usage_error(&cmd_log_entry, "--limit: "
				    "'%s' is not a number from 1 to 1000000",
				    optarg);
			limit = (size_t)v;
			break;
		}
	}
	if (rc != -1)
		return rc;
	if (optind < argc)
		return cmd_usage_error(&cmd_log_entry, "unexpected argument "
		    "'%s'", argv[optind]);

	if ((rc = store_open_readonly(o->data_dir, &st)) != 0) {
		fprintf(stderr, "rehabit: %s\n", store_open_error());
		return rc;
	}
	history_init(&h);
	rc = limit > 0 ? store_load_recent(st, limit, &h) :
	    store_load(st, 0, &h);
	if (rc != 0) {
		fprintf(stderr, "rehabit: %s\n", store_error(st));
		store_close(st);
		history_free(&h);
		return rc;
	}
	store_close(st);
	if (h.ns == 0 && h.np == 0) {
		printf("No sessions recorded yet. Start one with 'rehabit "
		    "start'.\n");
		history_free(&h);
		return 0;
	}

	n = h.ns + h.np;
	rows = calloc(n, sizeof *rows);
	if (rows == NULL) {
		history_free(&h);
		fprintf(stderr, "rehabit: out of memory\n");
		return EX_OSERR;
	}
	for (i = 0; i < h.ns; i++) {
		rows[i].at = h.s[i].start;
		rows[i].s = &h.s[i];
		if ((int)strlen(h.s[i].routine) > width)
			width = (int)strlen(h.s[i].routine);
	}
	for (i = 0; i < h.np; i++) {
		rows[h.ns + i].at = h.p[i].at;
		rows[h.ns + i].p = &h.p[i];
	}
	qsort(rows, n, sizeof *rows, cmd_log_cmp);
	if (limit > 0 && n > limit)
		n = limit;
	printf("%-16s  %-*s  %-8s  %7s  %-10s  %s\n", "DATE", width,
	    "ROUTINE", "DONE", "TIME", "PAIN D/A/M", "FLAGS");
	for (i = 0; i < n; i++)
		cmd_log_print(&rows[i], width);
	free(rows);
	history_free(&h);
	return ferror(stdout) ? EX_IOERR : 0;
}
