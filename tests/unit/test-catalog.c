/*
 * test-catalog.c - the library loader: one fixture per kind of problem,
 * each with a NAME.expect file of the exact "LINE:COLUMN: message" lines;
 * valid fixtures with their loaded values; limits; dose strings.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "catalog.h"
#include "tap.h"
#include "xmalloc.h"

#define FIXTURES	ABS_SRCDIR "/tests/fixtures/catalog"

/* Load and link one path; the problems go to `d`. */
static void
load(struct catalog *cat, const char *path, struct diags *d)
{
	catalog_init(cat);
	diags_init(d);
	catalog_load_path(cat, path, d);
	catalog_link(cat, d);
}

static void
load_str(struct catalog *cat, const char *yaml, struct diags *d)
{
	catalog_init(cat);
	diags_init(d);
	catalog_load_buffer(cat, "mem.yaml", yaml, strlen(yaml), d);
	catalog_link(cat, d);
}

/* "LINE:COLUMN: message" of problem i. */
static char *
diag_str(const struct diags *d, size_t i)
{
	char	*s;

	xasprintf(&s, "%d:%d: %s", d->v[i].loc.line, d->v[i].loc.col,
	    d->v[i].msg);
	return s;
}

/* The fixture's problems are exactly the lines of its .expect file. */
static void
test_bad(const char *name)
{
	struct catalog	 cat;
	struct diags	 d;
	char		 file[64], expect[64], line[1024], *got;
	FILE		*fp;
	size_t		 i = 0, len;

	snprintf(file, sizeof file, "%s.yaml", name);
	snprintf(expect, sizeof expect, "%s.expect", name);
	if ((fp = fopen(expect, "r")) == NULL) {
		ok(0, "%s: open %s", name, expect);
		return;
	}
	load(&cat, file, &d);
	while (fgets(line, sizeof line, fp) != NULL) {
		len = strlen(line);
		if (len > 0 && line[len - 1] == '\n')
			line[--len] = '\0';
		if (i >= d.n) {
			ok(0, "%s: problem %zu: %s", name, i + 1, line);
			i++;
			continue;
		}
		got = diag_str(&d, i);
		is_str(got, line, "%s: problem %zu", name, i + 1);
		ok(d.v[i].loc.file != NULL &&
		    strcmp(d.v[i].loc.file, file) == 0,
		    "%s: problem %zu names the file", name, i + 1);
		free(got);
		i++;
	}
	fclose(fp);
	is_int(d.n, i, "%s: %zu problems, no more", name, i);
	ok(i > 0, "%s: the fixture expects problems", name);
	diags_free(&d);
	catalog_free(&cat);
}

static void
test_bad_fixtures(void)
{
	static const char *const names[] = {
		"bad-syntax", "bad-unknown-key", "bad-type", "bad-range",
		"bad-duplicate-id", "bad-unknown-exercise", "bad-missing-key",
		"bad-dose-hold", "bad-dose-timed", "bad-dose-reps", "bad-id",
		"bad-level", "bad-relax", "bad-progression",
		"bad-yaml-features", "bad-multi-document", "bad-directive",
		"bad-duplicate-key", "bad-text", "bad-top", "bad-shapes",
		"bad-tempo", "bad-choice", "bad-many", NULL
	};
	size_t	i;

	for (i = 0; names[i] != NULL; i++)
		test_bad(names[i]);
}

