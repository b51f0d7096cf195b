/*
 * catalog.c - the exercise library: YAML files (doc/DESIGN.md section 3) into
 * validated structs.
 *
 * libyaml's event parser builds a small tree of nodes, with the hard
 * limits of yamlin.h on nesting, node count and scalar length, and with
 * anchors, aliases, tags and extra documents refused; a syntax error or a
 * broken limit stops the file there, and it loads nothing. The tree is
 * walked through tables of keys ({key, handler, offset, range}): an
 * unknown key, a wrong type or a bad value is reported and the walk goes
 * on, so that every problem of a file is found in one run. The walk keeps
 * pace with the parse: each key of the top-level mapping, and each item
 * of its lists, is loaded as soon as it is complete and then cut from the
 * tree (struct ld_top), so that the tree never holds more than one item.
 * catalog_link() then checks what spans files: unique ids, step
 * exercises, and that a step's dose fits its exercise's kind.
 */
#include "config.h"

#include "catalog-int.h"

#include <sys/stat.h>

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>
#include <unistd.h>
#include <yaml.h>

#include "paths.h"
#include "xmalloc.h"
#include "yamlin.h"

/*
 * Room for one more item in an array of n. The catalog's arrays keep no
 * capacity: they grow to the next power of two whenever n is one, so a
 * library of thousands of exercises is not copied thousands of times.
 */
static void *
catalog_grow(void *v, size_t n, size_t size)
{
	if (n == 0)
		return xreallocarray(v, 1, size);
	if ((n & (n - 1)) == 0)
		return xreallocarray(v, n, 2 * size);
	return v;
}
/* --- handlers ------------------------------------------------------------ */

#define FIELD(obj, r, type)	((type *)(void *)((char *)(obj) + (r)->off))

static const char *const ld_kinds[] = { "reps", "hold", "timed", NULL };
static const char *const ld_focuses[] = {
	"strength", "mobility", "cardio", NULL
};
static const char *const ld_sides[] = { "both", "each", NULL };

static void
h_id(struct ld *ld, const struct rule *r, const struct ynode *v, void *obj)
{
	const char	*s;
	char		 q[48];

	if (!ld_want(ld, r, v, Y_SCALAR, "an id"))
		return;
	s = ld_str(ld, v);
	if (v->len == 0 || v->len > ID_MAX || strlen(s) != v->len ||
	    strspn(s, "abcdefghijklmnopqrstuvwxyz0123456789-") != v->len) {
		ld_err(ld, v, "'%s' must be 1 to %d of a-z, 0-9 and '-', got "
		    "'%s'", r->key, ID_MAX, ld_quote(ld, v, q, sizeof q));
		return;
	}
	*FIELD(obj, r, char *) = arena_strdup(&ld->cat->arena, s);
}

static void
h_text(struct ld *ld, const struct rule *r, const struct ynode *v, void *obj)
{
	*FIELD(obj, r, char *) = ld_text(ld, r, v, 0);
}

static void
h_kind(struct ld *ld, const struct rule *r, const struct ynode *v, void *obj)
{
	int	i;

	if ((i = ld_choice(ld, r, v, ld_kinds, "reps, hold or timed")) >= 0)
		*FIELD(obj, r, enum ex_kind) = (enum ex_kind)i;
	else
		*FIELD(obj, r, enum ex_kind) = (enum ex_kind)-1;
}

static void
h_focus(struct ld *ld, const struct rule *r, const struct ynode *v, void *obj)
{
	int	i;

	i = ld_choice(ld, r, v, ld_focuses, "strength, mobility or cardio");
	if (i >= 0)
		*FIELD(obj, r, enum ex_focus) = (enum ex_focus)i;
}

static void
h_sides(struct ld *ld, const struct rule *r, const struct ynode *v, void *obj)
{
	int	i;

	if ((i = ld_choice(ld, r, v, ld_sides, "both or each")) >= 0)
		*FIELD(obj, r, enum ex_sides) = (enum ex_sides)i;
}

/* A list of text; the count follows the array in the struct. */
static void
h_textlist(struct ld *ld, const struct rule *r, const struct ynode *v,
    void *obj)
{
	const struct ynode	 *e;
	char			**list = NULL, what[64], *s;
	size_t			  n = 0, item = 0;

	if (!ld_want(ld, r, v, Y_SEQ, "a list of text"))
		return;
	for (e = ld_node(ld, v->first); e != NULL; e = ld_node(ld, e->next))
		item++;
	if (item > 0)
		list = arena_calloc(&ld->cat->arena, item, sizeof *list);
	item = 0;
	for (e = ld_node(ld, v->first); e != NULL; e = ld_node(ld, e->next)) {
		item++;
		if (e->type == Y_BAD)
			continue;
		if (e->type != Y_SCALAR || (e->plain && e->len == 0)) {
			ld_err(ld, e, "%s must be text, not %s",
			    ld_text_name(r->key, item, what, sizeof what),
			    ld_what(e));
			continue;
		}
		if ((s = ld_text(ld, r, e, item)) != NULL)
			list[n++] = s;
	}
	*FIELD(obj, r, char **) = list;
	*(size_t *)(void *)((char *)obj + r->off + sizeof(char **)) = n;
}

static void
h_int(struct ld *ld, const struct rule *r, const struct ynode *v, void *obj)
{
	long	n;

	if (ld_number(ld, r->key, v, r->min, r->max, false, &n))
		*FIELD(obj, r, int) = (int)n;
}

static void
h_secs(struct ld *ld, const struct rule *r, const struct ynode *v, void *obj)
{
	long	n;

	if (ld_number(ld, r->key, v, r->min, r->max, true, &n))
		*FIELD(obj, r, int) = (int)n;
}

static void
h_ratio(struct ld *ld, const struct rule *r, const struct ynode *v, void *obj)
{
	const char	*s;
	char		*end, q[48];
	double		 x;

	if (!ld_want(ld, r, v, Y_SCALAR, "a number from 1.0 to 3.0"))
		return;
	s = ld_str(ld, v);
	errno = 0;
	x = strtod(s, &end);
	if (!v->plain || *s == '\0' || strspn(s, "0123456789.") != v->len ||
	    *end != '\0' || errno != 0 || !(x >= 1.0 && x <= 3.0)) {
		ld_err(ld, v, "'%s' must be a number from 1.0 to 3.0, got "
		    "'%s'", r->key, ld_quote(ld, v, q, sizeof q));
		return;
	}
	*FIELD(obj, r, double) = x;
}

