/*
 * histfile.c - the history file: YAML (doc/DESIGN.md section 4) and CSV.
 *
 * The reader walks libyaml's event stream with a small pull parser: no
 * document tree is built, so memory stays bounded by the history itself,
 * and yamlin.c checks nesting, scalar length, anchors, aliases and tags
 * as each event arrives.
 */
#include "config.h"

#include "histfile.h"

#include <sys/stat.h>

#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sysexits.h>
#include <unistd.h>
#include <yaml.h>

#include "isotime.h"
#include "paths.h"
#include "store.h"
#include "xmalloc.h"
#include "yamlin.h"

/* --- reading ------------------------------------------------------------- */

struct hp {
	struct yamlin		 y;
	bool			 fatal;		/* the stream cannot go on */
	const struct catalog	*cat;
	struct diags		*d;
	size_t			 errors;
};

static void
hp_error_at(struct hp *hp, struct diag_loc loc, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static void
hp_error_at(struct hp *hp, struct diag_loc loc, const char *fmt, ...)
{
	va_list		 ap;

	va_start(ap, fmt);
	diags_vadd(hp->d, loc, fmt, ap);
	va_end(ap);
	hp->errors++;
}

static void
hp_error(struct hp *hp, yaml_mark_t m, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static void
hp_error(struct hp *hp, yaml_mark_t m, const char *fmt, ...)
{
	va_list		 ap;

	va_start(ap, fmt);
	diags_vadd(hp->d, yamlin_loc(&hp->y, m), fmt, ap);
	va_end(ap);
	hp->errors++;
}

/* The mark of the current event. */
static yaml_mark_t
hp_mark(const struct hp *hp)
{
	return hp->y.ev.start_mark;
}

/*
 * Take the next event, refusing what a history file never holds. false
 * at the end of the stream or after an error that stops reading
 * (hp->fatal).
 */
static bool
hp_next(struct hp *hp)
{
	const yaml_parser_t	*p = &hp->y.parser;
	struct diag_loc		 here;
	unsigned		 bad;

	if (hp->fatal)
		return false;
	if (!yamlin_next(&hp->y, &bad)) {
		hp_error_at(hp, yamlin_syntax_loc(&hp->y), "%s%s%s",
		    p->problem != NULL ? p->problem : "not valid YAML",
		    p->context != NULL ? " " : "",
		    p->context != NULL ? p->context : "");
		hp->fatal = true;
		return false;
	}
	if (bad == 0)
		return true;
	here = yamlin_here(&hp->y);
	if (bad & YAMLIN_ALIAS)
		hp_error_at(hp, here, "aliases are not allowed in a history "
		    "file");
	else if (bad & YAMLIN_LONG)
		hp_error_at(hp, here, "value longer than %d bytes",
		    HISTFILE_MAX_SCALAR);
	else if (bad & YAMLIN_ANCHOR)
		hp_error_at(hp, here, "anchors are not allowed in a history "
		    "file");
	else if (bad & YAMLIN_TAG)
		hp_error_at(hp, here, "tags are not allowed in a history "
		    "file");
	else
		hp_error_at(hp, here, "nested deeper than %d levels",
		    HISTFILE_MAX_DEPTH);
	hp->fatal = true;
	return false;
}

static bool
hp_is(const struct hp *hp, yaml_event_type_t type)
{
	return hp->y.have && hp->y.ev.type == type;
}

/* Skip the node whose first event is current. */
static bool
hp_skip(struct hp *hp)
{
	int	depth;

	if (!hp_is(hp, YAML_SEQUENCE_START_EVENT) &&
	    !hp_is(hp, YAML_MAPPING_START_EVENT))
		return true;
	depth = hp->y.depth - 1;
	while (hp_next(hp)) {
		if ((hp_is(hp, YAML_SEQUENCE_END_EVENT) ||
		    hp_is(hp, YAML_MAPPING_END_EVENT)) && hp->y.depth == depth)
			return true;
	}
	return false;
}

static const char *
hp_str(const struct hp *hp)
{
	return (const char *)hp->y.ev.data.scalar.value;
}

/* The current event must be a scalar (e.g. a value): else report, skip. */
static bool
hp_scalar(struct hp *hp, const char *what)
{
	if (hp_is(hp, YAML_SCALAR_EVENT))
		return true;
	hp_error(hp, hp_mark(hp), "%s must be a single value", what);
	hp_skip(hp);
	return false;
}

static bool
hp_int(struct hp *hp, const char *what, long min, long max, int *out)
{
	const char	*s;
	char		*end;
	long		 v;

	if (!hp_scalar(hp, what))
		return false;
	s = hp_str(hp);
	errno = 0;
	v = strtol(s, &end, 10);
	if (!(isdigit((unsigned char)s[0]) || (s[0] == '-' &&
	    isdigit((unsigned char)s[1]))) || *end != '\0' || errno != 0) {
		hp_error(hp, hp_mark(hp), "%s: '%s' is not a whole number",
		    what, s);
		return false;
	}
	if (v < min || v > max) {
		hp_error(hp, hp_mark(hp), "%s: %ld is not between %ld and %ld",
		    what, v, min, max);
		return false;
	}
	*out = (int)v;
	return true;
}

static bool
hp_score(struct hp *hp, const char *what, int *out)
{
	return hp_int(hp, what, 0, 10, out);
}

static bool
hp_bool(struct hp *hp, const char *what, bool *out)
{
	const char	*s;

	if (!hp_scalar(hp, what))
		return false;
	s = hp_str(hp);
	if (strcmp(s, "true") == 0 || strcmp(s, "True") == 0 ||
	    strcmp(s, "TRUE") == 0)
		*out = true;
	else if (strcmp(s, "false") == 0 || strcmp(s, "False") == 0 ||
	    strcmp(s, "FALSE") == 0)
		*out = false;
	else {
		hp_error(hp, hp_mark(hp), "%s: '%s' is not true or false",
		    what, s);
		return false;
	}
	return true;
}

static bool
hp_time(struct hp *hp, const char *what, int64_t *t, int *off)
{
	struct isotime	it;

	if (!hp_scalar(hp, what))
		return false;
	if (isotime_scan(hp_str(hp), &it) == -1 || !it.has_time ||
	    !it.has_off) {
		hp_error(hp, hp_mark(hp), "%s: '%s' is not a date and time "
		    "like 2026-11-02T18:00:00+01:00", what, hp_str(hp));
		return false;
	}
	*t = isotime_utc(&it);
	*off = it.off;
	return true;
}

static bool
hp_id_syntax(const char *s)
{
	if (*s == '\0')
		return false;
	for (; *s != '\0'; s++) {
		if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') ||
		    *s == '-'))
			return false;
	}
	return true;
}

