/*
 * activity.h - one run, walk, ride or swim as rehabit keeps it, and the
 * figures the readers of watch files (actxml.c: GPX and TCX, fit.c: FIT)
 * compute while they stream through a track.
 *
 * No coordinates are kept, ever: a GPS track shows where a person lives.
 * Positions are used only while reading, to add up the distance when the
 * file has no total of its own, and are then dropped.
 */
#ifndef REHABIT_ACTIVITY_H
#define REHABIT_ACTIVITY_H

#include <sys/types.h>

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "diag.h"

enum activity_sport {
	ACTIVITY_RUN,
	ACTIVITY_WALK,
	ACTIVITY_CYCLE,
	ACTIVITY_SWIM,
	ACTIVITY_OTHER
};

/* Which of the optional figures an activity has (struct activity.has). */
#define ACTIVITY_HAS_OFF	0x01	/* utc_off is known (FIT; GPX, TCX: UTC) */
#define ACTIVITY_HAS_DISTANCE	0x02
#define ACTIVITY_HAS_ASCENT	0x04
#define ACTIVITY_HAS_HR		0x08	/* hr_avg and hr_max */
#define ACTIVITY_HAS_CADENCE	0x10

/*
 * A gap between two track points longer than this is a pause: it counts
 * in the elapsed time, not in the moving time. Watches record every 1 to
 * 10 seconds while moving, even in "smart recording" mode, and stop
 * recording when paused; a minute is well clear of both.
 */
#define ACTIVITY_PAUSE_S	60

struct activity {
	int64_t			start;		/* Unix seconds, UTC */
	int			utc_off;	/* seconds east of UTC */
	enum activity_sport	sport;
	double			elapsed_s;	/* first to last point */
	double			moving_s;	/* without the pauses */
	double			distance_m;
	double			ascent_m;
	int			hr_avg, hr_max;	/* beats per minute */
	/*
	 * Running and walking: steps per minute, both legs (watches count
	 * one leg; the readers double it). Other sports: the device's
	 * figure as it is (pedal revolutions or strokes per minute).
	 */
	double			cadence_spm;
	unsigned		has;		/* ACTIVITY_HAS_* */
};

/* One track point, as a reader hands it to activity_track_point(). */
struct activity_point {
	bool	has_time, has_pos, has_ele, has_hr, has_cad, has_dist;
	double	time;		/* Unix seconds, UTC */
	double	lat, lon;	/* degrees */
	double	ele;		/* metres */
	double	dist;		/* cumulative metres, as the device counts */
	int	hr;		/* beats per minute */
	double	cad;		/* as the file gives it (one leg for runs) */
};

/* What the points have given so far: O(1) whatever the track's length. */
struct activity_track {
	int	npoints;
	bool	has_time, has_pos, has_ele, has_dist;
	double	first_time, last_time;
	double	moving;
	double	lat, lon;	/* the last position, while reading only */
	double	gps_dist;	/* great-circle sum */
	double	dev_dist;	/* the device's last cumulative distance */
	double	ele_ref, ascent;
	double	hr_sum, cad_sum;
	long	hr_n, cad_n;
	int	hr_max;
};

void	activity_track_init(struct activity_track *);
void	activity_track_point(struct activity_track *,
	    const struct activity_point *);
/* A new segment: no distance between the last point and the next. */
void	activity_track_break(struct activity_track *);
/*
 * Fill the figures of `a` the file gave no total for (those not in
 * a->has, and elapsed/moving time when 0) from the track; forget the
 * last position.
 */
void	activity_track_finish(struct activity_track *, struct activity *);
/* The great-circle distance in metres between two points in degrees. */
double	activity_haversine(double, double, double, double);
/* A sport's name in a file ("Running", "biking", "9"...); `dflt` if none. */
enum activity_sport activity_sport_name(const char *, enum activity_sport);
const char *activity_sport_str(enum activity_sport);
/* Cadence as rehabit keeps it, from the device's figure for a sport. */
double	activity_cadence(enum activity_sport, double);
/*
 * Whether a read activity's figures can be kept: a known sport, every
 * figure finite and none negative. Every reader's output must pass.
 */
bool	activity_sane(const struct activity *);

/*
 * The bytes of a watch file, handed to a reader ACTIVITY_CHUNK at a time
 * whether they come from a file or from memory (the fuzzers), so that
 * both take the same path and no file is ever wholly in memory.
 */
#define ACTIVITY_CHUNK	65536

struct activity_src {
	int			 fd;		/* -1: from memory */
	const unsigned char	*mem;
	size_t			 len, off;
	unsigned char		*buf;		/* ACTIVITY_CHUNK, files only */
};

/*
 * Open a file to read (a regular file only): 0; or 66 if it cannot be
 * opened, said in `d` as "FILE: why".
 */
int	activity_src_open(struct activity_src *, const char *,
	    struct diags *);
void	activity_src_mem(struct activity_src *, const void *, size_t);
/* The next chunk in *p: its length, 0 at the end, -1 (errno) on error. */
ssize_t	activity_src_next(struct activity_src *, const unsigned char **);
void	activity_src_close(struct activity_src *);

#endif