static void
test_good_full(void)
{
	struct catalog		 cat;
	struct diags		 d;
	const struct exercise	*ex;
	const struct routine	*rt;
	const struct step	*st;

	load(&cat, "good-full.yaml", &d);
	is_int(d.n, 0, "good-full: no problems");
	is_int(cat.nex, 4, "good-full: 4 exercises");
	is_int(cat.nrt, 1, "good-full: 1 routine");
	is_int(cat.nfiles, 1, "good-full: 1 file");

	ex = catalog_exercise(&cat, "wall-sit");
	ok(ex != NULL, "wall-sit found");
	if (ex == NULL)
		goto out;
	is_str(ex->name, "Wall sit", "exercise name");
	is_int(ex->kind, KIND_HOLD, "kind hold");
	is_int(ex->focus, FOCUS_STRENGTH, "focus strength");
	is_int(ex->sides, SIDES_BOTH, "sides both");
	is_int(ex->ncues, 2, "two cues");
	is_str(ex->cues[1], "Knees above the ankles",
	    "a folded cue loses its newline");
	is_int(ex->nlevels, 3, "three levels");
	is_str(ex->levels[2], "Wall sit 90 degrees", "last level");
	is_int(ex->loc.line, 3, "exercise line");
	is_int(ex->loc.col, 5, "exercise column");
	ok(!ex->broken, "not broken");
	ex = catalog_exercise(&cat, "step-down");
	is_int(ex->sides, SIDES_EACH, "step-down: sides each");
	is_int(catalog_exercise(&cat, "walk-run")->focus, FOCUS_CARDIO,
	    "walk-run: focus cardio");
	is_int(catalog_exercise(&cat, "quad-set")->focus, FOCUS_MOBILITY,
	    "quad-set: focus mobility");
	ok(catalog_exercise(&cat, "nope") == NULL, "no such exercise");

	rt = catalog_routine(&cat, "knee-strength-1");
	ok(rt != NULL, "routine found");
	if (rt == NULL)
		goto out;
	ok(catalog_routine(&cat, "knee") == NULL, "no such routine");
	is_str(rt->name, "Runner's knee - strength, phase 1", "routine name");
	is_int(rt->per_week, 4, "per_week");
	is_int(rt->nsteps, 4, "four steps");
	is_int(rt->prog.green_max, 3, "routine green");
	is_int(rt->prog.red_above, 6, "routine red");
	is_int(rt->prog.greens_needed, 3, "routine greens");
	is_int(rt->prog.reds_to_physio, 2, "routine reds_to_physio");
	is_int(rt->prog.physio_weeks, 8, "routine physio_weeks");
	is_double(rt->prog.load_cap, 1.25, 1e-9, "routine load_cap");
	ok(!rt->prog.reps.on && !rt->prog.levels, "routine: no ladder");

	st = &rt->steps[0];
	ok(st->ex == catalog_exercise(&cat, "wall-sit"), "step 1 linked");
	is_int(st->base.sets, 3, "step 1 sets");
	is_int(st->base.hold, 30, "step 1 hold");
	is_int(st->base.rest, 45, "step 1 rest");
	is_int(st->base.level, 2, "step 1 level");
	is_int(st->base.reps, 0, "step 1 reps not given");
	ok(st->prog.hold.on && st->prog.hold.step == 5 &&
	    st->prog.hold.max == 60, "step 1 hold ladder 5 up to 60");
	ok(st->prog.sets.on && st->prog.sets.step == 0 &&
	    st->prog.sets.max == 4, "step 1 sets ladder up to 4");
	ok(!st->prog.reps.on, "step 1 no reps ladder");
	ok(st->prog.levels && st->prog.level_max == 3, "step 1 levels to 3");
	is_int(st->prog.green_max, -1, "step 1 green unset");
	is_double(st->prog.load_cap, 0.0, 0.0, "step 1 load_cap unset");
	ok(st->given == (1u << STEP_EXERCISE | 1u << STEP_SETS |
	    1u << STEP_HOLD | 1u << STEP_REST | 1u << STEP_LEVEL |
	    1u << STEP_PROGRESSION), "step 1 given keys");
	is_int(st->keyloc[STEP_HOLD].line, 41, "step 1 hold key line");
	is_int(st->keyloc[STEP_HOLD].col, 9, "step 1 hold key column");
	is_int(st->loc.line, 39, "step 1 line");

	st = &rt->steps[1];
	ok(st->has_tempo && st->tempo[0] == 2 && st->tempo[1] == 1 &&
	    st->tempo[2] == 3, "step 2 tempo 2-1-3");
	is_int(st->base.reps, 10, "step 2 reps");
	is_int(st->prog.red_above, 4, "step 2 red threshold");
	is_int(st->prog.reps.step, 2, "step 2 reps ladder step");

	st = &rt->steps[2];
	is_int(st->base.sets, 2, "step 3 sets");
	is_int(st->base.work, 60, "step 3 work");
	is_int(st->base.easy, 120, "step 3 easy");
	is_int(st->base.rounds, 5, "step 3 rounds");
	is_int(st->base.rest, 300, "step 3 rest");
	ok(st->prog.rounds.on && st->prog.rounds.max == 0,
	    "step 3 rounds ladder named, no max");

	st = &rt->steps[3];
	is_int(st->base.reps, 10, "step 4: 10 holds");
	is_int(st->base.hold, 5, "step 4: of 5 s");
	is_int(st->base.relax, 3, "step 4: relax 3 s");
	is_int(st->base.level, 0, "step 4: no levels, level 0");
out:
	diags_free(&d);
	catalog_free(&cat);
}

