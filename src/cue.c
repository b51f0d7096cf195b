/*
 * cue.c - sound cues through libcanberra, off the timer's path.
 *
 * libcanberra is not linked: it and the six libraries it pulls in would
 * cost every command, `rehabit due` in a shell prompt too, milliseconds at
 * start-up. cue_init() dlopen()s it the first time sound is wanted and
 * uses its functions through cue_ca_fn; without it cues fall back to the
 * terminal's bell as for a machine without sound.
 *
 * Canberra can stall for seconds on a broken sound server, so cue_play()
 * only puts the cue in a small queue; one worker thread plays it. The
 * worker never touches curses: when a sound fails it marks the backend
 * broken and says so once on stderr, and later cues go to the fallback
 * on the caller's thread.
 */
#include "config.h"

#include "cue.h"

#include <errno.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#ifdef HAVE_CANBERRA
#include <canberra.h>
#include <dlfcn.h>
#ifdef __GLIBC__
#include <link.h>
#endif

/* The unit tests build cue.c once more with a soname that is not there. */
#ifndef CUE_SONAME
#define CUE_SONAME	"libcanberra.so.0"
#endif
#endif

#define CUE_QUEUE	16	/* cues waiting; more are dropped */
#define CUE_SOUND_ID	1	/* canberra's id for every cue we play */
#define CUE_DRAIN_MS	2000	/* at shutdown: let a sound finish */
#define CUE_JOIN_MS	3000	/* at shutdown: give up on the worker */

static enum cue_mode	  cue_cur = CUE_OFF;
static void		(*cue_fallback)(enum cue_kind);
static void		(*cue_hook)(enum cue_kind);

static const struct {
	const char	*id;		/* freedesktop sound-naming spec */
	const char	*desc;
} cue_sounds[] = {
	[CUE_TICK] = { "dialog-information", "Countdown tick" },
	[CUE_END] = { "message", "Time is up" },
	[CUE_START] = { "bell", "Start" },
	[CUE_COMPLETE] = { "complete", "Session complete" },
};

#ifdef HAVE_CANBERRA
static pthread_mutex_t	 cue_mtx = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t	 cue_cond;	/* queue, stop, exited changed */
static pthread_t	 cue_thread;
static bool		 cue_running;	/* a worker was started */
static bool		 cue_stuck;	/* a worker was left behind */
static ca_context	*cue_ca;
static enum cue_kind	 cue_q[CUE_QUEUE];
static size_t		 cue_qhead, cue_qlen;
static bool		 cue_stop, cue_exited, cue_broken, cue_reported;

/* What cue.c calls in libcanberra, typed from <canberra.h>. */
static struct {
	__typeof__(&ca_context_create)		create;
	__typeof__(&ca_context_destroy)		destroy;
	__typeof__(&ca_context_change_props)	change_props;
	__typeof__(&ca_context_open)		open;
	__typeof__(&ca_context_play)		play;
	__typeof__(&ca_context_playing)		playing;
	__typeof__(&ca_strerror)		strerror;
} cue_ca_fn;
static int		 cue_ca_loaded;	/* 0 not tried, 1 loaded, -1 missing */

static bool	 cue_load(void);
static void	 cue_report(const char *, int);
static void	 cue_sleep_ms(long);
static void	*cue_worker(void *);
static void	 cue_pin_drivers(void);

/*
 * Load libcanberra once. It is never dlclose()d: its threads (the ALSA
 * driver's included) may still run in it until the process ends.
 */
static bool
cue_load(void)
{
	void	*h;

	if (cue_ca_loaded != 0)
		return (cue_ca_loaded == 1);
	cue_ca_loaded = -1;
	if ((h = dlopen(CUE_SONAME, RTLD_NOW | RTLD_LOCAL)) == NULL)
		return (false);
	*(void **)&cue_ca_fn.create = dlsym(h, "ca_context_create");
	*(void **)&cue_ca_fn.destroy = dlsym(h, "ca_context_destroy");
	*(void **)&cue_ca_fn.change_props = dlsym(h,
	    "ca_context_change_props");
	*(void **)&cue_ca_fn.open = dlsym(h, "ca_context_open");
	*(void **)&cue_ca_fn.play = dlsym(h, "ca_context_play");
	*(void **)&cue_ca_fn.playing = dlsym(h, "ca_context_playing");
	*(void **)&cue_ca_fn.strerror = dlsym(h, "ca_strerror");
	if (cue_ca_fn.create == NULL || cue_ca_fn.destroy == NULL ||
	    cue_ca_fn.change_props == NULL || cue_ca_fn.open == NULL ||
	    cue_ca_fn.play == NULL || cue_ca_fn.playing == NULL ||
	    cue_ca_fn.strerror == NULL) {
		/* Nothing of it ran: closing is safe here. */
		memset(&cue_ca_fn, 0, sizeof cue_ca_fn);
		dlclose(h);
		return (false);
	}
	cue_ca_loaded = 1;
	return (true);
}

