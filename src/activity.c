/*
 * activity.c - the figures of a track, computed point by point while a
 * reader streams through a file: distance, moving time, ascent, heart
 * rate and cadence. Nothing of the track is kept but running sums.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "activity.h"
#include "paths.h"
#include "xmalloc.h"

/* The mean radius of the Earth (IUGG), in metres. */
#define ACTIVITY_EARTH_R	6371008.8
/*
 * A climb counts once the elevation has risen this much above the last
 * low point: GPS elevation wanders by a few metres, and summing every
 * wiggle would report climbs on a flat track.
 */
#define ACTIVITY_CLIMB_M	3.0

static const char *const activity_sports[] = {
	"run", "walk", "cycle", "swim", "other"
};

void
activity_track_init(struct activity_track *t)
{
	memset(t, 0, sizeof *t);
}

double
activity_haversine(double lat1, double lon1, double lat2, double lon2)
{
	double	p1, p2, dp, dl, h;

	p1 = lat1 * M_PI / 180;
	p2 = lat2 * M_PI / 180;
	dp = p2 - p1;
	dl = (lon2 - lon1) * M_PI / 180;
	h = sin(dp / 2) * sin(dp / 2) +
	    cos(p1) * cos(p2) * sin(dl / 2) * sin(dl / 2);
	if (h > 1)
		h = 1;
	return 2 * ACTIVITY_EARTH_R * asin(sqrt(h));
}

static void
activity_track_time(struct activity_track *t, double time)
{
	double	gap;

	if (!t->has_time) {
		t->first_time = t->last_time = time;
		t->has_time = true;
		return;
	}
	gap = time - t->last_time;
	/* Points out of order or far apart: a pause, not movement. */
	if (gap > 0 && gap <= ACTIVITY_PAUSE_S)
		t->moving += gap;
	if (time > t->last_time)
		t->last_time = time;
}

static void
activity_track_ele(struct activity_track *t, double ele)
{
	if (!t->has_ele) {
		t->ele_ref = ele;
		t->has_ele = true;
	} else if (ele < t->ele_ref)
		t->ele_ref = ele;
	else if (ele >= t->ele_ref + ACTIVITY_CLIMB_M) {
		t->ascent += ele - t->ele_ref;
		t->ele_ref = ele;
	}
}

void
activity_track_point(struct activity_track *t, const struct activity_point *p)
{
	t->npoints++;
	if (p->has_time && isfinite(p->time))
		activity_track_time(t, p->time);
	if (p->has_pos && isfinite(p->lat) && isfinite(p->lon) &&
	    fabs(p->lat) <= 90 && fabs(p->lon) <= 180) {
		if (t->has_pos)
			t->gps_dist += activity_haversine(t->lat, t->lon,
			    p->lat, p->lon);
		t->lat = p->lat;
		t->lon = p->lon;
		t->has_pos = true;
	}
	if (p->has_ele && isfinite(p->ele))
		activity_track_ele(t, p->ele);
	if (p->has_dist && isfinite(p->dist) && p->dist >= t->dev_dist) {
		t->dev_dist = p->dist;
		t->has_dist = true;
	}
	if (p->has_hr && p->hr > 0 && p->hr < 255) {
		t->hr_sum += p->hr;
		t->hr_n++;
		if (p->hr > t->hr_max)
			t->hr_max = p->hr;
	}
	/*
	 * 0 is a stop at a light, not a cadence; 254 and 255 are what
	 * Garmin writes for "no sensor". Leave them out.
	 */
	if (p->has_cad && isfinite(p->cad) && p->cad > 0 && p->cad < 254) {
		t->cad_sum += p->cad;
		t->cad_n++;
	}
}

void
activity_track_break(struct activity_track *t)
{
	t->has_pos = false;
}

