/*
 * history.c - plain history structs: building and freeing them, and the
 * rules that are about the history alone.
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "calendar.h"
#include "history.h"
#include "xmalloc.h"

/*
 * A small direct-mapped table of the ids copied last: a history has few
 * distinct ids, and a miss only costs a copy.
 */
#define HISTORY_POOL_IDS	64

struct history_pool {
	struct arena	 arena;
	struct {
		char	*s;
		size_t	 len;
	}		 ids[HISTORY_POOL_IDS];
};

static const char *history_flag_names[FLAG_COUNT] = {
	"swelling", "locking", "giving-way", "night-pain", "injury"
};

void
history_init(struct history *h)
{
	memset(h, 0, sizeof *h);
}

static void
history_free_session(struct hist_session *s)
{
	size_t	i;

	if (s->pooled)
		return;
	for (i = 0; i < s->nex; i++) {
		free(s->ex[i].exercise);
		free(s->ex[i].done);
	}
	free(s->ex);
	free(s->routine);
	free(s->note);
}

void
history_free(struct history *h)
{
	size_t	i;

	for (i = 0; i < h->ns; i++)
		history_free_session(&h->s[i]);
	for (i = 0; i < h->np; i++) {
		free(h->p[i].note);
		free(h->p[i].uid);
	}
	for (i = 0; i < h->nc; i++)
		free(h->c[i].note);
	free(h->s);
	free(h->p);
	free(h->c);
	if (h->pool != NULL) {
		arena_free(&h->pool->arena);
		free(h->pool);
	}
	history_init(h);
}

static struct arena *
history_arena(struct history *h)
{
	if (h->pool == NULL) {
		h->pool = xcalloc(1, sizeof *h->pool);
		arena_init(&h->pool->arena);
	}
	return &h->pool->arena;
}

void *
history_pool_alloc(struct history *h, size_t n)
{
	return arena_alloc(history_arena(h), n);
}

char *
history_pool_str(struct history *h, const char *s, size_t len)
{
	return arena_strndup(history_arena(h), s, len);
}

char *
history_pool_id(struct history *h, const char *s, size_t len)
{
	struct arena	*a = history_arena(h);
	uint32_t	 hash = 2166136261u;	/* FNV-1a */
	size_t		 i;

	for (i = 0; i < len; i++)
		hash = (hash ^ (unsigned char)s[i]) * 16777619u;
	i = hash % HISTORY_POOL_IDS;
	if (h->pool->ids[i].s == NULL || h->pool->ids[i].len != len ||
	    memcmp(h->pool->ids[i].s, s, len) != 0) {
		h->pool->ids[i].s = arena_strndup(a, s, len);
		h->pool->ids[i].len = strlen(h->pool->ids[i].s);
	}
	return h->pool->ids[i].s;
}

/* Grow an array by one when its length is a power of two (or zero). */
static void *
history_grow(void *v, size_t n, size_t size)
{
	if (n == 0 || (n & (n - 1)) == 0)
		v = xreallocarray(v, n == 0 ? 1 : n * 2, size);
	return v;
}

struct hist_session *
history_add_session(struct history *h)
{
	struct hist_session	*s;

	h->s = history_grow(h->s, h->ns, sizeof *h->s);
	s = &h->s[h->ns++];
	memset(s, 0, sizeof *s);
	s->pain_during = s->pain_after = s->pain_morning = PAIN_NONE;
	return s;
}

struct hist_exercise *
history_add_exercise(struct hist_session *s)
{
	struct hist_exercise	*e;

	s->ex = history_grow(s->ex, s->nex, sizeof *s->ex);
	e = &s->ex[s->nex++];
	memset(e, 0, sizeof *e);
	e->pain = PAIN_NONE;
	return e;
}

struct hist_pain *
history_add_pain(struct history *h)
{
	struct hist_pain	*p;

	h->p = history_grow(h->p, h->np, sizeof *h->p);
	p = &h->p[h->np++];
	memset(p, 0, sizeof *p);
	return p;
}

struct hist_clearance *
history_add_clearance(struct history *h)
{
	struct hist_clearance	*c;

	h->c = history_grow(h->c, h->nc, sizeof *h->c);
	c = &h->c[h->nc++];
	memset(c, 0, sizeof *c);
	return c;
}

const struct hist_clearance *
history_last_clearance(const struct history *h, int64_t now)
{
	const struct hist_clearance	*last = NULL;
	size_t				 i;

	/* Not sorted when built by hand: look at every one. */
	for (i = 0; i < h->nc; i++)
		if (h->c[i].at <= now && (last == NULL ||
		    h->c[i].at > last->at))
			last = &h->c[i];
	return last;
}

const char *
history_flag_name(unsigned flag)
{
	int	i;

	for (i = 0; i < FLAG_COUNT; i++) {
		if (flag == (1u << i))
			return history_flag_names[i];
	}
	return "unknown";
}

unsigned
history_flag_parse(const char *s)
{
	int	i;

	for (i = 0; i < FLAG_COUNT; i++) {
		if (strcmp(s, history_flag_names[i]) == 0)
			return 1u << i;
	}
	return 0;
}

const char *
history_side_name(enum side side)
{
	switch (side) {
	case SIDE_LEFT:
		return "left";
	case SIDE_RIGHT:
		return "right";
	default:
		return "both";
	}
}

const char *
history_pain_kind_name(enum pain_kind k)
{
	switch (k) {
	case PAIN_DURING:
		return "during";
	case PAIN_AFTER:
		return "after";
	default:
		return "morning";
	}
}

void
history_pain_window(enum pain_kind kind, int64_t at, int utc_off,
    int64_t *from, int64_t *to)
{
	if (kind == PAIN_MORNING) {
		*to = calendar_midnight(calendar_day(at, utc_off), utc_off) - 1;
		*from = *to + 1 - CALENDAR_DAY;
	} else {
		*from = at - 24 * 3600;
		*to = at;
	}
}