static void
test_good_defaults(void)
{
	struct catalog		 cat;
	struct diags		 d;
	const struct routine	*rt;
	const struct exercise	*ex;

	load(&cat, "good-defaults.yaml", &d);
	is_int(d.n, 0, "good-defaults: no problems");
	ex = catalog_exercise(&cat, "quad-set");
	ok(ex != NULL && ex->focus == FOCUS_STRENGTH &&
	    ex->sides == SIDES_BOTH && ex->ncues == 0 && ex->nlevels == 0,
	    "exercise defaults: strength, both sides, no cues or levels");
	rt = catalog_routine(&cat, "minimal");
	if (rt == NULL || rt->nsteps != 3) {
		ok(0, "minimal routine with 3 steps");
		goto out;
	}
	is_int(rt->per_week, 3, "per_week defaults to 3");
	is_int(rt->prog.green_max, -1, "green unset");
	is_int(rt->prog.red_above, -1, "red unset");
	is_int(rt->prog.greens_needed, -1, "greens unset");
	is_int(rt->prog.reds_to_physio, -1, "reds_to_physio unset");
	is_int(rt->prog.physio_weeks, -1, "physio_weeks unset");
	is_double(rt->prog.load_cap, 0.0, 0.0, "load_cap unset");
	is_int(rt->steps[0].base.rest, 60, "rest defaults to 60 s");
	is_int(rt->steps[0].base.level, 1, "level defaults to the first");
	ok(!rt->steps[0].has_tempo, "no tempo");
	is_int(rt->steps[1].base.relax, 5,
	    "relax defaults to 5 s between holds");
	is_int(rt->steps[2].base.sets, 1, "timed: sets default to 1");
	is_int(rt->steps[2].base.rounds, 1, "timed: rounds default to 1");
	is_int(rt->steps[2].base.easy, 0, "timed: easy defaults to 0");
out:
	diags_free(&d);
	catalog_free(&cat);
}

static void
test_good_other(void)
{
	struct catalog	cat;
	struct diags	d;

	load(&cat, "good-empty.yaml", &d);
	is_int(d.n, 0, "a file of comments loads");
	is_int(cat.nex + cat.nrt, 0, "and holds nothing");
	diags_free(&d);
	catalog_free(&cat);

	load(&cat, "good-split", &d);
	is_int(d.n, 0, "a folder: files link across");
	is_int(cat.nfiles, 2, "only the *.yaml files, not hidden, no folders");
	ok(cat.nrt == 1 && cat.rt[0].nsteps == 1 &&
	    cat.rt[0].steps[0].ex == &cat.ex[0],
	    "the routine of one file uses the exercise of another");
	is_str(cat.files[0], "good-split/1-routines.yaml",
	    "files load sorted by name");
	diags_free(&d);
	catalog_free(&cat);

	load(&cat, "no-such-file.yaml", &d);
	is_int(d.n, 1, "missing file: one problem");
	is_str(d.v[0].msg, "No such file or directory", "missing file: why");
	is_int(d.v[0].loc.line, 0, "missing file: no line");
	diags_free(&d);
	catalog_free(&cat);
}

/* Files checked alone may use a library's exercises. */
static void
test_borrow(void)
{
	struct catalog	cat, lib;
	struct diags	d, dl;

	catalog_init(&cat);
	diags_init(&d);
	catalog_load_path(&cat, "good-split/1-routines.yaml", &d);
	load(&lib, "good-full.yaml", &dl);
	catalog_load_path(&lib, "good-split/2-exercises.yaml", &dl);
	is_int(dl.n, 0, "borrow: the library loads");
	catalog_borrow(&cat, &lib);
	is_int(cat.nex, 5, "borrow: every exercise cat lacks moved over");
	is_int(cat.nfiles, 3, "borrow: with the file names they point to");
	is_int(lib.nrt, 1, "borrow: the library keeps its routines");
	catalog_link(&cat, &d);
	is_int(d.n, 0, "borrow: the routine resolves against the library");
	ok(cat.rt[0].steps[0].ex != NULL &&
	    strcmp(cat.rt[0].steps[0].ex->loc.file,
	    "good-split/2-exercises.yaml") == 0,
	    "borrow: the exercise keeps its place");
	catalog_free(&lib);
	catalog_free(&cat);
	diags_free(&d);
	diags_free(&dl);

	/* An id that cat has is not borrowed: no duplicate. */
	load(&cat, "good-full.yaml", &d);
	load(&lib, "good-full.yaml", &dl);
	catalog_borrow(&cat, &lib);
	is_int(cat.nex, 4, "borrow: ids cat has stay cat's own");
	diags_free(&d);
	diags_init(&d);
	catalog_link(&cat, &d);
	is_int(d.n, 0, "borrow: no duplicate ids");
	catalog_free(&lib);
	catalog_free(&cat);
	diags_free(&d);
	diags_free(&dl);
}

