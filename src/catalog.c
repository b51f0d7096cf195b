/*
 * catalog.c - the exercise library: YAML files (DESIGN.md section 3) into
 * validated structs.
 *
 * libyaml's event parser builds a small tree of nodes, with the hard
 * limits of yamlin.h on nesting, node count and scalar length, and with
 * anchors, aliases, tags and extra documents refused; a syntax error or a
 * broken limit stops the file there, and it loads nothing. The tree is
 * walked through tables of keys ({key, handler, offset, range}): an
 * unknown key, a wrong type or a bad value is reported and the walk goes
 * on, so that every problem of a file is found in one run. The walk keeps
 * pace with the parse: each key of the top-level mapping, and each item
 * of its lists, is loaded as soon as it is complete and then cut from the
 * tree (struct ld_top), so that the tree never holds more than one item.
 * catalog_link() then checks what spans files: unique ids, step
 * exercises, and that a step's dose fits its exercise's kind.
 */
#include "config.h"

#include "catalog.h"

#include <sys/stat.h>

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>
#include <unistd.h>
#include <yaml.h>

#include "paths.h"
#include "xmalloc.h"
#include "yamlin.h"

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

static void	ld_verr(struct ld *, struct diag_loc, const char *, va_list)
		    __attribute__((format(printf, 3, 0)));
static void	ld_err(struct ld *, const struct ynode *, const char *, ...)
		    __attribute__((format(printf, 3, 4)));
static void	ld_err_at(struct ld *, struct diag_loc, const char *, ...)
		    __attribute__((format(printf, 3, 4)));
static void	ld_err_yaml(struct ld *, struct diag_loc, const char *, ...)
		    __attribute__((format(printf, 3, 4)));
static void	ld_top_begin(struct ld *, struct ld_top *, int);
static void	ld_top_open(struct ld *, struct ld_top *, uint32_t, int);
static void	ld_top_done(struct ld *, struct ld_top *, uint32_t, int,
		    uint32_t *);

/*
 * Room for one more item in an array of n. The catalog's arrays keep no
 * capacity: they grow to the next power of two whenever n is one, so a
 * library of thousands of exercises is not copied thousands of times.
 */
static void *
catalog_grow(void *v, size_t n, size_t size)
{
	if (n == 0)
		return xreallocarray(v, 1, size);
	if ((n & (n - 1)) == 0)
		return xreallocarray(v, n, 2 * size);
	return v;
}

/* --- parse tree ---------------------------------------------------------- */

static const struct ynode *
ld_node(const struct ld *ld, uint32_t i)
{
	return i == 0 ? NULL : &ld->node[i - 1];
}

static const char *
ld_str(const struct ld *ld, const struct ynode *n)
{
	return ld->str + n->off;
}

static struct diag_loc
ld_loc(const struct ld *ld, const struct ynode *n)
{
	struct diag_loc	l = { ld->file, 0, 0 };

	if (n != NULL) {
		l.line = n->line;
		l.col = n->col;
	}
	return l;
}

static struct catalog_pos
ld_pos(const struct ynode *n)
{
	struct catalog_pos	p = { n->line, n->col };

	return p;
}

/* A place in the file being loaded. */
static struct diag_loc
ld_at(const struct ld *ld, struct catalog_pos p)
{
	struct diag_loc	l = { ld->file, p.line, p.col };

	return l;
}

/* Every problem of loading goes through here, so that nerr counts them. */
static void
ld_verr(struct ld *ld, struct diag_loc loc, const char *fmt, va_list ap)
{
	diags_vadd(&ld->later, loc, fmt, ap);
	ld->nerr++;
}

/* A problem with a node's value, at the node. */
static void
ld_err(struct ld *ld, const struct ynode *n, const char *fmt, ...)
{
	va_list	ap;

	va_start(ap, fmt);
	ld_verr(ld, ld_loc(ld, n), fmt, ap);
	va_end(ap);
}

static void
ld_err_at(struct ld *ld, struct diag_loc loc, const char *fmt, ...)
{
	va_list	ap;

	va_start(ap, fmt);
	ld_verr(ld, loc, fmt, ap);
	va_end(ap);
}

/* A problem found while parsing, at a place yamlin.h gave. */
static void
ld_err_yaml(struct ld *ld, struct diag_loc loc, const char *fmt, ...)
{
	va_list		ap;

	va_start(ap, fmt);
	diags_vadd(&ld->early, loc, fmt, ap);
	va_end(ap);
	ld->nerr++;
	ld->nparse++;
}

/* Add a node as the last child of `parent` (0: the root). */
static uint32_t
ld_add(struct ld *ld, enum ytype type, yaml_mark_t m, uint32_t parent,
    uint32_t *last)
{
	struct ynode	*n;
	uint32_t	 i;

	if (ld->nnode == ld->capnode) {
		ld->capnode = ld->capnode == 0 ? 64 : ld->capnode * 2;
		ld->node = xreallocarray(ld->node, ld->capnode,
		    sizeof *ld->node);
	}
	n = &ld->node[ld->nnode++];
	ld->nodes++;
	memset(n, 0, sizeof *n);
	n->type = type;
	n->line = m.line >= INT32_MAX ? INT32_MAX : (int32_t)m.line + 1;
	n->col = m.column >= INT32_MAX ? INT32_MAX : (int32_t)m.column + 1;
	i = (uint32_t)ld->nnode;
	if (parent != 0) {
		if (*last != 0)
			ld->node[*last - 1].next = i;
		else
			ld->node[parent - 1].first = i;
		*last = i;
	}
	return i;
}

static void
ld_set_scalar(struct ld *ld, uint32_t i, const yaml_event_t *ev)
{
	struct ynode	*n = &ld->node[i - 1];
	size_t		 len = ev->data.scalar.length;

	while (ld->nstr + len + 1 > ld->capstr) {
		ld->capstr = ld->capstr == 0 ? 4096 : ld->capstr * 2;
		ld->str = xreallocarray(ld->str, ld->capstr, 1);
	}
	memcpy(ld->str + ld->nstr, ev->data.scalar.value, len);
	ld->str[ld->nstr + len] = '\0';
	n->off = (uint32_t)ld->nstr;
	n->len = (uint32_t)len;
	n->plain = ev->data.scalar.style == YAML_PLAIN_SCALAR_STYLE;
	ld->nstr += len + 1;
}

/*
 * Anchors and tags are refused (yamlin.h), but the node is kept: the
 * rest of the file is still checked.
 */
static void
ld_refuse_extras(struct ld *ld, const struct yamlin *y, unsigned bad)
{
	if (bad & YAMLIN_ANCHOR)
		ld_err_yaml(ld, yamlin_here(y), "YAML anchors ('&%.40s') are "
		    "not supported: write the value out",
		    yamlin_anchor(&y->ev));
	if (bad & YAMLIN_TAG)
		ld_err_yaml(ld, yamlin_here(y), "YAML tags ('%.40s') are not "
		    "supported", yamlin_tag(&y->ev));
}

/* libyaml's read handler for a file: stops at an error or past its size. */
static int
ld_read(void *data, unsigned char *buf, size_t size, size_t *size_read)
{
	struct ld_input	*in = data;
	ssize_t		 n;

	*size_read = 0;
	do
		n = read(in->fd, buf, size);
	while (n == -1 && errno == EINTR);
	if (n == -1) {
		in->err = errno;
		return 0;
	}
	in->got += (size_t)n;
	if (in->got > in->size) {
		in->grew = true;
		return 0;
	}
	*size_read = (size_t)n;
	return 1;
}

/*
 * Parse the input into ld's tree, loading the top-level mapping as it
 * goes (see struct ld_top). Returns the root (0 for an empty file) or -1
 * after a problem that leaves no usable tree: then what was loaded is to
 * be dropped.
 */
