/*
 * actxml.c - GPX 1.1 and TCX activities, read with expat.
 *
 * Each element is pushed on a small stack of known names, so that a
 * value is read by where it is (a Trackpoint's DistanceMeters is not a
 * Lap's). Only the texts of the few elements read are collected, into a
 * fixed buffer. The figures go through activity_track_point() as the
 * points stream by: nothing of the track is kept.
 *
 * GPX: trkpt (lat, lon), ele, time, trk/type for the sport, and Garmin's
 * TrackPointExtension hr and cad (v1 or v2: matched by local name).
 * TCX: Activity Sport=, Lap StartTime=, TotalTimeSeconds and
 * DistanceMeters (the device's totals, summed over the laps), and each
 * Trackpoint's Time, Position, AltitudeMeters, DistanceMeters,
 * HeartRateBpm/Value, Cadence and RunCadence.
 */
#include "config.h"

#include <errno.h>
#include <expat.h>
#include <math.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "activity.h"
#include "actxml.h"
#include "isotime.h"
#include "xmalloc.h"

enum ax_el {
	AX_OTHER, AX_GPX, AX_TCD, AX_TRK, AX_TRKSEG, AX_TRKPT, AX_ELE,
	AX_TIME, AX_TYPE, AX_HR, AX_CAD, AX_ACTIVITY, AX_LAP, AX_TOTALTIME,
	AX_DISTANCE, AX_TRACK, AX_TRACKPOINT, AX_TCXTIME, AX_POSITION,
	AX_LAT, AX_LON, AX_ALT, AX_HRBPM, AX_VALUE, AX_CADENCE, AX_RUNCAD,
	AX_NEL
};

/* Local names, in enum ax_el's order. */
static const char *const ax_names[AX_NEL] = {
	"", "gpx", "TrainingCenterDatabase", "trk", "trkseg", "trkpt",
	"ele", "time", "type", "hr", "cad", "Activity", "Lap",
	"TotalTimeSeconds", "DistanceMeters", "Track", "Trackpoint", "Time",
	"Position", "LatitudeDegrees", "LongitudeDegrees", "AltitudeMeters",
	"HeartRateBpm", "Value", "Cadence", "RunCadence"
};

/* Namespaced names come as "URI|local". */
#define AX_NS_SEP	'|'

struct ax {
	const char		*name;
	XML_Parser		 p;
	struct diags		*d;
	bool			 failed;
	bool			 tcx;
	int			 depth;
	uint8_t			 stack[ACTXML_MAX_DEPTH];
	bool			 collect;
	size_t			 tlen;
	char			 text[ACTXML_MAX_TEXT + 1];
	unsigned long		 events;
	int			 nactivity;
	bool			 has_sport, has_start;
	struct activity_point	 pt;
	bool			 in_pt;
	int			 nlaps;
	double			 lap_time, lap_dist;
	struct activity		*a;
	struct activity_track	 track;
};

static void	ax_err(struct ax *, const char *, ...)
    __attribute__((format(printf, 2, 3)));

static void
ax_err(struct ax *x, const char *fmt, ...)
{
	struct diag_loc	loc;
	va_list		ap;

	if (x->failed)
		return;
	x->failed = true;
	loc.file = x->name;
	loc.line = (int)XML_GetCurrentLineNumber(x->p);
	loc.col = (int)XML_GetCurrentColumnNumber(x->p) + 1;
	va_start(ap, fmt);
	diags_vadd(x->d, loc, fmt, ap);
	va_end(ap);
	XML_StopParser(x->p, XML_FALSE);
}

static enum ax_el
ax_lookup(const char *name)
{
	const char	*local;
	int		 i;

	if ((local = strrchr(name, AX_NS_SEP)) != NULL)
		name = local + 1;
	for (i = 1; i < AX_NEL; i++)
		if (strcmp(name, ax_names[i]) == 0)
			return i;
	return AX_OTHER;
}

static const char *
ax_attr(const char **attr, const char *name)
{
	for (; attr[0] != NULL; attr += 2)
		if (strcmp(attr[0], name) == 0)
			return attr[1];
	return NULL;
}