/* --- progression --------------------------------------------------------- */

static const struct rule ld_axis_rules[] = {
	{ "step", false, h_int, offsetof(struct ladder_axis, step), 1, DAY,
	  -1 },
	{ "max", false, h_int, offsetof(struct ladder_axis, max), 1, DAY, -1 },
	{ NULL, false, NULL, 0, 0, 0, -1 }
};

static void
h_axis(struct ld *ld, const struct rule *r, const struct ynode *v, void *obj)
{
	static const char *const names[][2] = {
		{ "reps", "the 'reps' ladder" },
		{ "sets", "the 'sets' ladder" },
		{ "hold", "the 'hold' ladder" },
		{ "work", "the 'work' ladder" },
		{ "rounds", "the 'rounds' ladder" }
	};
	struct ladder_axis	*a = FIELD(obj, r, struct ladder_axis);
	const char		*what = "a ladder";
	size_t			 i;

	if (!ld_want(ld, r, v, Y_MAP, "a mapping like {step: 2, max: 15}"))
		return;
	for (i = 0; i < sizeof names / sizeof names[0]; i++)
		if (strcmp(names[i][0], r->key) == 0)
			what = names[i][1];
	a->on = true;
	a->loc = ld_pos(v);
	ld_map(ld, v, ld_axis_rules, what, a);
}

static const struct rule ld_level_rules[] = {
	{ "max", false, h_int, offsetof(struct prog_cfg, level_max), 1, 100,
	  -1 },
	{ NULL, false, NULL, 0, 0, 0, -1 }
};

static void
h_level_axis(struct ld *ld, const struct rule *r, const struct ynode *v,
    void *obj)
{
	struct prog_cfg	*pc = obj;

	if (!ld_want(ld, r, v, Y_MAP, "a mapping like {max: 3}"))
		return;
	pc->levels = true;
	pc->level_loc = ld_pos(v);
	ld_map(ld, v, ld_level_rules, "the 'level' ladder", pc);
}

static const struct rule ld_prog_rules[] = {
	{ "reps", false, h_axis, offsetof(struct prog_cfg, reps), 0, 0, -1 },
	{ "sets", false, h_axis, offsetof(struct prog_cfg, sets), 0, 0, -1 },
	{ "hold", false, h_axis, offsetof(struct prog_cfg, hold), 0, 0, -1 },
	{ "work", false, h_axis, offsetof(struct prog_cfg, work), 0, 0, -1 },
	{ "rounds", false, h_axis, offsetof(struct prog_cfg, rounds), 0, 0,
	  -1 },
	{ "level", false, h_level_axis, 0, 0, 0, -1 },
	{ "green", false, h_int, offsetof(struct prog_cfg, green_max), 0, 10,
	  -1 },
	{ "red", false, h_int, offsetof(struct prog_cfg, red_above), 0, 10,
	  -1 },
	{ "greens", false, h_int, offsetof(struct prog_cfg, greens_needed), 1,
	  20, -1 },
	{ "reds_to_physio", false, h_int,
	  offsetof(struct prog_cfg, reds_to_physio), 1, 20, -1 },
	{ "physio_weeks", false, h_int,
	  offsetof(struct prog_cfg, physio_weeks), 1, 52, -1 },
	{ "load_cap", false, h_ratio, offsetof(struct prog_cfg, load_cap), 0,
	  0, -1 },
	{ NULL, false, NULL, 0, 0, 0, -1 }
};

static void
catalog_prog_init(struct prog_cfg *pc)
{
	memset(pc, 0, sizeof *pc);
	pc->green_max = pc->red_above = -1;
	pc->greens_needed = pc->reds_to_physio = pc->physio_weeks = -1;
	pc->load_cap = 0.0;
}

static void
h_prog(struct ld *ld, const struct rule *r, const struct ynode *v, void *obj)
{
	struct prog_cfg	*pc = FIELD(obj, r, struct prog_cfg);

	if (!ld_want(ld, r, v, Y_MAP, "a mapping"))
		return;
	ld_map(ld, v, ld_prog_rules, "'progression'", pc);
	if (pc->green_max >= 0 && pc->red_above >= 0 &&
	    pc->green_max > pc->red_above)
		ld_err(ld, v, "'green' (%d) must not be above 'red' (%d)",
		    pc->green_max, pc->red_above);
}

/* --- steps --------------------------------------------------------------- */

static void
h_tempo(struct ld *ld, const struct rule *r, const struct ynode *v, void *obj)
{
	struct step		*st = obj;
	const struct ynode	*e;
	long			 n;
	int			 t[3], i = 0, sum = 0;
	bool			 good = true;
	const char		*expect = "a list of 3 whole numbers of "
				    "seconds (down, pause, up), like [2, 1, 2]";

	if (!ld_want(ld, r, v, Y_SEQ, expect))
		return;
	for (e = ld_node(ld, v->first); e != NULL; e = ld_node(ld, e->next)) {
		if (i == 3)
			break;
		if (ld_number(ld, "tempo", e, 0, 60, true, &n))
			sum += t[i] = (int)n;
		else
			good = false;
		i++;
	}
	if (i != 3 || e != NULL) {
		ld_err(ld, v, "'tempo' must be %s", expect);
		return;
	}
	if (good && sum == 0) {
		ld_err(ld, v, "'tempo' must not be all zero");
		return;
	}
	if (good) {
		memcpy(st->tempo, t, sizeof t);
		st->has_tempo = true;
	}
}

/* Step rules: the bit is the step_key, used for `given` and `keyloc`. */
static const struct rule ld_step_rules[] = {
	{ "exercise", true, h_text, offsetof(struct step, exercise_id), 0, 0,
	  STEP_EXERCISE },
	{ "sets", false, h_int, offsetof(struct step, base.sets), 1, 100,
	  STEP_SETS },
	{ "reps", false, h_int, offsetof(struct step, base.reps), 1, 1000,
	  STEP_REPS },
	{ "hold", false, h_secs, offsetof(struct step, base.hold), 1, DAY,
	  STEP_HOLD },
	{ "relax", false, h_secs, offsetof(struct step, base.relax), 0, DAY,
	  STEP_RELAX },
	{ "work", false, h_secs, offsetof(struct step, base.work), 1, DAY,
	  STEP_WORK },
	{ "easy", false, h_secs, offsetof(struct step, base.easy), 0, DAY,
	  STEP_EASY },
	{ "rounds", false, h_int, offsetof(struct step, base.rounds), 1, 1000,
	  STEP_ROUNDS },
	{ "rest", false, h_secs, offsetof(struct step, base.rest), 0, DAY,
	  STEP_REST },
	{ "level", false, h_int, offsetof(struct step, base.level), 1, 100,
	  STEP_LEVEL },
	{ "tempo", false, h_tempo, 0, 0, 0, STEP_TEMPO },
	{ "progression", false, h_prog, offsetof(struct step, prog), 0, 0,
	  STEP_PROGRESSION },
	{ NULL, false, NULL, 0, 0, 0, -1 }
};