static long
ld_parse(struct ld *ld, struct ld_input *in)
{
	struct yamlin	 y;
	yaml_event_t	*ev = &y.ev;
	uint32_t	 stack[CATALOG_MAX_DEPTH + 1];
	uint32_t	 last[CATALOG_MAX_DEPTH + 1];
	uint32_t	 i, parent;
	int		 depth = 0, docs = 0;
	long		 root = 0;
	bool		 done = false;
	unsigned	 bad;
	struct ld_top	 top;

	memset(&top, 0, sizeof top);
	if (in->fd == -1)
		yamlin_open(&y, ld->file, in->buf, in->len);
	else
		yamlin_open_reader(&y, ld->file, ld_read, in);
	while (!done) {
		if (!yamlin_next(&y, &bad)) {
			const yaml_parser_t *p = &y.parser;

			if (p->context != NULL)
				ld_err_yaml(ld, yamlin_syntax_loc(&y), "YAML "
				    "syntax error: %s (%s at line %zu column "
				    "%zu)", p->problem, p->context,
				    p->context_mark.line + 1,
				    p->context_mark.column + 1);
			else
				ld_err_yaml(ld, yamlin_syntax_loc(&y), "YAML "
				    "syntax error: %s", p->problem != NULL ?
				    p->problem : "unreadable input");
			root = -1;
			break;
		}
		parent = depth > 0 ? stack[depth - 1] : 0;
		switch (ev->type) {
		case YAML_STREAM_END_EVENT:
			done = true;
			break;
		case YAML_DOCUMENT_START_EVENT:
			if (++docs > 1) {
				ld_err_yaml(ld, yamlin_here(&y), "only one YAML "
				    "document per file is supported");
				root = -1;
				done = true;
			} else if (ev->data.document_start.version_directive !=
			    NULL || ev->data.document_start.tag_directives.start
			    != ev->data.document_start.tag_directives.end) {
				/*
				 * Not needed, and libyaml lets a bad %YAML
				 * line ("%YAML 1.1#x") through.
				 */
				ld_err_yaml(ld, yamlin_here(&y), "YAML "
				    "directives ('%%YAML', '%%TAG') are not "
				    "supported");
				root = -1;
				done = true;
			}
			break;
		case YAML_ALIAS_EVENT:
			ld_err_yaml(ld, yamlin_here(&y), "YAML aliases "
			    "('*%.40s') are not supported: write the value out",
			    yamlin_anchor(ev));
			ld_top_begin(ld, &top, depth);
			i = ld_add(ld, Y_BAD, ev->start_mark, parent,
			    &last[depth > 0 ? depth - 1 : 0]);
			if (root == 0)
				root = i;
			ld_top_done(ld, &top, i, depth, last);
			break;
		case YAML_SCALAR_EVENT:
			ld_refuse_extras(ld, &y, bad);
			if (bad & YAMLIN_LONG) {
				ld_err_yaml(ld, yamlin_here(&y), "text longer "
				    "than %d bytes", CATALOG_MAX_SCALAR);
				root = -1;
				done = true;
				break;
			}
			ld_top_begin(ld, &top, depth);
			i = ld_add(ld, Y_SCALAR, ev->start_mark, parent,
			    &last[depth > 0 ? depth - 1 : 0]);
			ld_set_scalar(ld, i, ev);
			if (root == 0)
				root = i;
			ld_top_done(ld, &top, i, depth, last);
			break;
		case YAML_SEQUENCE_START_EVENT:
		case YAML_MAPPING_START_EVENT:
			ld_refuse_extras(ld, &y, bad);
			if (bad & YAMLIN_DEEP) {
				ld_err_yaml(ld, yamlin_here(&y), "nested more "
				    "than %d levels deep", CATALOG_MAX_DEPTH);
				root = -1;
				done = true;
				break;
			}
			ld_top_begin(ld, &top, depth);
			i = ld_add(ld, ev->type == YAML_SEQUENCE_START_EVENT ?
			    Y_SEQ : Y_MAP, ev->start_mark, parent,
			    &last[depth > 0 ? depth - 1 : 0]);
			if (root == 0)
				root = i;
			ld_top_open(ld, &top, i, depth);
			stack[depth] = i;
			last[depth] = 0;
			depth++;
			break;
		case YAML_SEQUENCE_END_EVENT:
		case YAML_MAPPING_END_EVENT:
			if (depth > 0) {
				depth--;
				ld_top_done(ld, &top, stack[depth], depth,
				    last);
			}
			break;
		default:
			break;
		}
		if (!done && ld->nodes > CATALOG_MAX_NODES) {
			ld_err_yaml(ld, yamlin_here(&y), "more than %d YAML "
			    "nodes in one file", CATALOG_MAX_NODES);
			root = -1;
			done = true;
		}
	}
	yamlin_close(&y);
	return root;
}

/* --- values -------------------------------------------------------------- */

/* What a node is, for "must be X, not Y". */
static const char *
ld_what(const struct ynode *n)
{
	switch (n->type) {
	case Y_SEQ:
		return "a list";
	case Y_MAP:
		return "a mapping";
	case Y_SCALAR:
		if (n->plain && n->len == 0)
			return "empty";
		return "text";
	default:
		return "an alias";
	}
}

/* A scalar as it may be quoted in a message: short, printable. */
static const char *
ld_quote(const struct ld *ld, const struct ynode *n, char *buf, size_t size)
{
	const unsigned char	*s = (const unsigned char *)ld_str(ld, n);
	size_t			 i, j = 0;

	for (i = 0; i < n->len && j + 4 < size; i++)
		buf[j++] = s[i] < 0x20 || s[i] == 0x7f ? '?' : (char)s[i];
	if (i < n->len) {
		/* Do not cut a UTF-8 sequence in half. */
		while (j > 0 && ((unsigned char)buf[j - 1] & 0xc0) == 0x80)
			j--;
		if (j > 0 && ((unsigned char)buf[j - 1] & 0xc0) == 0xc0)
			j--;
		buf[j++] = '.';
		buf[j++] = '.';
		buf[j++] = '.';
	}
	buf[j] = '\0';
	return buf;
}

/*
 * Check a value's type. Aliases were reported when parsed: quietly fail.
 */
static bool
ld_want(struct ld *ld, const struct rule *r, const struct ynode *v,
    enum ytype type, const char *expect)
{
	if (v->type == Y_BAD)
		return false;
	if (v->type == type && !(type == Y_SCALAR && v->plain && v->len == 0))
		return true;
	ld_err(ld, v, "'%s' must be %s, not %s", r->key, expect,
	    ld_what(v));
	return false;
}

/* Is this one line of text, without control characters? */
static bool
ld_printable(const char *s, size_t len)
{
	const unsigned char	*u = (const unsigned char *)s;
	size_t			 i;

	for (i = 0; i < len; i++) {
		if (u[i] < 0x20 || u[i] == 0x7f)
			return false;
		/* C1 controls, U+0080 to U+009F, are escapes too. */
		if (u[i] == 0xc2 && i + 1 < len && u[i + 1] >= 0x80 &&
		    u[i + 1] <= 0x9f)
			return false;
	}
	return true;
}

/* How a text value is named in messages: "'name'", "item 2 of 'cues'". */
static const char *
ld_text_name(const char *key, size_t item, char *buf, size_t size)
{
	if (item == 0)
		snprintf(buf, size, "'%s'", key);
	else
		snprintf(buf, size, "item %zu of '%s'", item, key);
	return buf;
}

/*
 * A text value (item > 0: that item of a list): trailing blanks dropped,
 * one line, not empty.
 */
static char *
ld_text(struct ld *ld, const struct rule *r, const struct ynode *v,
    size_t item)
{
	const char	*s;
	char		 w[64];
	size_t		 len;

	if (!ld_want(ld, r, v, Y_SCALAR, "text"))
		return NULL;
	s = ld_str(ld, v);
	len = v->len;
	while (len > 0 && (s[len - 1] == '\n' || s[len - 1] == ' ' ||
	    s[len - 1] == '\t' || s[len - 1] == '\r'))
		len--;
	if (len == 0) {
		ld_err(ld, v, "%s must not be empty",
		    ld_text_name(r->key, item, w, sizeof w));
		return NULL;
	}
	if (!ld_printable(s, len)) {
		ld_err(ld, v, "%s must be one line of text without control "
		    "characters", ld_text_name(r->key, item, w, sizeof w));
		return NULL;
	}
	return arena_strndup(&ld->cat->arena, s, len);
}

/* "a whole number from 1 to 100", built only when it is to be shown. */
static const char *
ld_expect_number(long min, long max, bool secs, char *buf, size_t size)
{
	if (secs)
		snprintf(buf, size, "a whole number of seconds from %ld to "
		    "%ld%s", min, max, max == DAY ? " (24 hours)" : "");
	else
		snprintf(buf, size, "a whole number from %ld to %ld", min,
		    max);
	return buf;
}

/* A whole number in [min, max]. */
static bool
ld_number(struct ld *ld, const char *key, const struct ynode *v, long min,
    long max, bool secs, long *out)
{
	const char	*s, *p;
	char		 q[48], e[96];
	char		*end;
	long		 n;

	if (v->type == Y_BAD)
		return false;
	if (v->type != Y_SCALAR || (v->plain && v->len == 0)) {
		ld_err(ld, v, "'%s' must be %s, not %s", key,
		    ld_expect_number(min, max, secs, e, sizeof e), ld_what(v));
		return false;
	}
	s = ld_str(ld, v);
	p = s + (*s == '-' || *s == '+');
	if (!v->plain || *p < '0' || *p > '9' ||
	    strspn(p, "0123456789") != strlen(p) || strlen(s) != v->len) {
		ld_err(ld, v, "'%s' must be %s, got '%s'%s", key,
		    ld_expect_number(min, max, secs, e, sizeof e),
		    ld_quote(ld, v, q, sizeof q), v->plain ? "" :
		    " (quoted text)");
		return false;
	}
	errno = 0;
	n = strtol(s, &end, 10);
	if (errno != 0 || n < min || n > max) {
		ld_err(ld, v, "'%s' must be %s, got %s", key,
		    ld_expect_number(min, max, secs, e, sizeof e),
		    ld_quote(ld, v, q, sizeof q));
		return false;
	}
	*out = n;
	return true;
}

/* One word out of a list; returns its index or -1. */
static int
ld_choice(struct ld *ld, const struct rule *r, const struct ynode *v,
    const char *const *words, const char *expect)
{
	char	q[48];
	int	i;

	if (!ld_want(ld, r, v, Y_SCALAR, expect))
		return -1;
	for (i = 0; words[i] != NULL; i++)
		if (strcmp(ld_str(ld, v), words[i]) == 0 &&
		    strlen(words[i]) == v->len)
			return i;
	ld_err(ld, v, "'%s' must be %s, got '%s'", r->key, expect,
	    ld_quote(ld, v, q, sizeof q));
	return -1;
}

