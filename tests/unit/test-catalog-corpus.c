/*
 * test-catalog-corpus.c - every case of the public YAML test suite
 * (tests/fixtures/yaml-test-suite, from github.com/yaml/yaml-test-suite)
 * through the library loader: *.error.yaml must be refused; the others
 * load or are refused with a located message. A crash, a hang (the alarm)
 * or a leak (the sanitizer build) fails the test.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "catalog.h"
#include "tap.h"

#define CORPUS	ABS_SRCDIR "/tests/fixtures/yaml-test-suite"

static bool
corpus_is_error(const char *path)
{
	size_t	len = strlen(path);

	return len > 11 && strcmp(path + len - 11, ".error.yaml") == 0;
}

/* Every problem has a line, a column and a message. */
static bool
corpus_located(const struct diags *d)
{
	size_t	i;

	for (i = 0; i < d->n; i++)
		if (d->v[i].loc.line < 1 || d->v[i].loc.col < 1 ||
		    d->v[i].msg[0] == '\0')
			return false;
	return true;
}

int
main(void)
{
	struct catalog	  cat;
	struct diags	  d, dd;
	char		**files;
	long		  n, i, nerr = 0, loaded = 0;
	const char	 *name;

	/* A hang in the parser must fail, not stall `make check`. */
	alarm(120);
	diags_init(&dd);
	n = catalog_dir_files(CORPUS, &files, &dd);
	ok(n >= 400, "the corpus is there (%ld files)", n);
	diags_free(&dd);
	for (i = 0; i < n; i++) {
		name = strrchr(files[i], '/') + 1;
		catalog_init(&cat);
		diags_init(&d);
		catalog_load_path(&cat, files[i], &d);
		catalog_link(&cat, &d);
		if (corpus_is_error(files[i])) {
			nerr++;
			ok(d.n > 0 && corpus_located(&d), "%s refused", name);
		} else {
			ok(corpus_located(&d), "%s: %s", name, d.n == 0 ?
			    "loaded" : "refused with a located message");
			loaded += d.n == 0;
		}
		if (d.n > 0)
			tap_diag("%s:%d:%d: %s", name, d.v[0].loc.line,
			    d.v[0].loc.col, d.v[0].msg);
		diags_free(&d);
		catalog_free(&cat);
		free(files[i]);
	}
	free(files);
	ok(nerr >= 90, "%ld error cases among them", nerr);
	tap_diag("%ld cases loaded as empty libraries", loaded);
	return tap_done();
}
