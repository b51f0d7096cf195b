/*
 * tap.h - a tiny Test Anything Protocol producer for the unit tests.
 *
 *	ok(cond, "name %d", i);  is_int(got, want, "name");
 *	is_str(got, want, "name");  return tap_done();
 */
#ifndef REHABIT_TAP_H
#define REHABIT_TAP_H

#include <stdbool.h>

bool	tap_ok(bool, const char *, int, const char *, ...)
	    __attribute__((format(printf, 4, 5)));
bool	tap_is_int(long long, long long, const char *, int, const char *, ...)
	    __attribute__((format(printf, 5, 6)));
bool	tap_is_str(const char *, const char *, const char *, int,
	    const char *, ...) __attribute__((format(printf, 5, 6)));
bool	tap_is_double(double, double, double, const char *, int,
	    const char *, ...) __attribute__((format(printf, 6, 7)));
void	tap_diag(const char *, ...) __attribute__((format(printf, 1, 2)));
/* Print the plan; the exit status is 0 only if every test passed. */
int	tap_done(void);

#define ok(c, ...)		tap_ok((c), __FILE__, __LINE__, __VA_ARGS__)
#define is_int(g, w, ...)	tap_is_int((g), (w), __FILE__, __LINE__, \
				    __VA_ARGS__)
#define is_str(g, w, ...)	tap_is_str((g), (w), __FILE__, __LINE__, \
				    __VA_ARGS__)
#define is_double(g, w, eps, ...) tap_is_double((g), (w), (eps), __FILE__, \
				    __LINE__, __VA_ARGS__)

#endif