/* The catalog is searched directly: it is plain data. */
static bool
hp_known_routine(const struct catalog *cat, const char *id)
{
	size_t	i;

	for (i = 0; i < cat->nrt; i++) {
		if (strcmp(cat->rt[i].id, id) == 0)
			return true;
	}
	return false;
}

static bool
hp_known_exercise(const struct catalog *cat, const char *id)
{
	size_t	i;

	for (i = 0; i < cat->nex; i++) {
		if (strcmp(cat->ex[i].id, id) == 0)
			return true;
	}
	return false;
}

static char *
hp_id(struct hp *hp, const char *what, bool routine)
{
	const char	*s;

	if (!hp_scalar(hp, what))
		return NULL;
	s = hp_str(hp);
	if (!hp_id_syntax(s)) {
		hp_error(hp, hp_mark(hp), "%s: '%s' is not an id (a-z, 0-9 "
		    "and -)", what, s);
		return NULL;
	}
	if (hp->cat != NULL && (routine ? !hp_known_routine(hp->cat, s) :
	    !hp_known_exercise(hp->cat, s))) {
		hp_error(hp, hp_mark(hp), "unknown %s '%s' (not in the "
		    "library)", what, s);
		return NULL;
	}
	return xstrdup(s);
}

/* The same check as `rehabit pain --note` and the pain form. */
static char *
hp_note(struct hp *hp)
{
	if (!hp_scalar(hp, "note"))
		return NULL;
	if (strlen(hp_str(hp)) != hp->y.ev.data.scalar.length) {
		hp_error(hp, hp_mark(hp), "note: a NUL character is not text");
		return NULL;
	}
	if (!store_note_valid(hp_str(hp))) {
		hp_error(hp, hp_mark(hp), "note: not text (UTF-8, at most %d "
		    "bytes, no control characters but tab and newline)",
		    STORE_NOTE_MAX);
		return NULL;
	}
	return xstrdup(hp_str(hp));
}

/* A report's id: what rehabit writes, 1 to 64 of a-z, 0-9 and -. */
static char *
hp_uid(struct hp *hp)
{
	const char	*s;

	if (!hp_scalar(hp, "id"))
		return NULL;
	s = hp_str(hp);
	if (!hp_id_syntax(s) || strlen(s) > HISTFILE_MAX_UID) {
		hp_error(hp, hp_mark(hp), "id: '%s' is not a report id (1 to "
		    "%d of a-z, 0-9 and -)", s, HISTFILE_MAX_UID);
		return NULL;
	}
	return xstrdup(s);
}

/* A sequence of flag names. */
static bool
hp_flags(struct hp *hp, unsigned *flags)
{
	unsigned	f;

	if (!hp_is(hp, YAML_SEQUENCE_START_EVENT)) {
		hp_error(hp, hp_mark(hp), "flags must be a list, like "
		    "[swelling, night-pain]");
		hp_skip(hp);
		return false;
	}
	while (hp_next(hp) && !hp_is(hp, YAML_SEQUENCE_END_EVENT)) {
		if (!hp_scalar(hp, "a flag"))
			continue;
		if ((f = history_flag_parse(hp_str(hp))) == 0) {
			hp_error(hp, hp_mark(hp), "unknown flag '%s' (swelling, "
			    "locking, giving-way, night-pain or injury)",
			    hp_str(hp));
			continue;
		}
		*flags |= f;
	}
	return !hp->fatal;
}

/*
 * Walk a mapping: for each key, call fn with the value's first event
 * current. fn consumes the value (hp_skip for collections). Unknown and
 * repeated keys are reported here via the key table.
 */
typedef void (*hp_key_fn)(struct hp *, int key, void *arg);

static void
hp_mapping(struct hp *hp, const char *what, const char *const *keys,
    hp_key_fn fn, void *arg, unsigned *seen)
{
	yaml_mark_t	 km;
	char		*key;
	int		 k;

	*seen = 0;
	if (!hp_is(hp, YAML_MAPPING_START_EVENT)) {
		hp_error(hp, hp_mark(hp), "%s must be a mapping (key: value)",
		    what);
		hp_skip(hp);
		return;
	}
	while (hp_next(hp) && !hp_is(hp, YAML_MAPPING_END_EVENT)) {
		if (!hp_is(hp, YAML_SCALAR_EVENT)) {
			hp_error(hp, hp_mark(hp), "a key in %s must be a name",
			    what);
			hp_skip(hp);
			if (hp_next(hp))
				hp_skip(hp);
			continue;
		}
		key = xstrdup(hp_str(hp));
		km = hp_mark(hp);
		for (k = 0; keys[k] != NULL; k++) {
			if (strcmp(keys[k], key) == 0)
				break;
		}
		if (!hp_next(hp)) {
			free(key);
			return;
		}
		if (keys[k] == NULL) {
			hp_error(hp, km, "unknown key '%s' in %s", key, what);
			hp_skip(hp);
		} else if (*seen & (1u << k)) {
			hp_error(hp, km, "'%s' given twice in %s", key, what);
			hp_skip(hp);
		} else {
			*seen |= 1u << k;
			fn(hp, k, arg);
		}
		free(key);
	}
}