/* Inputs made to hurt: each is refused with one clear message. */
static void
test_limits(void)
{
	struct catalog	 cat;
	struct diags	 d;
	char		*buf;
	size_t		 i, n;

	/* Nesting. */
	n = 5000;
	buf = xmalloc(n + 1);
	memset(buf, '[', n);
	buf[n] = '\0';
	load_str(&cat, buf, &d);
	ok(d.n == 1 && strstr(d.v[0].msg, "nested more than 16 levels") !=
	    NULL, "deep nesting refused");
	diags_free(&d);
	catalog_free(&cat);
	free(buf);

	/* A long scalar. */
	n = CATALOG_MAX_SCALAR + 10;
	buf = xmalloc(n + 16);
	memcpy(buf, "exercises: ", 11);
	memset(buf + 11, 'x', n);
	buf[11 + n] = '\0';
	load_str(&cat, buf, &d);
	ok(d.n == 1 && strcmp(d.v[0].msg, "text longer than 4096 bytes") == 0
	    && d.v[0].loc.line == 1 && d.v[0].loc.col == 12,
	    "long text refused at 1:12");
	diags_free(&d);
	catalog_free(&cat);
	free(buf);

	/* Too many nodes. */
	n = CATALOG_MAX_NODES + 10;
	buf = xmalloc(2 * n + 8);
	buf[0] = '[';
	for (i = 0; i < n; i++) {
		buf[1 + 2 * i] = '1';
		buf[2 + 2 * i] = ',';
	}
	buf[2 * n] = ']';
	buf[2 * n + 1] = '\0';
	load_str(&cat, buf, &d);
	ok(d.n == 1 && strcmp(d.v[0].msg, "more than 200000 YAML nodes in "
	    "one file") == 0, "too many nodes refused");
	diags_free(&d);
	catalog_free(&cat);
	free(buf);

	/* Too big a file: refused before parsing. */
	n = CATALOG_MAX_FILE + 1;
	buf = xcalloc(n, 1);
	catalog_init(&cat);
	diags_init(&d);
	catalog_load_buffer(&cat, "big.yaml", buf, n, &d);
	ok(d.n == 1 && strstr(d.v[0].msg, "larger than") != NULL,
	    "a file over the size limit refused");
	diags_free(&d);
	catalog_free(&cat);
	free(buf);

	/* The billion laughs stop at the first alias. */
	load_str(&cat, "a: &a [x, x]\nb: &b [*a, *a]\nc: [*b, *b]\n", &d);
	ok(d.n >= 1 && strstr(d.v[0].msg, "anchors") != NULL,
	    "aliases refused");
	diags_free(&d);
	catalog_free(&cat);

	/* An alias for a kind: reported once, and no kind to link with. */
	load_str(&cat, "exercises: [{id: a, name: A, kind: *k}]\n"
	    "routines: [{id: r, name: R, steps: [{exercise: a, sets: 1}]}]\n",
	    &d);
	ok(d.n == 1 && strstr(d.v[0].msg, "aliases ('*k')") != NULL &&
	    cat.nex == 1 && cat.ex[0].broken && cat.rt[0].steps[0].ex ==
	    &cat.ex[0], "an alias for a kind: broken, steps not checked");
	diags_free(&d);
	catalog_free(&cat);

	/* A NUL byte, and bytes that are not UTF-8. */
	catalog_init(&cat);
	diags_init(&d);
	catalog_load_buffer(&cat, "nul.yaml", "exercises: [\0]", 14, &d);
	ok(d.n == 1 && strncmp(d.v[0].msg, "YAML syntax error", 17) == 0,
	    "a NUL byte is a syntax error");
	diags_free(&d);
	catalog_free(&cat);
	load_str(&cat, "exercises: [\xff\xfe]\n", &d);
	ok(d.n == 1 && strncmp(d.v[0].msg, "YAML syntax error", 17) == 0,
	    "bad UTF-8 is a syntax error");
	diags_free(&d);
	catalog_free(&cat);

	/* A key with a NUL in it is not a known key. */
	load_str(&cat, "\"exercises\\0x\": []\n", &d);
	ok(d.n == 1 && strncmp(d.v[0].msg, "unknown key 'exercises?x'",
	    25) == 0, "a key with a NUL is unknown, shown safely");
	diags_free(&d);
	catalog_free(&cat);

	/* Numbers that overflow, or are written the YAML 1.1 way. */
	load_str(&cat, "exercises: [{id: a, name: A, kind: reps}]\n"
	    "routines: [{id: r, name: R, steps: [{exercise: a, "
	    "sets: 99999999999999999999999, reps: 0x10}]}]\n", &d);
	ok(d.n == 2 && strstr(d.v[0].msg, "got 99999999999999999999999") &&
	    strstr(d.v[1].msg, "got '0x10'"), "overflow and hex refused");
	diags_free(&d);
	catalog_free(&cat);

	/* A quoted number is text. */
	load_str(&cat, "exercises: [{id: a, name: A, kind: reps}]\n"
	    "routines: [{id: r, name: R, steps: [{exercise: a, "
	    "sets: \"3\", reps: 10}]}]\n", &d);
	ok(d.n == 1 && strstr(d.v[0].msg, "(quoted text)") != NULL,
	    "a quoted number is refused as text");
	diags_free(&d);
	catalog_free(&cat);

	/* A routine without an id: its steps are still checked. */
	load_str(&cat, "routines: [{name: R, steps: [{exercise: a}]}]\n", &d);
	ok(d.n == 2 && cat.nrt == 1 && cat.rt[0].id == NULL &&
	    strstr(d.v[1].msg, "unknown exercise 'a'") != NULL,
	    "a routine without an id: its steps are still checked");
	ok(catalog_routine(&cat, "r") == NULL, "and nothing finds it");
	diags_free(&d);
	catalog_free(&cat);

	/* An empty stream and a lone "---". */
	load_str(&cat, "", &d);
	is_int(d.n, 0, "an empty file is an empty library");
	diags_free(&d);
	catalog_free(&cat);
	load_str(&cat, "---\n...\n", &d);
	is_int(d.n, 0, "an empty document is an empty library");
	diags_free(&d);
	catalog_free(&cat);
}