static bool
ax_number(struct ax *x, const char *s, double lo, double hi, double *v)
{
	char	*end;

	errno = 0;
	*v = strtod(s, &end);
	while (*end == ' ' || *end == '\t' || *end == '\n' || *end == '\r')
		end++;
	if (end == s || *end != '\0' || errno != 0 || !isfinite(*v) ||
	    *v < lo || *v > hi) {
		ax_err(x, "\"%.40s\" is not a number from %g to %g", s, lo, hi);
		return false;
	}
	return true;
}

/*
 * An ISO 8601 time, maybe with a fraction of a second (its digits only,
 * to the nanosecond); UTC if it has no zone.
 */
static bool
ax_time(struct ax *x, const char *s, double *t)
{
	struct isotime	 it;
	char		 buf[ACTXML_MAX_TEXT + 1];
	const char	*dot, *rest;
	double		 frac = 0, unit = 0.1;
	size_t		 n, i, nd;

	n = strcspn(s, " \t\r\n");
	if ((dot = memchr(s, '.', n)) != NULL && dot - s > 10) {
		nd = strspn(dot + 1, "0123456789");
		for (i = 0; i < nd && i < 9; i++, unit /= 10)
			frac += (dot[1 + i] - '0') * unit;
		rest = dot + 1 + nd;
		snprintf(buf, sizeof buf, "%.*s%.*s", (int)(dot - s), s,
		    (int)(s + n - rest), rest);
	} else
		snprintf(buf, sizeof buf, "%.*s", (int)n, s);
	if (isotime_scan(buf, &it) != 0 || !it.has_time) {
		ax_err(x, "\"%.40s\" is not a time (2026-11-02T18:00:00Z)", s);
		return false;
	}
	it.has_off = true;	/* GPX and TCX times are UTC without one */
	*t = (double)isotime_utc(&it) + frac;
	return true;
}

static enum ax_el
ax_up(const struct ax *x, int n)
{
	return x->depth > n ? x->stack[x->depth - 1 - n] : AX_OTHER;
}

static void
ax_sport(struct ax *x, const char *s)
{
	if (x->has_sport)
		return;
	x->a->sport = activity_sport_name(s, ACTIVITY_RUN);
	x->has_sport = true;
}

static void
ax_start_point(struct ax *x, enum ax_el el, const char **attr)
{
	const char	*lat, *lon;

	memset(&x->pt, 0, sizeof x->pt);
	x->in_pt = true;
	if (el != AX_TRKPT)
		return;
	lat = ax_attr(attr, "lat");
	lon = ax_attr(attr, "lon");
	if (lat == NULL || lon == NULL) {
		ax_err(x, "a trkpt without its lat and lon");
		return;
	}
	if (ax_number(x, lat, -90, 90, &x->pt.lat) &&
	    ax_number(x, lon, -180, 180, &x->pt.lon))
		x->pt.has_pos = true;
}

static void
ax_start(void *ud, const char *name, const char **attr)
{
	struct ax	*x = ud;
	enum ax_el	 el = ax_lookup(name);
	const char	*v;
	double		 t;

	x->events++;
	if (x->depth == 0) {
		if (el != AX_GPX && el != AX_TCD) {
			ax_err(x, "neither GPX nor TCX (its root element is "
			    "<%.40s>)", name);
			return;
		}
		x->tcx = el == AX_TCD;
	}
	if (x->depth == ACTXML_MAX_DEPTH) {
		ax_err(x, "elements nested deeper than %d", ACTXML_MAX_DEPTH);
		return;
	}
	x->stack[x->depth++] = el;
	/* Only the leaves, from <ele> on, hold a value to read. */
	x->collect = el >= AX_ELE && el != AX_ACTIVITY && el != AX_LAP &&
	    el != AX_TRACK && el != AX_TRACKPOINT && el != AX_POSITION &&
	    el != AX_HRBPM;
	x->tlen = 0;
	switch (el) {
	case AX_TRKSEG:
	case AX_TRACK:
		activity_track_break(&x->track);
		break;
	case AX_TRKPT:
	case AX_TRACKPOINT:
		ax_start_point(x, el, attr);
		break;
	case AX_ACTIVITY:
		if (++x->nactivity > 1) {
			ax_err(x, "a second activity: rehabit reads one "
			    "activity a file");
			return;
		}
		ax_sport(x, ax_attr(attr, "Sport"));
		break;
	case AX_LAP:
		x->nlaps++;
		if (!x->has_start && (v = ax_attr(attr, "StartTime")) != NULL &&
		    ax_time(x, v, &t)) {
			x->a->start = (int64_t)t;
			x->has_start = true;
		}
		break;
	default:
		break;
	}
}