/* pain: {during: N, after: N, morning: N} */
enum { PK_DURING, PK_AFTER, PK_MORNING };
static const char *const hp_pain_keys[] = { "during", "after", "morning",
	NULL };

static void
hp_session_pain_key(struct hp *hp, int k, void *arg)
{
	struct hist_session	*s = arg;
	int			*slot;

	slot = k == PK_DURING ? &s->pain_during : k == PK_AFTER ?
	    &s->pain_after : &s->pain_morning;
	hp_score(hp, k == PK_DURING ? "pain during" : k == PK_AFTER ?
	    "pain after" : "morning pain", slot);
}

/* prescribed: the dose keys of a routine step. */
static const char *const hp_dose_keys[] = { "sets", "reps", "hold", "relax",
	"work", "easy", "rounds", "rest", "level", NULL };

static void
hp_dose_key(struct hp *hp, int k, void *arg)
{
	struct dose	*d = arg;
	int		*slot[] = { &d->sets, &d->reps, &d->hold, &d->relax,
			    &d->work, &d->easy, &d->rounds, &d->rest,
			    &d->level };

	hp_int(hp, hp_dose_keys[k], 0, k == 0 ? HISTFILE_MAX_SETS :
	    HISTFILE_MAX_VALUE, slot[k]);
}

static void
hp_done(struct hp *hp, struct hist_exercise *e)
{
	int	v;

	if (!hp_is(hp, YAML_SEQUENCE_START_EVENT)) {
		hp_error(hp, hp_mark(hp), "done must be a list of numbers, "
		    "one per set, like [10, 10, 8]");
		hp_skip(hp);
		return;
	}
	while (hp_next(hp) && !hp_is(hp, YAML_SEQUENCE_END_EVENT)) {
		if (e->ndone == HISTFILE_MAX_SETS) {
			hp_error(hp, hp_mark(hp), "more than %d sets",
			    HISTFILE_MAX_SETS);
			hp_skip(hp);
			continue;
		}
		if (!hp_int(hp, "a set", 0, HISTFILE_MAX_VALUE, &v))
			continue;
		e->done = xreallocarray(e->done, e->ndone + 1,
		    sizeof *e->done);
		e->done[e->ndone++] = v;
	}
}

enum { EK_EXERCISE, EK_SIDE, EK_PRESCRIBED, EK_DONE, EK_PAIN };
static const char *const hp_ex_keys[] = { "exercise", "side", "prescribed",
	"done", "pain", NULL };

static void
hp_exercise_key(struct hp *hp, int k, void *arg)
{
	struct hist_exercise	*e = arg;
	unsigned		 seen;
	const char		*s;

	switch (k) {
	case EK_EXERCISE:
		e->exercise = hp_id(hp, "exercise", false);
		break;
	case EK_SIDE:
		if (!hp_scalar(hp, "side"))
			break;
		s = hp_str(hp);
		if (strcmp(s, "both") == 0)
			e->side = SIDE_BOTH;
		else if (strcmp(s, "left") == 0)
			e->side = SIDE_LEFT;
		else if (strcmp(s, "right") == 0)
			e->side = SIDE_RIGHT;
		else
			hp_error(hp, hp_mark(hp), "side: '%s' is not both, "
			    "left or right", s);
		break;
	case EK_PRESCRIBED:
		hp_mapping(hp, "prescribed", hp_dose_keys, hp_dose_key,
		    &e->prescribed, &seen);
		break;
	case EK_DONE:
		hp_done(hp, e);
		break;
	default:
		hp_score(hp, "exercise pain", &e->pain);
		break;
	}
}

static void
hp_exercises(struct hp *hp, struct hist_session *s)
{
	struct hist_exercise	*e;
	yaml_mark_t		 m;
	unsigned		 seen;
	size_t			 i;

	if (!hp_is(hp, YAML_SEQUENCE_START_EVENT)) {
		hp_error(hp, hp_mark(hp), "exercises must be a list");
		hp_skip(hp);
		return;
	}
	while (hp_next(hp) && !hp_is(hp, YAML_SEQUENCE_END_EVENT)) {
		m = hp_mark(hp);
		/* A bound, also on the duplicate check below. */
		if (s->nex == HISTFILE_MAX_EXERCISES) {
			hp_error(hp, m, "more than %d exercise records in a "
			    "session", HISTFILE_MAX_EXERCISES);
			hp_skip(hp);
			while (hp_next(hp) &&
			    !hp_is(hp, YAML_SEQUENCE_END_EVENT))
				hp_skip(hp);
			return;
		}
		e = history_add_exercise(s);
		hp_mapping(hp, "an exercise record", hp_ex_keys,
		    hp_exercise_key, e, &seen);
		if (hp->fatal)
			return;
		if (!(seen & (1u << EK_EXERCISE))) {
			hp_error(hp, m, "an exercise record needs 'exercise'");
			continue;
		}
		if (e->exercise == NULL)
			continue;
		for (i = 0; i + 1 < s->nex; i++) {
			if (s->ex[i].exercise != NULL &&
			    strcmp(s->ex[i].exercise, e->exercise) == 0 &&
			    s->ex[i].side == e->side) {
				hp_error(hp, m, "%s (%s) recorded twice in "
				    "this session", e->exercise,
				    history_side_name(e->side));
				break;
			}
		}
	}
}

