/*
 * conf.h - the settings file, $XDG_CONFIG_HOME/rehabit/config.yaml
 * (rehabit(5), CONFIGURATION):
 *
 *	sound: true		# sound cues
 *	color: true		# colours on the screens
 *	ready: 5		# get-ready countdown, seconds
 *	rest: 60		# rest when a step gives none, seconds
 *	switch: 5		# switch-sides countdown, seconds
 *
 * Every key is optional; an unknown key, a wrong type or an out-of-range
 * number is an error at FILE:LINE:COLUMN. (The module is called conf, not
 * config, so that its header does not hide autoconf's config.h.)
 */
#ifndef REHABIT_CONF_H
#define REHABIT_CONF_H

#include <stdbool.h>
#include <stddef.h>

#include "diag.h"
#include "inlimits.h"

struct config {
	bool	sound;
	bool	color;
	int	ready;		/* seconds, 0: no get-ready countdown */
	int	rest;		/* seconds, default rest between sets */
	int	switch_secs;	/* seconds, 0: switch sides at once */
};

#define CONF_DEFAULT_READY	5
#define CONF_DEFAULT_REST	60
#define CONF_DEFAULT_SWITCH	5
/* Longest countdown a setting may ask for: one hour. */
#define CONF_MAX_SECS		3600
/* Bigger files are rejected: a settings file is a few lines. */
#define CONF_MAX_FILE		INPUT_SETTINGS_FILE

void	conf_defaults(struct config *);
/*
 * Parse settings from memory as if read from `path`, over what `c`
 * holds. Problems go to `d`; returns the number added. Survives any input
 * (the fuzzer calls it).
 */
size_t	conf_parse(struct config *c, const char *path, const char *buf,
	    size_t len, struct diags *d);
/*
 * Read `path`, or the default file when NULL. A missing default file is
 * not an error. Returns 0; 65 when the file is bad (problems in `d`); 66 when
 * a named file is missing, 74 when it cannot be read or is not a regular
 * file (message in `d`).
 */
int	conf_load(struct config *c, const char *path, struct diags *d);

#endif