void
activity_track_finish(struct activity_track *t, struct activity *a)
{
	if (a->elapsed_s <= 0 && t->has_time)
		a->elapsed_s = t->last_time - t->first_time;
	if (a->moving_s <= 0 && t->has_time)
		a->moving_s = t->moving;
	if (!(a->has & ACTIVITY_HAS_DISTANCE)) {
		/* The device's own count of a point's distance beats GPS. */
		if (t->has_dist && t->dev_dist > 0) {
			a->distance_m = t->dev_dist;
			a->has |= ACTIVITY_HAS_DISTANCE;
		} else if (t->gps_dist > 0) {
			a->distance_m = t->gps_dist;
			a->has |= ACTIVITY_HAS_DISTANCE;
		}
	}
	if (!(a->has & ACTIVITY_HAS_ASCENT) && t->has_ele) {
		a->ascent_m = t->ascent;
		a->has |= ACTIVITY_HAS_ASCENT;
	}
	if (!(a->has & ACTIVITY_HAS_HR) && t->hr_n > 0) {
		a->hr_avg = (int)lround(t->hr_sum / t->hr_n);
		a->hr_max = t->hr_max;
		a->has |= ACTIVITY_HAS_HR;
	}
	if (!(a->has & ACTIVITY_HAS_CADENCE) && t->cad_n > 0) {
		a->cadence_spm = activity_cadence(a->sport,
		    t->cad_sum / t->cad_n);
		a->has |= ACTIVITY_HAS_CADENCE;
	}
	t->lat = t->lon = 0;
	t->has_pos = false;
}

enum activity_sport
activity_sport_name(const char *s, enum activity_sport dflt)
{
	static const struct {
		const char		*word;
		enum activity_sport	 sport;
	} words[] = {
		{ "run", ACTIVITY_RUN }, { "jog", ACTIVITY_RUN },
		{ "walk", ACTIVITY_WALK }, { "hik", ACTIVITY_WALK },
		{ "cycl", ACTIVITY_CYCLE }, { "bik", ACTIVITY_CYCLE },
		{ "ride", ACTIVITY_CYCLE }, { "swim", ACTIVITY_SWIM },
	};
	size_t	i, j, n;

	if (s == NULL || *s == '\0')
		return dflt;
	for (i = 0; i < sizeof words / sizeof words[0]; i++) {
		n = strlen(words[i].word);
		for (j = 0; s[j] != '\0'; j++)
			if (strncasecmp(s + j, words[i].word, n) == 0)
				return words[i].sport;
	}
	return ACTIVITY_OTHER;
}

const char *
activity_sport_str(enum activity_sport s)
{
	if ((size_t)s >= sizeof activity_sports / sizeof activity_sports[0])
		return "other";
	return activity_sports[s];
}

double
activity_cadence(enum activity_sport s, double cad)
{
	if (s == ACTIVITY_RUN || s == ACTIVITY_WALK)
		return cad * 2;
	return cad;
}

bool
activity_sane(const struct activity *a)
{
	return (unsigned)a->sport <= ACTIVITY_OTHER &&
	    isfinite(a->elapsed_s) && isfinite(a->moving_s) &&
	    isfinite(a->distance_m) && isfinite(a->ascent_m) &&
	    isfinite(a->cadence_spm) && a->distance_m >= 0 &&
	    a->ascent_m >= 0 && a->moving_s >= 0 && a->hr_avg >= 0 &&
	    a->hr_max >= 0;
}

int
activity_src_open(struct activity_src *src, const char *path,
    struct diags *d)
{
	struct diag_loc	loc = { path, 0, 0 };

	memset(src, 0, sizeof *src);
	if ((src->fd = paths_open_file(path, O_RDONLY, 0, NULL)) < 0) {
		diags_add(d, loc, "%s", paths_open_error(src->fd));
		src->fd = -1;
		return 66;
	}
	src->buf = xmalloc(ACTIVITY_CHUNK);
	return 0;
}

void
activity_src_mem(struct activity_src *src, const void *p, size_t len)
{
	memset(src, 0, sizeof *src);
	src->fd = -1;
	src->mem = p;
	src->len = len;
}

ssize_t
activity_src_next(struct activity_src *src, const unsigned char **p)
{
	ssize_t	n;

	if (src->fd < 0) {
		n = (ssize_t)(src->len - src->off < ACTIVITY_CHUNK ?
		    src->len - src->off : ACTIVITY_CHUNK);
		*p = src->mem + src->off;
		src->off += (size_t)n;
		return n;
	}
	do
		n = read(src->fd, src->buf, ACTIVITY_CHUNK);
	while (n == -1 && errno == EINTR);
	*p = src->buf;
	return n;
}

void
activity_src_close(struct activity_src *src)
{
	if (src->fd >= 0)
		close(src->fd);
	free(src->buf);
	memset(src, 0, sizeof *src);
	src->fd = -1;
}