enum { SK_ROUTINE, SK_START, SK_END, SK_COMPLETED, SK_PAIN, SK_NOTE,
	SK_FLAGS, SK_EXERCISES };
static const char *const hp_session_keys[] = { "routine", "start", "end",
	"completed", "pain", "note", "flags", "exercises", NULL };

struct hp_session {
	struct hist_session	*s;
	int			 end_off;
	yaml_mark_t		 end_mark;
};

static void
hp_session_key(struct hp *hp, int k, void *arg)
{
	struct hp_session	*hs = arg;
	struct hist_session	*s = hs->s;
	unsigned		 seen;

	switch (k) {
	case SK_ROUTINE:
		s->routine = hp_id(hp, "routine", true);
		break;
	case SK_START:
		hp_time(hp, "start", &s->start, &s->utc_off);
		break;
	case SK_END:
		hs->end_mark = hp_mark(hp);
		hp_time(hp, "end", &s->end, &hs->end_off);
		break;
	case SK_COMPLETED:
		hp_bool(hp, "completed", &s->completed);
		break;
	case SK_PAIN:
		hp_mapping(hp, "pain", hp_pain_keys, hp_session_pain_key, s,
		    &seen);
		break;
	case SK_NOTE:
		s->note = hp_note(hp);
		break;
	case SK_FLAGS:
		hp_flags(hp, &s->flags);
		break;
	default:
		hp_exercises(hp, s);
		break;
	}
}

static void
hp_sessions(struct hp *hp, struct history *h)
{
	struct hp_session	 hs;
	yaml_mark_t		 m;
	unsigned		 seen;
	size_t			 before;

	if (!hp_is(hp, YAML_SEQUENCE_START_EVENT)) {
		hp_error(hp, hp_mark(hp), "sessions must be a list");
		hp_skip(hp);
		return;
	}
	while (hp_next(hp) && !hp_is(hp, YAML_SEQUENCE_END_EVENT)) {
		m = hp_mark(hp);
		memset(&hs, 0, sizeof hs);
		hs.s = history_add_session(h);
		before = hp->errors;
		hp_mapping(hp, "a session", hp_session_keys, hp_session_key,
		    &hs, &seen);
		if (hp->fatal)
			return;
		if (!(seen & (1u << SK_ROUTINE)))
			hp_error(hp, m, "a session needs 'routine'");
		if (!(seen & (1u << SK_START)))
			hp_error(hp, m, "a session needs 'start'");
		if (!(seen & (1u << SK_COMPLETED)))
			hp_error(hp, m, "a session needs 'completed' (true "
			    "or false)");
		if (hp->errors == before && (seen & (1u << SK_END)) &&
		    hs.s->end < hs.s->start)
			hp_error(hp, hs.end_mark, "end is before start");
	}
}

enum { RK_AT, RK_KIND, RK_SCORE, RK_NOTE, RK_FLAGS, RK_ID };
static const char *const hp_report_keys[] = { "at", "kind", "score", "note",
	"flags", "id", NULL };

static void
hp_report_key(struct hp *hp, int k, void *arg)
{
	struct hist_pain	*p = arg;
	const char		*s;

	switch (k) {
	case RK_AT:
		hp_time(hp, "at", &p->at, &p->utc_off);
		break;
	case RK_KIND:
		if (!hp_scalar(hp, "kind"))
			break;
		s = hp_str(hp);
		if (strcmp(s, "during") == 0)
			p->kind = PAIN_DURING;
		else if (strcmp(s, "after") == 0)
			p->kind = PAIN_AFTER;
		else if (strcmp(s, "morning") == 0)
			p->kind = PAIN_MORNING;
		else
			hp_error(hp, hp_mark(hp), "kind: '%s' is not during, "
			    "after or morning", s);
		break;
	case RK_SCORE:
		hp_score(hp, "score", &p->score);
		break;
	case RK_NOTE:
		p->note = hp_note(hp);
		break;
	case RK_ID:
		p->uid = hp_uid(hp);
		break;
	default:
		hp_flags(hp, &p->flags);
		break;
	}
}

static void
hp_reports(struct hp *hp, struct history *h)
{
	struct hist_pain	*p;
	yaml_mark_t		 m;
	unsigned		 seen;
	size_t			 i;

	if (!hp_is(hp, YAML_SEQUENCE_START_EVENT)) {
		hp_error(hp, hp_mark(hp), "pain must be a list of reports");
		hp_skip(hp);
		return;
	}
	while (hp_next(hp) && !hp_is(hp, YAML_SEQUENCE_END_EVENT)) {
		m = hp_mark(hp);
		p = history_add_pain(h);
		hp_mapping(hp, "a pain report", hp_report_keys, hp_report_key,
		    p, &seen);
		if (hp->fatal)
			return;
		for (i = 0; i < 3; i++) {
			if (!(seen & (1u << i)))
				hp_error(hp, m, "a pain report needs '%s'",
				    hp_report_keys[i]);
		}
	}
}

/* clearances: [{at: TIME, note: TEXT}]: "I saw a physiotherapist". */
enum { CK_AT, CK_NOTE };
static const char *const hp_clearance_keys[] = { "at", "note", NULL };

static void
hp_clearance_key(struct hp *hp, int k, void *arg)
{
	struct hist_clearance	*c = arg;

	if (k == CK_AT)
		hp_time(hp, "at", &c->at, &c->utc_off);
	else
		c->note = hp_note(hp);
}