static void
ax_text(void *ud, const char *s, int len)
{
	struct ax	*x = ud;

	x->events++;
	if (!x->collect)
		return;
	if ((size_t)len > ACTXML_MAX_TEXT - x->tlen) {
		ax_err(x, "<%s> is longer than %d bytes",
		    ax_names[ax_up(x, 0)], ACTXML_MAX_TEXT);
		return;
	}
	memcpy(x->text + x->tlen, s, (size_t)len);
	x->tlen += (size_t)len;
}

/* The text of a point's element: GPX and TCX alike. */
static void
ax_point_value(struct ax *x, enum ax_el el, const char *s)
{
	struct activity_point	*p = &x->pt;
	enum ax_el		 up = ax_up(x, 1);

	if ((el == AX_TIME && up == AX_TRKPT) ||
	    (el == AX_TCXTIME && up == AX_TRACKPOINT))
		p->has_time = ax_time(x, s, &p->time);
	else if ((el == AX_ELE && up == AX_TRKPT) ||
	    (el == AX_ALT && up == AX_TRACKPOINT))
		p->has_ele = ax_number(x, s, -1e5, 1e5, &p->ele);
	else if (el == AX_LAT && up == AX_POSITION)
		p->has_pos = ax_number(x, s, -90, 90, &p->lat);
	else if (el == AX_LON && up == AX_POSITION)
		p->has_pos = p->has_pos && ax_number(x, s, -180, 180, &p->lon);
	else if (el == AX_DISTANCE && up == AX_TRACKPOINT)
		p->has_dist = ax_number(x, s, 0, 1e9, &p->dist);
	else if (el == AX_HR || (el == AX_VALUE && up == AX_HRBPM)) {
		double	hr;

		if ((p->has_hr = ax_number(x, s, 0, 255, &hr)))
			p->hr = (int)lround(hr);
	} else if (el == AX_CAD || el == AX_RUNCAD || el == AX_CADENCE)
		p->has_cad = ax_number(x, s, 0, 255, &p->cad);
}

static void
ax_value(struct ax *x, enum ax_el el)
{
	double	v;

	x->text[x->tlen] = '\0';
	if (x->in_pt)
		ax_point_value(x, el, x->text);
	else if (el == AX_TYPE && ax_up(x, 1) == AX_TRK)
		ax_sport(x, x->text);
	else if (el == AX_TOTALTIME && ax_up(x, 1) == AX_LAP &&
	    ax_number(x, x->text, 0, 1e8, &v))
		x->lap_time += v;
	else if (el == AX_DISTANCE && ax_up(x, 1) == AX_LAP &&
	    ax_number(x, x->text, 0, 1e9, &v))
		x->lap_dist += v;
}

static void
ax_end(void *ud, const char *name)
{
	struct ax	*x = ud;
	enum ax_el	 el;

	(void)name;
	x->events++;
	if (x->depth == 0)
		return;
	el = ax_up(x, 0);
	if (x->collect)
		ax_value(x, el);
	x->collect = false;
	if (el == AX_TRKPT || el == AX_TRACKPOINT) {
		activity_track_point(&x->track, &x->pt);
		x->in_pt = false;
	}
	x->depth--;
}

static void
ax_event(void *ud, const char *s)
{
	struct ax	*x = ud;

	(void)s;
	x->events++;
}

static void
ax_doctype(void *ud, const char *name, const char *sysid, const char *pubid,
    int internal)
{
	struct ax	*x = ud;

	(void)name, (void)sysid, (void)pubid, (void)internal;
	ax_err(x, "a DTD (<!DOCTYPE>): refused, as GPX and TCX have none");
}

