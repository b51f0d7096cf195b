/*
 * inlimits.h - the limits of every structured file rehabit reads: the
 * library, the history file and the settings (YAML, through yamlin.h),
 * and GPX and TCX activities (XML, actxml.c). They keep a hostile file
 * harmless: a bigger file, deeper nesting, more nodes or a longer value
 * is refused with a FILE:LINE:COLUMN message.
 */
#ifndef REHABIT_INLIMITS_H
#define REHABIT_INLIMITS_H

/* YAML: any file. */
#define INPUT_YAML_DEPTH	16	/* collections inside each other */
#define INPUT_YAML_SCALAR	4096	/* bytes of one value */
#define INPUT_YAML_NODES	200000	/* nodes kept from one library file */

/* YAML: the size of each kind of file. */
#define INPUT_LIBRARY_FILE	(1024 * 1024 * 4)
/* Twenty years of daily sessions fit; a hostile file stops here. */
#define INPUT_HISTORY_FILE	(64 * 1024 * 1024)
#define INPUT_SETTINGS_FILE	(64 * 1024)

/* XML: GPX and TCX, read a chunk at a time. */
#define INPUT_XML_DEPTH		64	/* elements inside each other */
#define INPUT_XML_TEXT		256	/* bytes of a value read */
#define INPUT_XML_QUIET		(1 << 20) /* bytes with no element in them */

#endif
