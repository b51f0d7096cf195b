/*
 * test-catalog-stream.c - the loader loads the top-level mapping, and the
 * items of its lists, while it parses (catalog.c, struct ld_top): the
 * problems of a large library, with errors spread over its items, must be
 * exactly those of loading the whole tree at once, in the same order (the
 * parse's first, then loading's, then linking's), from memory or read from
 * a file a piece at a time; a file that fails to parse half-way loads
 * nothing; the limits still count the whole file; and borrowed exercises
 * live in the borrower's arena.
 */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "catalog.h"
#include "tap.h"
#include "xmalloc.h"

#define NEX	400
#define NRT	60

/* A generated file, and the problems expected of it as "LINE:COL: msg". */
struct gen {
	char	*s;
	size_t	 len, cap;
	int	 line;		/* of the next line */
	char	 cur[256];	/* the last line, for columns */
	char	**parse, **load, **link;
	size_t	 nparse, nload, nlink;
};

static void
gen_line(struct gen *g, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

static void
gen_line(struct gen *g, const char *fmt, ...)
{
	va_list	ap;
	size_t	n;

	va_start(ap, fmt);
	vsnprintf(g->cur, sizeof g->cur, fmt, ap);
	va_end(ap);
	n = strlen(g->cur);
	if (g->len + n + 2 > g->cap) {
		g->cap = (g->len + n + 2) * 2;
		g->s = xreallocarray(g->s, g->cap, 1);
	}
	memcpy(g->s + g->len, g->cur, n);
	g->len += n;
	g->s[g->len++] = '\n';
	g->s[g->len] = '\0';
	g->line++;
}

/* The 1-based column of `what` in the last line. */
static int
gen_col(const struct gen *g, const char *what)
{
	const char	*p = strstr(g->cur, what);

	if (p == NULL)
		return -1;
	return (int)(p - g->cur) + 1;
}

static void
gen_expect(char ***v, size_t *n, int line, int col, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));

static void
gen_expect(char ***v, size_t *n, int line, int col, const char *fmt, ...)
{
	va_list	 ap;
	char	 msg[512];

	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	*v = xreallocarray(*v, *n + 1, sizeof **v);
	xasprintf(&(*v)[(*n)++], "%d:%d: %s", line, col, msg);
}

static void
gen_free(struct gen *g)
{
	size_t	i;

	for (i = 0; i < g->nparse; i++)
		free(g->parse[i]);
	for (i = 0; i < g->nload; i++)
		free(g->load[i]);
	for (i = 0; i < g->nlink; i++)
		free(g->link[i]);
	free(g->parse);
	free(g->load);
	free(g->link);
	free(g->s);
	memset(g, 0, sizeof *g);
}

/*
 * NEX exercises and NRT routines, with problems of every stage spread
 * over them: anchors (the parse's), bad values, unknown keys and empty
 * cues (loading's), unknown exercises (linking's); then a duplicate
 * 'exercises' whose items are never looked at, and an unknown top key.
 */
static void
gen_library(struct gen *g)
{
	static const char *const ex_keys = "id, name, kind, focus, sides, "
	    "cues, levels";
	int	i, first;

	memset(g, 0, sizeof *g);
	g->line = 1;
	gen_line(g, "exercises:");
	for (i = 0; i < NEX; i++) {
		gen_line(g, "  - id: ex-%d", i);
		if (i % 13 == 5) {
			gen_line(g, "    name: &n%d Exercise %d", i, i);
			gen_expect(&g->parse, &g->nparse, g->line - 1,
			    gen_col(g, "&"), "YAML anchors ('&n%d') are not "
			    "supported: write the value out", i);
		} else
			gen_line(g, "    name: Exercise %d", i);
		if (i % 7 == 3) {
			gen_line(g, "    kind: rep");
			gen_expect(&g->load, &g->nload, g->line - 1,
			    gen_col(g, "rep"), "'kind' must be reps, hold or "
			    "timed, got 'rep'");
		} else
			gen_line(g, "    kind: %s", i % 2 ? "hold" : "reps");
		if (i % 11 == 4) {
			gen_line(g, "    colour: red");
			gen_expect(&g->load, &g->nload, g->line - 1,
			    gen_col(g, "colour"), "unknown key 'colour' in an "
			    "exercise (expected %s)", ex_keys);
		}
		if (i % 17 == 9) {
			gen_line(g, "    cues: [Slow, '']");
			gen_expect(&g->load, &g->nload, g->line - 1,
			    gen_col(g, "''"), "item 2 of 'cues' must not be "
			    "empty");
		} else
			gen_line(g, "    cues: [Slow, Steady]");
	}
	gen_line(g, "routines:");
	for (i = 0; i < NRT; i++) {
		gen_line(g, "  - id: rt-%d", i);
		gen_line(g, "    name: Routine %d", i);
		gen_line(g, "    steps:");
		if (i % 5 == 2) {
			gen_line(g, "      - {exercise: ex-99999, sets: 3, "
			    "reps: 10}");
			gen_expect(&g->link, &g->nlink, g->line - 1,
			    gen_col(g, "exercise"), "unknown exercise "
			    "'ex-99999' (see 'rehabit list')");
		} else if (i % 6 == 1) {
			/* Even exercises are reps. */
			gen_line(g, "      - {exercise: ex-%d, sets: 3, "
			    "reps: 0}", 2 * i);
			gen_expect(&g->load, &g->nload, g->line - 1,
			    gen_col(g, "0}"), "'reps' must be a whole number "
			    "from 1 to 1000, got 0");
		} else
			gen_line(g, "      - {exercise: ex-%d, sets: 3, "
			    "reps: 10}", 2 * i);
	}
	gen_line(g, "exercises:");
	gen_expect(&g->load, &g->nload, g->line - 1, 1, "duplicate key "
	    "'exercises' in the file (first at line 1)");
	first = g->line;
	gen_line(g, "  - {id: late, name: Late, kind: nothing}");
	gen_line(g, "  - *alias");
	gen_expect(&g->parse, &g->nparse, first + 1, 5, "YAML aliases "
	    "('*alias') are not supported: write the value out");
	gen_line(g, "notes: [one, two]");
	gen_expect(&g->load, &g->nload, g->line - 1, 1, "unknown key 'notes' "
	    "in the file (expected exercises, routines)");
}

