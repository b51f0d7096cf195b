/*
 * cue.h - sound cues: libcanberra event sounds from the freedesktop theme,
 * played from one worker thread so a stalled sound server never delays a
 * countdown. When libcanberra cannot play (built without it, no driver, no
 * device) every cue goes to a fallback the screen sets (the terminal bell
 * or a flash), called on the caller's thread, never on the worker.
 *
 *	cue_init(true, ui_bell);  ...  cue_play(CUE_TICK);  ...  cue_shutdown();
 */
#ifndef REHABIT_CUE_H
#define REHABIT_CUE_H

#include <stdbool.h>

#include "session.h"

enum cue_kind {
	CUE_TICK,	/* 3, 2, 1 s before the end of a countdown */
	CUE_END,	/* a hold, rest or interval ended */
	CUE_START,	/* work starts */
	CUE_COMPLETE	/* the session is done */
};

enum cue_mode {
	CUE_OFF,	/* --no-sound, or sounds muted (CA_ERROR_DISABLED) */
	CUE_SOUND,	/* libcanberra plays */
	CUE_FALLBACK	/* the fallback is called instead */
};

/*
 * Start: with `enabled` false every cue is silent. `fallback` (may be
 * NULL) is called from cue_play() when no sound can be played. A failure
 * is written once, as "rehabit: sound: ...", to stderr (which the screen
 * points at its log file).
 */
void		 cue_init(bool enabled, void (*fallback)(enum cue_kind));
/* Never blocks: queues the cue for the worker (dropped if it is full). */
void		 cue_play(enum cue_kind);
/* Play the cue for an engine output, if it has one (SO_SET_DONE has none). */
void		 cue_play_out(enum sess_out_kind);
/*
 * Let queued and playing sounds finish (up to a second or two), stop the
 * worker and free everything. Safe to call without cue_init().
 */
void		 cue_shutdown(void);
enum cue_mode	 cue_mode(void);
/* The freedesktop sound-naming id played for a cue. */
const char	*cue_event_id(enum cue_kind);

/*
 * For tests: called on the worker thread before each sound, e.g. to stall
 * it as a broken sound server would.
 */
void		 cue_set_test_hook(void (*)(enum cue_kind));

#endif
