/*
 * conf.c - the settings file: one mapping of scalars, read as events
 * with the limits and refusals of yamlin.h and looked up in a table of
 * keys.
 */
#include "config.h"

#include "conf.h"

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>
#include <unistd.h>

#include "paths.h"
#include "xmalloc.h"
#include "yamlin.h"

enum conf_type { CT_BOOL, CT_SECS };

struct conf_key {
	const char	*name;
	enum conf_type	 type;
	size_t		 off;
};

static const struct conf_key conf_keys[] = {
	{ "sound", CT_BOOL, offsetof(struct config, sound) },
	{ "color", CT_BOOL, offsetof(struct config, color) },
	{ "ready", CT_SECS, offsetof(struct config, ready) },
	{ "rest", CT_SECS, offsetof(struct config, rest) },
	{ "switch", CT_SECS, offsetof(struct config, switch_secs) },
};

void
conf_defaults(struct config *c)
{
	c->sound = true;
	c->color = true;
	c->ready = CONF_DEFAULT_READY;
	c->rest = CONF_DEFAULT_REST;
	c->switch_secs = CONF_DEFAULT_SWITCH;
}

static int
conf_bool(const char *s, bool *out)
{
	if (strcmp(s, "true") == 0 || strcmp(s, "yes") == 0 ||
	    strcmp(s, "on") == 0)
		*out = true;
	else if (strcmp(s, "false") == 0 || strcmp(s, "no") == 0 ||
	    strcmp(s, "off") == 0)
		*out = false;
	else
		return -1;
	return 0;
}

static int
conf_secs(const char *s, int *out)
{
	char	*end;
	long	 v;

	if (*s < '0' || *s > '9')
		return -1;
	errno = 0;
	v = strtol(s, &end, 10);
	if (*end != '\0' || errno != 0 || v > CONF_MAX_SECS)
		return -1;
	*out = (int)v;
	return 0;
}

/* A parse of the settings file. */
struct cp {
	struct yamlin	 y;
	struct config	*c;
	struct diags	 found;		/* kept unless the file is not YAML */
	bool		 syntax;	/* it is not: found is dropped */
	bool		 stop;
	unsigned	 seen;
	size_t		 errors;
};

