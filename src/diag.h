/*
 * diag.h - problems found in input files, kept as a list and printed as
 * "FILE:LINE:COLUMN: message", one per line.
 */
#ifndef REHABIT_DIAG_H
#define REHABIT_DIAG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdarg.h>
#include <stdio.h>

/* A place in an input file. `line` and `col` are 1-based; 0 if unknown. */
struct diag_loc {
	const char	*file;		/* not owned */
	int		 line;
	int		 col;
};

struct diag {
	struct diag_loc	 loc;
	char		*file;		/* owned copy of loc.file */
	char		*msg;
};

struct diags {
	struct diag	*v;
	size_t		 n;
	size_t		 cap;
	size_t		 max;		/* stop keeping after this many; 0 = 100 */
	size_t		 dropped;
};

void	diags_init(struct diags *);
void	diags_free(struct diags *);
void	diags_add(struct diags *, struct diag_loc, const char *, ...)
	    __attribute__((format(printf, 3, 4)));
void	diags_vadd(struct diags *, struct diag_loc, const char *, va_list)
	    __attribute__((format(printf, 3, 0)));
/*
 * Print every problem to `fp` as FILE:LINE:COLUMN: message, file names and
 * messages (which quote the input) escaped as diag_fputs() does.
 */
void	diags_print(const struct diags *, FILE *fp);

/*
 * How many bytes at `s` are a control character a terminal would obey
 * (C0, DEL, or C1 in UTF-8): 0 for anything else. With `lines`, tab and
 * newline are text.
 */
size_t	diag_control(const char *s, bool lines);
/*
 * Write the control character at `s`, if it is one, as \xNN per byte and
 * return how many bytes it took; 0 (nothing written) for anything else.
 */
size_t	diag_put_control(FILE *, const char *s, bool lines);
/* Write `s` with each control character as \xNN: nothing reaches a terminal
   that could move its cursor, retitle it or clear it. */
void	diag_fputs(FILE *, const char *s, bool lines);

#endif