static void
hp_clearances(struct hp *hp, struct history *h)
{
	struct hist_clearance	*c;
	yaml_mark_t		 m;
	unsigned		 seen;

	if (!hp_is(hp, YAML_SEQUENCE_START_EVENT)) {
		hp_error(hp, hp_mark(hp), "clearances must be a list");
		hp_skip(hp);
		return;
	}
	while (hp_next(hp) && !hp_is(hp, YAML_SEQUENCE_END_EVENT)) {
		m = hp_mark(hp);
		c = history_add_clearance(h);
		hp_mapping(hp, "a clearance", hp_clearance_keys,
		    hp_clearance_key, c, &seen);
		if (hp->fatal)
			return;
		if (!(seen & (1u << CK_AT)))
			hp_error(hp, m, "a clearance needs 'at'");
	}
}

enum { TK_FORMAT, TK_SESSIONS, TK_PAIN, TK_CLEARANCES };
static const char *const hp_top_keys[] = { "format", "sessions", "pain",
	"clearances", NULL };

static void
hp_top_key(struct hp *hp, int k, void *arg)
{
	struct history	*h = arg;

	switch (k) {
	case TK_FORMAT:
		if (!hp_scalar(hp, "format"))
			break;
		if (strcmp(hp_str(hp), HISTFILE_FORMAT) != 0)
			hp_error(hp, hp_mark(hp), "format '%s' is not %s (the "
			    "history format this rehabit reads)", hp_str(hp),
			    HISTFILE_FORMAT);
		break;
	case TK_SESSIONS:
		hp_sessions(hp, h);
		break;
	case TK_CLEARANCES:
		hp_clearances(hp, h);
		break;
	default:
		hp_reports(hp, h);
		break;
	}
}

static int
hp_session_cmp(const void *a, const void *b)
{
	const struct hist_session	*x = *(const struct hist_session *
					    const *)a;
	const struct hist_session	*y = *(const struct hist_session *
					    const *)b;

	if (x->start != y->start)
		return x->start < y->start ? -1 : 1;
	return strcmp(x->routine, y->routine);
}

/* Two sessions with the same start and routine would be one in the store. */
static void
hp_duplicates(struct hp *hp, struct history *h, size_t first)
{
	struct hist_session	**v;
	struct diag_loc		  loc = { hp->y.path, 0, 0 };
	char			  when[ISOTIME_LEN];
	size_t			  i, n = h->ns - first;

	if (n < 2)
		return;
	v = xreallocarray(NULL, n, sizeof *v);
	for (i = 0; i < n; i++)
		v[i] = &h->s[first + i];
	qsort(v, n, sizeof *v, hp_session_cmp);
	for (i = 1; i < n; i++) {
		if (hp_session_cmp(&v[i - 1], &v[i]) == 0) {
			isotime_format(v[i]->start, v[i]->utc_off, when,
			    sizeof when);
			diags_add(hp->d, loc, "two sessions of %s start at %s",
			    v[i]->routine, when);
			hp->errors++;
		}
	}
	free(v);
}

