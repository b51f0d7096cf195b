/*
 * test-cue.c - sound cues, for real (DESIGN section 7).
 *
 * Each case runs in a child process with its own $HOME, whose .asoundrc
 * sends ALSA's default device to a WAV file through the file plugin (ALSA
 * reads its configuration once per process). The parent checks the WAV
 * holds audio with `sox FILE -n stat`, and reads what the child saw from
 * a small result file.
 */
#include "config.h"

#include <sys/stat.h>
#include <sys/wait.h>

#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cue.h"
#include "tap.h"

#define THEME	"/usr/share/sounds/freedesktop/stereo"

static char	 tmp[] = "/tmp/rehabit-cue.XXXXXX";
static int	 fallbacks[4];

/* Results a child hands back. */
struct result {
	int	mode;
	int	fallbacks;
	long	max_us;		/* slowest cue_play() */
	long	total_us;
	int	reports;	/* "rehabit: sound:" lines on stderr */
	int	loaded;		/* libcanberra mapped: before, after init */
};

/* Whether libcanberra is mapped in this process (cue.c dlopen()s it). */
static bool
canberra_mapped(void)
{
	void	*h;

	if ((h = dlopen("libcanberra.so.0", RTLD_LAZY | RTLD_NOLOAD)) == NULL)
		return (false);
	dlclose(h);
	return (true);
}

static void
fallback(enum cue_kind k)
{
	fallbacks[k]++;
}

#ifdef HAVE_CANBERRA
/* What follows, up to the tests, plays real sound. */
static long
now_us(void)
{
	struct timespec	ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (ts.tv_sec * 1000000L + ts.tv_nsec / 1000);
}

static void
sleep_ms(long ms)
{
	struct timespec	ts = { ms / 1000, (ms % 1000) * 1000000L };

	nanosleep(&ts, NULL);
}

/* A home whose default ALSA device is `pcm` (an .asoundrc body). */
static void
make_home(const char *name, const char *pcm)
{
	char	 path[512];
	FILE	*f;

	snprintf(path, sizeof path, "%s/%s", tmp, name);
	mkdir(path, 0700);
	snprintf(path, sizeof path, "%s/%s/.asoundrc", tmp, name);
	if ((f = fopen(path, "w")) == NULL)
		abort();
	fprintf(f, "%s\n", pcm);
	fclose(f);
}

static void
file_home(const char *name)
{
	char	pcm[1024];

	snprintf(pcm, sizeof pcm, "pcm.!default { type file; "
	    "slave.pcm \"null\"; file \"%s/%s/out.wav\"; format \"wav\" }",
	    tmp, name);
	make_home(name, pcm);
}

static void
put_result(const char *name, const struct result *r)
{
	char	 path[512];
	FILE	*f;

	snprintf(path, sizeof path, "%s/%s/result", tmp, name);
	if ((f = fopen(path, "w")) == NULL)
		_exit(3);
	fprintf(f, "%d %d %ld %ld %d\n", r->mode, r->fallbacks, r->max_us,
	    r->total_us, r->loaded);
	fclose(f);
}

static bool
get_result(const char *name, struct result *r)
{
	char	 path[512], line[512];
	FILE	*f;
	bool	 got;

	memset(r, 0, sizeof *r);
	snprintf(path, sizeof path, "%s/%s/result", tmp, name);
	if ((f = fopen(path, "r")) == NULL)
		return (false);
	got = fscanf(f, "%d %d %ld %ld %d", &r->mode, &r->fallbacks,
	    &r->max_us, &r->total_us, &r->loaded) == 5;
	fclose(f);
	snprintf(path, sizeof path, "%s/%s/stderr", tmp, name);
	if ((f = fopen(path, "r")) != NULL) {
		while (fgets(line, sizeof line, f) != NULL)
			if (strncmp(line, "rehabit: sound:", 15) == 0)
				r->reports++;
		fclose(f);
	}
	return (got);
}

/* Run fn in a child with HOME set to tmp/name and stderr to a file. */
static int
in_child(const char *name, void (*fn)(const char *))
{
	char	path[512];
	pid_t	pid;
	int	status, fd;

	fflush(stdout);
	if ((pid = fork()) == -1)
		abort();
	if (pid == 0) {
		snprintf(path, sizeof path, "%s/%s", tmp, name);
		setenv("HOME", path, 1);
		unsetenv("ALSA_CONFIG_PATH");
		snprintf(path, sizeof path, "%s/%s/stderr", tmp, name);
		fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
		if (fd != -1) {
			dup2(fd, 2);
			close(fd);
		}
		fn(name);
		exit(0);	/* leak checkers run at exit */
	}
	while (waitpid(pid, &status, 0) == -1 && errno == EINTR)
		;
	return (WIFEXITED(status) ? WEXITSTATUS(status) : 128);
}

