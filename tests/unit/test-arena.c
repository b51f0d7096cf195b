/*
 * test-arena.c - the arena hands out separate, aligned, lasting memory in
 * every size, and arena_free() gives it all back (ASan checks the rest).
 */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "arena.h"
#include "tap.h"

#define NPTR	20000

static void
test_strings(void)
{
	struct arena	 a;
	char		*s[NPTR], want[32];
	size_t		 i;
	bool		 same = true;

	arena_init(&a);
	for (i = 0; i < NPTR; i++) {
		snprintf(want, sizeof want, "id-%zu", i);
		s[i] = arena_strdup(&a, want);
	}
	/* Every string is still intact once many chunks have come after. */
	for (i = 0; i < NPTR; i++) {
		snprintf(want, sizeof want, "id-%zu", i);
		if (strcmp(s[i], want) != 0)
			same = false;
	}
	ok(same, "%d strings survive later allocations", NPTR);
	is_str(arena_strndup(&a, "hello world", 5), "hello", "strndup cuts");
	is_str(arena_strndup(&a, "hi", 50), "hi", "strndup stops at NUL");
	is_str(arena_strdup(&a, ""), "", "empty string");
	arena_free(&a);
	ok(a.chunks == NULL && a.left == 0, "arena_free empties it");
}

static void
test_sizes(void)
{
	struct arena	 a;
	unsigned char	*p[64];
	size_t		 n[64], i, j;
	bool		 aligned = true, intact = true;

	arena_init(&a);
	/* Small, odd, chunk-sized and bigger than a chunk, interleaved. */
	for (i = 0; i < 64; i++) {
		n[i] = i % 4 == 0 ? (size_t)1 << (i / 4) : 3 * i + 1;
		if (i == 33)
			n[i] = 300 * 1024;
		p[i] = i % 2 ? arena_alloc(&a, n[i]) :
		    arena_calloc(&a, n[i], 1);
		if ((uintptr_t)p[i] % 16 != 0)
			aligned = false;
		memset(p[i], (int)i, n[i]);
	}
	for (i = 0; i < 64; i++)
		for (j = 0; j < n[i]; j++)
			if (p[i][j] != (unsigned char)i)
				intact = false;
	ok(aligned, "every block is aligned to 16");
	ok(intact, "blocks do not overlap");
	ok(arena_alloc(&a, 0) != NULL, "a zero-size block is a block");
	ok(memcmp(arena_memdup(&a, "abc", 3), "abc", 3) == 0, "memdup");
	arena_free(&a);
	/* Usable again after arena_free. */
	is_str(arena_strdup(&a, "again"), "again", "used again after free");
	arena_free(&a);
}

static void
test_calloc_zero(void)
{
	struct arena	 a;
	int		*v;
	size_t		 i;
	bool		 zero = true;

	arena_init(&a);
	(void)arena_alloc(&a, 100);
	v = arena_calloc(&a, 1000, sizeof *v);
	for (i = 0; i < 1000; i++)
		if (v[i] != 0)
			zero = false;
	ok(zero, "arena_calloc zeroes");
	arena_free(&a);
}

int
main(void)
{
	test_strings();
	test_sizes();
	test_calloc_zero();
	return tap_done();
}
