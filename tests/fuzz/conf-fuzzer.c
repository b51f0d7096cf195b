/*
 * conf-fuzzer.c - libFuzzer target for the settings reader: any bytes
 * through conf_parse(), the function conf_load() calls. Whatever the
 * file says, the settings that come out stay in their ranges; a crash,
 * a sanitizer report, a leak, a hang, a problem without a location or a
 * setting out of range is a finding.
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>

#include "conf.h"
#include "fuzz.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct config	c;
	struct diags	d;
	size_t		i;

	conf_defaults(&c);
	diags_init(&d);
	conf_parse(&c, "config.yaml", (const char *)data, size, &d);
	for (i = 0; i < d.n; i++)
		if (d.v[i].msg == NULL || d.v[i].msg[0] == '\0')
			abort();
	if (c.ready < 0 || c.ready > CONF_MAX_SECS ||
	    c.rest < 0 || c.rest > CONF_MAX_SECS ||
	    c.switch_secs < 0 || c.switch_secs > CONF_MAX_SECS)
		abort();
	diags_free(&d);
	return 0;
}
