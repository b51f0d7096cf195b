/*
 * seed-history.c - write sessions into a history database through the
 * store API, for the screen and command tests. Reads lines from stdin:
 *
 *	session ROUTINE START UTC_OFF COMPLETED [MINUTES]
 *	set EXERCISE SIDE DOSE SET VALUE	(DOSE: sets=3,reps=10,rest=60)
 *	pain KIND SCORE [FLAGS]			(FLAGS: swelling,locking)
 *	expain EXERCISE SIDE SCORE		(one exercise's pain)
 *	note TEXT
 *
 * `set` and `pain` belong to the last session. Prints each session's id.
 * Usage: seed-history DATA_DIR < lines
 */
#include "config.h"

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "catalog.h"
#include "history.h"
#include "store.h"

static struct store	*seed_st;
static int		 seed_line;

static void
seed_die(const char *what)
{
	fprintf(stderr, "seed-history: line %d: %s%s%s\n", seed_line, what,
	    seed_st != NULL ? ": " : "",
	    seed_st != NULL ? store_error(seed_st) : "");
	exit(1);
}

static int
seed_dose_field(struct dose *d, const char *key, int v)
{
	static const struct {
		const char	*key;
		size_t		 off;
	} f[] = {
		{ "sets", offsetof(struct dose, sets) },
		{ "reps", offsetof(struct dose, reps) },
		{ "hold", offsetof(struct dose, hold) },
		{ "work", offsetof(struct dose, work) },
		{ "rounds", offsetof(struct dose, rounds) },
		{ "rest", offsetof(struct dose, rest) },
		{ "level", offsetof(struct dose, level) },
	};
	size_t	i;

	for (i = 0; i < sizeof f / sizeof f[0]; i++) {
		if (strcmp(f[i].key, key) == 0) {
			*(int *)((char *)d + f[i].off) = v;
			return 0;
		}
	}
	return -1;
}

static void
seed_dose(char *s, struct dose *d)
{
	char	*kv, *eq;

	memset(d, 0, sizeof *d);
	for (kv = strtok(s, ","); kv != NULL; kv = strtok(NULL, ",")) {
		if ((eq = strchr(kv, '=')) == NULL)
			seed_die("bad dose");
		*eq = '\0';
		if (seed_dose_field(d, kv, atoi(eq + 1)) != 0)
			seed_die("bad dose key");
	}
}

static enum side
seed_side(const char *s)
{
	if (strcmp(s, "left") == 0)
		return SIDE_LEFT;
	if (strcmp(s, "right") == 0)
		return SIDE_RIGHT;
	return SIDE_BOTH;
}

static unsigned
seed_flags(char *s)
{
	unsigned	 flags = 0, f;
	char		*name;

	for (name = strtok(s, ","); name != NULL; name = strtok(NULL, ",")) {
		if ((f = history_flag_parse(name)) == 0)
			seed_die("bad flag");
		flags |= f;
	}
	return flags;
}

int
main(int argc, char **argv)
{
	struct pain_input	 in;
	struct pain_result	 res;
	struct pain_ex		 pex;
	struct dose		 d;
	char			 line[512], a[128], b[128], c[128];
	long long		 start = 0;
	int64_t			 id = 0;
	int			 off = 0, completed, minutes, set, value, n;
	enum side		 side;

	if (argc != 2) {
		fprintf(stderr, "usage: seed-history DATA_DIR < lines\n");
		return 2;
	}
	if (store_open(argv[1], &seed_st) != 0) {
		fprintf(stderr, "seed-history: %s\n", store_open_error());
		return 1;
	}
	while (fgets(line, sizeof line, stdin) != NULL) {
		seed_line++;
		if (line[0] == '#' || line[0] == '\n')
			continue;
		minutes = 20;
		if (sscanf(line, "session %127s %lld %d %d %d", a, &start,
		    &off, &completed, &minutes) >= 4) {
			if (store_session_begin(seed_st, a, start, off,
			    &id) != 0 ||
			    store_session_end(seed_st, id, start + minutes * 60,
			    completed) != 0)
				seed_die("session");
			printf("%lld\n", (long long)id);
		} else if (id == 0)
			seed_die("no session yet");
		else if (sscanf(line, "set %127s %127s %127s %d %d", a, b, c,
		    &set, &value) == 5) {
			side = seed_side(b);
			seed_dose(c, &d);
			if (store_set_done(seed_st, id, a, side,
			    &d, set, value) != 0)
				seed_die("set");
		} else if ((n = sscanf(line, "pain %127s %d %127s", a, &value,
		    b)) >= 2) {
			memset(&in, 0, sizeof in);
			in.session = id;
			in.during = in.after = in.morning = PAIN_NONE;
			if (strcmp(a, "during") == 0)
				in.during = value;
			else if (strcmp(a, "after") == 0)
				in.after = value;
			else
				in.morning = value;
			in.flags = n == 3 ? seed_flags(b) : 0;
			in.at = start + 3600;
			in.utc_off = off;
			if (store_record_pain(seed_st, &in, &res) != 0)
				seed_die("pain");
		} else if (sscanf(line, "expain %127s %127s %d", a, b,
		    &value) == 3) {
			memset(&in, 0, sizeof in);
			memset(&pex, 0, sizeof pex);
			pex.exercise = a;
			pex.side = seed_side(b);
			pex.score = value;
			in.session = id;
			in.during = in.after = in.morning = PAIN_NONE;
			in.ex = &pex;
			in.nex = 1;
			in.at = start + 3600;
			in.utc_off = off;
			if (store_record_pain(seed_st, &in, &res) != 0)
				seed_die("expain");
		} else if (strncmp(line, "note ", 5) == 0) {
			line[strcspn(line, "\n")] = '\0';
			memset(&in, 0, sizeof in);
			in.session = id;
			in.during = in.after = in.morning = PAIN_NONE;
			in.note = line + 5;
			in.at = start + 3600;
			in.utc_off = off;
			if (store_record_pain(seed_st, &in, &res) != 0)
				seed_die("note");
		} else
			seed_die("not understood");
	}
	store_close(seed_st);
	return 0;
}
