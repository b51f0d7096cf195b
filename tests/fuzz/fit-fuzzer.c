/*
 * fit-fuzzer.c - libFuzzer target for the FIT decoder: any bytes through
 * fit_read_mem(), the same code fit_read_file() runs over a file. It
 * must read an activity (with sane figures) or refuse the bytes with one
 * message and 65. A crash, a sanitizer report, a leak, a hang or
 * anything else is a finding.
 */
#include "config.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>

#include "fit.h"
#include "fuzz.h"

/* What every reader must give: checked on each activity read. */
static void
fuzz_check(const struct activity *a, int rc, const struct diags *d)
{
	if (rc != 0) {
		if (rc != 65 || d->n != 1 || d->v[0].msg[0] == '\0')
			abort();
		return;
	}
	if (d->n != 0 || (unsigned)a->sport > ACTIVITY_OTHER)
		abort();
	if (!isfinite(a->elapsed_s) || !isfinite(a->moving_s) ||
	    !isfinite(a->distance_m) || !isfinite(a->ascent_m) ||
	    !isfinite(a->cadence_spm) || a->distance_m < 0 ||
	    a->ascent_m < 0 || a->moving_s < 0 || a->hr_avg < 0 ||
	    a->hr_max < 0)
		abort();
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct activity	a;
	struct diags	d;
	int		rc;

	diags_init(&d);
	rc = fit_read_mem("fuzz.fit", data, size, &a, &d);
	fuzz_check(&a, rc, &d);
	diags_free(&d);
	return 0;
}
