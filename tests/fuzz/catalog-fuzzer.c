/*
 * catalog-fuzzer.c - libFuzzer target for the library loader: any bytes
 * through catalog_load_buffer() and catalog_link(), exactly as
 * `rehabit check` reads a file, then sorted and isolated as the home
 * screen uses a library with problems. A crash, a sanitizer report, a
 * leak, a hang, a problem without a location, or a routine left to start
 * that has no id or name is a finding.
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>

#include "catalog.h"
#include "fuzz.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct catalog	cat;
	struct diags	d;
	size_t		i;

	catalog_init(&cat);
	diags_init(&d);
	catalog_load_buffer(&cat, "fuzz.yaml", (const char *)data, size, &d);
	catalog_link(&cat, &d);
	/* Every problem names its place, or the person cannot fix it. */
	for (i = 0; i < d.n; i++)
		if (d.v[i].msg == NULL || d.v[i].msg[0] == '\0' ||
		    d.v[i].loc.line < 1 || d.v[i].loc.col < 1)
			abort();
	catalog_sort_diags(&cat, &d);
	for (i = 1; i < d.n; i++)
		if (d.v[i].loc.line < d.v[i - 1].loc.line)
			abort();
	catalog_isolate(&cat);
	for (i = 0; i < cat.nrt; i++)
		if (cat.rt[i].id == NULL || cat.rt[i].name == NULL)
			abort();
	diags_free(&d);
	catalog_free(&cat);
	return 0;
}
