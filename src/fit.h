/*
 * fit.h - read an activity from a FIT file (Garmin's binary format, used
 * by most watches and bike computers), with a decoder of our own.
 */
#ifndef REHABIT_FIT_H
#define REHABIT_FIT_H

#include <stddef.h>

#include "activity.h"
#include "diag.h"

/*
 * Read the activity in FIT file `path` into *a. 0; or, said in `d` as
 * "FILE: message": 65 if the file is not a valid FIT activity, 66 if it
 * cannot be opened, 74 on a read error. Time is linear in the file's
 * size and memory is constant, whatever the file holds.
 */
int	fit_read_file(const char *path, struct activity *a, struct diags *d);
/* The same from `len` bytes in memory; `name` is used in messages. */
int	fit_read_mem(const char *name, const void *, size_t len,
	    struct activity *a, struct diags *d);

#endif
