/* cmd.c - what every subcommand shares: usage and argument parsing. */
#include "config.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

#include "cmd.h"

void
cmd_usage(const struct cmd_entry *e, FILE *fp)
{
	fprintf(fp, "Usage: rehabit %s%s%s\n%s\n", e->name,
	    e->args[0] != '\0' ? " " : "", e->args, e->summary);
	if (e->help != NULL && e->help[0] != '\0')
		fprintf(fp, "\n%s", e->help);
	fputs("\nGlobal options: --library DIR, --data-dir DIR, --no-sound,"
	    " --no-color.\nSee rehabit(1).\n", fp);
}

int
cmd_usage_error(const struct cmd_entry *e, const char *fmt, ...)
{
	va_list	ap;

	fprintf(stderr, "rehabit: %s: ", e->name);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fprintf(stderr, " (see 'rehabit %s --help')\n", e->name);
	return EXIT_USAGE;
}

int
cmd_parse_int(const char *s, long min, long max, long *out)
{
	char	*end;
	long	 v;

	if (s == NULL || *s == '\0')
		return -1;
	errno = 0;
	v = strtol(s, &end, 10);
	if (*end != '\0' || errno != 0 || v < min || v > max)
		return -1;
	*out = v;
	return 0;
}
