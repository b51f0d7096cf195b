/* diag.c - a list of problems found in input files. */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <sysexits.h>

#include "diag.h"
#include "xmalloc.h"

#define DIAGS_DEFAULT_MAX	100

void
diags_init(struct diags *d)
{
	d->v = NULL;
	d->n = d->cap = d->max = d->dropped = 0;
}

void
diags_free(struct diags *d)
{
	size_t	i;

	for (i = 0; i < d->n; i++) {
		free(d->v[i].file);
		free(d->v[i].msg);
	}
	free(d->v);
	diags_init(d);
}

void
diags_add(struct diags *d, struct diag_loc loc, const char *fmt, ...)
{
	va_list	ap;

	va_start(ap, fmt);
	diags_vadd(d, loc, fmt, ap);
	va_end(ap);
}

void
diags_vadd(struct diags *d, struct diag_loc loc, const char *fmt, va_list ap)
{
	struct diag	*g;
	size_t		 max = d->max != 0 ? d->max : DIAGS_DEFAULT_MAX;

	/* A hostile file can hold millions of errors: keep the first ones. */
	if (d->n >= max) {
		d->dropped++;
		return;
	}
	if (d->n == d->cap) {
		d->cap = d->cap == 0 ? 8 : d->cap * 2;
		d->v = xreallocarray(d->v, d->cap, sizeof *d->v);
	}
	g = &d->v[d->n++];
	g->file = loc.file != NULL ? xstrdup(loc.file) : NULL;
	g->loc = loc;
	g->loc.file = g->file;
	if (vasprintf(&g->msg, fmt, ap) < 0)
		fatalx(EX_OSERR, "out of memory");
}

size_t
diag_control(const char *s, bool lines)
{
	const unsigned char	*u = (const unsigned char *)s;

	if (lines && (*u == '\t' || *u == '\n'))
		return 0;
	if ((*u < 0x20 && *u != '\0') || *u == 0x7f)
		return 1;
	if (u[0] == 0xc2 && u[1] >= 0x80 && u[1] <= 0x9f)
		return 2;
	return 0;
}

size_t
diag_put_control(FILE *fp, const char *s, bool lines)
{
	size_t	n, i;

	if ((n = diag_control(s, lines)) == 0)
		return 0;
	for (i = 0; i < n; i++)
		fprintf(fp, "\\x%02x", (unsigned char)s[i]);
	return n;
}

void
diag_fputs(FILE *fp, const char *s, bool lines)
{
	size_t	n;

	while (*s != '\0') {
		if ((n = diag_put_control(fp, s, lines)) == 0)
			fputc(*s++, fp);
		else
			s += n;
	}
}

void
diags_print(const struct diags *d, FILE *fp)
{
	const struct diag	*g;
	size_t			 i;

	for (i = 0; i < d->n; i++) {
		g = &d->v[i];
		if (g->file != NULL) {
			diag_fputs(fp, g->file, false);
			if (g->loc.line > 0)
				fprintf(fp, ":%d:%d", g->loc.line, g->loc.col);
			fputs(": ", fp);
		} else
			fputs("rehabit: ", fp);
		diag_fputs(fp, g->msg, false);
		fputc('\n', fp);
	}
	if (d->dropped > 0)
		fprintf(fp, "rehabit: %zu more problems not shown\n",
		    d->dropped);
}