#ifdef __GLIBC__
static int
cue_pin_one(struct dl_phdr_info *info, size_t size, void *arg)
{
	(void)size;
	(void)arg;
	if (info->dlpi_name != NULL &&
	    strstr(info->dlpi_name, "/libcanberra-") != NULL)
		(void)dlopen(info->dlpi_name,
		    RTLD_LAZY | RTLD_NOLOAD | RTLD_NODELETE);
	return (0);
}
#endif

/*
 * libcanberra's ALSA driver plays each sound in a detached thread that
 * is still returning when ca_context_destroy() unloads the driver, which
 * can crash the exit. Keep the loaded driver modules mapped for good.
 */
static void
cue_pin_drivers(void)
{
#ifdef __GLIBC__
	dl_iterate_phdr(cue_pin_one, NULL);
#endif
}

/* Say once why there is no sound; stderr is the log in curses mode. */
static void
cue_report(const char *what, int error)
{
	bool	first;

	pthread_mutex_lock(&cue_mtx);
	first = !cue_reported;
	cue_reported = true;
	pthread_mutex_unlock(&cue_mtx);
	if (first)
		fprintf(stderr, "rehabit: sound: %s: %s\n", what,
		    cue_ca_fn.strerror(error));
}

static void
cue_sleep_ms(long ms)
{
	struct timespec	ts;

	ts.tv_sec = ms / 1000;
	ts.tv_nsec = (ms % 1000) * 1000000L;
	while (nanosleep(&ts, &ts) == -1 && errno == EINTR)
		;
}

static void *
cue_worker(void *arg)
{
	enum cue_kind	k;
	int		r, playing, waited;

	(void)arg;
	for (;;) {
		pthread_mutex_lock(&cue_mtx);
		while (!cue_stop && cue_qlen == 0)
			pthread_cond_wait(&cue_cond, &cue_mtx);
		if (cue_qlen == 0) {
			pthread_mutex_unlock(&cue_mtx);
			break;
		}
		k = cue_q[cue_qhead];
		cue_qhead = (cue_qhead + 1) % CUE_QUEUE;
		cue_qlen--;
		pthread_mutex_unlock(&cue_mtx);

		if (cue_hook != NULL)
			cue_hook(k);
		r = cue_ca_fn.play(cue_ca, CUE_SOUND_ID,
		    CA_PROP_EVENT_ID, cue_sounds[k].id,
		    CA_PROP_EVENT_DESCRIPTION, cue_sounds[k].desc,
		    NULL);
		if (r < 0 && r != CA_ERROR_DISABLED) {
			pthread_mutex_lock(&cue_mtx);
			cue_broken = true;
			pthread_mutex_unlock(&cue_mtx);
			cue_report("cannot play a sound", r);
		}
	}

	/* Let the last sound finish, then close the device. */
	for (waited = 0; waited < CUE_DRAIN_MS; waited += 20) {
		playing = 0;
		if (cue_ca_fn.playing(cue_ca, CUE_SOUND_ID, &playing) < 0 ||
		    !playing)
			break;
		cue_sleep_ms(20);
	}
	cue_ca_fn.destroy(cue_ca);

	pthread_mutex_lock(&cue_mtx);
	cue_ca = NULL;
	cue_exited = true;
	pthread_cond_broadcast(&cue_cond);
	pthread_mutex_unlock(&cue_mtx);
	return (NULL);
}
#endif