/* The RMS amplitude sox reports for a WAV file; -1 if it cannot. */
static double
wav_rms(const char *name)
{
	char	 cmd[1024], line[256];
	FILE	*p;
	double	 rms = -1;

	snprintf(cmd, sizeof cmd, "sox '%s/%s/out.wav' -n stat 2>&1",
	    tmp, name);
	if ((p = popen(cmd, "r")) == NULL)
		return (-1);
	while (fgets(line, sizeof line, p) != NULL)
		if (strncmp(line, "RMS     amplitude:", 18) == 0)
			rms = strtod(line + 18, NULL);
	pclose(p);
	return (rms);
}

static enum cue_kind	child_kind;

/*
 * Wait until canberra's player has closed the WAV: the file plugin writes
 * the data size into the header then. With the null slave ALSA picks a
 * buffer of about 1.5 GB, which a sanitized build on a loaded machine
 * takes seconds to allocate, so allow a minute.
 */
static void
wait_wav(const char *name)
{
	char		 path[512];
	unsigned char	 h[44];
	FILE		*f;
	int		 i;
	bool		 closed = false;

	snprintf(path, sizeof path, "%s/%s/out.wav", tmp, name);
	for (i = 0; i < 3000 && !closed; i++) {
		if ((f = fopen(path, "rb")) != NULL) {
			closed = fread(h, 1, sizeof h, f) == sizeof h &&
			    memcmp(h + 36, "data", 4) == 0 &&
			    (h[40] | h[41] | h[42] | h[43]) != 0;
			fclose(f);
		}
		if (!closed)
			sleep_ms(20);
	}
}

static void
child_play(const char *name)
{
	struct result	r;

	memset(&r, 0, sizeof r);
	r.loaded = canberra_mapped() ? 1 : 0;
	cue_init(true, fallback);
	r.loaded += canberra_mapped() ? 2 : 0;
	r.mode = cue_mode();
	cue_play(child_kind);
	wait_wav(name);
	cue_shutdown();
	r.fallbacks = fallbacks[child_kind];
	put_result(name, &r);
}
#endif /* HAVE_CANBERRA */

static void
test_ids(void)
{
	char		path[512];
	enum cue_kind	k;

	for (k = CUE_TICK; k <= CUE_COMPLETE; k++) {
		ok(cue_event_id(k) != NULL, "cue %d has a sound id", k);
		snprintf(path, sizeof path, THEME "/%s.oga", cue_event_id(k));
		ok(access(path, R_OK) == 0, "the theme has %s", path);
	}
	ok(strcmp(cue_event_id(CUE_COMPLETE), "complete") == 0,
	    "the session ends with 'complete'");
	ok(strcmp(cue_event_id(CUE_TICK), cue_event_id(CUE_END)) != 0 &&
	    strcmp(cue_event_id(CUE_END), cue_event_id(CUE_START)) != 0 &&
	    strcmp(cue_event_id(CUE_TICK), cue_event_id(CUE_START)) != 0,
	    "tick, end and start sound different");
	ok(cue_event_id((enum cue_kind)99) == NULL, "no id out of range");
}

static void
test_disabled(void)
{
	memset(fallbacks, 0, sizeof fallbacks);
	cue_init(false, fallback);
	is_int(cue_mode(), CUE_OFF, "--no-sound: off");
	ok(!canberra_mapped(), "--no-sound: libcanberra is not loaded");
	cue_play(CUE_TICK);
	cue_play(CUE_COMPLETE);
	is_int(fallbacks[CUE_TICK] + fallbacks[CUE_COMPLETE], 0,
	    "--no-sound: not even the fallback");
	cue_shutdown();
	cue_shutdown();
	ok(1, "shutdown twice is harmless");
}

#ifdef HAVE_CANBERRA
static void
test_sounds(void)
{
	static const char	*names[] = { "tick", "end", "start", "complete" };
	struct result		 r;
	enum cue_kind		 k;
	double			 rms;

	for (k = CUE_TICK; k <= CUE_COMPLETE; k++) {
		file_home(names[k]);
		child_kind = k;
		is_int(in_child(names[k], child_play), 0, "%s: child ran",
		    names[k]);
		ok(get_result(names[k], &r), "%s: result", names[k]);
		is_int(r.mode, CUE_SOUND, "%s: canberra plays", names[k]);
		is_int(r.loaded, 2, "%s: libcanberra loaded by cue_init, "
		    "not before", names[k]);
		is_int(r.fallbacks, 0, "%s: no fallback", names[k]);
		rms = wav_rms(names[k]);
		ok(rms > 0.001, "%s: the WAV holds audio (RMS %g)", names[k],
		    rms);
	}
}

