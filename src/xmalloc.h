/* xmalloc.h - allocation that never returns NULL, and fatal errors. */
#ifndef REHABIT_XMALLOC_H
#define REHABIT_XMALLOC_H

#include <stddef.h>

void	*xmalloc(size_t);
void	*xcalloc(size_t, size_t);
void	*xreallocarray(void *, size_t, size_t);
char	*xstrdup(const char *);
/* Free the n strings of v and v. */
void	 xfree_list(char **v, size_t n);
int	 xasprintf(char **, const char *, ...)
	    __attribute__((format(printf, 2, 3)));

/* Print "rehabit: message" on stderr and exit with status. */
void	 fatalx(int status, const char *, ...)
	    __attribute__((format(printf, 2, 3), noreturn));

/* Hook run by fatalx() before it prints, e.g. to give the terminal back. */
extern void (*xmalloc_fatal_hook)(void);

#endif