void
cue_init(bool enabled, void (*fallback)(enum cue_kind))
{
#ifdef HAVE_CANBERRA
	pthread_condattr_t	 attr;
	ca_context		*ca = NULL;
	int			 r;
#endif

	cue_fallback = fallback;
	cue_cur = CUE_OFF;
#ifdef HAVE_CANBERRA
	cue_reported = false;
#endif
	if (!enabled)
		return;
#ifdef HAVE_CANBERRA
	if (cue_running || cue_stuck) {
		cue_cur = CUE_FALLBACK;
		return;
	}
	/* No libcanberra on this machine: as without a sound device. */
	if (!cue_load()) {
		cue_cur = CUE_FALLBACK;
		return;
	}
	if ((r = cue_ca_fn.create(&ca)) < 0)
		goto fail;
	r = cue_ca_fn.change_props(ca,
	    CA_PROP_APPLICATION_NAME, PACKAGE_NAME,
	    CA_PROP_APPLICATION_ID, PACKAGE_NAME,
	    CA_PROP_APPLICATION_VERSION, PACKAGE_VERSION,
	    NULL);
	if (r < 0)
		goto fail;
	/* Open now to learn early whether any driver works. */
	if ((r = cue_ca_fn.open(ca)) == CA_ERROR_DISABLED) {
		cue_ca_fn.destroy(ca);
		return;
	}
	if (r < 0)
		goto fail;
	cue_pin_drivers();

	pthread_condattr_init(&attr);
	pthread_condattr_setclock(&attr, CLOCK_MONOTONIC);
	pthread_cond_init(&cue_cond, &attr);
	pthread_condattr_destroy(&attr);
	cue_ca = ca;
	cue_qhead = cue_qlen = 0;
	cue_stop = cue_exited = cue_broken = false;
	if ((r = pthread_create(&cue_thread, NULL, cue_worker, NULL)) != 0) {
		fprintf(stderr, "rehabit: sound: cannot start a thread: %s\n",
		    strerror(r));
		pthread_cond_destroy(&cue_cond);
		cue_ca = NULL;
		cue_ca_fn.destroy(ca);
		cue_cur = CUE_FALLBACK;
		return;
	}
	cue_running = true;
	cue_cur = CUE_SOUND;
	return;

fail:
	cue_report("cannot open libcanberra", r);
	if (ca != NULL)
		cue_ca_fn.destroy(ca);
	cue_cur = CUE_FALLBACK;
#else
	cue_cur = CUE_FALLBACK;
#endif
}

void
cue_play(enum cue_kind k)
{
	bool	fall = cue_cur == CUE_FALLBACK;

	if ((unsigned)k >= sizeof cue_sounds / sizeof cue_sounds[0])
		return;
#ifdef HAVE_CANBERRA
	if (cue_cur == CUE_SOUND) {
		pthread_mutex_lock(&cue_mtx);
		if (cue_broken)
			fall = true;
		else if (cue_qlen < CUE_QUEUE) {
			cue_q[(cue_qhead + cue_qlen) % CUE_QUEUE] = k;
			cue_qlen++;
			pthread_cond_signal(&cue_cond);
		}
		pthread_mutex_unlock(&cue_mtx);
	}
#endif
	if (fall && cue_fallback != NULL)
		cue_fallback(k);
}

void
cue_shutdown(void)
{
#ifdef HAVE_CANBERRA
	struct timespec	 until;
	bool		 exited;

	if (cue_running) {
		clock_gettime(CLOCK_MONOTONIC, &until);
		until.tv_sec += CUE_JOIN_MS / 1000;
		pthread_mutex_lock(&cue_mtx);
		cue_stop = true;
		pthread_cond_broadcast(&cue_cond);
		while (!cue_exited && pthread_cond_timedwait(&cue_cond,
		    &cue_mtx, &until) != ETIMEDOUT)
			;
		exited = cue_exited;
		pthread_mutex_unlock(&cue_mtx);
		if (exited) {
			pthread_join(cue_thread, NULL);
			pthread_cond_destroy(&cue_cond);
		} else {
			/* A stuck sound server must not hang the exit. */
			pthread_detach(cue_thread);
			cue_stuck = true;
			fprintf(stderr, "rehabit: sound: the sound server does "
			    "not answer; not waiting for it\n");
		}
		cue_running = false;
	}
#endif
	cue_cur = CUE_OFF;
	cue_fallback = NULL;
}

enum cue_mode
cue_mode(void)
{
	return (cue_cur);
}

const char *
cue_event_id(enum cue_kind k)
{
	if ((unsigned)k >= sizeof cue_sounds / sizeof cue_sounds[0])
		return (NULL);
	return (cue_sounds[k].id);
}

void
cue_set_test_hook(void (*hook)(enum cue_kind))
{
	cue_hook = hook;
}

void
cue_play_out(enum sess_out_kind kind)
{
	switch (kind) {
	case SO_TICK:
		cue_play(CUE_TICK);
		break;
	case SO_END:
		cue_play(CUE_END);
		break;
	case SO_START:
		cue_play(CUE_START);
		break;
	case SO_COMPLETE:
		cue_play(CUE_COMPLETE);
		break;
	case SO_SET_DONE:
		break;
	}
}