/* Problem i of `d` is `want`. */
static void
check_diag(const struct diags *d, size_t i, const char *want,
    const char *what)
{
	char	*got;

	if (i >= d->n) {
		ok(0, "%s: problem %zu: %s (missing)", what, i + 1, want);
		return;
	}
	xasprintf(&got, "%d:%d: %s", d->v[i].loc.line, d->v[i].loc.col,
	    d->v[i].msg);
	is_str(got, want, "%s: problem %zu", what, i + 1);
	free(got);
}

static void
test_spread(void)
{
	struct gen	 g;
	struct catalog	 cat;
	struct diags	 d;
	size_t		 n, i, k, broken = 0, want_broken = 0;
	const struct exercise *ex;

	gen_library(&g);
	catalog_init(&cat);
	diags_init(&d);
	d.max = 100000;
	n = catalog_load_buffer(&cat, "big.yaml", g.s, g.len, &d);
	is_int(n, g.nparse + g.nload, "spread: every problem of the file "
	    "counted");
	n += catalog_link(&cat, &d);
	is_int(d.n, g.nparse + g.nload + g.nlink, "spread: %zu problems",
	    g.nparse + g.nload + g.nlink);
	k = 0;
	for (i = 0; i < g.nparse; i++)
		check_diag(&d, k++, g.parse[i], "spread (parse)");
	for (i = 0; i < g.nload; i++)
		check_diag(&d, k++, g.load[i], "spread (load)");
	for (i = 0; i < g.nlink; i++)
		check_diag(&d, k++, g.link[i], "spread (link)");
	is_int(cat.nex, NEX, "spread: every exercise loaded");
	is_int(cat.nrt, NRT, "spread: every routine loaded");
	/* Loading's problems break an exercise; an anchor (the parse's) not. */
	for (i = 0; i < cat.nex; i++) {
		if (cat.ex[i].broken)
			broken++;
		if (i % 7 == 3 || i % 11 == 4 || i % 17 == 9)
			want_broken++;
	}
	is_int(broken, want_broken, "spread: the exercises with problems "
	    "are broken");
	ex = catalog_exercise(&cat, "ex-18");
	ok(ex != NULL && ex->ncues == 2 && strcmp(ex->cues[1], "Steady") ==
	    0 && ex->loc.line > 1 && ex->loc.col == 5, "spread: ex-18 whole");
	ex = catalog_exercise(&cat, "ex-26");
	ok(ex != NULL && ex->ncues == 1 && strcmp(ex->name, "Exercise 26") ==
	    0, "spread: an empty cue left out, the rest kept");
	ok(catalog_exercise(&cat, "late") == NULL, "spread: a duplicate "
	    "key's items are not loaded");
	ok(cat.rt[NRT - 1].nsteps == 1 && cat.rt[NRT - 1].steps[0].ex ==
	    catalog_exercise(&cat, "ex-118"), "spread: the last routine "
	    "linked");
	diags_free(&d);
	catalog_free(&cat);
	gen_free(&g);
}