/* --- mappings through a key table ---------------------------------------- */

/* A key is compared with every rule's: the first byte rules most out. */
static bool
ld_key_is(const struct ld *ld, const struct ynode *k, const char *key)
{
	const char	*s = ld_str(ld, k);

	return s[0] == key[0] && strcmp(s, key) == 0 && k->len == strlen(key);
}

/*
 * The Damerau-Levenshtein distance of a and b (optimal string alignment:
 * an edit, insertion, deletion or swap of two neighbours each counts 1),
 * for words of up to CATALOG_WORD_MAX bytes; a longer one is far from any
 * key, and counts as CATALOG_WORD_MAX.
 */
int
catalog_distance(const char *a, const char *b)
{
	int	d[CATALOG_WORD_MAX + 1][CATALOG_WORD_MAX + 1];
	size_t	la = strlen(a), lb = strlen(b), i, j;
	int	c, best;

	if (la > CATALOG_WORD_MAX || lb > CATALOG_WORD_MAX)
		return CATALOG_WORD_MAX;
	for (i = 0; i <= la; i++)
		d[i][0] = (int)i;
	for (j = 0; j <= lb; j++)
		d[0][j] = (int)j;
	for (i = 1; i <= la; i++) {
		for (j = 1; j <= lb; j++) {
			c = a[i - 1] != b[j - 1];
			best = d[i - 1][j - 1] + c;
			if (d[i - 1][j] + 1 < best)
				best = d[i - 1][j] + 1;
			if (d[i][j - 1] + 1 < best)
				best = d[i][j - 1] + 1;
			if (i > 1 && j > 1 && a[i - 1] == b[j - 2] &&
			    a[i - 2] == b[j - 1] && d[i - 2][j - 2] + 1 < best)
				best = d[i - 2][j - 2] + 1;
			d[i][j] = best;
		}
	}
	return d[la][lb];
}

const char *
catalog_suggest(const char *word, const char *const *known, size_t n)
{
	const char	*hit = NULL;
	size_t		 i;
	int		 dist, best = 3;
	bool		 tie = false;

	for (i = 0; i < n; i++) {
		dist = catalog_distance(word, known[i]);
		if (dist < best) {
			best = dist;
			hit = known[i];
			tie = false;
		} else if (dist == best)
			tie = true;
	}
	/* "x" is two edits from "id", but is not a slip of it. */
	if (hit == NULL || tie || (size_t)best >= strlen(word))
		return NULL;
	return hit;
}

/* The key of `rules` nearest a misspelt key `k`, or NULL (see above). */
static const char *
ld_suggest_key(const struct ld *ld, const struct ynode *k,
    const struct rule *rules)
{
	const char	*known[32] = { NULL };
	size_t		 n;

	if (strlen(ld_str(ld, k)) != k->len)
		return NULL;
	for (n = 0; rules[n].key != NULL && n < 32; n++)
		known[n] = rules[n].key;
	return catalog_suggest(ld_str(ld, k), known, n);
}

/*
 * A key of a mapping against `rules`: the index of its rule, or -1 after
 * saying why its value is skipped. `seen` holds the line of each rule's
 * key so far (0: not yet; lines count from 1).
 */
static int
ld_map_key(struct ld *ld, const struct ynode *k, const struct rule *rules,
    const char *what, int32_t *seen)
{
	const char	*near;
	char		 q[48], expect[256];
	size_t		 i, len;

	if (k->type == Y_BAD)
		return -1;
	if (k->type != Y_SCALAR) {
		ld_err(ld, k, "a key in %s must be text, not %s", what,
		    ld_what(k));
		return -1;
	}
	for (i = 0; rules[i].key != NULL; i++)
		if (ld_key_is(ld, k, rules[i].key))
			break;
	if (rules[i].key == NULL &&
	    (near = ld_suggest_key(ld, k, rules)) != NULL) {
		ld_err(ld, k, "unknown key '%s' in %s (did you mean '%s'?)",
		    ld_quote(ld, k, q, sizeof q), what, near);
		return -1;
	}
	if (rules[i].key == NULL) {
		len = 0;
		expect[0] = '\0';
		for (i = 0; rules[i].key != NULL; i++) {
			snprintf(expect + len, sizeof expect - len, "%s%s",
			    i == 0 ? "" : ", ", rules[i].key);
			len = strlen(expect);
		}
		ld_err(ld, k, "unknown key '%s' in %s (expected %s)",
		    ld_quote(ld, k, q, sizeof q), what, expect);
		return -1;
	}
	if (seen[i] != 0) {
		ld_err(ld, k, "duplicate key '%s' in %s (first at line %d)",
		    rules[i].key, what, seen[i]);
		return -1;
	}
	seen[i] = k->line;
	return (int)i;
}

/* After a mapping's last key: the rules it lacked. */
static void
ld_map_end(struct ld *ld, const struct ynode *map, const struct rule *rules,
    const char *what, const int32_t *seen)
{
	size_t	i;

	for (i = 0; rules[i].key != NULL; i++) {
		if (rules[i].required && seen[i] == 0)
			ld_err(ld, map, "%s is missing required key '%s'",
			    what, rules[i].key);
	}
}

/*
 * Walk a mapping: each key through `rules`, each value to its handler.
 * Returns a bitmask of the rules seen (so at most 32 rules a table).
 */
static uint32_t
ld_map(struct ld *ld, const struct ynode *map, const struct rule *rules,
    const char *what, void *obj)
{
	const struct ynode	*k, *v;
	int32_t			 seen[32];
	uint32_t		 mask = 0;
	int			 i;

	memset(seen, 0, sizeof seen);
	for (k = ld_node(ld, map->first); k != NULL;
	    k = ld_node(ld, v->next)) {
		v = ld_node(ld, k->next);
		/* Cannot happen: libyaml gives keys and values in pairs. */
		if (v == NULL)
			break;
		if ((i = ld_map_key(ld, k, rules, what, seen)) == -1)
			continue;
		mask |= 1u << i;
		rules[i].fn(ld, &rules[i], v, obj);
	}
	ld_map_end(ld, map, rules, what, seen);
	return mask;
}

/* --- handlers ------------------------------------------------------------ */

#define FIELD(obj, r, type)	((type *)(void *)((char *)(obj) + (r)->off))

static const char *const ld_kinds[] = { "reps", "hold", "timed", NULL };
static const char *const ld_focuses[] = {
	"strength", "mobility", "cardio", NULL
};
static const char *const ld_sides[] = { "both", "each", NULL };

static void
h_id(struct ld *ld, const struct rule *r, const struct ynode *v, void *obj)
{
	const char	*s;
	char		 q[48];

	if (!ld_want(ld, r, v, Y_SCALAR, "an id"))
		return;
	s = ld_str(ld, v);
	if (v->len == 0 || v->len > ID_MAX || strlen(s) != v->len ||
	    strspn(s, "abcdefghijklmnopqrstuvwxyz0123456789-") != v->len) {
		ld_err(ld, v, "'%s' must be 1 to %d of a-z, 0-9 and '-', got "
		    "'%s'", r->key, ID_MAX, ld_quote(ld, v, q, sizeof q));
		return;
	}
	*FIELD(obj, r, char *) = arena_strdup(&ld->cat->arena, s);
}

static void
h_text(struct ld *ld, const struct rule *r, const struct ynode *v, void *obj)
{
	*FIELD(obj, r, char *) = ld_text(ld, r, v, 0);
}

static void
h_kind(struct ld *ld, const struct rule *r, const struct ynode *v, void *obj)
{
	int	i;

	if ((i = ld_choice(ld, r, v, ld_kinds, "reps, hold or timed")) >= 0)
		*FIELD(obj, r, enum ex_kind) = (enum ex_kind)i;
	else
		*FIELD(obj, r, enum ex_kind) = (enum ex_kind)-1;
}

static void
h_focus(struct ld *ld, const struct rule *r, const struct ynode *v, void *obj)
{
	int	i;

	i = ld_choice(ld, r, v, ld_focuses, "strength, mobility or cardio");
	if (i >= 0)
		*FIELD(obj, r, enum ex_focus) = (enum ex_focus)i;
}

static void
h_sides(struct ld *ld, const struct rule *r, const struct ynode *v, void *obj)
{
	int	i;

	if ((i = ld_choice(ld, r, v, ld_sides, "both or each")) >= 0)
		*FIELD(obj, r, enum ex_sides) = (enum ex_sides)i;
}

