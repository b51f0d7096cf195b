/* diag.c - a list of problems found in input files. */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

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
		fatalx(71, "out of memory");
}

void
diags_print(const struct diags *d, FILE *fp)
{
	const struct diag	*g;
	size_t			 i;

	for (i = 0; i < d->n; i++) {
		g = &d->v[i];
		if (g->file != NULL && g->loc.line > 0)
			fprintf(fp, "%s:%d:%d: %s\n", g->file, g->loc.line,
			    g->loc.col, g->msg);
		else if (g->file != NULL)
			fprintf(fp, "%s: %s\n", g->file, g->msg);
		else
			fprintf(fp, "rehabit: %s\n", g->msg);
	}
	if (d->dropped > 0)
		fprintf(fp, "rehabit: %zu more problems not shown\n",
		    d->dropped);
}
