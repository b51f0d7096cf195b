/*
 * test-cue-nolib.c - sound on a machine without libcanberra.
 *
 * Makefile.am builds src/cue.c into this test with CUE_SONAME naming a
 * library that is not installed, so dlopen() fails as it does where
 * libcanberra is missing. Cues must go to the fallback (the terminal's
 * bell) and nothing is said on stderr, as for a machine without sound.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cue.h"
#include "tap.h"

static int	fallbacks[4];

static void
fallback(enum cue_kind k)
{
	fallbacks[k]++;
}

/* Run cue_init(true) and a few cues with stderr in a file; its size. */
static long
run_cues(void)
{
	FILE	*f;
	long	 size;
	int	 saved;

	if ((f = tmpfile()) == NULL || (saved = dup(2)) == -1)
		abort();
	fflush(stderr);
	dup2(fileno(f), 2);
	cue_init(true, fallback);
	cue_play(CUE_START);
	cue_play(CUE_TICK);
	cue_play(CUE_TICK);
	cue_play(CUE_COMPLETE);
	fflush(stderr);
	dup2(saved, 2);
	close(saved);
	fseek(f, 0, SEEK_END);
	size = ftell(f);
	fclose(f);
	return (size);
}

int
main(void)
{
	long	err;

	/* Built --without-canberra the same holds: nothing to load. */
	err = run_cues();
	is_int(cue_mode(), CUE_FALLBACK, "no libcanberra: cues fall back");
	is_int(fallbacks[CUE_START], 1, "a start goes to the bell");
	is_int(fallbacks[CUE_TICK], 2, "ticks go to the bell");
	is_int(fallbacks[CUE_COMPLETE], 1, "the end goes to the bell");
	is_int(err, 0, "nothing said on stderr");
	cue_shutdown();
	is_int(cue_mode(), CUE_OFF, "shutdown: off");

	/* A second session tries no harder and fares the same. */
	memset(fallbacks, 0, sizeof fallbacks);
	err = run_cues();
	is_int(cue_mode(), CUE_FALLBACK, "again: fallback");
	is_int(fallbacks[CUE_TICK], 2, "again: ticks go to the bell");
	is_int(err, 0, "again: silent");
	cue_shutdown();
	return (tap_done());
}
