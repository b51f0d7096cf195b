/*
 * arena.h - a bump allocator for data freed all at once: the strings and
 * arrays of a loaded library or history.
 *
 * Thousands of small malloc()s cost a header each, scatter the data and,
 * freed one by one, cost as much again; the pages they touch are the
 * dearest part of loading on a virtual machine (a page fault there costs
 * some 10 us). An arena packs them into a few chunks and frees the chunks.
 * Memory from an arena is never freed or grown on its own.
 */
#ifndef REHABIT_ARENA_H
#define REHABIT_ARENA_H

#include <stddef.h>

struct arena_chunk;

struct arena {
	struct arena_chunk	*chunks;	/* newest first */
	char			*next;		/* free space of the newest */
	size_t			 left;
	size_t			 size;		/* of the next chunk */
};

void	 arena_init(struct arena *);
void	 arena_free(struct arena *);

/* `n` bytes aligned for any object (never NULL; fatal when out of memory). */
void	*arena_alloc(struct arena *, size_t n);
/* An array of `n` of `size`, zeroed; fatal on overflow. */
void	*arena_calloc(struct arena *, size_t n, size_t size);
void	*arena_memdup(struct arena *, const void *, size_t);
char	*arena_strdup(struct arena *, const char *);
char	*arena_strndup(struct arena *, const char *, size_t);

#endif