/* A list of text; the count follows the array in the struct. */
static void
h_textlist(struct ld *ld, const struct rule *r, const struct ynode *v,
    void *obj)
{
	const struct ynode	 *e;
	char			**list = NULL, what[64], *s;
	size_t			  n = 0, item = 0;

	if (!ld_want(ld, r, v, Y_SEQ, "a list of text"))
		return;
	for (e = ld_node(ld, v->first); e != NULL; e = ld_node(ld, e->next))
		item++;
	if (item > 0)
		list = arena_calloc(&ld->cat->arena, item, sizeof *list);
	item = 0;
	for (e = ld_node(ld, v->first); e != NULL; e = ld_node(ld, e->next)) {
		item++;
		if (e->type == Y_BAD)
			continue;
		if (e->type != Y_SCALAR || (e->plain && e->len == 0)) {
			ld_err(ld, e, "%s must be text, not %s",
			    ld_text_name(r->key, item, what, sizeof what),
			    ld_what(e));
			continue;
		}
		if ((s = ld_text(ld, r, e, item)) != NULL)
			list[n++] = s;
	}
	*FIELD(obj, r, char **) = list;
	*(size_t *)(void *)((char *)obj + r->off + sizeof(char **)) = n;
}

static void
h_int(struct ld *ld, const struct rule *r, const struct ynode *v, void *obj)
{
	long	n;

	if (ld_number(ld, r->key, v, r->min, r->max, false, &n))
		*FIELD(obj, r, int) = (int)n;
}

static void
h_secs(struct ld *ld, const struct rule *r, const struct ynode *v, void *obj)
{
	long	n;

	if (ld_number(ld, r->key, v, r->min, r->max, true, &n))
		*FIELD(obj, r, int) = (int)n;
}

static void
h_ratio(struct ld *ld, const struct rule *r, const struct ynode *v, void *obj)
{
	const char	*s;
	char		*end, q[48];
	double		 x;

	if (!ld_want(ld, r, v, Y_SCALAR, "a number from 1.0 to 3.0"))
		return;
	s = ld_str(ld, v);
	errno = 0;
	x = strtod(s, &end);
	if (!v->plain || *s == '\0' || strspn(s, "0123456789.") != v->len ||
	    *end != '\0' || errno != 0 || !(x >= 1.0 && x <= 3.0)) {
		ld_err(ld, v, "'%s' must be a number from 1.0 to 3.0, got "
		    "'%s'", r->key, ld_quote(ld, v, q, sizeof q));
		return;
	}
	*FIELD(obj, r, double) = x;
}

/* --- progression --------------------------------------------------------- */

static const struct rule ld_axis_rules[] = {
	{ "step", false, h_int, offsetof(struct ladder_axis, step), 1, DAY,
	  -1 },
	{ "max", false, h_int, offsetof(struct ladder_axis, max), 1, DAY, -1 },
	{ NULL, false, NULL, 0, 0, 0, -1 }
};

static void
h_axis(struct ld *ld, const struct rule *r, const struct ynode *v, void *obj)
{
	static const char *const names[][2] = {
		{ "reps", "the 'reps' ladder" },
		{ "sets", "the 'sets' ladder" },
		{ "hold", "the 'hold' ladder" },
		{ "work", "the 'work' ladder" },
		{ "rounds", "the 'rounds' ladder" }
	};
	struct ladder_axis	*a = FIELD(obj, r, struct ladder_axis);
	const char		*what = "a ladder";
	size_t			 i;

	if (!ld_want(ld, r, v, Y_MAP, "a mapping like {step: 2, max: 15}"))
		return;
	for (i = 0; i < sizeof names / sizeof names[0]; i++)
		if (strcmp(names[i][0], r->key) == 0)
			what = names[i][1];
	a->on = true;
	a->loc = ld_pos(v);
	ld_map(ld, v, ld_axis_rules, what, a);
}

static const struct rule ld_level_rules[] = {
	{ "max", false, h_int, offsetof(struct prog_cfg, level_max), 1, 100,
	  -1 },
	{ NULL, false, NULL, 0, 0, 0, -1 }
};

static void
h_level_axis(struct ld *ld, const struct rule *r, const struct ynode *v,
    void *obj)
{
	struct prog_cfg	*pc = obj;

	if (!ld_want(ld, r, v, Y_MAP, "a mapping like {max: 3}"))
		return;
	pc->levels = true;
	pc->level_loc = ld_pos(v);
	ld_map(ld, v, ld_level_rules, "the 'level' ladder", pc);
}

static const struct rule ld_prog_rules[] = {
	{ "reps", false, h_axis, offsetof(struct prog_cfg, reps), 0, 0, -1 },
	{ "sets", false, h_axis, offsetof(struct prog_cfg, sets), 0, 0, -1 },
	{ "hold", false, h_axis, offsetof(struct prog_cfg, hold), 0, 0, -1 },
	{ "work", false, h_axis, offsetof(struct prog_cfg, work), 0, 0, -1 },
	{ "rounds", false, h_axis, offsetof(struct prog_cfg, rounds), 0, 0,
	  -1 },
	{ "level", false, h_level_axis, 0, 0, 0, -1 },
	{ "green", false, h_int, offsetof(struct prog_cfg, green_max), 0, 10,
	  -1 },
	{ "red", false, h_int, offsetof(struct prog_cfg, red_above), 0, 10,
	  -1 },
	{ "greens", false, h_int, offsetof(struct prog_cfg, greens_needed), 1,
	  20, -1 },
	{ "reds_to_physio", false, h_int,
	  offsetof(struct prog_cfg, reds_to_physio), 1, 20, -1 },
	{ "physio_weeks", false, h_int,
	  offsetof(struct prog_cfg, physio_weeks), 1, 52, -1 },
	{ "load_cap", false, h_ratio, offsetof(struct prog_cfg, load_cap), 0,
	  0, -1 },
	{ NULL, false, NULL, 0, 0, 0, -1 }
};

static void
catalog_prog_init(struct prog_cfg *pc)
{
	memset(pc, 0, sizeof *pc);
	pc->green_max = pc->red_above = -1;
	pc->greens_needed = pc->reds_to_physio = pc->physio_weeks = -1;
	pc->load_cap = 0.0;
}

static void
h_prog(struct ld *ld, const struct rule *r, const struct ynode *v, void *obj)
{
	struct prog_cfg	*pc = FIELD(obj, r, struct prog_cfg);

	if (!ld_want(ld, r, v, Y_MAP, "a mapping"))
		return;
	ld_map(ld, v, ld_prog_rules, "'progression'", pc);
	if (pc->green_max >= 0 && pc->red_above >= 0 &&
	    pc->green_max > pc->red_above)
		ld_err(ld, v, "'green' (%d) must not be above 'red' (%d)",
		    pc->green_max, pc->red_above);
}

/* --- steps --------------------------------------------------------------- */

static void
h_tempo(struct ld *ld, const struct rule *r, const struct ynode *v, void *obj)
{
	struct step		*st = obj;
	const struct ynode	*e;
	long			 n;
	int			 t[3], i = 0, sum = 0;
	bool			 good = true;
	const char		*expect = "a list of 3 whole numbers of "
				    "seconds (down, pause, up), like [2, 1, 2]";

	if (!ld_want(ld, r, v, Y_SEQ, expect))
		return;
	for (e = ld_node(ld, v->first); e != NULL; e = ld_node(ld, e->next)) {
		if (i == 3)
			break;
		if (ld_number(ld, "tempo", e, 0, 60, true, &n))
			sum += t[i] = (int)n;
		else
			good = false;
		i++;
	}
	if (i != 3 || e != NULL) {
		ld_err(ld, v, "'tempo' must be %s", expect);
		return;
	}
	if (good && sum == 0) {
		ld_err(ld, v, "'tempo' must not be all zero");
		return;
	}
	if (good) {
		memcpy(st->tempo, t, sizeof t);
		st->has_tempo = true;
	}
}

/* Step rules: the bit is the step_key, used for `given` and `keyloc`. */
static const struct rule ld_step_rules[] = {
	{ "exercise", true, h_text, offsetof(struct step, exercise_id), 0, 0,
	  STEP_EXERCISE },
	{ "sets", false, h_int, offsetof(struct step, base.sets), 1, 100,
	  STEP_SETS },
	{ "reps", false, h_int, offsetof(struct step, base.reps), 1, 1000,
	  STEP_REPS },
	{ "hold", false, h_secs, offsetof(struct step, base.hold), 1, DAY,
	  STEP_HOLD },
	{ "relax", false, h_secs, offsetof(struct step, base.relax), 0, DAY,
	  STEP_RELAX },
	{ "work", false, h_secs, offsetof(struct step, base.work), 1, DAY,
	  STEP_WORK },
	{ "easy", false, h_secs, offsetof(struct step, base.easy), 0, DAY,
	  STEP_EASY },
	{ "rounds", false, h_int, offsetof(struct step, base.rounds), 1, 1000,
	  STEP_ROUNDS },
	{ "rest", false, h_secs, offsetof(struct step, base.rest), 0, DAY,
	  STEP_REST },
	{ "level", false, h_int, offsetof(struct step, base.level), 1, 100,
	  STEP_LEVEL },
	{ "tempo", false, h_tempo, 0, 0, 0, STEP_TEMPO },
	{ "progression", false, h_prog, offsetof(struct step, prog), 0, 0,
	  STEP_PROGRESSION },
	{ NULL, false, NULL, 0, 0, 0, -1 }
};

/* A ladder's max below the starting dose can never be right. */
static void
ld_check_max(struct ld *ld, const struct ladder_axis *a, const char *key,
    int base)
{
	if (a->on && a->max != 0 && base != 0 && a->max < base)
		ld_err_at(ld, ld_at(ld, a->loc), "the '%s' ladder's max (%d) "
		    "is below the starting %s (%d)", key, a->max, key, base);
}

