/* arena.c - a bump allocator for data freed all at once (see arena.h). */
#include "config.h"

#include "arena.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

#include "xmalloc.h"

/*
 * Chunks start small, so that a small history costs little, and double up
 * to ARENA_MAX: under malloc's mmap() threshold (128 KB), so that they come
 * from the heap and the memory of a freed arena is used again rather than
 * handed back to the system and faulted in anew. A request bigger than a
 * quarter of that gets a chunk of its own, so that the current chunk's free
 * space is not thrown away.
 */
#define ARENA_FIRST	4096
#define ARENA_MAX	(64 * 1024)
/* Enough for any object rehabit puts in an arena (pointers, int64, double). */
#define ARENA_ALIGN	16

struct arena_chunk {
	struct arena_chunk	*next;
	/* Keeps the data after the header aligned. */
	union {
		char		 c[ARENA_ALIGN];
		long double	 ld;
		void		*p;
	}			 data[];
};

void
arena_init(struct arena *a)
{
	memset(a, 0, sizeof *a);
}

void
arena_free(struct arena *a)
{
	struct arena_chunk	*c, *next;

	for (c = a->chunks; c != NULL; c = next) {
		next = c->next;
		free(c);
	}
	arena_init(a);
}

static struct arena_chunk *
arena_chunk_new(size_t bytes)
{
	struct arena_chunk	*c;

	if (bytes > SIZE_MAX - sizeof *c)
		fatalx(EX_OSERR, "out of memory");
	c = xmalloc(sizeof *c + bytes);
	c->next = NULL;
	return c;
}

/* `n` bytes at `align` (a power of two, at most ARENA_ALIGN). */
static void *
arena_get(struct arena *a, size_t n, size_t align)
{
	struct arena_chunk	*c;
	size_t			 pad;
	void			*p;

	pad = (size_t)(-(uintptr_t)a->next) & (align - 1);
	if (a->next != NULL && n <= a->left && pad <= a->left - n) {
		p = a->next + pad;
		a->next += pad + n;
		a->left -= pad + n;
		return p;
	}
	if (n > ARENA_MAX / 4) {
		/* Its own chunk, behind the current one. */
		c = arena_chunk_new(n);
		if (a->chunks != NULL) {
			c->next = a->chunks->next;
			a->chunks->next = c;
		} else
			a->chunks = c;
		return c->data;
	}
	if (a->size == 0)
		a->size = ARENA_FIRST;
	while (a->size < n)
		a->size *= 2;
	c = arena_chunk_new(a->size);
	c->next = a->chunks;
	a->chunks = c;
	a->next = (char *)c->data + n;
	a->left = a->size - n;
	if (a->size < ARENA_MAX)
		a->size *= 2;
	return c->data;
}

void *
arena_alloc(struct arena *a, size_t n)
{
	return arena_get(a, n == 0 ? 1 : n, ARENA_ALIGN);
}

void *
arena_calloc(struct arena *a, size_t n, size_t size)
{
	void	*p;

	if (size != 0 && n > SIZE_MAX / size)
		fatalx(EX_OSERR, "out of memory");
	p = arena_alloc(a, n * size);
	memset(p, 0, n * size);
	return p;
}

void *
arena_memdup(struct arena *a, const void *src, size_t n)
{
	void	*p;

	p = arena_get(a, n == 0 ? 1 : n, ARENA_ALIGN);
	if (n > 0)
		memcpy(p, src, n);
	return p;
}

/* A copy of the first `n` bytes of `s`, which has no NUL before them. */
static char *
arena_copy(struct arena *a, const char *s, size_t n)
{
	char	*p;

	if (n == SIZE_MAX)
		fatalx(EX_OSERR, "out of memory");
	p = arena_get(a, n + 1, 1);
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *
arena_strndup(struct arena *a, const char *s, size_t n)
{
	return arena_copy(a, s, strnlen(s, n));
}

char *
arena_strdup(struct arena *a, const char *s)
{
	return arena_copy(a, s, strlen(s));
}