/* Many problems: the list is capped, the count kept. */
static void
test_many_problems(void)
{
	struct catalog	 cat;
	struct diags	 d;
	char		*buf, *p;
	size_t		 i;

	buf = p = xmalloc(20 * 1000 + 32);
	p += sprintf(p, "exercises:\n");
	for (i = 0; i < 1000; i++)
		p += sprintf(p, "  - {x: 1}\n");
	load_str(&cat, buf, &d);
	is_int(d.n, 100, "the first 100 problems kept");
	is_int(d.dropped, 3 * 1000 + 1000 - 100, "the rest counted");
	diags_free(&d);
	catalog_free(&cat);
	free(buf);
}

static void
test_dose_str(void)
{
	struct exercise	ex;
	struct dose	d;
	char		buf[128], *levels[] = { "Lying", "Long-sitting" };

	memset(&ex, 0, sizeof ex);
	memset(&d, 0, sizeof d);
	ex.kind = KIND_REPS;
	d.sets = 3;
	d.reps = 12;
	catalog_dose_str(&ex, &d, buf, sizeof buf);
	is_str(buf, "3 x 12", "reps");
	ex.sides = SIDES_EACH;
	catalog_dose_str(&ex, &d, buf, sizeof buf);
	is_str(buf, "3 x 12 each side", "reps each side");

	ex.kind = KIND_HOLD;
	ex.sides = SIDES_BOTH;
	d.reps = 0;
	d.hold = 30;
	catalog_dose_str(&ex, &d, buf, sizeof buf);
	is_str(buf, "3 x 30 s hold", "hold");
	d.sets = 1;
	d.reps = 10;
	d.hold = 5;
	ex.levels = levels;
	ex.nlevels = 2;
	d.level = 2;
	catalog_dose_str(&ex, &d, buf, sizeof buf);
	is_str(buf, "10 x 5 s hold (Long-sitting)", "holds with a level");
	d.sets = 2;
	catalog_dose_str(&ex, &d, buf, sizeof buf);
	is_str(buf, "2 x 10 x 5 s hold (Long-sitting)", "sets of holds");

	memset(&ex, 0, sizeof ex);
	memset(&d, 0, sizeof d);
	ex.kind = KIND_TIMED;
	d.sets = 1;
	d.rounds = 5;
	d.work = 60;
	d.easy = 120;
	catalog_dose_str(&ex, &d, buf, sizeof buf);
	is_str(buf, "5 rounds: 1:00 work / 2:00 easy", "intervals");
	d.rounds = 1;
	d.work = 3600 + 90;
	d.easy = 0;
	catalog_dose_str(&ex, &d, buf, sizeof buf);
	is_str(buf, "1 round: 1:01:30 work", "one long round");
	d.sets = 2;
	d.rounds = 4;
	d.work = 45;
	catalog_dose_str(&ex, &d, buf, sizeof buf);
	is_str(buf, "2 x 4 rounds: 0:45 work", "sets of rounds");
	catalog_dose_str(&ex, &d, buf, 6);
	is_str(buf, "2 x 4", "cut to the buffer");

	is_str(catalog_kind_name(KIND_TIMED), "timed", "kind name");
	is_str(catalog_focus_name(FOCUS_MOBILITY), "mobility", "focus name");
	is_str(catalog_sides_name(SIDES_EACH), "each", "sides name");
	is_str(catalog_step_key_name(STEP_RELAX), "relax", "step key name");
	is_str(catalog_kind_name((enum ex_kind)7), "unknown", "bad kind");
}