static void
ld_step(struct ld *ld, const struct ynode *v, struct step *st)
{
	const struct ynode	*k, *val;
	uint32_t		 mask;
	size_t			 i;

	memset(st, 0, sizeof *st);
	catalog_prog_init(&st->prog);
	st->loc = ld_loc(ld, v);
	mask = ld_map(ld, v, ld_step_rules, "a step", st);
	st->given = 0;
	for (i = 0; ld_step_rules[i].key != NULL; i++)
		if (mask & (1u << i))
			st->given |= 1u << ld_step_rules[i].bit;
	/* Where each key's value is, for catalog_link's messages. */
	for (k = ld_node(ld, v->first); k != NULL; k = ld_node(ld, val->next)) {
		if ((val = ld_node(ld, k->next)) == NULL)
			break;
		if (k->type != Y_SCALAR)
			continue;
		for (i = 0; ld_step_rules[i].key != NULL; i++)
			if (ld_key_is(ld, k, ld_step_rules[i].key) &&
			    st->keyloc[ld_step_rules[i].bit].line == 0)
				st->keyloc[ld_step_rules[i].bit] = ld_pos(k);
	}
	ld_check_max(ld, &st->prog.reps, "reps", st->base.reps);
	ld_check_max(ld, &st->prog.sets, "sets", st->base.sets);
	ld_check_max(ld, &st->prog.hold, "hold", st->base.hold);
	ld_check_max(ld, &st->prog.work, "work", st->base.work);
	ld_check_max(ld, &st->prog.rounds, "rounds", st->base.rounds);
	if (st->prog.levels && st->prog.level_max != 0 &&
	    st->base.level > st->prog.level_max)
		ld_err_at(ld, ld_at(ld, st->prog.level_loc), "the 'level' "
		    "ladder's max (%d) is below the starting level (%d)",
		    st->prog.level_max, st->base.level);
}

static void
h_steps(struct ld *ld, const struct rule *r, const struct ynode *v, void *obj)
{
	struct routine		*rt = obj;
	const struct ynode	*e;
	size_t			 n = 0;

	if (!ld_want(ld, r, v, Y_SEQ, "a list of steps"))
		return;
	for (e = ld_node(ld, v->first); e != NULL; e = ld_node(ld, e->next))
		n++;
	if (n == 0) {
		ld_err(ld, v, "'steps' must hold at least one step");
		return;
	}
	rt->steps = arena_calloc(&ld->cat->arena, n, sizeof *rt->steps);
	for (e = ld_node(ld, v->first); e != NULL; e = ld_node(ld, e->next)) {
		if (e->type == Y_BAD)
			continue;
		if (e->type != Y_MAP) {
			ld_err(ld, e, "a step must be a mapping like "
			    "{exercise: ID, sets: 3, reps: 10}, not %s",
			    ld_what(e));
			continue;
		}
		ld_step(ld, e, &rt->steps[rt->nsteps++]);
	}
}

/* --- exercises and routines ---------------------------------------------- */

static const struct rule ld_ex_rules[] = {
	{ "id", true, h_id, offsetof(struct exercise, id), 0, 0, -1 },
	{ "name", true, h_text, offsetof(struct exercise, name), 0, 0, -1 },
	{ "kind", true, h_kind, offsetof(struct exercise, kind), 0, 0, -1 },
	{ "focus", false, h_focus, offsetof(struct exercise, focus), 0, 0, -1 },
	{ "sides", false, h_sides, offsetof(struct exercise, sides), 0, 0, -1 },
	{ "cues", false, h_textlist, offsetof(struct exercise, cues), 0, 0,
	  -1 },
	{ "levels", false, h_textlist, offsetof(struct exercise, levels), 0, 0,
	  -1 },
	{ NULL, false, NULL, 0, 0, 0, -1 }
};

static const struct rule ld_rt_rules[] = {
	{ "id", true, h_id, offsetof(struct routine, id), 0, 0, -1 },
	{ "name", true, h_text, offsetof(struct routine, name), 0, 0, -1 },
	{ "per_week", false, h_int, offsetof(struct routine, per_week), 1, 14,
	  -1 },
	{ "steps", true, h_steps, 0, 0, 0, -1 },
	{ "progression", false, h_prog, offsetof(struct routine, prog), 0, 0,
	  -1 },
	{ NULL, false, NULL, 0, 0, 0, -1 }
};

/* One item of 'exercises'. */
static void
ld_exercise(struct ld *ld, const struct ynode *e, struct catalog *cat)
{
	struct exercise	*ex;
	size_t		 before;

	if (e->type == Y_BAD)
		return;
	if (e->type != Y_MAP) {
		ld_err(ld, e, "an exercise must be a mapping with id, name and "
		    "kind, not %s", ld_what(e));
		return;
	}
	cat->ex = catalog_grow(cat->ex, cat->nex, sizeof *cat->ex);
	ex = &cat->ex[cat->nex];
	memset(ex, 0, sizeof *ex);
	ex->kind = (enum ex_kind)-1;
	ex->loc = ld_loc(ld, e);
	before = ld->nerr;
	ld_map(ld, e, ld_ex_rules, "an exercise", ex);
	/*
	 * An alias for its kind was the parse's problem, not loading's, and
	 * leaves no kind: catalog_link() must not check steps against it.
	 */
	ex->broken = ld->nerr != before || (unsigned)ex->kind > KIND_TIMED;
	/* Without an id nothing could refer to it: drop it. */
	if (ex->id != NULL)
		cat->nex++;
}

/* One item of 'routines'. */
static void
ld_routine(struct ld *ld, const struct ynode *e, struct catalog *cat)
{
	struct routine	*rt;

	if (e->type == Y_BAD)
		return;
	if (e->type != Y_MAP) {
		ld_err(ld, e, "a routine must be a mapping with id, name and "
		    "steps, not %s", ld_what(e));
		return;
	}
	cat->rt = catalog_grow(cat->rt, cat->nrt, sizeof *cat->rt);
	rt = &cat->rt[cat->nrt];
	memset(rt, 0, sizeof *rt);
	catalog_prog_init(&rt->prog);
	rt->per_week = 3;
	rt->loc = ld_loc(ld, e);
	/* Kept without an id too: its steps are still checked. */
	ld_map(ld, e, ld_rt_rules, "a routine", rt);
	cat->nrt++;
}

static void
h_exercises(struct ld *ld, const struct rule *r, const struct ynode *v,
    void *obj)
{
	const struct ynode	*e;

	if (!ld_want(ld, r, v, Y_SEQ, "a list of exercises"))
		return;
	for (e = ld_node(ld, v->first); e != NULL; e = ld_node(ld, e->next))
		ld_exercise(ld, e, obj);
}

static void
h_routines(struct ld *ld, const struct rule *r, const struct ynode *v,
    void *obj)
{
	const struct ynode	*e;

	if (!ld_want(ld, r, v, Y_SEQ, "a list of routines"))
		return;
	for (e = ld_node(ld, v->first); e != NULL; e = ld_node(ld, e->next))
		ld_routine(ld, e, obj);
}

static const struct rule ld_top_rules[] = {
	{ "exercises", false, h_exercises, 0, 0, 0, -1 },
	{ "routines", false, h_routines, 0, 0, 0, -1 },
	{ NULL, false, NULL, 0, 0, 0, -1 }
};

/* What loads one item of a top-level list, by rule (see struct ld_top). */
static void (*const ld_top_items[])(struct ld *, const struct ynode *,
    struct catalog *) = { ld_exercise, ld_routine, NULL };

/* A node of the root mapping's level begins: where its text will start. */
static void
ld_top_begin(struct ld *ld, struct ld_top *t, int depth)
{
	if (!t->on)
		return;
	if (depth == 1 && t->key == 0)
		t->keystr = ld->nstr;
	else if (depth == 2 && t->list != 0)
		t->itemstr = ld->nstr;
}

/* Node i, a list or mapping at `depth`, is open. */
static void
ld_top_open(struct ld *ld, struct ld_top *t, uint32_t i, int depth)
{
	const struct ynode	*n = ld_node(ld, i);

	if (depth == 0 && n->type == Y_MAP && i == 1)
		t->on = true;
	else if (t->on && depth == 1 && t->key != 0 && t->rule >= 0 &&
	    n->type == Y_SEQ && ld_top_items[t->rule] != NULL)
		t->list = i;
}

/*
 * Node i at `depth` is complete: load what it completes and cut it from
 * the tree. Nodes are added in document order, so everything after a
 * complete node is its own.
 */
static void
ld_top_done(struct ld *ld, struct ld_top *t, uint32_t i, int depth,
    uint32_t *last)
{
	const struct ynode	*n = ld_node(ld, i);
	const struct rule	*r;

	if (!t->on)
		return;
	if (depth == 0) {
		ld_map_end(ld, n, ld_top_rules, "the file", t->seen);
		return;
	}
	if (depth == 2 && t->list != 0) {
		ld_top_items[t->rule](ld, n, ld->cat);
		ld->nnode = i - 1;
		ld->nstr = t->itemstr;
		ld->node[t->list - 1].first = 0;
		last[1] = 0;
		return;
	}
	if (depth != 1)
		return;
	if (t->key == 0) {
		t->key = i;
		t->rule = ld_map_key(ld, n, ld_top_rules, "the file", t->seen);
		return;
	}
	/* A list loaded item by item needs nothing more. */
	if (t->rule >= 0 && t->list == 0) {
		r = &ld_top_rules[t->rule];
		r->fn(ld, r, n, ld->cat);
	}
	ld->nnode = t->key - 1;
	ld->nstr = t->keystr;
	ld->node[0].first = 0;
	last[0] = 0;
	t->key = 0;
	t->list = 0;
}

