/*
 * catalog-bench.c - how much the library loader costs over libyaml itself.
 *
 * Generates a library of 5,000 exercises and 250 routines of 8 steps in
 * memory, then times (best of several runs) libyaml's bare event scan of
 * it against catalog_load_buffer() + catalog_link() + catalog_free().
 * The bar (issue #2) is a ratio of at most 1.5.
 *
 * The runs in this process measure the work alone: malloc keeps what a
 * run frees (no trimming, no mmap()ed blocks handed back), so that later
 * runs reuse memory already faulted in, for the scan and the loader alike;
 * otherwise the arena's chunks, freed at once, go back to the system and
 * are faulted in again by every run. A command meets the first touch: so
 * each side is also timed in a fresh child process, as `rehabit check`
 * meets it (best of the same number of children).
 *
 *	make bench/catalog-bench && bench/catalog-bench [RUNS]
 */
#include "config.h"

#include <sys/wait.h>

#include <malloc.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <yaml.h>

#include "catalog.h"
#include "xmalloc.h"

#define NEX	5000
#define NRT	250
#define NSTEP	8

struct buf {
	char	*s;
	size_t	 len, cap;
};

static void
bench_add(struct buf *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

static void
bench_add(struct buf *b, const char *fmt, ...)
{
	va_list	ap;
	int	n;

	for (;;) {
		va_start(ap, fmt);
		n = vsnprintf(b->s + b->len, b->cap - b->len, fmt, ap);
		va_end(ap);
		if (n >= 0 && (size_t)n < b->cap - b->len)
			break;
		b->cap = b->cap == 0 ? 65536 : b->cap * 2;
		b->s = xreallocarray(b->s, b->cap, 1);
	}
	b->len += (size_t)n;
}

/* A library like the bundled one, only much bigger. */
static void
bench_generate(struct buf *b)
{
	static const char *const kinds[] = { "reps", "hold", "timed" };
	int	i, j, k;

	bench_add(b, "exercises:\n");
	for (i = 0; i < NEX; i++) {
		bench_add(b, "  - id: exercise-%d\n"
		    "    name: Exercise number %d\n"
		    "    kind: %s\n    focus: strength\n    sides: %s\n"
		    "    cues:\n      - Keep the knee over the middle toes\n"
		    "      - Move slowly and breathe out on the effort\n"
		    "    levels: [Easy variation, Middle variation, "
		    "Hard variation]\n", i, i, kinds[i % 3],
		    i % 2 ? "each" : "both");
	}
	bench_add(b, "routines:\n");
	for (i = 0; i < NRT; i++) {
		bench_add(b, "  - id: routine-%d\n    name: Routine %d\n"
		    "    per_week: 3\n    progression: {green: 2, red: 5}\n"
		    "    steps:\n", i, i);
		for (j = 0; j < NSTEP; j++) {
			k = (i * NSTEP + j) % NEX;
			switch (k % 3) {
			case 0:
				bench_add(b, "      - {exercise: exercise-%d, "
				    "sets: 3, reps: 10, rest: 60, tempo: [2, 1,"
				    " 2], progression: {reps: {step: 2, max: "
				    "15}, level: {max: 3}}}\n", k);
				break;
			case 1:
				bench_add(b, "      - {exercise: exercise-%d, "
				    "sets: 3, hold: 30, rest: 45, progression: "
				    "{hold: {step: 5, max: 60}}}\n", k);
				break;
			default:
				bench_add(b, "      - {exercise: exercise-%d, "
				    "work: 60, easy: 120, rounds: 5, "
				    "progression: {work: {step: 30}}}\n", k);
				break;
			}
		}
	}
}

static double
bench_now(void)
{
	struct timespec	ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

/* libyaml alone: every event parsed and freed. */
static size_t
bench_scan(const struct buf *b)
{
	yaml_parser_t	p;
	yaml_event_t	ev;
	size_t		n = 0;
	int		done = 0;

	yaml_parser_initialize(&p);
	yaml_parser_set_input_string(&p, (const unsigned char *)b->s, b->len);
	while (!done) {
		if (!yaml_parser_parse(&p, &ev))
			fatalx(1, "the generated library does not parse");
		done = ev.type == YAML_STREAM_END_EVENT;
		yaml_event_delete(&ev);
		n++;
	}
	yaml_parser_delete(&p);
	return n;
}

static void
bench_load(const struct buf *b)
{
	struct catalog	cat;
	struct diags	d;

	catalog_init(&cat);
	diags_init(&d);
	catalog_load_buffer(&cat, "bench.yaml", b->s, b->len, &d);
	catalog_link(&cat, &d);
	if (d.n != 0 || cat.nex != NEX || cat.nrt != NRT) {
		diags_print(&d, stderr);
		fatalx(1, "the generated library does not load");
	}
	diags_free(&d);
	catalog_free(&cat);
}

/* The time of fn(b) in a fresh child process: its first and only run. */
static double
bench_child(void (*fn)(const struct buf *), const struct buf *b)
{
	double	t;
	pid_t	pid;
	int	fd[2], status;

	if (pipe(fd) == -1 || (pid = fork()) == -1)
		fatalx(1, "pipe or fork failed");
	if (pid == 0) {
		close(fd[0]);
		t = bench_now();
		fn(b);
		t = bench_now() - t;
		if (write(fd[1], &t, sizeof t) != (ssize_t)sizeof t)
			_exit(1);
		_exit(0);
	}
	close(fd[1]);
	if (read(fd[0], &t, sizeof t) != (ssize_t)sizeof t)
		fatalx(1, "a child did not report");
	close(fd[0]);
	if (waitpid(pid, &status, 0) == -1 || !WIFEXITED(status) ||
	    WEXITSTATUS(status) != 0)
		fatalx(1, "a child failed");
	return t;
}

static void
bench_scan_only(const struct buf *b)
{
	bench_scan(b);
}

int
main(int argc, char **argv)
{
	struct buf	b = { NULL, 0, 0 };
	double		t, scan = 1e9, load = 1e9, cscan = 1e9, cload = 1e9;
	size_t		events = 0;
	int		i, runs = argc > 1 ? atoi(argv[1]) : 7;

	if (runs < 1)
		runs = 1;
	bench_generate(&b);
	/* Before the runs in this process: children would share its memory. */
	for (i = 0; i < runs; i++) {
		if ((t = bench_child(bench_scan_only, &b)) < cscan)
			cscan = t;
		if ((t = bench_child(bench_load, &b)) < cload)
			cload = t;
	}
	mallopt(M_TRIM_THRESHOLD, 1 << 30);
	mallopt(M_MMAP_THRESHOLD, 32 * 1024 * 1024);	/* its maximum */
	for (i = 0; i < runs; i++) {
		t = bench_now();
		events = bench_scan(&b);
		t = bench_now() - t;
		if (t < scan)
			scan = t;
		t = bench_now();
		bench_load(&b);
		t = bench_now() - t;
		if (t < load)
			load = t;
	}
	printf("library: %d exercises, %d routines, %zu bytes, %zu events\n",
	    NEX, NRT, b.len, events);
	printf("libyaml event scan:     %8.2f ms\n", scan * 1e3);
	printf("catalog load and check: %8.2f ms\n", load * 1e3);
	printf("ratio: %.2f (bar: 1.50)\n", load / scan);
	printf("first run in a fresh process: scan %.2f ms, load and check "
	    "%.2f ms, ratio %.2f\n", cscan * 1e3, cload * 1e3, cload / cscan);
	free(b.s);
	return 0;
}
