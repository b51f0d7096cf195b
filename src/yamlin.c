/*
 * yamlin.c - reading YAML with rehabit's limits (yamlin.h).
 */
#include "config.h"

#include "yamlin.h"

#include <limits.h>
#include <string.h>
#include <sysexits.h>

#include "xmalloc.h"

static void
yamlin_init(struct yamlin *y, const char *path)
{
	memset(y, 0, sizeof *y);
	y->path = path;
	if (!yaml_parser_initialize(&y->parser))
		fatalx(EX_OSERR, "out of memory");
}

void
yamlin_open(struct yamlin *y, const char *path, const char *buf, size_t len)
{
	yamlin_init(y, path);
	y->buf = buf;
	y->len = len;
	yaml_parser_set_input_string(&y->parser, (const unsigned char *)buf,
	    len);
}

void
yamlin_open_reader(struct yamlin *y, const char *path,
    yaml_read_handler_t *read, void *data)
{
	yamlin_init(y, path);
	yaml_parser_set_input(&y->parser, read, data);
}

void
yamlin_close(struct yamlin *y)
{
	if (y->have)
		yaml_event_delete(&y->ev);
	y->have = false;
	yaml_parser_delete(&y->parser);
}

const char *
yamlin_anchor(const yaml_event_t *ev)
{
	switch (ev->type) {
	case YAML_ALIAS_EVENT:
		return (const char *)ev->data.alias.anchor;
	case YAML_SCALAR_EVENT:
		return (const char *)ev->data.scalar.anchor;
	case YAML_SEQUENCE_START_EVENT:
		return (const char *)ev->data.sequence_start.anchor;
	case YAML_MAPPING_START_EVENT:
		return (const char *)ev->data.mapping_start.anchor;
	default:
		return NULL;
	}
}

const char *
yamlin_tag(const yaml_event_t *ev)
{
	/* An implicit tag is libyaml's own resolution, not the file's. */
	switch (ev->type) {
	case YAML_SCALAR_EVENT:
		if (ev->data.scalar.plain_implicit ||
		    ev->data.scalar.quoted_implicit)
			return NULL;
		return (const char *)ev->data.scalar.tag;
	case YAML_SEQUENCE_START_EVENT:
		if (ev->data.sequence_start.implicit)
			return NULL;
		return (const char *)ev->data.sequence_start.tag;
	case YAML_MAPPING_START_EVENT:
		if (ev->data.mapping_start.implicit)
			return NULL;
		return (const char *)ev->data.mapping_start.tag;
	default:
		return NULL;
	}
}

bool
yamlin_next(struct yamlin *y, unsigned *bad)
{
	yaml_event_t	*ev = &y->ev;

	*bad = 0;
	if (y->have)
		yaml_event_delete(ev);
	y->have = false;
	if (!yaml_parser_parse(&y->parser, ev))
		return false;
	y->have = true;
	switch (ev->type) {
	case YAML_ALIAS_EVENT:
		*bad |= YAMLIN_ALIAS;
		return true;
	case YAML_SCALAR_EVENT:
		if (ev->data.scalar.length > INPUT_YAML_SCALAR)
			*bad |= YAMLIN_LONG;
		break;
	case YAML_SEQUENCE_START_EVENT:
	case YAML_MAPPING_START_EVENT:
		if (++y->depth > INPUT_YAML_DEPTH)
			*bad |= YAMLIN_DEEP;
		break;
	case YAML_SEQUENCE_END_EVENT:
	case YAML_MAPPING_END_EVENT:
		y->depth--;
		break;
	default:
		break;
	}
	if (yamlin_anchor(ev) != NULL)
		*bad |= YAMLIN_ANCHOR;
	if (yamlin_tag(ev) != NULL)
		*bad |= YAMLIN_TAG;
	return true;
}

struct diag_loc
yamlin_loc(const struct yamlin *y, yaml_mark_t m)
{
	struct diag_loc	loc;

	/* libyaml counts from 0, people from 1. */
	loc.file = y->path;
	loc.line = m.line >= INT_MAX ? INT_MAX : (int)m.line + 1;
	loc.col = m.column >= INT_MAX ? INT_MAX : (int)m.column + 1;
	return loc;
}

struct diag_loc
yamlin_here(const struct yamlin *y)
{
	return yamlin_loc(y, y->ev.start_mark);
}

struct diag_loc
yamlin_syntax_loc(const struct yamlin *y)
{
	yaml_mark_t	m = y->parser.problem_mark;
	size_t		i, off = y->parser.problem_offset;

	/* The reader gives a byte offset, not a mark: count the lines. */
	if (y->parser.error == YAML_READER_ERROR && y->buf != NULL) {
		m.index = off;
		m.line = m.column = 0;
		for (i = 0; i < off && i < y->len; i++) {
			if (y->buf[i] == '\n') {
				m.line++;
				m.column = 0;
			} else
				m.column++;
		}
	}
	return yamlin_loc(y, m);
}