/* --- loading ------------------------------------------------------------- */

void
catalog_init(struct catalog *cat)
{
	memset(cat, 0, sizeof *cat);
}

void
catalog_free(struct catalog *cat)
{
	free(cat->ex);
	free(cat->rt);
	free(cat->bad);
	xfree_list(cat->files, cat->nfiles);
	arena_free(&cat->arena);
	catalog_init(cat);
}

/* Keep a copy of the file name that every diag_loc can point to. */
static const char *
catalog_add_file(struct catalog *cat, const char *path)
{
	cat->files = catalog_grow(cat->files, cat->nfiles,
	    sizeof *cat->files);
	cat->bad = catalog_grow(cat->bad, cat->nfiles, sizeof *cat->bad);
	cat->bad[cat->nfiles] = false;
	cat->files[cat->nfiles] = xstrdup(path);
	return cat->files[cat->nfiles++];
}

/* Move a file's problems to `d`: as many as it keeps, the rest counted. */
static void
ld_flush(struct diags *d, struct diags *from)
{
	size_t	i;

	for (i = 0; i < from->n; i++)
		diags_add(d, from->v[i].loc, "%s", from->v[i].msg);
	d->dropped += from->dropped;
	diags_free(from);
}

/* Parse and load one file, in the scratch's buffers. */
static size_t
ld_load(struct catalog *cat, const char *path, struct ld_input *in,
    struct diags *d, struct ld_scratch *sc)
{
	struct ld		 ld;
	struct diag_loc		 loc = { path, 0, 0 };
	const struct ynode	*rn;
	size_t			 nex = cat->nex, nrt = cat->nrt;
	long			 root;

	memset(&ld, 0, sizeof ld);
	ld.cat = cat;
	ld.d = d;
	/* Each keeps as many problems as `d` can: they go there next. */
	diags_init(&ld.early);
	diags_init(&ld.later);
	ld.early.max = ld.later.max = d->max;
	ld.file = catalog_add_file(cat, path);
	if (in->fd == -1 && in->len > CATALOG_MAX_FILE) {
		cat->bad[cat->nfiles - 1] = true;
		diags_add(d, loc, "larger than %d bytes: not an exercise "
		    "library", CATALOG_MAX_FILE);
		return 1;
	}
	ld.node = sc->node;
	ld.capnode = sc->capnode;
	ld.str = sc->str;
	ld.capstr = sc->capstr;
	root = ld_parse(&ld, in);
	if (root > 0) {
		/* A mapping was loaded as it was parsed. */
		rn = ld_node(&ld, (uint32_t)root);
		if (rn->type != Y_MAP && rn->type != Y_BAD &&
		    !(rn->type == Y_SCALAR && rn->plain && rn->len == 0))
			ld_err(&ld, rn, "the file must be a mapping with "
			    "'exercises' and/or 'routines', not %s",
			    ld_what(rn));
	}
	sc->node = ld.node;
	sc->capnode = ld.capnode;
	sc->str = ld.str;
	sc->capstr = ld.capstr;
	if (root == -1 || in->err != 0 || in->grew) {
		/* A file that does not parse loads nothing. */
		cat->nex = nex;
		cat->nrt = nrt;
		diags_free(&ld.later);
		ld.nerr = ld.nparse;
	}
	if (in->err != 0 || in->grew) {
		/* Nor one that cannot be read: as if it had not been. */
		diags_free(&ld.early);
		free(cat->files[--cat->nfiles]);
		if (in->err != 0)
			diags_add(d, loc, "%s", strerror(in->err));
		else
			diags_add(d, loc, "changed while being read");
		return 1;
	}
	cat->bad[cat->nfiles - 1] = ld.nerr > 0;
	ld_flush(d, &ld.early);
	ld_flush(d, &ld.later);
	return ld.nerr;
}

static void
ld_scratch_free(struct ld_scratch *sc)
{
	free(sc->node);
	free(sc->str);
	memset(sc, 0, sizeof *sc);
}

size_t
catalog_load_buffer(struct catalog *cat, const char *path, const char *buf,
    size_t len, struct diags *d)
{
	struct ld_scratch	sc;
	struct ld_input		in;
	size_t			n;

	memset(&sc, 0, sizeof sc);
	memset(&in, 0, sizeof in);
	in.buf = buf;
	in.len = len;
	in.fd = -1;
	n = ld_load(cat, path, &in, d, &sc);
	ld_scratch_free(&sc);
	return n;
}

static size_t
catalog_load_file(struct catalog *cat, const char *path, struct diags *d,
    struct ld_scratch *sc)
{
	struct diag_loc	 loc = { path, 0, 0 };
	struct ld_input	 in;
	struct stat	 sb;
	size_t		 n;
	int		 fd;

	if ((fd = paths_open_file(path, O_RDONLY, 0, &sb)) < 0) {
		diags_add(d, loc, "%s", paths_open_error(fd));
		return 1;
	}
	if (sb.st_size > CATALOG_MAX_FILE) {
		diags_add(d, loc, "larger than %d bytes: not an exercise "
		    "library", CATALOG_MAX_FILE);
		close(fd);
		return 1;
	}
	memset(&in, 0, sizeof in);
	in.fd = fd;
	in.size = (size_t)sb.st_size;
	n = ld_load(cat, path, &in, d, sc);
	close(fd);
	return n;
}

static int
catalog_yaml_name(const struct dirent *de)
{
	size_t	len = strlen(de->d_name);

	return de->d_name[0] != '.' && len > 5 &&
	    strcmp(de->d_name + len - 5, ".yaml") == 0;
}

long
catalog_dir_files(const char *dir, char ***files, struct diags *d)
{
	struct diag_loc	  loc = { dir, 0, 0 };
	struct dirent	**names;
	struct stat	  sb;
	char		 *file;
	int		  n, i;
	long		  k = 0;

	*files = NULL;
	if ((n = scandir(dir, &names, catalog_yaml_name, alphasort)) == -1) {
		diags_add(d, loc, "%s", strerror(errno));
		return -1;
	}
	*files = xcalloc((size_t)n + 1, sizeof **files);
	for (i = 0; i < n; i++) {
		xasprintf(&file, "%s/%s", dir, names[i]->d_name);
		free(names[i]);
		/* A folder named x.yaml is not a library file. */
		if (stat(file, &sb) == 0 && S_ISDIR(sb.st_mode))
			free(file);
		else
			(*files)[k++] = file;
	}
	free(names);
	return k;
}

size_t
catalog_load_path(struct catalog *cat, const char *path, struct diags *d)
{
	struct diag_loc	  loc = { path, 0, 0 };
	struct ld_scratch sc;
	struct stat	  sb;
	char		**files;
	size_t		  errs = 0;
	long		  n, i;

	if (stat(path, &sb) == -1) {
		diags_add(d, loc, "%s", strerror(errno));
		return 1;
	}
	memset(&sc, 0, sizeof sc);
	if (!S_ISDIR(sb.st_mode)) {
		errs = catalog_load_file(cat, path, d, &sc);
		ld_scratch_free(&sc);
		return errs;
	}
	if ((n = catalog_dir_files(path, &files, d)) == -1)
		return 1;
	for (i = 0; i < n; i++) {
		errs += catalog_load_file(cat, files[i], d, &sc);
		free(files[i]);
	}
	free(files);
	ld_scratch_free(&sc);
	return errs;
}

/* --- linking ------------------------------------------------------------- */

static int
catalog_cmp_ex(const void *a, const void *b)
{
	const struct exercise	*x = *(const struct exercise *const *)a;
	const struct exercise	*y = *(const struct exercise *const *)b;
	int			 c;

	if ((c = strcmp(x->id, y->id)) != 0)
		return c;
	return x < y ? -1 : x > y;
}

static int
catalog_cmp_rt(const void *a, const void *b)
{
	const struct routine	*x = *(const struct routine *const *)a;
	const struct routine	*y = *(const struct routine *const *)b;
	int			 c;

	if ((c = strcmp(x->id, y->id)) != 0)
		return c;
	return x < y ? -1 : x > y;
}

static int
catalog_cmp_key(const void *key, const void *elem)
{
	return strcmp(key, (*(const struct exercise *const *)elem)->id);
}

