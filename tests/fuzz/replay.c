/*
 * replay.c - run a fuzz target's entry point over files, without
 * libFuzzer, so that every input that once crashed a target (and the
 * hand-made nasty ones next to them) is replayed in `make check` under
 * the plain and the sanitizer builds.
 *
 *	replay-TARGET [FILE|DIR ...]
 *
 * Without arguments it reads REPLAY_DIR, the target's folder under
 * tests/fuzz/regress/. Prints TAP: one line per file. A crash or a
 * sanitizer report ends the program, and that fails the test.
 */
#include "config.h"

#include <sys/stat.h>

#include <dirent.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fuzz.h"
#include "tap.h"
#include "xmalloc.h"

static int	replay_cmp(const void *, const void *);
static void	replay_file(const char *);
static void	replay_path(const char *);

static int
replay_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void
replay_file(const char *path)
{
	FILE	*fp;
	char	*buf;
	size_t	 len, cap = 4096;

	if ((fp = fopen(path, "rb")) == NULL) {
		ok(0, "%s: %s", path, strerror(errno));
		return;
	}
	buf = xmalloc(cap);
	len = 0;
	for (;;) {
		len += fread(buf + len, 1, cap - len, fp);
		if (len < cap)
			break;
		cap *= 2;
		buf = xreallocarray(buf, cap, 1);
	}
	if (ferror(fp)) {
		ok(0, "%s: read error", path);
		fclose(fp);
		free(buf);
		return;
	}
	fclose(fp);
	/* The exact bytes, as libFuzzer passes them: a copy of size len. */
	buf = xreallocarray(buf, len == 0 ? 1 : len, 1);
	LLVMFuzzerTestOneInput((const uint8_t *)buf, len);
	free(buf);
	ok(1, "%s", strrchr(path, '/') != NULL ? strrchr(path, '/') + 1 :
	    path);
}

static void
replay_path(const char *path)
{
	struct stat	  sb;
	DIR		 *dp;
	struct dirent	 *de;
	char		**names = NULL;
	size_t		  n = 0, i;

	if (stat(path, &sb) != 0) {
		ok(0, "%s: %s", path, strerror(errno));
		return;
	}
	if (!S_ISDIR(sb.st_mode)) {
		replay_file(path);
		return;
	}
	if ((dp = opendir(path)) == NULL) {
		ok(0, "%s: %s", path, strerror(errno));
		return;
	}
	while ((de = readdir(dp)) != NULL) {
		if (de->d_name[0] == '.')
			continue;
		names = xreallocarray(names, n + 1, sizeof *names);
		xasprintf(&names[n++], "%s/%s", path, de->d_name);
	}
	closedir(dp);
	qsort(names, n, sizeof *names, replay_cmp);
	for (i = 0; i < n; i++) {
		replay_path(names[i]);
		free(names[i]);
	}
	free(names);
}

int
main(int argc, char **argv)
{
	int	i;

	/* A hang is a finding too. */
	alarm(60);
	if (argc < 2)
		replay_path(REPLAY_DIR);
	for (i = 1; i < argc; i++)
		replay_path(argv[i]);
	return tap_done();
}
