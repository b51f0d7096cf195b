/*
 * fit-fuzzer.c - libFuzzer target for the FIT decoder: any bytes through
 * fit_read_mem(), the same code fit_read_file() runs over a file. It
 * must read an activity (with sane figures) or refuse the bytes with one
 * message and 65. A crash, a sanitizer report, a leak, a hang or
 * anything else is a finding.
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>

#include "fit.h"
#include "fuzz.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct activity	a;
	struct diags	d;
	int		rc;

	diags_init(&d);
	rc = fit_read_mem("fuzz.fit", data, size, &a, &d);
	/* One message and 65, or an activity with sane figures. */
	if (rc != 0 ? rc != 65 || d.n != 1 || d.v[0].msg[0] == '\0' :
	    d.n != 0 || !activity_sane(&a))
		abort();
	diags_free(&d);
	return 0;
}