/* A ladder's max below the starting dose can never be right. */
static void
ld_check_max(struct ld *ld, const struct ladder_axis *a, const char *key,
    int base)
{
	if (a->on && a->max != 0 && base != 0 && a->max < base)
		ld_err_at(ld, ld_at(ld, a->loc), "the '%s' ladder's max (%d) "
		    "is below the starting %s (%d)", key, a->max, key, base);
}

static void
ld_step(struct ld *ld, const struct ynode *v, struct step *st)
{
	const struct ynode	*k, *val;
	uint32_t		 mask;
	size_t			 i;

	memset(st, 0, sizeof *st);
	catalog_prog_init(&st->prog);
	st->loc = ld_loc(ld, v);
	mask = ld_map(ld, v, ld_step_rules, "a step", st);
	st->given = 0;
	for (i = 0; ld_step_rules[i].key != NULL; i++)
		if (mask & (1u << i))
			st->given |= 1u << ld_step_rules[i].bit;
	/* Where each key's value is, for catalog_link's messages. */
	for (k = ld_node(ld, v->first); k != NULL; k = ld_node(ld, val->next)) {
		if ((val = ld_node(ld, k->next)) == NULL)
			break;
		if (k->type != Y_SCALAR)
			continue;
		for (i = 0; ld_step_rules[i].key != NULL; i++)
			if (ld_key_is(ld, k, ld_step_rules[i].key) &&
			    st->keyloc[ld_step_rules[i].bit].line == 0)
				st->keyloc[ld_step_rules[i].bit] = ld_pos(k);
	}
	ld_check_max(ld, &st->prog.reps, "reps", st->base.reps);
	ld_check_max(ld, &st->prog.sets, "sets", st->base.sets);
	ld_check_max(ld, &st->prog.hold, "hold", st->base.hold);
	ld_check_max(ld, &st->prog.work, "work", st->base.work);
	ld_check_max(ld, &st->prog.rounds, "rounds", st->base.rounds);
	if (st->prog.levels && st->prog.level_max != 0 &&
	    st->base.level > st->prog.level_max)
		ld_err_at(ld, ld_at(ld, st->prog.level_loc), "the 'level' "
		    "ladder's max (%d) is below the starting level (%d)",
		    st->prog.level_max, st->base.level);
}

static void
h_steps(struct ld *ld, const struct rule *r, const struct ynode *v, void *obj)
{
	struct routine		*rt = obj;
	const struct ynode	*e;
	size_t			 n = 0;

	if (!ld_want(ld, r, v, Y_SEQ, "a list of steps"))
		return;
	for (e = ld_node(ld, v->first); e != NULL; e = ld_node(ld, e->next))
		n++;
	if (n == 0) {
		ld_err(ld, v, "'steps' must hold at least one step");
		return;
	}
	rt->steps = arena_calloc(&ld->cat->arena, n, sizeof *rt->steps);
	for (e = ld_node(ld, v->first); e != NULL; e = ld_node(ld, e->next)) {
		if (e->type == Y_BAD)
			continue;
		if (e->type != Y_MAP) {
			ld_err(ld, e, "a step must be a mapping like "
			    "{exercise: ID, sets: 3, reps: 10}, not %s",
			    ld_what(e));
			continue;
		}
		ld_step(ld, e, &rt->steps[rt->nsteps++]);
	}
}

/* --- exercises and routines ---------------------------------------------- */

static const struct rule ld_ex_rules[] = {
	{ "id", true, h_id, offsetof(struct exercise, id), 0, 0, -1 },
	{ "name", true, h_text, offsetof(struct exercise, name), 0, 0, -1 },
	{ "kind", true, h_kind, offsetof(struct exercise, kind), 0, 0, -1 },
	{ "focus", false, h_focus, offsetof(struct exercise, focus), 0, 0, -1 },
	{ "sides", false, h_sides, offsetof(struct exercise, sides), 0, 0, -1 },
	{ "cues", false, h_textlist, offsetof(struct exercise, cues), 0, 0,
	  -1 },
	{ "levels", false, h_textlist, offsetof(struct exercise, levels), 0, 0,
	  -1 },
	{ NULL, false, NULL, 0, 0, 0, -1 }
};

static const struct rule ld_rt_rules[] = {
	{ "id", true, h_id, offsetof(struct routine, id), 0, 0, -1 },
	{ "name", true, h_text, offsetof(struct routine, name), 0, 0, -1 },
	{ "per_week", false, h_int, offsetof(struct routine, per_week), 1, 14,
	  -1 },
	{ "steps", true, h_steps, 0, 0, 0, -1 },
	{ "progression", false, h_prog, offsetof(struct routine, prog), 0, 0,
	  -1 },
	{ NULL, false, NULL, 0, 0, 0, -1 }
};

/* One item of 'exercises'. */
static void
ld_exercise(struct ld *ld, const struct ynode *e, struct catalog *cat)
{
	struct exercise	*ex;
	size_t		 before;

	if (e->type == Y_BAD)
		return;
	if (e->type != Y_MAP) {
		ld_err(ld, e, "an exercise must be a mapping with id, name and "
		    "kind, not %s", ld_what(e));
		return;
	}
	cat->ex = catalog_grow(cat->ex, cat->nex, sizeof *cat->ex);
	ex = &cat->ex[cat->nex];
	memset(ex, 0, sizeof *ex);
	ex->kind = (enum ex_kind)-1;
	ex->loc = ld_loc(ld, e);
	before = ld->nerr;
	ld_map(ld, e, ld_ex_rules, "an exercise", ex);
	/*
	 * An alias for its kind was the parse's problem, not loading's, and
	 * leaves no kind: catalog_link() must not check steps against it.
	 */
	ex->broken = ld->nerr != before || (unsigned)ex->kind > KIND_TIMED;
	/* Without an id nothing could refer to it: drop it. */
	if (ex->id != NULL)
		cat->nex++;
}