/* The bundled library: valid, complete, every step with a ladder. */
static void
test_bundled(void)
{
	static const char *const routines[] = {
		"knee-strength-1", "knee-strength-2", "knee-mobility",
		"return-to-run", NULL
	};
	static const char *const starters[] = {
		"quad-set", "straight-leg-raise", "wall-sit", "sit-to-stand",
		"terminal-knee-extension", "step-up", "lateral-step-down",
		"side-lying-hip-abduction", "clamshell", "glute-bridge",
		"side-plank", "band-side-step", "single-leg-balance",
		"quad-stretch", "calf-raise", "split-squat",
		"hamstring-stretch", "hip-flexor-stretch", "walk-run", NULL
	};
	struct catalog		 cat;
	struct diags		 d;
	const struct routine	*rt;
	const struct exercise	*ex;
	const struct prog_cfg	*p;
	size_t			 i, j;
	bool			 ladders = true, cues = true;

	load(&cat, ABS_SRCDIR "/exercises", &d);
	is_int(d.n, 0, "bundled library: no problems");
	for (i = 0; starters[i] != NULL; i++) {
		ex = catalog_exercise(&cat, starters[i]);
		ok(ex != NULL, "bundled library has %s", starters[i]);
		if (ex != NULL && ex->kind != KIND_TIMED)
			ok(ex->nlevels >= 2, "%s has easier -> harder levels",
			    starters[i]);
	}
	for (i = 0; i < cat.nex; i++)
		if (cat.ex[i].ncues < 2 || cat.ex[i].ncues > 3)
			cues = false;
	ok(cues, "every exercise has 2 or 3 cues");
	for (i = 0; routines[i] != NULL; i++) {
		rt = catalog_routine(&cat, routines[i]);
		ok(rt != NULL, "bundled routine %s", routines[i]);
		if (rt == NULL)
			continue;
		for (j = 0; j < rt->nsteps; j++) {
			p = &rt->steps[j].prog;
			if (!p->reps.on && !p->sets.on && !p->hold.on &&
			    !p->work.on && !p->rounds.on && !p->levels)
				ladders = false;
		}
	}
	ok(ladders, "every bundled step has a progression ladder");
	rt = catalog_routine(&cat, "knee-strength-1");
	ok(rt != NULL && rt->per_week == 3, "strength: 3 sessions a week");
	rt = catalog_routine(&cat, "return-to-run");
	ok(rt != NULL && rt->nsteps > 0 &&
	    rt->steps[rt->nsteps - 1].ex->kind == KIND_TIMED &&
	    rt->steps[rt->nsteps - 1].base.easy > 0,
	    "return-to-run ends with timed walk-run intervals");
	diags_free(&d);
	catalog_free(&cat);
}