static int
hp_uid_cmp(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* Two reports with one id would be one in the store. */
static void
hp_duplicate_uids(struct hp *hp, const struct history *h, size_t first)
{
	struct diag_loc	  loc = { hp->y.path, 0, 0 };
	const char	**v;
	size_t		  i, n = 0;

	v = xreallocarray(NULL, h->np - first + 1, sizeof *v);
	for (i = first; i < h->np; i++) {
		if (h->p[i].uid != NULL)
			v[n++] = h->p[i].uid;
	}
	qsort(v, n, sizeof *v, hp_uid_cmp);
	for (i = 1; i < n; i++) {
		if (strcmp(v[i - 1], v[i]) == 0) {
			diags_add(hp->d, loc, "two pain reports have the id "
			    "%s", v[i]);
			hp->errors++;
		}
	}
	free(v);
}

size_t
histfile_parse(const char *path, const char *buf, size_t len,
    const struct catalog *cat, struct history *h, struct diags *d)
{
	struct hp	hp;
	unsigned	seen = 0;
	size_t		first = h->ns, pfirst = h->np;
	int		docs = 0;

	memset(&hp, 0, sizeof hp);
	hp.cat = cat;
	hp.d = d;
	if (len > HISTFILE_MAX_FILE) {
		diags_add(d, (struct diag_loc){ path, 0, 0 }, "larger than %d "
		    "MiB: not a history file", HISTFILE_MAX_FILE >> 20);
		return 1;
	}
	yamlin_open(&hp.y, path, buf, len);
	while (hp_next(&hp) && !hp_is(&hp, YAML_STREAM_END_EVENT)) {
		if (hp_is(&hp, YAML_STREAM_START_EVENT) ||
		    hp_is(&hp, YAML_DOCUMENT_END_EVENT))
			continue;
		if (hp_is(&hp, YAML_DOCUMENT_START_EVENT)) {
			if (++docs > 1) {
				hp_error(&hp, hp_mark(&hp), "more than one "
				    "document in a history file");
				break;
			}
			continue;
		}
		/* The document's root node. */
		if (hp_is(&hp, YAML_SCALAR_EVENT) &&
		    hp.y.ev.data.scalar.length == 0 &&
		    hp.y.ev.data.scalar.plain_implicit)
			continue;
		hp_mapping(&hp, "a history file", hp_top_keys, hp_top_key, h,
		    &seen);
	}
	if (hp.errors == 0 && !(seen & (1u << TK_FORMAT)))
		diags_add(d, (struct diag_loc){ path, 0, 0 }, "not a history "
		    "file (no 'format: %s')", HISTFILE_FORMAT), hp.errors++;
	if (hp.errors == 0) {
		hp_duplicates(&hp, h, first);
		hp_duplicate_uids(&hp, h, pfirst);
	}
	yamlin_close(&hp.y);
	return hp.errors;
}

int
histfile_load(const char *path, const struct catalog *cat, struct history *h,
    struct diags *d)
{
	struct diag_loc	 loc = { path, 0, 0 };
	struct stat	 sb;
	char		*buf;
	size_t		 got = 0;
	ssize_t		 n;
	int		 fd, rc;

	if ((fd = paths_open_file(path, O_RDONLY, 0, &sb)) < 0) {
		rc = fd == PATHS_NOT_REGULAR ? EX_DATAERR :
		    errno == ENOENT ? EX_NOINPUT : EX_IOERR;
		diags_add(d, loc, "%s", paths_open_error(fd));
		return rc;
	}
	if (sb.st_size > HISTFILE_MAX_FILE) {
		diags_add(d, loc, "larger than %d MiB: not a history file",
		    HISTFILE_MAX_FILE >> 20);
		close(fd);
		return EX_DATAERR;
	}
	buf = xmalloc((size_t)sb.st_size + 1);
	/* Read to the end, in case the file grew; never past the limit. */
	for (;;) {
		n = read(fd, buf + got, (size_t)sb.st_size + 1 - got);
		if (n <= 0)
			break;
		got += (size_t)n;
		if (got == (size_t)sb.st_size + 1)
			break;
	}
	close(fd);
	if (n == -1) {
		diags_add(d, loc, "%s", strerror(errno));
		free(buf);
		return EX_IOERR;
	}
	if (got > (size_t)sb.st_size) {
		diags_add(d, loc, "changed while being read");
		free(buf);
		return EX_IOERR;
	}
	rc = histfile_parse(path, buf, got, cat, h, d) == 0 ? 0 :
	    EX_DATAERR;
	free(buf);
	return rc;
}

/* --- writing YAML -------------------------------------------------------- */

struct hw {
	yaml_emitter_t	e;
	yaml_event_t	ev;
	bool		ok;
};

static void
hw_emit(struct hw *w)
{
	if (w->ok && !yaml_emitter_emit(&w->e, &w->ev))
		w->ok = false;
}

/*
 * A string another YAML reader would take for a number, boolean or null
 * is quoted, so the note stays a string everywhere.
 */
static bool
hw_needs_quotes(const char *s)
{
	static const char	*words[] = { "true", "false", "yes", "no", "on",
				    "off", "null", "y", "n", "~", NULL };
	const char		*p;
	int			 i;

	if (*s == '\0')
		return true;
	for (i = 0; words[i] != NULL; i++) {
		if (strcasecmp(s, words[i]) == 0)
			return true;
	}
	for (p = s; *p != '\0'; p++) {
		if (strchr("0123456789+-.eE_:", *p) == NULL)
			return false;
	}
	return true;
}

static void
hw_str(struct hw *w, const char *s)
{
	yaml_scalar_style_t	style = YAML_ANY_SCALAR_STYLE;

	if (hw_needs_quotes(s))
		style = YAML_DOUBLE_QUOTED_SCALAR_STYLE;
	yaml_scalar_event_initialize(&w->ev, NULL, NULL,
	    (yaml_char_t *)s, (int)strlen(s), 1, 1, style);
	hw_emit(w);
}

/* A value that is always written plain: ids, numbers, times, booleans. */
static void
hw_plain(struct hw *w, const char *s)
{
	yaml_scalar_event_initialize(&w->ev, NULL, NULL,
	    (yaml_char_t *)s, (int)strlen(s), 1, 1, YAML_PLAIN_SCALAR_STYLE);
	hw_emit(w);
}

static void
hw_int(struct hw *w, long v)
{
	char	buf[32];

	snprintf(buf, sizeof buf, "%ld", v);
	hw_plain(w, buf);
}

static void
hw_time(struct hw *w, int64_t t, int off)
{
	char	buf[ISOTIME_LEN];

	isotime_format(t, off, buf, sizeof buf);
	hw_plain(w, buf);
}

static void
hw_map(struct hw *w, bool flow)
{
	yaml_mapping_start_event_initialize(&w->ev, NULL, NULL, 1, flow ?
	    YAML_FLOW_MAPPING_STYLE : YAML_BLOCK_MAPPING_STYLE);
	hw_emit(w);
}

static void
hw_seq(struct hw *w, bool flow)
{
	yaml_sequence_start_event_initialize(&w->ev, NULL, NULL, 1, flow ?
	    YAML_FLOW_SEQUENCE_STYLE : YAML_BLOCK_SEQUENCE_STYLE);
	hw_emit(w);
}

static void
hw_map_end(struct hw *w)
{
	yaml_mapping_end_event_initialize(&w->ev);
	hw_emit(w);
}

static void
hw_seq_end(struct hw *w)
{
	yaml_sequence_end_event_initialize(&w->ev);
	hw_emit(w);
}

static void
hw_flags(struct hw *w, unsigned flags)
{
	int	i;

	hw_plain(w, "flags");
	hw_seq(w, true);
	for (i = 0; i < FLAG_COUNT; i++) {
		if (flags & (1u << i))
			hw_plain(w, history_flag_name(1u << i));
	}
	hw_seq_end(w);
}

static void
hw_dose(struct hw *w, const struct dose *d)
{
	const int	 v[] = { d->sets, d->reps, d->hold, d->relax, d->work,
			    d->easy, d->rounds, d->rest, d->level };
	size_t		 i;

	hw_map(w, true);
	for (i = 0; i < sizeof v / sizeof v[0]; i++) {
		if (v[i] != 0) {
			hw_plain(w, hp_dose_keys[i]);
			hw_int(w, v[i]);
		}
	}
	hw_map_end(w);
}

static void
hw_exercise(struct hw *w, const struct hist_exercise *e)
{
	size_t	i;

	hw_map(w, false);
	hw_plain(w, "exercise");
	hw_plain(w, e->exercise);
	hw_plain(w, "side");
	hw_plain(w, history_side_name(e->side));
	hw_plain(w, "prescribed");
	hw_dose(w, &e->prescribed);
	hw_plain(w, "done");
	hw_seq(w, true);
	for (i = 0; i < e->ndone; i++)
		hw_int(w, e->done[i]);
	hw_seq_end(w);
	if (e->pain != PAIN_NONE) {
		hw_plain(w, "pain");
		hw_int(w, e->pain);
	}
	hw_map_end(w);
}

static void
hw_session(struct hw *w, const struct hist_session *s)
{
	const int	v[3] = { s->pain_during, s->pain_after, s->pain_morning };
	size_t		i;

	hw_map(w, false);
	hw_plain(w, "routine");
	hw_plain(w, s->routine);
	hw_plain(w, "start");
	hw_time(w, s->start, s->utc_off);
	if (s->end != 0) {
		hw_plain(w, "end");
		hw_time(w, s->end, s->utc_off);
	}
	hw_plain(w, "completed");
	hw_plain(w, s->completed ? "true" : "false");
	if (v[0] != PAIN_NONE || v[1] != PAIN_NONE || v[2] != PAIN_NONE) {
		hw_plain(w, "pain");
		hw_map(w, true);
		for (i = 0; i < 3; i++) {
			if (v[i] != PAIN_NONE) {
				hw_plain(w, hp_pain_keys[i]);
				hw_int(w, v[i]);
			}
		}
		hw_map_end(w);
	}
	if (s->note != NULL) {
		hw_plain(w, "note");
		hw_str(w, s->note);
	}
	hw_flags(w, s->flags);
	hw_plain(w, "exercises");
	hw_seq(w, s->nex == 0);
	for (i = 0; i < s->nex; i++)
		hw_exercise(w, &s->ex[i]);
	hw_seq_end(w);
	hw_map_end(w);
}

/*
 * Reports are block mappings: libyaml quotes a time in a flow mapping
 * (its ':'), and plain times read better.
 */
static void
hw_report(struct hw *w, const struct hist_pain *p)
{
	hw_map(w, false);
	if (p->uid != NULL) {
		hw_plain(w, "id");
		hw_str(w, p->uid);
	}
	hw_plain(w, "at");
	hw_time(w, p->at, p->utc_off);
	hw_plain(w, "kind");
	hw_plain(w, history_pain_kind_name(p->kind));
	hw_plain(w, "score");
	hw_int(w, p->score);
	if (p->note != NULL) {
		hw_plain(w, "note");
		hw_str(w, p->note);
	}
	hw_flags(w, p->flags);
	hw_map_end(w);
}

static void
hw_clearance(struct hw *w, const struct hist_clearance *c)
{
	hw_map(w, false);
	hw_plain(w, "at");
	hw_time(w, c->at, c->utc_off);
	if (c->note != NULL) {
		hw_plain(w, "note");
		hw_str(w, c->note);
	}
	hw_map_end(w);
}

int
histfile_write_yaml(FILE *fp, const struct history *h)
{
	struct hw	w;
	size_t		i;

	memset(&w, 0, sizeof w);
	w.ok = true;
	if (!yaml_emitter_initialize(&w.e))
		fatalx(EX_OSERR, "out of memory");
	yaml_emitter_set_output_file(&w.e, fp);
	yaml_emitter_set_unicode(&w.e, 1);
	/* One record per line, as rehabit(5) writes them: no wrapping. */
	yaml_emitter_set_width(&w.e, -1);

	yaml_stream_start_event_initialize(&w.ev, YAML_UTF8_ENCODING);
	hw_emit(&w);
	yaml_document_start_event_initialize(&w.ev, NULL, NULL, NULL, 1);
	hw_emit(&w);
	hw_map(&w, false);
	hw_plain(&w, "format");
	hw_plain(&w, HISTFILE_FORMAT);
	hw_plain(&w, "sessions");
	hw_seq(&w, h->ns == 0);
	for (i = 0; i < h->ns; i++)
		hw_session(&w, &h->s[i]);
	hw_seq_end(&w);
	hw_plain(&w, "pain");
	hw_seq(&w, h->np == 0);
	for (i = 0; i < h->np; i++)
		hw_report(&w, &h->p[i]);
	hw_seq_end(&w);
	/* Optional: a file without clearances reads as before. */
	if (h->nc > 0) {
		hw_plain(&w, "clearances");
		hw_seq(&w, false);
		for (i = 0; i < h->nc; i++)
			hw_clearance(&w, &h->c[i]);
		hw_seq_end(&w);
	}
	hw_map_end(&w);
	yaml_document_end_event_initialize(&w.ev, 1);
	hw_emit(&w);
	yaml_stream_end_event_initialize(&w.ev);
	hw_emit(&w);
	if (w.ok && !yaml_emitter_flush(&w.e))
		w.ok = false;
	/* The emitter refuses text that is not UTF-8: say so. */
	if (!w.ok && w.e.error == YAML_EMITTER_ERROR)
		errno = EILSEQ;
	yaml_emitter_delete(&w.e);
	return w.ok && !ferror(fp) ? 0 : -1;
}

/* --- writing CSV --------------------------------------------------------- */

/*
 * A field, quoted when it must be (RFC 4180). A spreadsheet takes a cell
 * that starts with = + - @, a tab or a CR for a formula: such a field gets
 * a leading ' (OWASP's advice on CSV injection), so a note is only ever
 * text. Control characters are written escaped (diag_fputs): an
 * export may well be read on a terminal.
 */
static void
hc_field(FILE *fp, const char *s, bool last)
{
	bool	formula = *s != '\0' && strchr("=+-@\t\r", *s) != NULL;
	size_t	n;

	if (formula || strpbrk(s, ",\"\r\n") != NULL) {
		fputs(formula ? "\"'" : "\"", fp);
		while (*s != '\0') {
			if (*s == '"')
				fputc('"', fp);
			if ((n = diag_put_control(fp, s, true)) == 0)
				fputc(*s++, fp);
			else
				s += n;
		}
		fputc('"', fp);
	} else
		diag_fputs(fp, s, true);
	fputs(last ? "\r\n" : ",", fp);
}

static void
hc_int(FILE *fp, int v, bool last)
{
	char	buf[16] = "";

	if (v != PAIN_NONE)
		snprintf(buf, sizeof buf, "%d", v);
	hc_field(fp, buf, last);
}

static void
hc_flags(FILE *fp, unsigned flags)
{
	char	buf[128] = "";
	size_t	n = 0;
	int	i;

	for (i = 0; i < FLAG_COUNT; i++) {
		if (flags & (1u << i))
			n += (size_t)snprintf(buf + n, sizeof buf - n, "%s%s",
			    n > 0 ? " " : "", history_flag_name(1u << i));
	}
	hc_field(fp, buf, false);
}

static void
hc_dose(FILE *fp, const struct dose *d)
{
	const int	 v[] = { d->sets, d->reps, d->hold, d->relax, d->work,
			    d->easy, d->rounds, d->rest, d->level };
	char		 buf[256] = "";
	size_t		 i, n = 0;

	/* At most 9 items of at most 20 bytes: no truncation. */
	for (i = 0; i < sizeof v / sizeof v[0]; i++) {
		if (v[i] != 0)
			n += (size_t)snprintf(buf + n, sizeof buf - n,
			    "%s%s=%d", n > 0 ? " " : "", hp_dose_keys[i],
			    v[i]);
	}
	hc_field(fp, buf, false);
}

/* The columns every row shares: the session, or the report. */
static void
hc_session(FILE *fp, const struct hist_session *s)
{
	char	t[ISOTIME_LEN];

	isotime_format(s->start, s->utc_off, t, sizeof t);
	hc_field(fp, t, false);
	if (s->end != 0)
		isotime_format(s->end, s->utc_off, t, sizeof t);
	else
		t[0] = '\0';
	hc_field(fp, t, false);
	hc_field(fp, s->routine, false);
	hc_field(fp, s->completed ? "true" : "false", false);
	hc_int(fp, s->pain_during, false);
	hc_int(fp, s->pain_after, false);
	hc_int(fp, s->pain_morning, false);
	hc_flags(fp, s->flags);
	hc_field(fp, s->note != NULL ? s->note : "", false);
}

static void
hc_session_rows(FILE *fp, const struct hist_session *s)
{
	const struct hist_exercise	*e;
	size_t				 i, j;

	if (s->nex == 0) {
		hc_session(fp, s);
		fputs(",,,,,\r\n", fp);
		return;
	}
	for (i = 0; i < s->nex; i++) {
		e = &s->ex[i];
		for (j = 0; j < e->ndone || (j == 0 && e->ndone == 0); j++) {
			hc_session(fp, s);
			hc_field(fp, e->exercise, false);
			hc_field(fp, history_side_name(e->side), false);
			hc_dose(fp, &e->prescribed);
			if (e->ndone == 0) {
				fputs(",,", fp);
			} else {
				hc_int(fp, (int)j + 1, false);
				hc_int(fp, e->done[j], false);
			}
			hc_int(fp, e->pain, true);
		}
	}
}

static void
hc_report_row(FILE *fp, const struct hist_pain *p)
{
	char	t[ISOTIME_LEN];
	int	k;

	isotime_format(p->at, p->utc_off, t, sizeof t);
	hc_field(fp, t, false);
	fputs(",,,", fp);
	for (k = 0; k < 3; k++)
		hc_int(fp, (int)p->kind == k ? p->score : PAIN_NONE, false);
	hc_flags(fp, p->flags);
	hc_field(fp, p->note != NULL ? p->note : "", false);
	fputs(",,,,,\r\n", fp);
}

/* A clearance: its time, "cleared" in the flags column, its note. */
static void
hc_clearance_row(FILE *fp, const struct hist_clearance *c)
{
	char	t[ISOTIME_LEN];

	isotime_format(c->at, c->utc_off, t, sizeof t);
	hc_field(fp, t, false);
	fputs(",,,,,,", fp);
	hc_field(fp, "cleared", false);
	hc_field(fp, c->note != NULL ? c->note : "", false);
	fputs(",,,,,\r\n", fp);
}

int
histfile_write_csv(FILE *fp, const struct history *h)
{
	size_t	i = 0, j = 0, k = 0;
	int64_t	ts, tp, tc;

	fputs("start,end,routine,completed,pain_during,pain_after,"
	    "pain_morning,flags,note,exercise,side,prescribed,set,done,"
	    "exercise_pain\r\n", fp);
	while (i < h->ns || j < h->np || k < h->nc) {
		ts = i < h->ns ? h->s[i].start : INT64_MAX;
		tp = j < h->np ? h->p[j].at : INT64_MAX;
		tc = k < h->nc ? h->c[k].at : INT64_MAX;
		if (i < h->ns && ts <= tp && ts <= tc)
			hc_session_rows(fp, &h->s[i++]);
		else if (j < h->np && tp <= tc)
			hc_report_row(fp, &h->p[j++]);
		else
			hc_clearance_row(fp, &h->c[k++]);
	}
	return ferror(fp) ? -1 : 0;
}
