/*
 * yamlin.h - the one way rehabit reads YAML (the library, the history
 * file, the settings): libyaml's event stream with the limits of
 * inlimits.h, places as FILE:LINE:COLUMN, and anchors, aliases and tags
 * flagged on the event that carries them. rehabit's files need none of
 * them, and aliases are how a small file grows into a huge tree.
 *
 * Each reader words the refusals for its own file, but the limits, the
 * checks and the places are the same for all.
 */
#ifndef REHABIT_YAMLIN_H
#define REHABIT_YAMLIN_H

#include <stdbool.h>
#include <stddef.h>

#include <yaml.h>

#include "diag.h"
#include "inlimits.h"

/* What an event holds that rehabit's files refuse: yamlin_next()'s bits. */
#define YAMLIN_ALIAS	0x01	/* *name */
#define YAMLIN_ANCHOR	0x02	/* &name on a value */
#define YAMLIN_TAG	0x04	/* an explicit tag: !!str, !x */
#define YAMLIN_LONG	0x08	/* a scalar over INPUT_YAML_SCALAR bytes */
#define YAMLIN_DEEP	0x10	/* a collection nested past INPUT_YAML_DEPTH */

struct yamlin {
	yaml_parser_t	 parser;
	yaml_event_t	 ev;		/* the current event, if `have` */
	bool		 have;
	int		 depth;		/* collections open, ev's own counted */
	const char	*path;		/* for places; not owned */
	const char	*buf;		/* the input, if read from memory */
	size_t		 len;
};

/* Read `len` bytes at `buf`, from the file named `path`. */
void	yamlin_open(struct yamlin *, const char *path, const char *buf,
	    size_t len);
/* Read through `read` (libyaml's read handler), from the file `path`. */
void	yamlin_open_reader(struct yamlin *, const char *path,
	    yaml_read_handler_t *read, void *data);
void	yamlin_close(struct yamlin *);

/*
 * Move to the next event, y->ev. false if libyaml found the input is not
 * YAML (see yamlin_syntax_loc()). Otherwise *bad is the YAMLIN_* bits of
 * what the event holds that the caller must refuse (0 for none).
 */
bool	yamlin_next(struct yamlin *, unsigned *bad);
/* The anchor (without '&') of an event, the alias's name, or NULL. */
const char *yamlin_anchor(const yaml_event_t *);
/* The explicit tag of an event, or NULL. */
const char *yamlin_tag(const yaml_event_t *);

/* The place of a libyaml mark, counted from 1 as people do. */
struct diag_loc	yamlin_loc(const struct yamlin *, yaml_mark_t);
/* The place of the current event. */
struct diag_loc	yamlin_here(const struct yamlin *);
/* The place where yamlin_next() found the input is not YAML. */
struct diag_loc	yamlin_syntax_loc(const struct yamlin *);

#endif