static size_t
catalog_link_err(struct diags *d, struct diag_loc loc, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static size_t
catalog_link_err(struct diags *d, struct diag_loc loc, const char *fmt, ...)
{
	va_list	ap;

	va_start(ap, fmt);
	diags_vadd(d, loc, fmt, ap);
	va_end(ap);
	return 1;
}

/* A place in a step's file. */
static struct diag_loc
catalog_at(const struct step *st, struct catalog_pos p)
{
	struct diag_loc	l = { st->loc.file, p.line, p.col };

	return l;
}

/* The keys a step may hold, and must hold, per kind. */
#define B(k)	(1u << (k))
static const unsigned catalog_allowed[] = {
	[KIND_REPS] = B(STEP_EXERCISE) | B(STEP_SETS) | B(STEP_REPS) |
	    B(STEP_REST) | B(STEP_LEVEL) | B(STEP_TEMPO) | B(STEP_PROGRESSION),
	[KIND_HOLD] = B(STEP_EXERCISE) | B(STEP_SETS) | B(STEP_REPS) |
	    B(STEP_HOLD) | B(STEP_RELAX) | B(STEP_REST) | B(STEP_LEVEL) |
	    B(STEP_PROGRESSION),
	[KIND_TIMED] = B(STEP_EXERCISE) | B(STEP_SETS) | B(STEP_WORK) |
	    B(STEP_EASY) | B(STEP_ROUNDS) | B(STEP_REST) | B(STEP_LEVEL) |
	    B(STEP_PROGRESSION),
};
static const unsigned catalog_required[] = {
	[KIND_REPS] = B(STEP_SETS) | B(STEP_REPS),
	[KIND_HOLD] = B(STEP_SETS) | B(STEP_HOLD),
	[KIND_TIMED] = B(STEP_WORK),
};
/* The ladder axes that fit each kind, as step_key bits. */
static const unsigned catalog_axes[] = {
	[KIND_REPS] = B(STEP_SETS) | B(STEP_REPS),
	[KIND_HOLD] = B(STEP_SETS) | B(STEP_REPS) | B(STEP_HOLD),
	[KIND_TIMED] = B(STEP_SETS) | B(STEP_WORK) | B(STEP_ROUNDS),
};

static const char *const catalog_key_names[STEP_KEY_COUNT] = {
	"exercise", "sets", "reps", "hold", "relax", "work", "easy",
	"rounds", "rest", "level", "tempo", "progression"
};

const char *
catalog_step_key_name(enum step_key k)
{
	if ((unsigned)k >= STEP_KEY_COUNT)
		return "?";
	return catalog_key_names[k];
}

/* "sets, reps, rest, level": what a kind's step may hold. */
static void
catalog_allowed_str(enum ex_kind kind, char *buf, size_t len)
{
	size_t	used = 0;
	int	k;

	buf[0] = '\0';
	for (k = STEP_SETS; k < STEP_PROGRESSION; k++) {
		if (!(catalog_allowed[kind] & B(k)))
			continue;
		snprintf(buf + used, len - used, "%s%s", used == 0 ? "" : ", ",
		    catalog_key_names[k]);
		used = strlen(buf);
	}
}

static size_t
catalog_link_axes(const struct step *st, const struct exercise *ex,
    struct diags *d)
{
	const struct ladder_axis	*ax[] = {
		&st->prog.sets, &st->prog.reps, &st->prog.hold,
		&st->prog.work, &st->prog.rounds
	};
	const int			 key[] = {
		STEP_SETS, STEP_REPS, STEP_HOLD, STEP_WORK, STEP_ROUNDS
	};
	size_t				 i, errs = 0;

	for (i = 0; i < sizeof ax / sizeof ax[0]; i++) {
		if (ax[i]->on && !(catalog_axes[ex->kind] & B(key[i])))
			errs += catalog_link_err(d, catalog_at(st, ax[i]->loc),
			    "the '%s' ladder does not fit '%s' (kind %s)",
			    catalog_key_names[key[i]], ex->id,
			    catalog_kind_name(ex->kind));
	}
	if (st->prog.levels && ex->nlevels == 0)
		errs += catalog_link_err(d, catalog_at(st, st->prog.level_loc),
		    "the 'level' ladder does not fit '%s', which has no "
		    "levels", ex->id);
	else if (st->prog.levels && (size_t)st->prog.level_max > ex->nlevels)
		errs += catalog_link_err(d, catalog_at(st, st->prog.level_loc),
		    "the 'level' ladder's max (%d) is above the %zu levels of "
		    "'%s'", st->prog.level_max, ex->nlevels, ex->id);
	return errs;
}

/* Does the step's dose fit its exercise's kind? Fill in the defaults. */
static size_t
catalog_link_step(struct step *st, const struct exercise *ex,
    struct diags *d)
{
	unsigned	extra, missing;
	size_t		errs = 0;
	char		allowed[128];
	int		k;

	extra = st->given & ~catalog_allowed[ex->kind];
	missing = catalog_required[ex->kind] & ~st->given;
	/* Only a step with a problem needs the list, and they are few. */
	if (extra != 0)
		catalog_allowed_str(ex->kind, allowed, sizeof allowed);
	for (k = 0; k < STEP_KEY_COUNT; k++) {
		if (extra & B(k))
			errs += catalog_link_err(d, catalog_at(st,
			    st->keyloc[k]), "'%s' does not fit '%s' (kind %s: "
			    "use %s)", catalog_key_names[k], ex->id,
			    catalog_kind_name(ex->kind), allowed);
		if (missing & B(k))
			errs += catalog_link_err(d, st->loc, "a step of '%s' "
			    "(kind %s) is missing required key '%s'", ex->id,
			    catalog_kind_name(ex->kind), catalog_key_names[k]);
	}
	if (ex->kind == KIND_HOLD && (st->given & B(STEP_RELAX)) &&
	    !(st->given & B(STEP_REPS)))
		errs += catalog_link_err(d, catalog_at(st,
		    st->keyloc[STEP_RELAX]), "'relax' needs 'reps', the number "
		    "of holds in a set");
	if ((st->given & B(STEP_LEVEL)) && ex->nlevels == 0)
		errs += catalog_link_err(d, catalog_at(st,
		    st->keyloc[STEP_LEVEL]), "'level' does not fit '%s', which "
		    "has no levels", ex->id);
	else if ((st->given & B(STEP_LEVEL)) &&
	    (size_t)st->base.level > ex->nlevels)
		errs += catalog_link_err(d, catalog_at(st,
		    st->keyloc[STEP_LEVEL]), "'level' must be from 1 to %zu "
		    "(the levels of '%s'), got %d", ex->nlevels, ex->id,
		    st->base.level);
	errs += catalog_link_axes(st, ex, d);

	if (!(st->given & B(STEP_SETS)))
		st->base.sets = 1;
	if (!(st->given & B(STEP_REST)))
		st->base.rest = 60;
	if (ex->kind == KIND_TIMED && !(st->given & B(STEP_ROUNDS)))
		st->base.rounds = 1;
	if (ex->kind == KIND_HOLD && st->base.reps > 1 &&
	    !(st->given & B(STEP_RELAX)))
		st->base.relax = 5;
	if (ex->nlevels > 0 && !(st->given & B(STEP_LEVEL)))
		st->base.level = 1;
	return errs;
}

static void
catalog_loc_str(struct diag_loc l, char *buf, size_t len)
{
	snprintf(buf, len, "%s:%d:%d", l.file != NULL ? l.file : "?", l.line,
	    l.col);
}

/* A file has problems found when linking. */
static void
catalog_mark_bad(struct catalog *cat, const char *file)
{
	size_t	i;

	for (i = 0; file != NULL && i < cat->nfiles; i++)
		if (cat->files[i] == file || strcmp(cat->files[i], file) == 0)
			cat->bad[i] = true;
}

bool
catalog_file_bad(const struct catalog *cat, const char *file)
{
	size_t	i;

	for (i = 0; file != NULL && i < cat->nfiles; i++)
		if (cat->files[i] == file || strcmp(cat->files[i], file) == 0)
			return cat->bad[i];
	return false;
}

size_t
catalog_link(struct catalog *cat, struct diags *d)
{
	struct exercise	**ex, **hit;
	struct routine	**rt;
	struct step	 *st;
	char		  where[PATH_MAX + 32];
	size_t		  i, j, errs = 0, before;

	ex = xcalloc(cat->nex + 1, sizeof *ex);
	for (i = 0; i < cat->nex; i++)
		ex[i] = &cat->ex[i];
	qsort(ex, cat->nex, sizeof *ex, catalog_cmp_ex);
	for (i = 1; i < cat->nex; i++) {
		if (strcmp(ex[i]->id, ex[i - 1]->id) != 0)
			continue;
		for (j = i - 1; j > 0 && strcmp(ex[j - 1]->id, ex[i]->id) == 0;)
			j--;
		catalog_loc_str(ex[j]->loc, where, sizeof where);
		errs += catalog_link_err(d, ex[i]->loc, "duplicate exercise "
		    "id '%s' (first defined at %s)", ex[i]->id, where);
		catalog_mark_bad(cat, ex[i]->loc.file);
	}

	rt = xcalloc(cat->nrt + 1, sizeof *rt);
	for (i = j = 0; i < cat->nrt; i++)
		if (cat->rt[i].id != NULL)
			rt[j++] = &cat->rt[i];
	qsort(rt, j, sizeof *rt, catalog_cmp_rt);
	for (i = 1; i < j; i++) {
		size_t	f = i - 1;

		if (strcmp(rt[i]->id, rt[i - 1]->id) != 0)
			continue;
		while (f > 0 && strcmp(rt[f - 1]->id, rt[i]->id) == 0)
			f--;
		catalog_loc_str(rt[f]->loc, where, sizeof where);
		errs += catalog_link_err(d, rt[i]->loc, "duplicate routine "
		    "id '%s' (first defined at %s)", rt[i]->id, where);
		catalog_mark_bad(cat, rt[i]->loc.file);
	}
	free(rt);

	for (i = 0; i < cat->nrt; i++) {
		before = errs;
		for (j = 0; j < cat->rt[i].nsteps; j++) {
			st = &cat->rt[i].steps[j];
			st->ex = NULL;
			if (st->exercise_id == NULL)
				continue;
			hit = bsearch(st->exercise_id, ex, cat->nex,
			    sizeof *ex, catalog_cmp_key);
			if (hit == NULL) {
				errs += catalog_link_err(d, catalog_at(st,
				    st->keyloc[STEP_EXERCISE]), "unknown "
				    "exercise '%s' (see 'rehabit list')",
				    st->exercise_id);
				continue;
			}
			/* The first of duplicates, as reported above. */
			while (hit > ex && strcmp(hit[-1]->id,
			    st->exercise_id) == 0)
				hit--;
			st->ex = *hit;
			if (!(*hit)->broken)
				errs += catalog_link_step(st, *hit, d);
		}
		if (errs != before)
			catalog_mark_bad(cat, cat->rt[i].loc.file);
	}
	free(ex);
	return errs;
}

/* The file with problems `rt` depends on, and through which exercise. */
static const char *
catalog_blocker(const struct catalog *cat, const struct routine *rt,
    const char **exid)
{
	const struct exercise	*ex;
	size_t			 i;

	*exid = NULL;
	if (catalog_file_bad(cat, rt->loc.file))
		return rt->loc.file;
	for (i = 0; i < rt->nsteps; i++) {
		if ((ex = rt->steps[i].ex) == NULL)
			return rt->loc.file;
		if (catalog_file_bad(cat, ex->loc.file)) {
			*exid = ex->id;
			return ex->loc.file;
		}
	}
	return NULL;
}

size_t
catalog_isolate(struct catalog *cat)
{
	struct routine	*rt;
	size_t		 i, n = 0, nbad = 0;

	for (i = 0; i < cat->nfiles; i++)
		nbad += cat->bad[i];
	if (nbad == 0)
		return 0;
	for (i = 0; i < cat->nex; i++)
		cat->ex[i].isolated = catalog_file_bad(cat, cat->ex[i].loc.file);
	for (i = 0; i < cat->nrt; i++) {
		rt = &cat->rt[i];
		rt->blocked = catalog_blocker(cat, rt, &rt->blocked_ex);
		/* Its own file has problems: its id or name may be missing. */
		if (rt->blocked != NULL && rt->blocked_ex == NULL)
			continue;
		cat->rt[n++] = *rt;
	}
	cat->nrt = n;
	return nbad;
}

/* The place of a file in the load order; files not loaded come after. */
static size_t
catalog_file_rank(const struct catalog *cat, const char *file)
{
	size_t	i;

	for (i = 0; file != NULL && i < cat->nfiles; i++)
		if (strcmp(cat->files[i], file) == 0)
			return i;
	return cat->nfiles;
}

struct catalog_sortkey {
	size_t		 rank, index;
	const struct diag *g;
};

static int
catalog_cmp_diag(const void *a, const void *b)
{
	const struct catalog_sortkey	*x = a, *y = b;

	if (x->rank != y->rank)
		return x->rank < y->rank ? -1 : 1;
	if (x->g->loc.line != y->g->loc.line)
		return x->g->loc.line < y->g->loc.line ? -1 : 1;
	if (x->g->loc.col != y->g->loc.col)
		return x->g->loc.col < y->g->loc.col ? -1 : 1;
	return x->index < y->index ? -1 : x->index > y->index;
}

void
catalog_sort_diags(const struct catalog *cat, struct diags *d)
{
	struct catalog_sortkey	*k;
	struct diag		*v;
	size_t			 i;

	if (d->n < 2)
		return;
	k = xcalloc(d->n, sizeof *k);
	for (i = 0; i < d->n; i++) {
		k[i].g = &d->v[i];
		k[i].index = i;
		k[i].rank = catalog_file_rank(cat, d->v[i].file);
	}
	qsort(k, d->n, sizeof *k, catalog_cmp_diag);
	v = xcalloc(d->n, sizeof *v);
	for (i = 0; i < d->n; i++)
		v[i] = *k[i].g;
	memcpy(d->v, v, d->n * sizeof *v);
	free(v);
	free(k);
}

/* A copy of a list of strings, in the arena. */
static char **
catalog_copy_list(struct arena *a, char *const *v, size_t n)
{
	char	**list;
	size_t	  i;

	if (n == 0)
		return NULL;
	list = arena_calloc(a, n, sizeof *list);
	for (i = 0; i < n; i++)
		list[i] = arena_strdup(a, v[i]);
	return list;
}

void
catalog_borrow(struct catalog *cat, struct catalog *from)
{
	const struct exercise	*src;
	struct exercise		*ex;
	size_t			 i;

	for (i = 0; i < from->nex; i++) {
		src = &from->ex[i];
		if (src->id == NULL || catalog_exercise(cat, src->id) != NULL)
			continue;
		cat->ex = catalog_grow(cat->ex, cat->nex, sizeof *cat->ex);
		ex = &cat->ex[cat->nex++];
		*ex = *src;
		ex->id = arena_strdup(&cat->arena, src->id);
		if (src->name != NULL)
			ex->name = arena_strdup(&cat->arena, src->name);
		ex->cues = catalog_copy_list(&cat->arena, src->cues,
		    src->ncues);
		ex->levels = catalog_copy_list(&cat->arena, src->levels,
		    src->nlevels);
	}
	/* The copies' locations point into these names. */
	for (i = 0; i < from->nfiles; i++) {
		cat->files = catalog_grow(cat->files, cat->nfiles,
		    sizeof *cat->files);
		cat->bad = catalog_grow(cat->bad, cat->nfiles,
		    sizeof *cat->bad);
		cat->bad[cat->nfiles] = from->bad[i];
		cat->files[cat->nfiles++] = from->files[i];
	}
	from->nfiles = 0;
}

/* --- queries ------------------------------------------------------------- */

const struct exercise *
catalog_exercise(const struct catalog *cat, const char *id)
{
	size_t	i;

	for (i = 0; i < cat->nex; i++)
		if (cat->ex[i].id != NULL && !cat->ex[i].isolated &&
		    strcmp(cat->ex[i].id, id) == 0)
			return &cat->ex[i];
	return NULL;
}

const struct routine *
catalog_routine(const struct catalog *cat, const char *id)
{
	size_t	i;

	for (i = 0; i < cat->nrt; i++)
		if (cat->rt[i].id != NULL && strcmp(cat->rt[i].id, id) == 0)
			return &cat->rt[i];
	return NULL;
}

const char *
catalog_kind_name(enum ex_kind k)
{
	if ((unsigned)k > KIND_TIMED)
		return "unknown";
	return ld_kinds[k];
}

const char *
catalog_focus_name(enum ex_focus f)
{
	if ((unsigned)f > FOCUS_CARDIO)
		return "unknown";
	return ld_focuses[f];
}

const char *
catalog_sides_name(enum ex_sides s)
{
	if ((unsigned)s > SIDES_EACH)
		return "unknown";
	return ld_sides[s];
}

/* Seconds as m:ss, or h:mm:ss from an hour up. */
static void
catalog_clock(int secs, char *buf, size_t len)
{
	if (secs >= 3600)
		snprintf(buf, len, "%d:%02d:%02d", secs / 3600,
		    secs / 60 % 60, secs % 60);
	else
		snprintf(buf, len, "%d:%02d", secs / 60, secs % 60);
}

void
catalog_dose_str(const struct exercise *ex, const struct dose *d, char *buf,
    size_t len)
{
	char	work[16], easy[16], sets[16];
	size_t	used;

	snprintf(sets, sizeof sets, "%d x ", d->sets);
	switch (ex->kind) {
	case KIND_REPS:
		snprintf(buf, len, "%d x %d", d->sets, d->reps);
		break;
	case KIND_HOLD:
		if (d->reps > 1)
			snprintf(buf, len, "%s%d x %d s hold", d->sets > 1 ?
			    sets : "", d->reps, d->hold);
		else
			snprintf(buf, len, "%d x %d s hold", d->sets, d->hold);
		break;
	case KIND_TIMED:
		catalog_clock(d->work, work, sizeof work);
		catalog_clock(d->easy, easy, sizeof easy);
		snprintf(buf, len, "%s%d round%s: %s work%s%s%s",
		    d->sets > 1 ? sets : "", d->rounds,
		    d->rounds == 1 ? "" : "s", work, d->easy > 0 ? " / " : "",
		    d->easy > 0 ? easy : "", d->easy > 0 ? " easy" : "");
		break;
	default:
		snprintf(buf, len, "?");
		break;
	}
	used = strlen(buf);
	if (ex->sides == SIDES_EACH && used < len)
		snprintf(buf + used, len - used, " each side");
	used = strlen(buf);
	if (d->level >= 1 && (size_t)d->level <= ex->nlevels && used < len)
		snprintf(buf + used, len - used, " (%s)",
		    ex->levels[d->level - 1]);
}