/* A syntax error at the end: the file loads nothing, as before. */
static void
test_late_syntax_error(void)
{
	struct gen	 g;
	struct catalog	 cat;
	struct diags	 d;
	size_t		 n, i;
	char		*end;

	static const char good[] = "exercises: [{id: ok, name: Ok, kind: "
	    "reps}]\n";

	gen_library(&g);
	gen_line(&g, "routines: [unclosed");
	catalog_init(&cat);
	diags_init(&d);
	d.max = 100000;
	/* A good file first: what it loaded stays. */
	catalog_load_buffer(&cat, "good.yaml", good, strlen(good), &d);
	n = catalog_load_buffer(&cat, "big.yaml", g.s, g.len, &d);
	is_int(n, g.nparse + 1, "late syntax error: the parse's problems "
	    "only");
	is_int(d.n, g.nparse + 1, "late syntax error: nothing of loading "
	    "reported");
	for (i = 0; i < g.nparse && i < d.n; i++)
		check_diag(&d, i, g.parse[i], "late syntax error");
	ok(d.n > 0 && strncmp(d.v[d.n - 1].msg, "YAML syntax error", 17) ==
	    0 && d.v[d.n - 1].loc.line == g.line, "late syntax error: at "
	    "the end");
	is_int(cat.nex, 1, "late syntax error: no exercise of the file "
	    "loaded");
	is_int(cat.nrt, 0, "late syntax error: no routine loaded");
	ok(catalog_exercise(&cat, "ok") != NULL, "late syntax error: the "
	    "earlier file's exercise kept");
	diags_free(&d);
	catalog_free(&cat);

	/* The same after the second document's start. */
	gen_free(&g);
	gen_library(&g);
	end = xmalloc(g.len + 32);
	snprintf(end, g.len + 32, "%s---\nexercises: []\n", g.s);
	catalog_init(&cat);
	diags_init(&d);
	d.max = 100000;
	n = catalog_load_buffer(&cat, "two.yaml", end, strlen(end), &d);
	ok(n == d.n && d.n > 0 && strcmp(d.v[d.n - 1].msg, "only one YAML "
	    "document per file is supported") == 0 && cat.nex == 0 &&
	    cat.nrt == 0, "a second document: nothing loaded");
	diags_free(&d);
	catalog_free(&cat);
	free(end);
	gen_free(&g);
}

/* The node limit counts the whole file, not the items held at once. */
static void
test_node_limit(void)
{
	struct gen	 g;
	struct catalog	 cat;
	struct diags	 d;
	int		 i;

	memset(&g, 0, sizeof g);
	gen_line(&g, "exercises:");
	/* 9 nodes an item: beyond the limit after 22,223 items. */
	for (i = 0; i < CATALOG_MAX_NODES / 9 + 10; i++)
		gen_line(&g, "  - {id: e%d, name: E, kind: reps, focus: "
		    "cardio}", i);
	catalog_init(&cat);
	diags_init(&d);
	catalog_load_buffer(&cat, "many.yaml", g.s, g.len, &d);
	ok(d.n == 1 && strcmp(d.v[0].msg, "more than 200000 YAML nodes in "
	    "one file") == 0, "node limit: reported though items are let go");
	is_int(cat.nex, 0, "node limit: nothing loaded");
	diags_free(&d);
	catalog_free(&cat);
	gen_free(&g);
}

/* A short list of problems: the parse's first, the count kept. */
static void
test_dropped(void)
{
	struct gen	 g;
	struct catalog	 cat;
	struct diags	 d;
	size_t		 n, i;

	gen_library(&g);
	catalog_init(&cat);
	diags_init(&d);
	d.max = 5;
	n = catalog_load_buffer(&cat, "big.yaml", g.s, g.len, &d);
	is_int(n, g.nparse + g.nload, "dropped: every problem counted");
	is_int(d.n, 5, "dropped: 5 kept");
	is_int(d.dropped, g.nparse + g.nload - 5, "dropped: the rest counted");
	for (i = 0; i < 5; i++)
		check_diag(&d, i, g.parse[i], "dropped");
	diags_free(&d);
	catalog_free(&cat);
	gen_free(&g);
}

/*
 * A file is read a piece at a time, straight into libyaml: the same
 * problems as from memory; a file that grows while read loads nothing.
 */
