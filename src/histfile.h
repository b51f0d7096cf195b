/*
 * histfile.h - the history file (doc/DESIGN.md section 4, rehabit(5) "HISTORY
 * FILE"): written by `rehabit export`, read by `rehabit import`, and CSV
 * for spreadsheets.
 *
 * The reader parses from memory, so the fuzzer calls the same function as
 * the importer; it survives any input, with the limits of inlimits.h on
 * size, nesting and scalar length, and no anchors, aliases or tags.
 */
#ifndef REHABIT_HISTFILE_H
#define REHABIT_HISTFILE_H

#include <stddef.h>
#include <stdio.h>

#include "catalog.h"
#include "diag.h"
#include "history.h"

#define HISTFILE_FORMAT		"rehabit-history/1"
/* The limits on a history file (inlimits.h). */
#define HISTFILE_MAX_FILE	INPUT_HISTORY_FILE
#define HISTFILE_MAX_DEPTH	INPUT_YAML_DEPTH
#define HISTFILE_MAX_SCALAR	INPUT_YAML_SCALAR
#define HISTFILE_MAX_SETS	100	/* per exercise in a session */
#define HISTFILE_MAX_EXERCISES	256	/* exercise records per session */
#define HISTFILE_MAX_VALUE	86400	/* seconds or reps: a day */
#define HISTFILE_MAX_UID	64	/* bytes of a report's id */

/*
 * Read a history file from memory as if from `path` into `h` (appending).
 * Every score, time, flag, side and number is checked; routine and
 * exercise ids are checked against `cat` (not when cat is NULL). Problems
 * go to `d` as FILE:LINE:COLUMN: message; returns how many were found.
 * When any is found, `h` must not be used (free it).
 */
size_t	histfile_parse(const char *path, const char *buf, size_t len,
	    const struct catalog *cat, struct history *h, struct diags *d);

/*
 * Read and parse a file. Returns 0, 65 (problems in `d`), 66 (no such
 * file) or 74 (cannot read it; the reason in `d`).
 */
int	histfile_load(const char *path, const struct catalog *cat,
	    struct history *h, struct diags *d);

/* Write `h` as a history file (YAML, with libyaml's emitter). 0 or -1. */
int	histfile_write_yaml(FILE *, const struct history *);
/*
 * Write `h` as CSV (RFC 4180: CRLF, a header row): one row per set, one
 * per session without sets, one per standalone report, in time order.
 */
int	histfile_write_csv(FILE *, const struct history *);

#endif
