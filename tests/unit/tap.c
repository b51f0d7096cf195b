/* tap.c - Test Anything Protocol output for the unit tests. */
#include "config.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "tap.h"

static int	tap_count;
static int	tap_failed;

static bool	tap_report(bool, const char *, int, const char *, va_list)
		    __attribute__((format(printf, 4, 0)));

static bool
tap_report(bool pass, const char *file, int line, const char *fmt,
    va_list ap)
{
	tap_count++;
	printf("%sok %d - ", pass ? "" : "not ", tap_count);
	vprintf(fmt, ap);
	putchar('\n');
	if (!pass) {
		tap_failed++;
		printf("#   failed at %s:%d\n", file, line);
	}
	fflush(stdout);
	return pass;
}

bool
tap_ok(bool pass, const char *file, int line, const char *fmt, ...)
{
	va_list	ap;

	va_start(ap, fmt);
	tap_report(pass, file, line, fmt, ap);
	va_end(ap);
	return pass;
}

bool
tap_is_int(long long got, long long want, const char *file, int line,
    const char *fmt, ...)
{
	va_list	ap;
	bool	pass = got == want;

	va_start(ap, fmt);
	tap_report(pass, file, line, fmt, ap);
	va_end(ap);
	if (!pass)
		printf("#   got %lld, want %lld\n", got, want);
	return pass;
}

bool
tap_is_str(const char *got, const char *want, const char *file, int line,
    const char *fmt, ...)
{
	va_list	ap;
	bool	pass;

	pass = (got == NULL && want == NULL) ||
	    (got != NULL && want != NULL && strcmp(got, want) == 0);
	va_start(ap, fmt);
	tap_report(pass, file, line, fmt, ap);
	va_end(ap);
	if (!pass)
		printf("#   got  \"%s\"\n#   want \"%s\"\n",
		    got != NULL ? got : "(null)",
		    want != NULL ? want : "(null)");
	return pass;
}

bool
tap_is_double(double got, double want, double eps, const char *file,
    int line, const char *fmt, ...)
{
	va_list	ap;
	bool	pass = fabs(got - want) <= eps;

	va_start(ap, fmt);
	tap_report(pass, file, line, fmt, ap);
	va_end(ap);
	if (!pass)
		printf("#   got %g, want %g\n", got, want);
	return pass;
}

void
tap_diag(const char *fmt, ...)
{
	va_list	ap;

	fputs("# ", stdout);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	putchar('\n');
}

int
tap_done(void)
{
	printf("1..%d\n", tap_count);
	return tap_failed == 0 && tap_count > 0 ? 0 : 1;
}