static void
test_file(void)
{
	struct gen	 g;
	struct catalog	 cat;
	struct diags	 d;
	const char	*tmp = getenv("TMPDIR");
	char		 path[4096];
	size_t		 i, k = 0;
	FILE		*fp;
	int		 fd;

	gen_library(&g);
	snprintf(path, sizeof path, "%s/test-catalog-stream-XXXXXX",
	    tmp != NULL && *tmp != '\0' ? tmp : "/tmp");
	if ((fd = mkstemp(path)) == -1 || (fp = fdopen(fd, "w")) == NULL ||
	    fwrite(g.s, 1, g.len, fp) != g.len || fclose(fp) != 0) {
		ok(0, "file: write %s", path);
		gen_free(&g);
		return;
	}
	catalog_init(&cat);
	diags_init(&d);
	d.max = 100000;
	catalog_load_path(&cat, path, &d);
	is_int(d.n, g.nparse + g.nload, "file: every problem");
	for (i = 0; i < g.nparse; i++)
		check_diag(&d, k++, g.parse[i], "file (parse)");
	for (i = 0; i < g.nload; i++)
		check_diag(&d, k++, g.load[i], "file (load)");
	ok(d.n > 0 && strcmp(d.v[0].loc.file, path) == 0, "file: named");
	is_int(cat.nex, NEX, "file: every exercise loaded");
	is_int(cat.nfiles, 1, "file: one file");
	diags_free(&d);
	catalog_free(&cat);
	unlink(path);
	gen_free(&g);

	/* Its size says 0 bytes, and then it has some. */
	catalog_init(&cat);
	diags_init(&d);
	catalog_load_path(&cat, "/proc/self/status", &d);
	ok(d.n == 1 && strcmp(d.v[0].msg, "changed while being read") == 0 &&
	    d.v[0].loc.line == 0, "file: one that grows while read, refused");
	ok(cat.nfiles == 0 && cat.nex == 0, "file: and nothing of it kept");
	diags_free(&d);
	catalog_free(&cat);
}

static const char borrow_lib[] =
    "exercises:\n"
    "  - id: squat\n    name: Squat\n    kind: reps\n"
    "    cues: [Knees out, Slow down]\n    levels: [Chair, Free]\n"
    "  - id: plank\n    name: Plank\n    kind: hold\n"
    "routines:\n"
    "  - {id: r, name: R, steps: [{exercise: plank, sets: 1, hold: 20}]}\n";
static const char borrow_own[] =
    "exercises:\n  - {id: plank, name: My plank, kind: hold}\n"
    "routines:\n"
    "  - {id: mine, name: Mine, steps: [{exercise: squat, sets: 2, "
    "reps: 8, level: 2}, {exercise: plank, sets: 1, hold: 30}]}\n";

/* cat, with its own file, borrows from lib. */
static void
borrow_load(struct catalog *cat, struct catalog *lib, struct diags *d)
{
	catalog_init(cat);
	catalog_init(lib);
	catalog_load_buffer(cat, "own.yaml", borrow_own,
	    sizeof borrow_own - 1, d);
	catalog_load_buffer(lib, "lib.yaml", borrow_lib,
	    sizeof borrow_lib - 1, d);
	catalog_borrow(cat, lib);
}

/* Borrowed exercises outlive the catalog they came from, and vice versa. */
static void
test_borrow_arena(void)
{
	struct catalog		 cat, lib;
	struct diags		 d;
	const struct exercise	*ex;
	char			 dose[64];

	diags_init(&d);
	borrow_load(&cat, &lib, &d);
	is_int(cat.nex, 2, "borrow: squat copied, plank kept");
	is_int(lib.nex, 2, "borrow: the library keeps its exercises");
	ok(lib.ex[0].id != cat.ex[1].id, "borrow: a copy, not the library's "
	    "string");
	/* The library goes first: the copies must not need it. */
	catalog_free(&lib);
	catalog_link(&cat, &d);
	is_int(d.n, 0, "borrow: links after the library is freed");
	ex = catalog_exercise(&cat, "squat");
	ok(ex != NULL && strcmp(ex->name, "Squat") == 0 && ex->ncues == 2 &&
	    strcmp(ex->cues[1], "Slow down") == 0 && ex->nlevels == 2 &&
	    strcmp(ex->levels[1], "Free") == 0 && ex->loc.file != NULL &&
	    strcmp(ex->loc.file, "lib.yaml") == 0, "borrow: the copy whole, "
	    "with its file");
	catalog_dose_str(ex, &cat.rt[0].steps[0].base, dose, sizeof dose);
	is_str(dose, "2 x 8 (Free)", "borrow: the step uses the copy's levels");
	ex = catalog_exercise(&cat, "plank");
	ok(ex != NULL && strcmp(ex->name, "My plank") == 0, "borrow: cat's "
	    "own plank stays");
	catalog_free(&cat);

	/* The borrower goes first: the library is whole. */
	borrow_load(&cat, &lib, &d);
	catalog_free(&cat);
	catalog_link(&lib, &d);
	ex = catalog_exercise(&lib, "squat");
	ok(d.n == 0 && ex != NULL && strcmp(ex->cues[0], "Knees out") == 0 &&
	    lib.rt[0].steps[0].ex == catalog_exercise(&lib, "plank"),
	    "borrow: the library whole after the borrower is freed");
	catalog_free(&lib);
	diags_free(&d);
}

int
main(void)
{
	test_spread();
	test_late_syntax_error();
	test_node_limit();
	test_dropped();
	test_file();
	test_borrow_arena();
	return tap_done();
}