static void
ax_entity(void *ud, const char *name, int param, const char *value,
    int len, const char *base, const char *sysid, const char *pubid,
    const char *notation)
{
	struct ax	*x = ud;

	(void)param, (void)value, (void)len, (void)base, (void)sysid;
	(void)pubid, (void)notation;
	ax_err(x, "an entity (%.40s): refused", name);
}

static void
ax_finish(struct ax *x)
{
	struct activity	*a = x->a;

	if (!x->has_sport)
		a->sport = ACTIVITY_RUN;
	if (x->nlaps > 0 && x->lap_time > 0)
		a->moving_s = x->lap_time;
	if (x->nlaps > 0 && x->lap_dist > 0) {
		a->distance_m = x->lap_dist;
		a->has |= ACTIVITY_HAS_DISTANCE;
	}
	if (!x->has_start && x->track.has_time)
		a->start = (int64_t)floor(x->track.first_time);
	if (x->has_start && x->track.has_time)
		a->elapsed_s = x->track.last_time - (double)a->start;
	activity_track_finish(&x->track, a);
}

/* Feed expat the source's chunks; 0, 65 or 74. */
static int
ax_parse(struct ax *x, struct activity_src *src)
{
	const unsigned char	*chunk;
	unsigned long		 events;
	size_t			 quiet = 0;
	ssize_t			 n;

	do {
		if ((n = activity_src_next(src, &chunk)) < 0) {
			struct diag_loc	loc = { x->name, 0, 0 };

			diags_add(x->d, loc, "%s", strerror(errno));
			return 74;
		}
		events = x->events;
		if (XML_Parse(x->p, (const char *)chunk, (int)n, n == 0) ==
		    XML_STATUS_ERROR) {
			ax_err(x, "%s",
			    XML_ErrorString(XML_GetErrorCode(x->p)));
			return 65;
		}
		/* A huge tag or comment would sit whole in expat's buffer. */
		quiet = events == x->events ? quiet + (size_t)n : 0;
		if (quiet > ACTXML_MAX_QUIET) {
			ax_err(x, "more than %d bytes without an element",
			    ACTXML_MAX_QUIET);
			return 65;
		}
	} while (n > 0);
	if (!x->track.npoints && x->nlaps == 0) {
		ax_err(x, "no track points in it");
		return 65;
	}
	ax_finish(x);
	if (x->a->start == 0) {
		ax_err(x, "no time in it: a route, not an activity");
		return 65;
	}
	return 0;
}

static int
ax_read(const char *name, struct activity_src *src, struct activity *a,
    struct diags *d)
{
	struct ax	*x;
	int		 rc;

	x = xcalloc(1, sizeof *x);
	x->name = name;
	x->d = d;
	x->a = a;
	memset(a, 0, sizeof *a);
	activity_track_init(&x->track);
	if ((x->p = XML_ParserCreateNS(NULL, AX_NS_SEP)) == NULL)
		fatalx(70, "out of memory");
	XML_SetUserData(x->p, x);
	XML_SetParamEntityParsing(x->p, XML_PARAM_ENTITY_PARSING_NEVER);
	XML_SetStartDoctypeDeclHandler(x->p, ax_doctype);
	XML_SetEntityDeclHandler(x->p, ax_entity);
	XML_SetElementHandler(x->p, ax_start, ax_end);
	XML_SetCharacterDataHandler(x->p, ax_text);
	XML_SetCommentHandler(x->p, ax_event);
	rc = ax_parse(x, src);
	if (rc == 0 && x->failed)
		rc = 65;
	XML_ParserFree(x->p);
	free(x);
	return rc;
}

int
actxml_read_file(const char *path, struct activity *a, struct diags *d)
{
	struct activity_src	src;
	int			rc;

	if ((rc = activity_src_open(&src, path, d)) == 0)
		rc = ax_read(path, &src, a, d);
	activity_src_close(&src);
	return rc;
}

int
actxml_read_mem(const char *name, const void *p, size_t len,
    struct activity *a, struct diags *d)
{
	struct activity_src	src;
	int			rc;

	activity_src_mem(&src, p, len);
	rc = ax_read(name, &src, a, d);
	activity_src_close(&src);
	return rc;
}
