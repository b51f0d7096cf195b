/*
 * catalog-int.h - private to catalog.c (the library's schema: its keys,
 * values, loading and linking) and catalog-tree.c (the YAML tree the
 * schema walks, and the typed reading of its values). Nothing else
 * includes this.
 */
#ifndef REHABIT_CATALOG_INT_H
#define REHABIT_CATALOG_INT_H

#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>

#include <yaml.h>

#include "catalog.h"

#define DAY		86400	/* the longest any duration may be */
#define ID_MAX		64

enum ytype { Y_SCALAR, Y_SEQ, Y_MAP, Y_BAD };

/* A node of the parse tree; links are index + 1, 0 for none. */
struct ynode {
	uint32_t	off;		/* scalar: into the string arena */
	uint32_t	len;
	uint32_t	first;		/* first child */
	uint32_t	next;		/* next sibling */
	int32_t		line;		/* 1-based */
	int32_t		col;
	uint8_t		type;
	uint8_t		plain;		/* may be a number */
};

/*
 * One file being loaded. The problems libyaml's events show wait in
 * `early`, those of loading in `later`, so that they go to `d` in that
 * order, and the file's are dropped with what it loaded when it fails.
 */
struct ld {
	struct catalog	*cat;
	struct diags	*d;
	struct diags	 early;
	struct diags	 later;
	const char	*file;		/* owned by cat->files */
	size_t		 nerr;		/* every problem */
	size_t		 nparse;	/* the parse's problems */

	struct ynode	*node;
	size_t		 nnode, capnode;
	size_t		 nodes;		/* every node parsed, for the limit */
	char		*str;		/* NUL-terminated scalars */
	size_t		 nstr, capstr;
};

/*
 * The file's top-level mapping, loaded one key and value at a time while
 * it is parsed, and the items of its lists of exercises and routines one
 * item at a time: each is cut from the tree once loaded, so that the tree
 * holds one item, not the file, and its pages stay few and warm.
 */
struct ld_top {
	bool		 on;		/* the root is a mapping */
	uint32_t	 key;		/* the key whose value is awaited */
	int		 rule;		/* its rule; -1: the value is skipped */
	uint32_t	 list;		/* a value loaded item by item */
	size_t		 keystr;	/* ld->nstr before the key */
	size_t		 itemstr;	/* ld->nstr before the list's item */
	int32_t		 seen[32];	/* line of each rule's key, or 0 */
};

/*
 * What is parsed: bytes in memory, or a file read a piece at a time into
 * libyaml's own buffer (the file's bytes are never all held at once).
 */
struct ld_input {
	const char	*buf;
	size_t		 len;
	int		 fd;		/* -1: buf */
	size_t		 size;		/* the file's, when opened */
	size_t		 got;		/* read so far */
	int		 err;		/* errno of a failed read */
	bool		 grew;		/* more than `size` was read */
};

/*
 * The buffers of a parse, kept from one file of a folder to the next: the
 * pages they touched are not given back and faulted in again per file.
 */
struct ld_scratch {
	struct ynode	*node;
	size_t		 capnode;
	char		*str;
	size_t		 capstr;
};

/*
 * A key of a mapping and what to do with its value. `off` is the offset of
 * the field the handler fills; `min` and `max` bound numbers; `bit` is the
 * step_key of a step's key (-1 elsewhere).
 */
struct rule {
	const char	*key;
	bool		 required;
	void		(*fn)(struct ld *, const struct rule *,
			    const struct ynode *, void *);
	size_t		 off;
	long		 min, max;
	int		 bit;
};

/* catalog-tree.c: the tree, and the problems found in it */
long	ld_parse(struct ld *, struct ld_input *);
const struct ynode *ld_node(const struct ld *, uint32_t i);
const char *ld_str(const struct ld *, const struct ynode *);
struct diag_loc	ld_loc(const struct ld *, const struct ynode *);
struct catalog_pos ld_pos(const struct ynode *);
struct diag_loc	ld_at(const struct ld *, struct catalog_pos);
void	ld_err(struct ld *, const struct ynode *, const char *, ...)
	    __attribute__((format(printf, 3, 4)));
void	ld_err_at(struct ld *, struct diag_loc, const char *, ...)
	    __attribute__((format(printf, 3, 4)));

/* catalog-tree.c: values, and mappings through a table of rules */
const char *ld_what(const struct ynode *);
const char *ld_quote(const struct ld *, const struct ynode *, char *buf,
	    size_t size);
bool	ld_want(struct ld *, const struct rule *, const struct ynode *,
	    enum ytype, const char *expect);
const char *ld_text_name(const char *key, size_t item, char *buf,
	    size_t size);
char	*ld_text(struct ld *, const struct rule *, const struct ynode *,
	    size_t item);
bool	ld_number(struct ld *, const char *key, const struct ynode *,
	    long min, long max, bool secs, long *out);
int	ld_choice(struct ld *, const struct rule *, const struct ynode *,
	    const char *const *words, const char *expect);
bool	ld_key_is(const struct ld *, const struct ynode *, const char *key);
int	ld_map_key(struct ld *, const struct ynode *,
	    const struct rule *rules, const char *what, int32_t *seen);
void	ld_map_end(struct ld *, const struct ynode *map,
	    const struct rule *rules, const char *what, const int32_t *seen);
uint32_t ld_map(struct ld *, const struct ynode *map,
	    const struct rule *rules, const char *what, void *obj);

/* catalog.c: the top-level mapping, loaded while it is parsed */
void	ld_top_begin(struct ld *, struct ld_top *, int depth);
void	ld_top_open(struct ld *, struct ld_top *, uint32_t, int depth);
void	ld_top_done(struct ld *, struct ld_top *, uint32_t, int depth,
	    uint32_t *last);

#endif
