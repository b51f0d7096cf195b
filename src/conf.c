/*
 * conf.c - the settings file. libyaml's document loader gives a tree
 * whose nodes carry their place in the file; one mapping of scalars is
 * walked through a table of keys.
 */
#include "config.h"

#include "conf.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>
#include <unistd.h>

#include <yaml.h>

#include "paths.h"
#include "xmalloc.h"

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

static struct diag_loc
conf_loc(const char *path, yaml_mark_t m)
{
	struct diag_loc	l;

	/* libyaml counts from 0, people from 1. */
	l.file = path;
	l.line = (int)m.line + 1;
	l.col = (int)m.column + 1;
	return l;
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

/* One `key: value` pair of the top mapping. */
static size_t
conf_pair(struct config *c, const char *path, yaml_document_t *doc,
    yaml_node_pair_t *p, unsigned *seen, struct diags *d)
{
	const struct conf_key	*k = NULL;
	yaml_node_t		*kn, *vn;
	const char		*name, *val;
	size_t			 i;

	kn = yaml_document_get_node(doc, p->key);
	vn = yaml_document_get_node(doc, p->value);
	if (kn == NULL || vn == NULL)
		return 0;
	if (kn->type != YAML_SCALAR_NODE) {
		diags_add(d, conf_loc(path, kn->start_mark),
		    "a setting's name must be a plain word");
		return 1;
	}
	name = (const char *)kn->data.scalar.value;
	for (i = 0; i < sizeof conf_keys / sizeof conf_keys[0]; i++) {
		if (strcmp(conf_keys[i].name, name) == 0)
			k = &conf_keys[i];
	}
	if (k == NULL) {
		diags_add(d, conf_loc(path, kn->start_mark),
		    "unknown setting '%.64s' (known: sound, color, ready, "
		    "rest, switch)", name);
		return 1;
	}
	i = (size_t)(k - conf_keys);
	if (*seen & (1U << i)) {
		diags_add(d, conf_loc(path, kn->start_mark),
		    "'%s' is set twice", k->name);
		return 1;
	}
	*seen |= 1U << i;
	if (vn->type != YAML_SCALAR_NODE) {
		diags_add(d, conf_loc(path, vn->start_mark),
		    "'%s' takes %s", k->name, k->type == CT_BOOL ?
		    "true or false" : "a number of seconds");
		return 1;
	}
	val = (const char *)vn->data.scalar.value;
	if (k->type == CT_BOOL) {
		if (conf_bool(val, (bool *)((char *)c + k->off)) == 0)
			return 0;
		diags_add(d, conf_loc(path, vn->start_mark),
		    "'%s' takes true or false, not '%.64s'", k->name, val);
		return 1;
	}
	if (conf_secs(val, (int *)((char *)c + k->off)) == 0)
		return 0;
	diags_add(d, conf_loc(path, vn->start_mark),
	    "'%s' takes a number of seconds from 0 to %d, not '%.64s'",
	    k->name, CONF_MAX_SECS, val);
	return 1;
}

/* A syntax error: libyaml's problem, with its context when it has one. */
static void
conf_yaml_error(const char *path, const yaml_parser_t *p, struct diags *d)
{
	if (p->context != NULL)
		diags_add(d, conf_loc(path, p->problem_mark), "%s %s",
		    p->problem != NULL ? p->problem : "invalid YAML",
		    p->context);
	else
		diags_add(d, conf_loc(path, p->problem_mark), "%s",
		    p->problem != NULL ? p->problem : "invalid YAML");
}

static size_t
conf_document(struct config *c, const char *path, yaml_document_t *doc,
    struct diags *d)
{
	yaml_node_t		*root;
	yaml_node_pair_t	*p;
	unsigned		 seen = 0;
	size_t			 n = 0;

	root = yaml_document_get_root_node(doc);
	if (root == NULL)
		return 0;
	/* An empty file, or one holding only `~`: all defaults. */
	if (root->type == YAML_SCALAR_NODE &&
	    (root->data.scalar.length == 0 ||
	    strcmp((const char *)root->data.scalar.value, "~") == 0 ||
	    strcmp((const char *)root->data.scalar.value, "null") == 0))
		return 0;
	if (root->type != YAML_MAPPING_NODE) {
		diags_add(d, conf_loc(path, root->start_mark),
		    "the settings must be a mapping of 'name: value' lines");
		return 1;
	}
	for (p = root->data.mapping.pairs.start;
	    p < root->data.mapping.pairs.top; p++)
		n += conf_pair(c, path, doc, p, &seen, d);
	return n;
}

size_t
conf_parse(struct config *c, const char *path, const char *buf,
    size_t len, struct diags *d)
{
	yaml_parser_t	parser;
	yaml_document_t	doc;
	yaml_node_t	*root;
	struct config	tmp = *c;
	size_t		n = 0;

	if (len > CONF_MAX_FILE) {
		diags_add(d, (struct diag_loc){ path, 0, 0 },
		    "the settings file is larger than %d bytes",
		    CONF_MAX_FILE);
		return 1;
	}
	if (!yaml_parser_initialize(&parser))
		fatalx(EX_OSERR, "out of memory");
	yaml_parser_set_input_string(&parser, (const unsigned char *)buf,
	    len);
	if (!yaml_parser_load(&parser, &doc)) {
		conf_yaml_error(path, &parser, d);
		yaml_parser_delete(&parser);
		return 1;
	}
	n = conf_document(&tmp, path, &doc, d);
	yaml_document_delete(&doc);
	if (n == 0) {
		/* A second document would be ignored silently: refuse it. */
		if (!yaml_parser_load(&parser, &doc)) {
			conf_yaml_error(path, &parser, d);
			n = 1;
		} else {
			root = yaml_document_get_root_node(&doc);
			if (root != NULL) {
				diags_add(d, conf_loc(path, root->start_mark),
				    "only one document is allowed");
				n = 1;
			}
			yaml_document_delete(&doc);
		}
	}
	yaml_parser_delete(&parser);
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