/* A sound server that does not answer: the worker waits on this. */
static pthread_mutex_t	stall_mtx = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t	stall_cond = PTHREAD_COND_INITIALIZER;
static bool		stall_on;
static int		stall_seen;

static void
stall_hook(enum cue_kind k)
{
	(void)k;
	pthread_mutex_lock(&stall_mtx);
	stall_seen++;
	while (stall_on)
		pthread_cond_wait(&stall_cond, &stall_mtx);
	pthread_mutex_unlock(&stall_mtx);
}

static void
child_stall(const char *name)
{
	struct result	r;
	long		t, d;
	int		i;

	memset(&r, 0, sizeof r);
	stall_on = true;
	cue_set_test_hook(stall_hook);
	cue_init(true, fallback);
	r.mode = cue_mode();
	/* First let the worker take a cue and hang in the "server". */
	cue_play(CUE_TICK);
	for (i = 0; i < 3000; i++) {
		pthread_mutex_lock(&stall_mtx);
		d = stall_seen;
		pthread_mutex_unlock(&stall_mtx);
		if (d > 0)
			break;
		sleep_ms(10);
	}
	if (d == 0)
		r.mode = -1;	/* the worker never got the first cue */
	for (i = 0; i < 200; i++) {
		t = now_us();
		cue_play((enum cue_kind)(i % 4));
		d = now_us() - t;
		r.total_us += d;
		if (d > r.max_us)
			r.max_us = d;
	}
	r.fallbacks = fallbacks[0] + fallbacks[1] + fallbacks[2] +
	    fallbacks[3];
	pthread_mutex_lock(&stall_mtx);
	stall_on = false;
	pthread_cond_broadcast(&stall_cond);
	pthread_mutex_unlock(&stall_mtx);
	cue_shutdown();
	put_result(name, &r);
}

static void
test_stall(void)
{
	struct result	r;

	/* No file here: 17 sounds through the file plugin are slow. */
	make_home("stall", "pcm.!default { type null }");
	is_int(in_child("stall", child_stall), 0, "stall: child ran");
	ok(get_result("stall", &r), "stall: result");
	is_int(r.mode, CUE_SOUND, "stall: canberra plays, worker stalled");
	/* The worker is stuck for good: any wait on it would never end. */
	ok(r.max_us < 200000, "a stalled backend never delays cue_play "
	    "(slowest %ld us)", r.max_us);
	ok(r.total_us < 1000000, "200 cues queued or dropped in %ld us",
	    r.total_us);
	is_int(r.fallbacks, 0, "a full queue drops cues, no fallback");
}

static void
child_broken(const char *name)
{
	struct result	r;
	int		i;

	memset(&r, 0, sizeof r);
	cue_init(true, fallback);
	r.mode = cue_mode();
	cue_play(CUE_START);
	/* The worker finds out; then cues fall back. */
	for (i = 0; i < 1500 && fallbacks[CUE_TICK] == 0; i++) {
		sleep_ms(20);
		cue_play(CUE_TICK);
	}
	cue_play(CUE_END);
	cue_shutdown();
	r.fallbacks = fallbacks[CUE_TICK] + fallbacks[CUE_END];
	put_result(name, &r);
}

static void
test_broken(void)
{
	struct result	r;

	make_home("broken", "pcm.!default { type hw; card 42 }");
	is_int(in_child("broken", child_broken), 0, "broken: child ran");
	ok(get_result("broken", &r), "broken: result");
	ok(r.mode == CUE_SOUND || r.mode == CUE_FALLBACK,
	    "broken: started (mode %d)", r.mode);
	ok(r.fallbacks >= 2, "no device: cues go to the fallback (%d)",
	    r.fallbacks);
	is_int(r.reports, 1, "the failure is reported once");
}
#else
static void
test_without(void)
{
	memset(fallbacks, 0, sizeof fallbacks);
	cue_init(true, fallback);
	is_int(cue_mode(), CUE_FALLBACK, "without canberra: fallback");
	cue_play(CUE_TICK);
	cue_play(CUE_START);
	is_int(fallbacks[CUE_TICK], 1, "a tick falls back");
	is_int(fallbacks[CUE_START], 1, "a start falls back");
	cue_shutdown();
}
#endif

int
main(void)
{
	char	cmd[600];

	if (mkdtemp(tmp) == NULL) {
		perror("mkdtemp");
		return (1);
	}
	test_ids();
	test_disabled();
#ifdef HAVE_CANBERRA
	test_sounds();
	test_stall();
	test_broken();
#else
	test_without();
	tap_diag("built without libcanberra: no sound to capture");
#endif
	if (getenv("KEEP_TMP") == NULL) {
		snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmp);
		if (system(cmd) != 0)
			tap_diag("could not remove %s", tmp);
	}
	return (tap_done());
}