/* One item of 'routines'. */
static void
ld_routine(struct ld *ld, const struct ynode *e, struct catalog *cat)
{
	struct routine	*rt;

	if (e->type == Y_BAD)
		return;
	if (e->type != Y_MAP) {
		ld_err(ld, e, "a routine must be a mapping with id, name and "
		    "steps, not %s", ld_what(e));
		return;
	}
	cat->rt = catalog_grow(cat->rt, cat->nrt, sizeof *cat->rt);
	rt = &cat->rt[cat->nrt];
	memset(rt, 0, sizeof *rt);
	catalog_prog_init(&rt->prog);
	rt->per_week = 3;
	rt->loc = ld_loc(ld, e);
	/* Kept without an id too: its steps are still checked. */
	ld_map(ld, e, ld_rt_rules, "a routine", rt);
	cat->nrt++;
}

static void
h_exercises(struct ld *ld, const struct rule *r, const struct ynode *v,
    void *obj)
{
	const struct ynode	*e;

	if (!ld_want(ld, r, v, Y_SEQ, "a list of exercises"))
		return;
	for (e = ld_node(ld, v->first); e != NULL; e = ld_node(ld, e->next))
		ld_exercise(ld, e, obj);
}

static void
h_routines(struct ld *ld, const struct rule *r, const struct ynode *v,
    void *obj)
{
	const struct ynode	*e;

	if (!ld_want(ld, r, v, Y_SEQ, "a list of routines"))
		return;
	for (e = ld_node(ld, v->first); e != NULL; e = ld_node(ld, e->next))
		ld_routine(ld, e, obj);
}

static const struct rule ld_top_rules[] = {
	{ "exercises", false, h_exercises, 0, 0, 0, -1 },
	{ "routines", false, h_routines, 0, 0, 0, -1 },
	{ NULL, false, NULL, 0, 0, 0, -1 }
};

/* What loads one item of a top-level list, by rule (see struct ld_top). */
static void (*const ld_top_items[])(struct ld *, const struct ynode *,
    struct catalog *) = { ld_exercise, ld_routine, NULL };

/* A node of the root mapping's level begins: where its text will start. */
void
ld_top_begin(struct ld *ld, struct ld_top *t, int depth)
{
	if (!t->on)
		return;
	if (depth == 1 && t->key == 0)
		t->keystr = ld->nstr;
	else if (depth == 2 && t->list != 0)
		t->itemstr = ld->nstr;
}

/* Node i, a list or mapping at `depth`, is open. */
void
ld_top_open(struct ld *ld, struct ld_top *t, uint32_t i, int depth)
{
	const struct ynode	*n = ld_node(ld, i);

	if (depth == 0 && n->type == Y_MAP && i == 1)
		t->on = true;
	else if (t->on && depth == 1 && t->key != 0 && t->rule >= 0 &&
	    n->type == Y_SEQ && ld_top_items[t->rule] != NULL)
		t->list = i;
}

/*
 * Node i at `depth` is complete: load what it completes and cut it from
 * the tree. Nodes are added in document order, so everything after a
 * complete node is its own.
 */
void
ld_top_done(struct ld *ld, struct ld_top *t, uint32_t i, int depth,
    uint32_t *last)
{
	const struct ynode	*n = ld_node(ld, i);
	const struct rule	*r;

	if (!t->on)
		return;
	if (depth == 0) {
		ld_map_end(ld, n, ld_top_rules, "the file", t->seen);
		return;
	}
	if (depth == 2 && t->list != 0) {
		ld_top_items[t->rule](ld, n, ld->cat);
		ld->nnode = i - 1;
		ld->nstr = t->itemstr;
		ld->node[t->list - 1].first = 0;
		last[1] = 0;
		return;
	}
	if (depth != 1)
		return;
	if (t->key == 0) {
		t->key = i;
		t->rule = ld_map_key(ld, n, ld_top_rules, "the file", t->seen);
		return;
	}
	/* A list loaded item by item needs nothing more. */
	if (t->rule >= 0 && t->list == 0) {
		r = &ld_top_rules[t->rule];
		r->fn(ld, r, n, ld->cat);
	}
	ld->nnode = t->key - 1;
	ld->nstr = t->keystr;
	ld->node[0].first = 0;
	last[0] = 0;
	t->key = 0;
	t->list = 0;
}

/* --- loading ------------------------------------------------------------- */

void
catalog_init(struct catalog *cat)
{
	memset(cat, 0, sizeof *cat);
}

void
catalog_free(struct catalog *cat)
{
	free(cat->ex);
	free(cat->rt);
	free(cat->bad);
	xfree_list(cat->files, cat->nfiles);
	arena_free(&cat->arena);
	catalog_init(cat);
}

/* Keep a copy of the file name that every diag_loc can point to. */
static const char *
catalog_add_file(struct catalog *cat, const char *path)
{
	cat->files = catalog_grow(cat->files, cat->nfiles,
	    sizeof *cat->files);
	cat->bad = catalog_grow(cat->bad, cat->nfiles, sizeof *cat->bad);
	cat->bad[cat->nfiles] = false;
	cat->files[cat->nfiles] = xstrdup(path);
	return cat->files[cat->nfiles++];
}

/* Move a file's problems to `d`: as many as it keeps, the rest counted. */
static void
ld_flush(struct diags *d, struct diags *from)
{
	size_t	i;

	for (i = 0; i < from->n; i++)
		diags_add(d, from->v[i].loc, "%s", from->v[i].msg);
	d->dropped += from->dropped;
	diags_free(from);
}

/* Parse and load one file, in the scratch's buffers. */
static size_t
ld_load(struct catalog *cat, const char *path, struct ld_input *in,
    struct diags *d, struct ld_scratch *sc)
{
	struct ld		 ld;
	struct diag_loc		 loc = { path, 0, 0 };
	const struct ynode	*rn;
	size_t			 nex = cat->nex, nrt = cat->nrt;
	long			 root;