static void
cp_error(struct cp *cp, struct diag_loc loc, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static void
cp_error(struct cp *cp, struct diag_loc loc, const char *fmt, ...)
{
	va_list	ap;

	va_start(ap, fmt);
	diags_vadd(&cp->found, loc, fmt, ap);
	va_end(ap);
	cp->errors++;
}

/*
 * Take the next event, refusing what a settings file never holds. false
 * at a syntax error or a refusal: reading stops there.
 */
static bool
cp_next(struct cp *cp)
{
	struct diag_loc	 here;
	unsigned	 bad;

	if (cp->stop)
		return false;
	if (!yamlin_next(&cp->y, &bad)) {
		cp->syntax = cp->stop = true;
		return false;
	}
	if (bad == 0)
		return true;
	here = yamlin_here(&cp->y);
	if (bad & YAMLIN_ALIAS)
		cp_error(cp, here, "aliases are not allowed in the settings");
	else if (bad & YAMLIN_LONG)
		cp_error(cp, here, "value longer than %d bytes",
		    INPUT_YAML_SCALAR);
	else if (bad & YAMLIN_ANCHOR)
		cp_error(cp, here, "anchors are not allowed in the settings");
	else if (bad & YAMLIN_TAG)
		cp_error(cp, here, "tags are not allowed in the settings");
	else
		cp_error(cp, here, "nested deeper than %d levels",
		    INPUT_YAML_DEPTH);
	cp->stop = true;
	return false;
}

static bool
cp_is(const struct cp *cp, yaml_event_type_t type)
{
	return cp->y.have && cp->y.ev.type == type;
}

/* Skip the node whose first event is current. */
static bool
cp_skip(struct cp *cp)
{
	int	depth = cp->y.depth - 1;

	if (!cp_is(cp, YAML_SEQUENCE_START_EVENT) &&
	    !cp_is(cp, YAML_MAPPING_START_EVENT))
		return true;
	while (cp_next(cp)) {
		if ((cp_is(cp, YAML_SEQUENCE_END_EVENT) ||
		    cp_is(cp, YAML_MAPPING_END_EVENT)) && cp->y.depth == depth)
			return true;
	}
	return false;
}

/* The value of setting `k`, the current event. */
static void
cp_value(struct cp *cp, const struct conf_key *k)
{
	struct diag_loc	 here = yamlin_here(&cp->y);
	const char	*val;

	if (!cp_is(cp, YAML_SCALAR_EVENT)) {
		cp_error(cp, here, "'%s' takes %s", k->name,
		    k->type == CT_BOOL ? "true or false" :
		    "a number of seconds");
		cp_skip(cp);
		return;
	}
	val = (const char *)cp->y.ev.data.scalar.value;
	if (k->type == CT_BOOL) {
		if (conf_bool(val, (bool *)((char *)cp->c + k->off)) != 0)
			cp_error(cp, here, "'%s' takes true or false, not "
			    "'%.64s'", k->name, val);
		return;
	}
	if (conf_secs(val, (int *)((char *)cp->c + k->off)) != 0)
		cp_error(cp, here, "'%s' takes a number of seconds from 0 to "
		    "%d, not '%.64s'", k->name, CONF_MAX_SECS, val);
}

/* One `key: value` pair of the top mapping; its key is current. */
static void
cp_pair(struct cp *cp)
{
	const struct conf_key	*k = NULL;
	struct diag_loc		 here = yamlin_here(&cp->y);
	const char		*name;
	size_t			 i;

	if (!cp_is(cp, YAML_SCALAR_EVENT)) {
		cp_error(cp, here, "a setting's name must be a plain word");
		if (cp_skip(cp) && cp_next(cp))
			cp_skip(cp);
		return;
	}
	name = (const char *)cp->y.ev.data.scalar.value;
	for (i = 0; i < sizeof conf_keys / sizeof conf_keys[0]; i++) {
		if (strcmp(conf_keys[i].name, name) == 0)
			k = &conf_keys[i];
	}
	if (k == NULL)
		cp_error(cp, here, "unknown setting '%.64s' (known: sound, "
		    "color, ready, rest, switch)", name);
	else if (cp->seen & (1U << (k - conf_keys)))
		cp_error(cp, here, "'%s' is set twice", k->name);
	if (!cp_next(cp))
		return;
	if (k == NULL || cp->seen & (1U << (k - conf_keys))) {
		cp_skip(cp);
		return;
	}
	cp->seen |= 1U << (k - conf_keys);
	cp_value(cp, k);
}

/* The root node of the document, the current event. */
static void
cp_document(struct cp *cp)
{
	const yaml_event_t	*ev = &cp->y.ev;
	const char		*v;

	/* An empty file, or one holding only `~`: all defaults. */
	if (cp_is(cp, YAML_SCALAR_EVENT)) {
		v = (const char *)ev->data.scalar.value;
		if (ev->data.scalar.length == 0 || strcmp(v, "~") == 0 ||
		    strcmp(v, "null") == 0)
			return;
	}
	if (!cp_is(cp, YAML_MAPPING_START_EVENT)) {
		cp_error(cp, yamlin_here(&cp->y),
		    "the settings must be a mapping of 'name: value' lines");
		cp->stop = true;
		return;
	}
	while (cp_next(cp) && !cp_is(cp, YAML_MAPPING_END_EVENT))
		cp_pair(cp);
}

size_t
conf_parse(struct config *c, const char *path, const char *buf,
    size_t len, struct diags *d)
{
	struct cp		 cp;
	const yaml_parser_t	*p = &cp.y.parser;
	struct config		 tmp = *c;
	size_t			 i, n;
	int			 docs = 0;

	if (len > CONF_MAX_FILE) {
		diags_add(d, (struct diag_loc){ path, 0, 0 },
		    "the settings file is larger than %d bytes",
		    CONF_MAX_FILE);
		return 1;
	}
	memset(&cp, 0, sizeof cp);
	cp.c = &tmp;
	diags_init(&cp.found);
	yamlin_open(&cp.y, path, buf, len);
	while (cp_next(&cp) && !cp_is(&cp, YAML_STREAM_END_EVENT)) {
		if (cp_is(&cp, YAML_STREAM_START_EVENT))
			continue;
		if (cp_is(&cp, YAML_DOCUMENT_END_EVENT)) {
			if (cp.errors > 0)
				break;
			continue;
		}
		if (cp_is(&cp, YAML_DOCUMENT_START_EVENT)) {
			/* A second document would be ignored: refuse it. */
			if (++docs > 1 && cp_next(&cp)) {
				cp_error(&cp, yamlin_here(&cp.y),
				    "only one document is allowed");
				break;
			}
			continue;
		}
		cp_document(&cp);
	}
	if (cp.syntax) {
		/* libyaml's problem, with its context when it has one. */
		diags_add(d, yamlin_syntax_loc(&cp.y), "%s%s%s",
		    p->problem != NULL ? p->problem : "invalid YAML",
		    p->context != NULL ? " " : "",
		    p->context != NULL ? p->context : "");
		n = 1;
	} else {
		for (i = 0; i < cp.found.n; i++)
			diags_add(d, cp.found.v[i].loc, "%s",
			    cp.found.v[i].msg);
		d->dropped += cp.found.dropped;
		n = cp.errors;
	}
	diags_free(&cp.found);
	yamlin_close(&cp.y);
	if (n == 0)
		*c = tmp;
	return n;
}

int
conf_load(struct config *c, const char *path, struct diags *d)
{
	char	*dir = NULL, *own = NULL, *buf;
	FILE	*fp;
	size_t	 len;
	int	 fd, rc = 0;

	if (path == NULL) {
		dir = paths_config_dir();
		xasprintf(&own, "%s/config.yaml", dir);
		free(dir);
		path = own;
	}
	/* A FIFO named config.yaml must not hang `rehabit start`. */
	fd = paths_open_file(path, O_RDONLY, 0, NULL);
	if (fd == -1 && errno == ENOENT && own != NULL) {
		free(own);
		return 0;
	}
	if (fd < 0 || (fp = fdopen(fd, "r")) == NULL) {
		rc = fd != PATHS_NOT_REGULAR && errno == ENOENT ?
		    EX_NOINPUT : EX_IOERR;
		diags_add(d, (struct diag_loc){ path, 0, 0 }, "%s",
		    paths_open_error(fd));
		if (fd >= 0)
			close(fd);
		free(own);
		return rc;
	}
	/* One byte more than allowed, so that conf_parse() sees too much. */
	buf = xmalloc(CONF_MAX_FILE + 2);
	len = fread(buf, 1, CONF_MAX_FILE + 1, fp);
	if (ferror(fp)) {
		diags_add(d, (struct diag_loc){ path, 0, 0 }, "%s",
		    strerror(errno));
		rc = EX_IOERR;
	} else if (conf_parse(c, path, buf, len, d) > 0)
		rc = EX_DATAERR;
	fclose(fp);
	free(buf);
	free(own);
	return rc;
}
