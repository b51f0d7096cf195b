/*
 * histfile-fuzzer.c - libFuzzer target for the history importer: any
 * bytes through histfile_parse(), the function `rehabit import` calls.
 * A history that parses must also survive the trip `export` -> `import`:
 * written back with histfile_write_yaml() it parses again without a
 * problem and writes the same text. A crash, a sanitizer report, a leak,
 * a hang or a broken round trip is a finding.
 */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "histfile.h"
#include "fuzz.h"

/* Write `h` as YAML into a fresh buffer; abort() if the writer fails. */
static char *
fuzz_write(const struct history *h, size_t *len)
{
	FILE	*fp;
	char	*buf = NULL;

	if ((fp = open_memstream(&buf, len)) == NULL)
		abort();
	if (histfile_write_yaml(fp, h) != 0)
		abort();
	if (fclose(fp) != 0)
		abort();
	return buf;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct history	h, h2;
	struct diags	d;
	char		*out1, *out2;
	size_t		 len1, len2, i;

	history_init(&h);
	diags_init(&d);
	histfile_parse("fuzz.yaml", (const char *)data, size, NULL, &h, &d);
	for (i = 0; i < d.n; i++)
		if (d.v[i].msg == NULL || d.v[i].msg[0] == '\0')
			abort();
	if (d.n > 0) {
		diags_free(&d);
		history_free(&h);
		return 0;
	}
	out1 = fuzz_write(&h, &len1);
	history_init(&h2);
	histfile_parse("export.yaml", out1, len1, NULL, &h2, &d);
	if (d.n > 0) {
		diags_print(&d, stderr);
		fprintf(stderr, "--- exported:\n%s", out1);
		abort();
	}
	if (h2.ns != h.ns || h2.np != h.np)
		abort();
	out2 = fuzz_write(&h2, &len2);
	if (len1 != len2 || memcmp(out1, out2, len1) != 0) {
		fprintf(stderr, "--- first:\n%s--- second:\n%s", out1, out2);
		abort();
	}
	free(out1);
	free(out2);
	diags_free(&d);
	history_free(&h);
	history_free(&h2);
	return 0;
}