/* Did-you-mean: the distance, and one nearest key or none. */
static void
test_suggest(void)
{
	static const char *const step[] = {
		"exercise", "sets", "reps", "hold", "relax", "work", "easy",
		"rounds", "rest", "level", "tempo", "progression"
	};
	struct catalog	 cat;
	struct diags	 d;
	const size_t	 n = sizeof step / sizeof step[0];

	is_int(catalog_distance("reps", "reps"), 0, "distance: same");
	is_int(catalog_distance("rpes", "reps"), 1, "distance: a swap is 1");
	is_int(catalog_distance("rep", "reps"), 1, "distance: a letter less");
	is_int(catalog_distance("reeps", "reps"), 1, "distance: one more");
	is_int(catalog_distance("raps", "reps"), 1, "distance: one changed");
	is_int(catalog_distance("ca", "abc"), 3,
	    "distance: a swapped pair is not edited again");
	is_int(catalog_distance("", "id"), 2, "distance: from nothing");
	is_int(catalog_distance("progresion", "progression"), 1,
	    "distance: long words");
	is_int(catalog_distance("a-key-much-longer-than-any-known-one",
	    "reps"), CATALOG_WORD_MAX, "distance: an overlong word is far");

	is_str(catalog_suggest("rpes", step, n), "reps", "suggest: a swap");
	is_str(catalog_suggest("sts", step, n), "sets", "suggest: a letter "
	    "less");
	is_str(catalog_suggest("progresion", step, n), "progression",
	    "suggest: a long key");
	is_str(catalog_suggest("exrcse", step, n), "exercise",
	    "suggest: two letters less");
	ok(catalog_suggest("rets", step, n) == NULL,
	    "suggest: none when two are as near (reps, rest)");
	ok(catalog_suggest("weight", step, n) == NULL,
	    "suggest: none when all are far");
	ok(catalog_suggest("x", step, n) == NULL,
	    "suggest: none for a word all changed");

	load_str(&cat, "routines:\n  - id: r\n    nme: R\n"
	    "    steps: [{exercise: a, sets: 2, rpes: 5, rets: 1}]\n"
	    "    progression: {grens: 2}\n"
	    "exercises: [{id: a, name: A, kind: reps, cue: [x]}]\n", &d);
	ok(d.n == 6, "suggest: the file's problems (%zu)", d.n);
	if (d.n == 6) {
		is_str(d.v[0].msg, "unknown key 'nme' in a routine (did you "
		    "mean 'name'?)", "suggest: a routine's key");
		is_str(d.v[1].msg, "unknown key 'rpes' in a step (did you "
		    "mean 'reps'?)", "suggest: a step's key");
		ok(strstr(d.v[2].msg, "unknown key 'rets' in a step "
		    "(expected exercise,") == d.v[2].msg,
		    "suggest: a tie lists the keys");
		is_str(d.v[3].msg, "unknown key 'grens' in 'progression' "
		    "(did you mean 'greens'?)", "suggest: a progression key");
		is_str(d.v[5].msg, "unknown key 'cue' in an exercise (did "
		    "you mean 'cues'?)", "suggest: an exercise's key");
	}
	diags_free(&d);
	catalog_free(&cat);
}

/* Problems sorted file by file, in line order; link problems among them. */
static void
test_sort(void)
{
	struct catalog	 cat;
	struct diags	 d;
	char		*got;
	size_t		 i;
	static const char *const want[] = {
		"a.yaml:2:5: a routine is missing required key 'name'",
		"a.yaml:3:14: unknown exercise 'nope' (see 'rehabit list')",
		"a.yaml:3:30: unknown key 'rpes' in a step (did you mean "
		    "'reps'?)",
		"b.yaml:2:19: 'kind' must be reps, hold or timed, got 'jumps'",
		"b.yaml:3:5: duplicate exercise id 'x' (first defined at "
		    "b.yaml:2:5)",
	};

	const char	*sa = "routines:\n  - id: r\n"
	    "    steps: [{exercise: nope, rpes: 1}]\n";
	const char	*sb = "exercises:\n"
	    "  - {id: x, kind: jumps, name: X}\n"
	    "  - {id: x, kind: reps, name: Y}\n";

	catalog_init(&cat);
	diags_init(&d);
	catalog_load_buffer(&cat, "a.yaml", sa, strlen(sa), &d);
	catalog_load_buffer(&cat, "b.yaml", sb, strlen(sb), &d);
	catalog_link(&cat, &d);
	catalog_sort_diags(&cat, &d);
	is_int(d.n, 5, "sort: five problems");
	for (i = 0; i < d.n && i < 5; i++) {
		xasprintf(&got, "%s:%d:%d: %s", d.v[i].file, d.v[i].loc.line,
		    d.v[i].loc.col, d.v[i].msg);
		is_str(got, want[i], "sort: problem %zu", i + 1);
		free(got);
	}
	diags_free(&d);
	catalog_free(&cat);
}