	memset(&ld, 0, sizeof ld);
	ld.cat = cat;
	ld.d = d;
	/* Each keeps as many problems as `d` can: they go there next. */
	diags_init(&ld.early);
	diags_init(&ld.later);
	ld.early.max = ld.later.max = d->max;
	ld.file = catalog_add_file(cat, path);
	if (in->fd == -1 && in->len > CATALOG_MAX_FILE) {
		cat->bad[cat->nfiles - 1] = true;
		diags_add(d, loc, "larger than %d bytes: not an exercise "
		    "library", CATALOG_MAX_FILE);
		return 1;
	}
	ld.node = sc->node;
	ld.capnode = sc->capnode;
	ld.str = sc->str;
	ld.capstr = sc->capstr;
	root = ld_parse(&ld, in);
	if (root > 0) {
		/* A mapping was loaded as it was parsed. */
		rn = ld_node(&ld, (uint32_t)root);
		if (rn->type != Y_MAP && rn->type != Y_BAD &&
		    !(rn->type == Y_SCALAR && rn->plain && rn->len == 0))
			ld_err(&ld, rn, "the file must be a mapping with "
			    "'exercises' and/or 'routines', not %s",
			    ld_what(rn));
	}
	sc->node = ld.node;
	sc->capnode = ld.capnode;
	sc->str = ld.str;
	sc->capstr = ld.capstr;
	if (root == -1 || in->err != 0 || in->grew) {
		/* A file that does not parse loads nothing. */
		cat->nex = nex;
		cat->nrt = nrt;
		diags_free(&ld.later);
		ld.nerr = ld.nparse;
	}
	if (in->err != 0 || in->grew) {
		/* Nor one that cannot be read: as if it had not been. */
		diags_free(&ld.early);
		free(cat->files[--cat->nfiles]);
		if (in->err != 0)
			diags_add(d, loc, "%s", strerror(in->err));
		else
			diags_add(d, loc, "changed while being read");
		return 1;
	}
	cat->bad[cat->nfiles - 1] = ld.nerr > 0;
	ld_flush(d, &ld.early);
	ld_flush(d, &ld.later);
	return ld.nerr;
}

static void
ld_scratch_free(struct ld_scratch *sc)
{
	free(sc->node);
	free(sc->str);
	memset(sc, 0, sizeof *sc);
}

size_t
catalog_load_buffer(struct catalog *cat, const char *path, const char *buf,
    size_t len, struct diags *d)
{
	struct ld_scratch	sc;
	struct ld_input		in;
	size_t			n;

	memset(&sc, 0, sizeof sc);
	memset(&in, 0, sizeof in);
	in.buf = buf;
	in.len = len;
	in.fd = -1;
	n = ld_load(cat, path, &in, d, &sc);
	ld_scratch_free(&sc);
	return n;
}

static size_t
catalog_load_file(struct catalog *cat, const char *path, struct diags *d,
    struct ld_scratch *sc)
{
	struct diag_loc	 loc = { path, 0, 0 };
	struct ld_input	 in;
	struct stat	 sb;
	size_t		 n;
	int		 fd;

	if ((fd = paths_open_file(path, O_RDONLY, 0, &sb)) < 0) {
		diags_add(d, loc, "%s", paths_open_error(fd));
		return 1;
	}
	if (sb.st_size > CATALOG_MAX_FILE) {
		diags_add(d, loc, "larger than %d bytes: not an exercise "
		    "library", CATALOG_MAX_FILE);
		close(fd);
		return 1;
	}
	memset(&in, 0, sizeof in);
	in.fd = fd;
	in.size = (size_t)sb.st_size;
	n = ld_load(cat, path, &in, d, sc);
	close(fd);
	return n;
}

static int
catalog_yaml_name(const struct dirent *de)
{
	size_t	len = strlen(de->d_name);

	return de->d_name[0] != '.' && len > 5 &&
	    strcmp(de->d_name + len - 5, ".yaml") == 0;
}

long
catalog_dir_files(const char *dir, char ***files, struct diags *d)
{
	struct diag_loc	  loc = { dir, 0, 0 };
	struct dirent	**names;
	struct stat	  sb;
	char		 *file;
	int		  n, i;
	long		  k = 0;

	*files = NULL;
	if ((n = scandir(dir, &names, catalog_yaml_name, alphasort)) == -1) {
		diags_add(d, loc, "%s", strerror(errno));
		return -1;
	}
	*files = xcalloc((size_t)n + 1, sizeof **files);
	for (i = 0; i < n; i++) {
		xasprintf(&file, "%s/%s", dir, names[i]->d_name);
		free(names[i]);
		/* A folder named x.yaml is not a library file. */
		if (stat(file, &sb) == 0 && S_ISDIR(sb.st_mode))
			free(file);
		else
			(*files)[k++] = file;
	}
	free(names);
	return k;
}

size_t
catalog_load_path(struct catalog *cat, const char *path, struct diags *d)
{
	struct diag_loc	  loc = { path, 0, 0 };
	struct ld_scratch sc;
	struct stat	  sb;
	char		**files;
	size_t		  errs = 0;
	long		  n, i;

	if (stat(path, &sb) == -1) {
		diags_add(d, loc, "%s", strerror(errno));
		return 1;
	}
	memset(&sc, 0, sizeof sc);
	if (!S_ISDIR(sb.st_mode)) {
		errs = catalog_load_file(cat, path, d, &sc);
		ld_scratch_free(&sc);
		return errs;
	}
	if ((n = catalog_dir_files(path, &files, d)) == -1)
		return 1;
	for (i = 0; i < n; i++) {
		errs += catalog_load_file(cat, files[i], d, &sc);
		free(files[i]);
	}
	free(files);
	ld_scratch_free(&sc);
	return errs;
}

/* --- linking ------------------------------------------------------------- */

static int
catalog_cmp_ex(const void *a, const void *b)
{
	const struct exercise	*x = *(const struct exercise *const *)a;
	const struct exercise	*y = *(const struct exercise *const *)b;
	int			 c;

	if ((c = strcmp(x->id, y->id)) != 0)
		return c;
	return x < y ? -1 : x > y;
}

static int
catalog_cmp_rt(const void *a, const void *b)
{
	const struct routine	*x = *(const struct routine *const *)a;
	const struct routine	*y = *(const struct routine *const *)b;
	int			 c;

	if ((c = strcmp(x->id, y->id)) != 0)
		return c;
	return x < y ? -1 : x > y;
}

static int
catalog_cmp_key(const void *key, const void *elem)
{
	return strcmp(key, (*(const struct exercise *const *)elem)->id);
}

