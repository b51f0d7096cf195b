/*
 * actxml.h - read an activity from a GPX 1.1 or TCX file (XML) with
 * expat, streaming: the file is parsed a chunk at a time, never held
 * whole in memory. DTDs and entities are refused, and so are elements
 * nested too deep and texts or tags too long.
 */
#ifndef REHABIT_ACTXML_H
#define REHABIT_ACTXML_H

#include <stddef.h>

#include "activity.h"
#include "diag.h"
#include "inlimits.h"

/* The limits on a GPX or TCX file (inlimits.h). */
#define ACTXML_MAX_DEPTH	INPUT_XML_DEPTH
#define ACTXML_MAX_TEXT		INPUT_XML_TEXT
#define ACTXML_MAX_QUIET	INPUT_XML_QUIET

/*
 * Read the activity in GPX or TCX file `path` into *a. 0; or, said in
 * `d` as "FILE:LINE:COLUMN: message": 65 if the file is not a valid GPX
 * or TCX activity, 66 if it cannot be opened, 74 on a read error.
 */
int	actxml_read_file(const char *path, struct activity *a,
	    struct diags *d);
/* The same from `len` bytes in memory; `name` is used in messages. */
int	actxml_read_mem(const char *name, const void *, size_t len,
	    struct activity *a, struct diags *d);

#endif