/*
 * A file with problems: its routines are left out, its exercises hidden,
 * and the routines of good files that use them blocked.
 */
static void
test_isolate(void)
{
	struct catalog		 cat;
	struct diags		 d;
	const struct routine	*rt;
	const char		*good = "routines:\n"
	    "  - {id: fine, name: Fine, steps: [{exercise: a, sets: 1, "
	    "reps: 2}]}\n"
	    "  - {id: uses-b, name: Uses B, steps: [{exercise: b, sets: 1, "
	    "reps: 2}]}\n"
	    "exercises: [{id: a, name: A, kind: reps}]\n";
	const char		*bad = "exercises: [{id: b, name: B, kind: reps, "
	    "colour: red}]\n"
	    "routines: [{id: in-bad, name: In bad, steps: [{exercise: a, "
	    "sets: 1, reps: 2}]}]\n";
	const char		*late = "routines: [{id: late, name: Late, "
	    "steps: [{exercise: a, sets: 1, hold: 2}]}]\n";
	const char		*alone = "exercises: [{id: a, name: A, "
	    "kind: reps}]\n";

	catalog_init(&cat);
	diags_init(&d);
	catalog_load_buffer(&cat, "good.yaml", good, strlen(good), &d);
	catalog_load_buffer(&cat, "bad.yaml", bad, strlen(bad), &d);
	catalog_link(&cat, &d);
	ok(!catalog_file_bad(&cat, "good.yaml") &&
	    catalog_file_bad(&cat, "bad.yaml"), "isolate: the bad file");
	is_int(catalog_isolate(&cat), 1, "isolate: one file with problems");
	is_int(cat.nrt, 2, "isolate: the bad file's routine left out");
	ok(catalog_routine(&cat, "in-bad") == NULL, "isolate: not found");
	rt = catalog_routine(&cat, "fine");
	ok(rt != NULL && rt->blocked == NULL, "isolate: a routine of good "
	    "exercises can start");
	rt = catalog_routine(&cat, "uses-b");
	ok(rt != NULL && rt->blocked != NULL &&
	    strcmp(rt->blocked, "bad.yaml") == 0 && rt->blocked_ex != NULL &&
	    strcmp(rt->blocked_ex, "b") == 0,
	    "isolate: one using the bad file's exercise is blocked, and why");
	ok(catalog_exercise(&cat, "b") == NULL &&
	    catalog_exercise(&cat, "a") != NULL,
	    "isolate: the bad file's exercise is hidden");
	diags_free(&d);
	catalog_free(&cat);

	/* A link problem puts its file out too. */
	catalog_init(&cat);
	diags_init(&d);
	catalog_load_buffer(&cat, "alone.yaml", alone, strlen(alone), &d);
	catalog_load_buffer(&cat, "late.yaml", late, strlen(late), &d);
	catalog_link(&cat, &d);
	ok(catalog_file_bad(&cat, "late.yaml") &&
	    !catalog_file_bad(&cat, "alone.yaml"),
	    "isolate: a step that does not fit its exercise");
	catalog_isolate(&cat);
	ok(cat.nrt == 0 && catalog_routine(&cat, "late") == NULL &&
	    catalog_exercise(&cat, "a") != NULL,
	    "isolate: its routine left out, the other file's exercise kept");
	diags_free(&d);
	catalog_free(&cat);

	/* Nothing with problems: nothing changes. */
	catalog_init(&cat);
	diags_init(&d);
	catalog_load_buffer(&cat, "alone.yaml", alone, strlen(alone), &d);
	catalog_link(&cat, &d);
	ok(d.n == 0 && catalog_isolate(&cat) == 0 && cat.nex == 1 &&
	    catalog_exercise(&cat, "a") != NULL,
	    "isolate: a clean library is left alone");
	diags_free(&d);
	catalog_free(&cat);
}

int
main(void)
{
	if (chdir(FIXTURES) == -1) {
		ok(0, "chdir %s", FIXTURES);
		return tap_done();
	}
	test_bad_fixtures();
	test_good_full();
	test_good_defaults();
	test_good_other();
	test_borrow();
	test_limits();
	test_many_problems();
	test_dose_str();
	test_bundled();
	test_suggest();
	test_sort();
	test_isolate();
	return tap_done();
}