static size_t
catalog_link_err(struct diags *d, struct diag_loc loc, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static size_t
catalog_link_err(struct diags *d, struct diag_loc loc, const char *fmt, ...)
{
	va_list	ap;

	va_start(ap, fmt);
	diags_vadd(d, loc, fmt, ap);
	va_end(ap);
	return 1;
}

/* A place in a step's file. */
static struct diag_loc
catalog_at(const struct step *st, struct catalog_pos p)
{
	struct diag_loc	l = { st->loc.file, p.line, p.col };

	return l;
}

/* The keys a step may hold, and must hold, per kind. */
#define B(k)	(1u << (k))
static const unsigned catalog_allowed[] = {
	[KIND_REPS] = B(STEP_EXERCISE) | B(STEP_SETS) | B(STEP_REPS) |
	    B(STEP_REST) | B(STEP_LEVEL) | B(STEP_TEMPO) | B(STEP_PROGRESSION),
	[KIND_HOLD] = B(STEP_EXERCISE) | B(STEP_SETS) | B(STEP_REPS) |
	    B(STEP_HOLD) | B(STEP_RELAX) | B(STEP_REST) | B(STEP_LEVEL) |
	    B(STEP_PROGRESSION),
	[KIND_TIMED] = B(STEP_EXERCISE) | B(STEP_SETS) | B(STEP_WORK) |
	    B(STEP_EASY) | B(STEP_ROUNDS) | B(STEP_REST) | B(STEP_LEVEL) |
	    B(STEP_PROGRESSION),
};
static const unsigned catalog_required[] = {
	[KIND_REPS] = B(STEP_SETS) | B(STEP_REPS),
	[KIND_HOLD] = B(STEP_SETS) | B(STEP_HOLD),
	[KIND_TIMED] = B(STEP_WORK),
};
/* The ladder axes that fit each kind, as step_key bits. */
static const unsigned catalog_axes[] = {
	[KIND_REPS] = B(STEP_SETS) | B(STEP_REPS),
	[KIND_HOLD] = B(STEP_SETS) | B(STEP_REPS) | B(STEP_HOLD),
	[KIND_TIMED] = B(STEP_SETS) | B(STEP_WORK) | B(STEP_ROUNDS),
};

static const char *const catalog_key_names[STEP_KEY_COUNT] = {
	"exercise", "sets", "reps", "hold", "relax", "work", "easy",
	"rounds", "rest", "level", "tempo", "progression"
};

const char *
catalog_step_key_name(enum step_key k)
{
	if ((unsigned)k >= STEP_KEY_COUNT)
		return "?";
	return catalog_key_names[k];
}

/* "sets, reps, rest, level": what a kind's step may hold. */
static void
catalog_allowed_str(enum ex_kind kind, char *buf, size_t len)
{
	size_t	used = 0;
	int	k;

	buf[0] = '\0';
	for (k = STEP_SETS; k < STEP_PROGRESSION; k++) {
		if (!(catalog_allowed[kind] & B(k)))
			continue;
		snprintf(buf + used, len - used, "%s%s", used == 0 ? "" : ", ",
		    catalog_key_names[k]);
		used = strlen(buf);
	}
}

static size_t
catalog_link_axes(const struct step *st, const struct exercise *ex,
    struct diags *d)
{
	const struct ladder_axis	*ax[] = {
		&st->prog.sets, &st->prog.reps, &st->prog.hold,
		&st->prog.work, &st->prog.rounds
	};
	const int			 key[] = {
		STEP_SETS, STEP_REPS, STEP_HOLD, STEP_WORK, STEP_ROUNDS
	};
	size_t				 i, errs = 0;

	for (i = 0; i < sizeof ax / sizeof ax[0]; i++) {
		if (ax[i]->on && !(catalog_axes[ex->kind] & B(key[i])))
			errs += catalog_link_err(d, catalog_at(st, ax[i]->loc),
			    "the '%s' ladder does not fit '%s' (kind %s)",
			    catalog_key_names[key[i]], ex->id,
			    catalog_kind_name(ex->kind));
	}
	if (st->prog.levels && ex->nlevels == 0)
		errs += catalog_link_err(d, catalog_at(st, st->prog.level_loc),
		    "the 'level' ladder does not fit '%s', which has no "
		    "levels", ex->id);
	else if (st->prog.levels && (size_t)st->prog.level_max > ex->nlevels)
		errs += catalog_link_err(d, catalog_at(st, st->prog.level_loc),
		    "the 'level' ladder's max (%d) is above the %zu levels of "
		    "'%s'", st->prog.level_max, ex->nlevels, ex->id);
	return errs;
}

/* Does the step's dose fit its exercise's kind? Fill in the defaults. */
static size_t
catalog_link_step(struct step *st, const struct exercise *ex,
    struct diags *d)
{
	unsigned	extra, missing;
	size_t		errs = 0;
	char		allowed[128];
	int		k;

	extra = st->given & ~catalog_allowed[ex->kind];
	missing = catalog_required[ex->kind] & ~st->given;
	/* Only a step with a problem needs the list, and they are few. */
	if (extra != 0)
		catalog_allowed_str(ex->kind, allowed, sizeof allowed);
	for (k = 0; k < STEP_KEY_COUNT; k++) {
		if (extra & B(k))
			errs += catalog_link_err(d, catalog_at(st,
			    st->keyloc[k]), "'%s' does not fit '%s' (kind %s: "
			    "use %s)", catalog_key_names[k], ex->id,
			    catalog_kind_name(ex->kind), allowed);
		if (missing & B(k))
			errs += catalog_link_err(d, st->loc, "a step of '%s' "
			    "(kind %s) is missing required key '%s'", ex->id,
			    catalog_kind_name(ex->kind), catalog_key_names[k]);
	}
	if (ex->kind == KIND_HOLD && (st->given & B(STEP_RELAX)) &&
	    !(st->given & B(STEP_REPS)))
		errs += catalog_link_err(d, catalog_at(st,
		    st->keyloc[STEP_RELAX]), "'relax' needs 'reps', the number "
		    "of holds in a set");
	if ((st->given & B(STEP_LEVEL)) && ex->nlevels == 0)
		errs += catalog_link_err(d, catalog_at(st,
		    st->keyloc[STEP_LEVEL]), "'level' does not fit '%s', which "
		    "has no levels", ex->id);
	else if ((st->given & B(STEP_LEVEL)) &&
	    (size_t)st->base.level > ex->nlevels)
		errs += catalog_link_err(d, catalog_at(st,
		    st->keyloc[STEP_LEVEL]), "'level' must be from 1 to %zu "
		    "(the levels of '%s'), got %d", ex->nlevels, ex->id,
		    st->base.level);
	errs += catalog_link_axes(st, ex, d);

	if (!(st->given & B(STEP_SETS)))
		st->base.sets = 1;
	if (!(st->given & B(STEP_REST)))
		st->base.rest = 60;
	if (ex->kind == KIND_TIMED && !(st->given & B(STEP_ROUNDS)))
		st->base.rounds = 1;
	if (ex->kind == KIND_HOLD && st->base.reps > 1 &&
	    !(st->given & B(STEP_RELAX)))
		st->base.relax = 5;
	if (ex->nlevels > 0 && !(st->given & B(STEP_LEVEL)))
		st->base.level = 1;
	return errs;
}

static void
catalog_loc_str(struct diag_loc l, char *buf, size_t len)
{
	snprintf(buf, len, "%s:%d:%d", l.file != NULL ? l.file : "?", l.line,
	    l.col);
}

/* A file has problems found when linking. */
static void
catalog_mark_bad(struct catalog *cat, const char *file)
{
	size_t	i;

	for (i = 0; file != NULL && i < cat->nfiles; i++)
		if (cat->files[i] == file || strcmp(cat->files[i], file) == 0)
			cat->bad[i] = true;
}

bool
catalog_file_bad(const struct catalog *cat, const char *file)
{
	size_t	i;

	for (i = 0; file != NULL && i < cat->nfiles; i++)
		if (cat->files[i] == file || strcmp(cat->files[i], file) == 0)
			return cat->bad[i];
	return false;
}

size_t
catalog_link(struct catalog *cat, struct diags *d)
{
	struct exercise	**ex, **hit;
	struct routine	**rt;
	struct step	 *st;
	char		  where[PATH_MAX + 32];
	size_t		  i, j, errs = 0, before;

	ex = xcalloc(cat->nex + 1, sizeof *ex);
	for (i = 0; i < cat->nex; i++)
		ex[i] = &cat->ex[i];
	qsort(ex, cat->nex, sizeof *ex, catalog_cmp_ex);
	for (i = 1; i < cat->nex; i++) {
		if (strcmp(ex[i]->id, ex[i - 1]->id) != 0)
			continue;
		for (j = i - 1; j > 0 && strcmp(ex[j - 1]->id, ex[i]->id) == 0;)
			j--;
		catalog_loc_str(ex[j]->loc, where, sizeof where);
		errs += catalog_link_err(d, ex[i]->loc, "duplicate exercise "
		    "id '%s' (first defined at %s)", ex[i]->id, where);
		catalog_mark_bad(cat, ex[i]->loc.file);
	}

	rt = xcalloc(cat->nrt + 1, sizeof *rt);
	for (i = j = 0; i < cat->nrt; i++)
		if (cat->rt[i].id != NULL)
			rt[j++] = &cat->rt[i];
	qsort(rt, j, sizeof *rt, catalog_cmp_rt);
	for (i = 1; i < j; i++) {
		size_t	f = i - 1;

		if (strcmp(rt[i]->id, rt[i - 1]->id) != 0)
			continue;
		while (f > 0 && strcmp(rt[f - 1]->id, rt[i]->id) == 0)
			f--;
		catalog_loc_str(rt[f]->loc, where, sizeof where);
		errs += catalog_link_err(d, rt[i]->loc, "duplicate routine "
		    "id '%s' (first defined at %s)", rt[i]->id, where);
		catalog_mark_bad(cat, rt[i]->loc.file);
	}
	free(rt);

	for (i = 0; i < cat->nrt; i++) {
		before = errs;
		for (j = 0; j < cat->rt[i].nsteps; j++) {
			st = &cat->rt[i].steps[j];
			st->ex = NULL;
			if (st->exercise_id == NULL)
				continue;
			hit = bsearch(st->exercise_id, ex, cat->nex,
			    sizeof *ex, catalog_cmp_key);
			if (hit == NULL) {
				errs += catalog_link_err(d, catalog_at(st,
				    st->keyloc[STEP_EXERCISE]), "unknown "
				    "exercise '%s' (see 'rehabit list')",
				    st->exercise_id);
				continue;
			}
			/* The first of duplicates, as reported above. */
			while (hit > ex && strcmp(hit[-1]->id,
			    st->exercise_id) == 0)
				hit--;
			st->ex = *hit;
			if (!(*hit)->broken)
				errs += catalog_link_step(st, *hit, d);
		}
		if (errs != before)
			catalog_mark_bad(cat, cat->rt[i].loc.file);
	}
	free(ex);
	return errs;
}

/* The file with problems `rt` depends on, and through which exercise. */
static const char *
catalog_blocker(const struct catalog *cat, const struct routine *rt,
    const char **exid)
{
	const struct exercise	*ex;
	size_t			 i;

	*exid = NULL;
	if (catalog_file_bad(cat, rt->loc.file))
		return rt->loc.file;
	for (i = 0; i < rt->nsteps; i++) {
		if ((ex = rt->steps[i].ex) == NULL)
			return rt->loc.file;
		if (catalog_file_bad(cat, ex->loc.file)) {
			*exid = ex->id;
			return ex->loc.file;
		}
	}
	return NULL;
}

size_t
catalog_isolate(struct catalog *cat)
{
	struct routine	*rt;
	size_t		 i, n = 0, nbad = 0;

	for (i = 0; i < cat->nfiles; i++)
		nbad += cat->bad[i];
	if (nbad == 0)
		return 0;
	for (i = 0; i < cat->nex; i++)
		cat->ex[i].isolated = catalog_file_bad(cat, cat->ex[i].loc.file);
	for (i = 0; i < cat->nrt; i++) {
		rt = &cat->rt[i];
		rt->blocked = catalog_blocker(cat, rt, &rt->blocked_ex);
		/* Its own file has problems: its id or name may be missing. */
		if (rt->blocked != NULL && rt->blocked_ex == NULL)
			continue;
		cat->rt[n++] = *rt;
	}
	cat->nrt = n;
	return nbad;
}

/* The place of a file in the load order; files not loaded come after. */
static size_t
catalog_file_rank(const struct catalog *cat, const char *file)
{
	size_t	i;

	for (i = 0; file != NULL && i < cat->nfiles; i++)
		if (strcmp(cat->files[i], file) == 0)
			return i;
	return cat->nfiles;
}

struct catalog_sortkey {
	size_t		 rank, index;
	const struct diag *g;
};

static int
catalog_cmp_diag(const void *a, const void *b)
{
	const struct catalog_sortkey	*x = a, *y = b;

	if (x->rank != y->rank)
		return x->rank < y->rank ? -1 : 1;
	if (x->g->loc.line != y->g->loc.line)
		return x->g->loc.line < y->g->loc.line ? -1 : 1;
	if (x->g->loc.col != y->g->loc.col)
		return x->g->loc.col < y->g->loc.col ? -1 : 1;
	return x->index < y->index ? -1 : x->index > y->index;
}

void
catalog_sort_diags(const struct catalog *cat, struct diags *d)
{
	struct catalog_sortkey	*k;
	struct diag		*v;
	size_t			 i;

	if (d->n < 2)
		return;
	k = xcalloc(d->n, sizeof *k);
	for (i = 0; i < d->n; i++) {
		k[i].g = &d->v[i];
		k[i].index = i;
		k[i].rank = catalog_file_rank(cat, d->v[i].file);
	}
	qsort(k, d->n, sizeof *k, catalog_cmp_diag);
	v = xcalloc(d->n, sizeof *v);
	for (i = 0; i < d->n; i++)
		v[i] = *k[i].g;
	memcpy(d->v, v, d->n * sizeof *v);
	free(v);
	free(k);
}

/* A copy of a list of strings, in the arena. */
static char **
catalog_copy_list(struct arena *a, char *const *v, size_t n)
{
	char	**list;
	size_t	  i;

	if (n == 0)
		return NULL;
	list = arena_calloc(a, n, sizeof *list);
	for (i = 0; i < n; i++)
		list[i] = arena_strdup(a, v[i]);
	return list;
}

void
catalog_borrow(struct catalog *cat, struct catalog *from)
{
	const struct exercise	*src;
	struct exercise		*ex;
	size_t			 i;

	for (i = 0; i < from->nex; i++) {
		src = &from->ex[i];
		if (src->id == NULL || catalog_exercise(cat, src->id) != NULL)
			continue;
		cat->ex = catalog_grow(cat->ex, cat->nex, sizeof *cat->ex);
		ex = &cat->ex[cat->nex++];
		*ex = *src;
		ex->id = arena_strdup(&cat->arena, src->id);
		if (src->name != NULL)
			ex->name = arena_strdup(&cat->arena, src->name);
		ex->cues = catalog_copy_list(&cat->arena, src->cues,
		    src->ncues);
		ex->levels = catalog_copy_list(&cat->arena, src->levels,
		    src->nlevels);
	}
	/* The copies' locations point into these names. */
	for (i = 0; i < from->nfiles; i++) {
		cat->files = catalog_grow(cat->files, cat->nfiles,
		    sizeof *cat->files);
		cat->bad = catalog_grow(cat->bad, cat->nfiles,
		    sizeof *cat->bad);
		cat->bad[cat->nfiles] = from->bad[i];
		cat->files[cat->nfiles++] = from->files[i];
	}
	from->nfiles = 0;
}

/* --- queries ------------------------------------------------------------- */

const struct exercise *
catalog_exercise(const struct catalog *cat, const char *id)
{
	size_t	i;

	for (i = 0; i < cat->nex; i++)
		if (cat->ex[i].id != NULL && !cat->ex[i].isolated &&
		    strcmp(cat->ex[i].id, id) == 0)
			return &cat->ex[i];
	return NULL;
}

const struct routine *
catalog_routine(const struct catalog *cat, const char *id)
{
	size_t	i;

	for (i = 0; i < cat->nrt; i++)
		if (cat->rt[i].id != NULL && strcmp(cat->rt[i].id, id) == 0)
			return &cat->rt[i];
	return NULL;
}

const char *
catalog_kind_name(enum ex_kind k)
{
	if ((unsigned)k > KIND_TIMED)
		return "unknown";
	return ld_kinds[k];
}

const char *
catalog_focus_name(enum ex_focus f)
{
	if ((unsigned)f > FOCUS_CARDIO)
		return "unknown";
	return ld_focuses[f];
}

const char *
catalog_sides_name(enum ex_sides s)
{
	if ((unsigned)s > SIDES_EACH)
		return "unknown";
	return ld_sides[s];
}

/* Seconds as m:ss, or h:mm:ss from an hour up. */
static void
catalog_clock(int secs, char *buf, size_t len)
{
	if (secs >= 3600)
		snprintf(buf, len, "%d:%02d:%02d", secs / 3600,
		    secs / 60 % 60, secs % 60);
	else
		snprintf(buf, len, "%d:%02d", secs / 60, secs % 60);
}

void
catalog_dose_str(const struct exercise *ex, const struct dose *d, char *buf,
    size_t len)
{
	char	work[16], easy[16], sets[16];
	size_t	used;

	snprintf(sets, sizeof sets, "%d x ", d->sets);
	switch (ex->kind) {
	case KIND_REPS:
		snprintf(buf, len, "%d x %d", d->sets, d->reps);
		break;
	case KIND_HOLD:
		if (d->reps > 1)
			snprintf(buf, len, "%s%d x %d s hold", d->sets > 1 ?
			    sets : "", d->reps, d->hold);
		else
			snprintf(buf, len, "%d x %d s hold", d->sets, d->hold);
		break;
	case KIND_TIMED:
		catalog_clock(d->work, work, sizeof work);
		catalog_clock(d->easy, easy, sizeof easy);
		snprintf(buf, len, "%s%d round%s: %s work%s%s%s",
		    d->sets > 1 ? sets : "", d->rounds,
		    d->rounds == 1 ? "" : "s", work, d->easy > 0 ? " / " : "",
		    d->easy > 0 ? easy : "", d->easy > 0 ? " easy" : "");
		break;
	default:
		snprintf(buf, len, "?");
		break;
	}
	used = strlen(buf);
	if (ex->sides == SIDES_EACH && used < len)
		snprintf(buf + used, len - used, " each side");
	used = strlen(buf);
	if (d->level >= 1 && (size_t)d->level <= ex->nlevels && used < len)
		snprintf(buf + used, len - used, " (%s)",
		    ex->levels[d->level - 1]);
}
