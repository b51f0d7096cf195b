/*
 * catalog-tree.c - the library's YAML as a small tree of nodes, built from
 * libyaml's events with the limits of yamlin.h, and the typed reading of
 * its values and mappings through tables of keys (catalog-int.h). What
 * the keys mean is catalog.c's.
 */
#include "config.h"

#include "catalog-int.h"

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

static void	ld_err_yaml(struct ld *, struct diag_loc, const char *, ...)
		    __attribute__((format(printf, 3, 4)));

static void	ld_verr(struct ld *, struct diag_loc, const char *, va_list)
		    __attribute__((format(printf, 3, 0)));

/* --- parse tree ---------------------------------------------------------- */

const struct ynode *
ld_node(const struct ld *ld, uint32_t i)
{
	return i == 0 ? NULL : &ld->node[i - 1];
}

const char *
ld_str(const struct ld *ld, const struct ynode *n)
{
	return ld->str + n->off;
}

struct diag_loc
ld_loc(const struct ld *ld, const struct ynode *n)
{
	struct diag_loc	l = { ld->file, 0, 0 };

	if (n != NULL) {
		l.line = n->line;
		l.col = n->col;
	}
	return l;
}

struct catalog_pos
ld_pos(const struct ynode *n)
{
	struct catalog_pos	p = { n->line, n->col };

	return p;
}

/* A place in the file being loaded. */
struct diag_loc
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
void
ld_err(struct ld *ld, const struct ynode *n, const char *fmt, ...)
{
	va_list	ap;

	va_start(ap, fmt);
	ld_verr(ld, ld_loc(ld, n), fmt, ap);
	va_end(ap);
}

void
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
long
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
const char *
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
const char *
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
bool
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
const char *
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
char *
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
bool
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
int
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
bool
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
int
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
void
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
uint32_t
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
