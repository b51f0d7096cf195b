/*
 * fit.c - a decoder of FIT activity files, streaming and bounded.
 *
 * A FIT file is a 12 or 14 byte header (".FIT", the size of the data, an
 * optional header CRC), records, and a CRC-16 of everything before it.
 * A record is a definition message, which says which fields a "local
 * message type" (0-15) carries, their sizes, base types and byte order,
 * or a data message laid out by the last definition of its local type.
 * Only file_id, sport, session, lap and record are read; every other
 * message and field is skipped by its size. Nothing but the sixteen
 * definitions and running sums is kept, so memory is constant and time
 * linear however many records a file claims.
 */
#include "config.h"

#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "activity.h"
#include "fit.h"
#include "xmalloc.h"

/* FIT times count seconds from 1989-12-31T00:00:00Z. */
#define FIT_EPOCH	631065600
/* A FIT time below this is seconds since the device powered up. */
#define FIT_TIME_MIN	0x10000000U

#define FIT_FILE_ID	0
#define FIT_SPORT	12
#define FIT_SESSION	18
#define FIT_LAP		19
#define FIT_RECORD	20
#define FIT_ACTIVITY	34
#define FIT_TIMESTAMP	253

struct fit_def {
	bool		set;
	bool		big;		/* big-endian fields */
	uint16_t	global;		/* message number */
	uint8_t		nfields;
	uint8_t		num[255], size[255], base[255];
	uint32_t	devsize;	/* developer fields, skipped */
};

/* The fields of one data message that were read and valid. */
struct fit_msg {
	uint8_t	ok[256 / 8];
	int64_t	v[256];
};

/* Totals from session (or lap) messages: the device's own. */
struct fit_sum {
	int	n;
	double	start, elapsed, timer, dist, ascent;
	double	hr_wsum, hr_w, cad_wsum, cad_w;
	int	hr_max, sport;
	bool	has_dist, has_ascent, has_timer, has_elapsed;
};

struct fit {
	const char		*name;
	struct activity_src	 src;
	const unsigned char	*chunk;
	size_t			 clen, cpos;
	uint64_t		 off;		/* bytes read so far */
	uint16_t		 crc;
	bool			 ioerr;
	bool			 said;		/* an error is in d */
	struct diags		*d;
	struct fit_def		 def[16];
	struct fit_msg		 msg;
	uint32_t		 last_ts;
	int			 file_type, sport;
	bool			 has_off;
	int			 utc_off;	/* from the activity message */
	double			 first_ts;
	bool			 has_first_ts;
	struct fit_sum		 session, lap;
	struct activity_track	 track;
};

/* The fields read, with the size a valid file gives each. */
static const struct {
	uint16_t	global;
	uint8_t		num, size;
} fit_fields[] = {
	{ FIT_FILE_ID, 0, 1 },
	{ FIT_SPORT, 0, 1 },
	{ FIT_SESSION, 2, 4 }, { FIT_SESSION, 5, 1 }, { FIT_SESSION, 7, 4 },
	{ FIT_SESSION, 8, 4 }, { FIT_SESSION, 9, 4 }, { FIT_SESSION, 16, 1 },
	{ FIT_SESSION, 17, 1 }, { FIT_SESSION, 18, 1 },
	{ FIT_SESSION, 22, 2 }, { FIT_SESSION, 92, 1 },
	{ FIT_LAP, 2, 4 }, { FIT_LAP, 7, 4 }, { FIT_LAP, 8, 4 },
	{ FIT_LAP, 9, 4 }, { FIT_LAP, 15, 1 }, { FIT_LAP, 16, 1 },
	{ FIT_LAP, 17, 1 }, { FIT_LAP, 21, 2 }, { FIT_LAP, 25, 1 },
	{ FIT_RECORD, 0, 4 }, { FIT_RECORD, 1, 4 }, { FIT_RECORD, 2, 2 },
	{ FIT_RECORD, 3, 1 }, { FIT_RECORD, 4, 1 }, { FIT_RECORD, 5, 4 },
	{ FIT_RECORD, 53, 1 }, { FIT_RECORD, 78, 4 },
	{ FIT_ACTIVITY, 5, 4 },
};

static const uint16_t fit_crc_table[16] = {
	0x0000, 0xcc01, 0xd801, 0x1400, 0xf001, 0x3c00, 0x2800, 0xe401,
	0xa001, 0x6c00, 0x7800, 0xb401, 0x5000, 0x9c01, 0x8801, 0x4400
};

static uint16_t
fit_crc(uint16_t crc, uint8_t b)
{
	uint16_t	t;

	t = fit_crc_table[crc & 0xf];
	crc = (crc >> 4) & 0x0fff;
	crc = crc ^ t ^ fit_crc_table[b & 0xf];
	t = fit_crc_table[crc & 0xf];
	crc = (crc >> 4) & 0x0fff;
	return crc ^ t ^ fit_crc_table[(b >> 4) & 0xf];
}

static void	fit_err(struct fit *, const char *, ...)
    __attribute__((format(printf, 2, 3)));

static void
fit_err(struct fit *f, const char *fmt, ...)
{
	struct diag_loc	loc = { f->name, 0, 0 };
	va_list		ap;

	f->said = true;
	va_start(ap, fmt);
	diags_vadd(f->d, loc, fmt, ap);
	va_end(ap);
}

/* Read n bytes into p (NULL: skip them). false at the end or an error. */
static bool
fit_get(struct fit *f, uint8_t *p, size_t n)
{
	ssize_t	r;

	while (n > 0) {
		if (f->cpos == f->clen) {
			if ((r = activity_src_next(&f->src, &f->chunk)) <= 0) {
				f->ioerr = r < 0;
				return false;
			}
			f->clen = (size_t)r;
			f->cpos = 0;
		}
		f->crc = fit_crc(f->crc, f->chunk[f->cpos]);
		if (p != NULL)
			*p++ = f->chunk[f->cpos];
		f->cpos++;
		f->off++;
		n--;
	}
	return true;
}

static bool
fit_wanted(uint16_t global, uint8_t num, uint8_t *size)
{
	size_t	i;

	for (i = 0; i < sizeof fit_fields / sizeof fit_fields[0]; i++)
		if (fit_fields[i].global == global &&
		    fit_fields[i].num == num) {
			*size = fit_fields[i].size;
			return true;
		}
	if (num == FIT_TIMESTAMP) {
		*size = 4;
		return true;
	}
	return false;
}

static bool
fit_definition(struct fit *f, uint8_t hdr)
{
	struct fit_def	*def = &f->def[hdr & 0x0f];
	uint8_t		 b[5], fd[3], want;
	uint64_t	 at = f->off - 1;	/* where its header was */
	int		 i, ndev;

	if (!fit_get(f, b, 5))
		return false;
	if (b[1] > 1) {
		fit_err(f, "byte %llu: a definition with byte order %u, "
		    "neither little (0) nor big endian (1)",
		    (unsigned long long)at, b[1]);
		return false;
	}
	def->set = true;
	def->big = b[1] == 1;
	def->global = def->big ? (uint16_t)(b[2] << 8 | b[3]) :
	    (uint16_t)(b[3] << 8 | b[2]);
	def->nfields = b[4];
	def->devsize = 0;
	for (i = 0; i < def->nfields; i++) {
		if (!fit_get(f, fd, 3))
			return false;
		def->num[i] = fd[0];
		def->size[i] = fd[1];
		def->base[i] = fd[2];
		if (fd[1] == 0) {
			fit_err(f, "byte %llu: message %u field %u is 0 "
			    "bytes long", (unsigned long long)at,
			    def->global, fd[0]);
			return false;
		}
		if (fit_wanted(def->global, fd[0], &want) && fd[1] != want) {
			fit_err(f, "byte %llu: message %u field %u is %u "
			    "bytes long, not %u", (unsigned long long)at,
			    def->global, fd[0], fd[1], want);
			return false;
		}
	}
	if (hdr & 0x20) {
		if (!fit_get(f, b, 1))
			return false;
		for (ndev = b[0]; ndev > 0; ndev--) {
			if (!fit_get(f, fd, 3))
				return false;
			def->devsize += fd[1];
		}
	}
	return true;
}

/* The value of a field's bytes; false if it is the "invalid" value. */
static bool
fit_value(const uint8_t *p, uint8_t size, uint8_t base, bool big,
    int64_t *out)
{
	uint64_t	u = 0, inval;
	int		i, t = base & 0x1f;

	for (i = 0; i < size; i++)
		u |= (uint64_t)p[big ? size - 1 - i : i] << (8 * i);
	inval = size == 8 ? UINT64_MAX : (1ULL << (8 * size)) - 1;
	switch (t) {
	case 0x01: case 0x03: case 0x05: case 0x0e:	/* signed */
		if (u == inval >> 1)
			return false;
		if (size < 8 && (u >> (8 * size - 1)) & 1)
			u |= ~inval;
		break;
	case 0x0a: case 0x0b: case 0x0c: case 0x10:	/* 0 is invalid */
		if (u == 0)
			return false;
		break;
	default:
		if (u == inval)
			return false;
	}
	*out = (int64_t)u;
	return true;
}

static bool
fit_has(const struct fit *f, int num)
{
	return f->msg.ok[num / 8] & (1 << (num % 8));
}

static double
fit_time(uint32_t ts)
{
	return ts >= FIT_TIME_MIN ? (double)ts + FIT_EPOCH : (double)ts;
}

static void
fit_record(struct fit *f, bool has_ts)
{
	struct activity_point	p;
	const int64_t		*v = f->msg.v;

	memset(&p, 0, sizeof p);
	if ((p.has_time = has_ts)) {
		p.time = fit_time(f->last_ts);
		if (!f->has_first_ts) {
			f->first_ts = p.time;
			f->has_first_ts = true;
		}
	}
	if ((p.has_pos = fit_has(f, 0) && fit_has(f, 1))) {
		p.lat = v[0] * (180.0 / 2147483648.0);
		p.lon = v[1] * (180.0 / 2147483648.0);
	}
	if (fit_has(f, 78)) {
		p.has_ele = true;
		p.ele = v[78] / 5.0 - 500;
	} else if (fit_has(f, 2)) {
		p.has_ele = true;
		p.ele = v[2] / 5.0 - 500;
	}
	if ((p.has_hr = fit_has(f, 3)))
		p.hr = (int)v[3];
	if ((p.has_cad = fit_has(f, 4)))
		p.cad = v[4] + (fit_has(f, 53) ? v[53] / 128.0 : 0);
	if ((p.has_dist = fit_has(f, 5)))
		p.dist = v[5] / 100.0;
	activity_track_point(&f->track, &p);
}

/*
 * A session or lap: field numbers differ between the two (the offset
 * tables below), the sums are the same.
 */
static void
fit_total(struct fit *f, struct fit_sum *s, const int *fn)
{
	const int64_t	*v = f->msg.v;
	double		 w;

	if (s->n++ == 0 && fit_has(f, fn[0]))
		s->start = fit_time((uint32_t)v[fn[0]]);
	if (fit_has(f, fn[1]) && s->sport < 0)
		s->sport = (int)v[fn[1]];
	if (fit_has(f, fn[2])) {
		s->elapsed += v[fn[2]] / 1000.0;
		s->has_elapsed = true;
	}
	w = 0;
	if (fit_has(f, fn[3])) {
		w = v[fn[3]] / 1000.0;
		s->timer += w;
		s->has_timer = true;
	}
	if (fit_has(f, fn[4])) {
		s->dist += v[fn[4]] / 100.0;
		s->has_dist = true;
	}
	if (fit_has(f, fn[5])) {
		s->ascent += (double)v[fn[5]];
		s->has_ascent = true;
	}
	if (w <= 0)
		w = 1;
	if (fit_has(f, fn[6])) {
		s->hr_wsum += w * v[fn[6]];
		s->hr_w += w;
	}
	if (fit_has(f, fn[7]) && v[fn[7]] > s->hr_max)
		s->hr_max = (int)v[fn[7]];
	if (fit_has(f, fn[8])) {
		s->cad_wsum += w * (v[fn[8]] + (fn[9] >= 0 &&
		    fit_has(f, fn[9]) ? v[fn[9]] / 128.0 : 0));
		s->cad_w += w;
	}
}

/*
 * The activity message's local_timestamp is the wall clock when its
 * timestamp was written: their difference is the UTC offset, once
 * rounded to a quarter of an hour (the two are written a moment apart).
 */
static void
fit_offset(struct fit *f, bool has_ts)
{
	long	off;

	if (!has_ts || !fit_has(f, 5) || f->last_ts < FIT_TIME_MIN)
		return;
	off = (long)f->msg.v[5] - (long)f->last_ts;
	off = (off >= 0 ? off + 450 : off - 450) / 900 * 900;
	if (off < -18 * 3600 || off > 18 * 3600)
		return;
	f->utc_off = (int)off;
	f->has_off = true;
}

static void
fit_message(struct fit *f, uint16_t global, bool has_ts)
{
	/* start, sport, elapsed, timer, distance, ascent, hr avg/max, cad */
	static const int session[] = { 2, 5, 7, 8, 9, 22, 16, 17, 18, 92 };
	static const int lap[] = { 2, 25, 7, 8, 9, 21, 15, 16, 17, -1 };

	switch (global) {
	case FIT_FILE_ID:
		if (fit_has(f, 0))
			f->file_type = (int)f->msg.v[0];
		break;
	case FIT_SPORT:
		if (fit_has(f, 0) && f->sport < 0)
			f->sport = (int)f->msg.v[0];
		break;
	case FIT_SESSION:
		fit_total(f, &f->session, session);
		break;
	case FIT_LAP:
		fit_total(f, &f->lap, lap);
		break;
	case FIT_RECORD:
		fit_record(f, has_ts);
		break;
	case FIT_ACTIVITY:
		fit_offset(f, has_ts);
		break;
	}
}

static bool
fit_data(struct fit *f, int local, bool has_ts)
{
	struct fit_def	*def = &f->def[local];
	uint8_t		 buf[255], want;
	int64_t		 val;
	int		 i;

	if (!def->set) {
		fit_err(f, "byte %llu: a data message of local type %d, "
		    "which no definition came before",
		    (unsigned long long)f->off - 1, local);
		return false;
	}
	memset(f->msg.ok, 0, sizeof f->msg.ok);
	for (i = 0; i < def->nfields; i++) {
		if (!fit_get(f, buf, def->size[i]))
			return false;
		if (!fit_wanted(def->global, def->num[i], &want) ||
		    !fit_value(buf, def->size[i], def->base[i], def->big,
		    &val))
			continue;
		f->msg.v[def->num[i]] = val;
		f->msg.ok[def->num[i] / 8] |= 1 << (def->num[i] % 8);
		if (def->num[i] == FIT_TIMESTAMP) {
			f->last_ts = (uint32_t)val;
			has_ts = true;
		}
	}
	if (!fit_get(f, NULL, def->devsize))
		return false;
	fit_message(f, def->global, has_ts);
	return true;
}

static bool
fit_records(struct fit *f, uint64_t end)
{
	uint8_t		 h;
	uint32_t	 t;

	while (f->off < end) {
		if (!fit_get(f, &h, 1))
			return false;
		if (h & 0x80) {
			/* Compressed timestamp: 5 low bits of the time. */
			t = (f->last_ts & ~0x1fU) + (h & 0x1f);
			if ((h & 0x1f) < (f->last_ts & 0x1f))
				t += 0x20;
			f->last_ts = t;
			if (!fit_data(f, (h >> 5) & 3, true))
				return false;
		} else if (h & 0x40) {
			if (!fit_definition(f, h))
				return false;
		} else if (!fit_data(f, h & 0x0f, false))
			return false;
	}
	if (f->off > end) {
		fit_err(f, "the last record runs past the end of the data, "
		    "at byte %llu", (unsigned long long)end);
		return false;
	}
	return true;
}

/* The header; the offset where the data ends in *end. */
static bool
fit_header(struct fit *f, uint64_t *end)
{
	uint8_t		h[14];
	uint16_t	crc;
	int		i;

	if (!fit_get(f, h, 1))
		return false;
	if ((h[0] != 12 && h[0] != 14) || !fit_get(f, h + 1, h[0] - 1U) ||
	    memcmp(h + 8, ".FIT", 4) != 0) {
		if (!f->ioerr)
			fit_err(f, "not a FIT file (no FIT header)");
		return false;
	}
	if (h[0] == 14 && (h[12] | h[13]) != 0) {
		for (crc = 0, i = 0; i < 12; i++)
			crc = fit_crc(crc, h[i]);
		if (crc != (h[12] | h[13] << 8)) {
			fit_err(f, "bad header CRC (0x%04x, not 0x%04x)",
			    h[12] | h[13] << 8, crc);
			return false;
		}
	}
	*end = h[0] + (uint64_t)(h[4] | h[5] << 8 | h[6] << 16 |
	    (uint32_t)h[7] << 24);
	return true;
}

static void
fit_result(struct fit *f, struct activity *a)
{
	struct fit_sum	*s = f->session.n > 0 ? &f->session : &f->lap;
	int		 sport = s->sport >= 0 ? s->sport : f->sport;

	memset(a, 0, sizeof *a);
	/* FIT sport: 1 running, 2 cycling, 5 swimming, 11 walking, 17 hiking */
	a->sport = sport < 0 || sport == 1 ? ACTIVITY_RUN :
	    sport == 2 ? ACTIVITY_CYCLE : sport == 5 ? ACTIVITY_SWIM :
	    sport == 11 || sport == 17 ? ACTIVITY_WALK : ACTIVITY_OTHER;
	a->start = (int64_t)(s->n > 0 && s->start > 0 ? s->start :
	    f->first_ts);
	if (s->has_elapsed)
		a->elapsed_s = s->elapsed;
	if (s->has_timer)
		a->moving_s = s->timer;
	if (s->has_dist) {
		a->distance_m = s->dist;
		a->has |= ACTIVITY_HAS_DISTANCE;
	}
	if (s->has_ascent) {
		a->ascent_m = s->ascent;
		a->has |= ACTIVITY_HAS_ASCENT;
	}
	if (s->hr_w > 0) {
		a->hr_avg = (int)lround(s->hr_wsum / s->hr_w);
		a->hr_max = s->hr_max > 0 ? s->hr_max : f->track.hr_max;
		a->has |= ACTIVITY_HAS_HR;
	}
	if (s->cad_w > 0 && s->cad_wsum > 0) {
		a->cadence_spm = activity_cadence(a->sport,
		    s->cad_wsum / s->cad_w);
		a->has |= ACTIVITY_HAS_CADENCE;
	}
	if (f->has_off) {
		a->utc_off = f->utc_off;
		a->has |= ACTIVITY_HAS_OFF;
	}
	activity_track_finish(&f->track, a);
}

static int
fit_read(struct fit *f, struct activity *a)
{
	uint64_t	end;
	uint16_t	crc;
	uint8_t		c[2];

	f->sport = f->file_type = -1;
	f->session.sport = f->lap.sport = -1;
	activity_track_init(&f->track);
	if (!fit_header(f, &end) || !fit_records(f, end))
		goto fail;
	crc = f->crc;
	if (!fit_get(f, c, 2))
		goto fail;
	if ((c[0] | c[1] << 8) != crc) {
		fit_err(f, "bad CRC (the file says 0x%04x, its bytes give "
		    "0x%04x)", c[0] | c[1] << 8, crc);
		return 65;
	}
	if (f->session.n == 0 && f->lap.n == 0 && f->track.npoints == 0) {
		if (f->file_type >= 0 && f->file_type != 4)
			fit_err(f, "no activity in it (a FIT file of type "
			    "%d)", f->file_type);
		else
			fit_err(f, "no activity in it");
		return 65;
	}
	fit_result(f, a);
	if (a->start == 0) {
		fit_err(f, "no time in it");
		return 65;
	}
	return 0;
fail:
	if (f->ioerr) {
		fit_err(f, "%s", strerror(errno));
		return 74;
	}
	if (!f->said)
		fit_err(f, "truncated at byte %llu",
		    (unsigned long long)f->off);
	return 65;
}

int
fit_read_file(const char *path, struct activity *a, struct diags *d)
{
	struct fit	*f;
	int		 rc;

	f = xcalloc(1, sizeof *f);
	f->name = path;
	f->d = d;
	if ((rc = activity_src_open(&f->src, path, d)) == 0)
		rc = fit_read(f, a);
	activity_src_close(&f->src);
	free(f);
	return rc;
}

int
fit_read_mem(const char *name, const void *p, size_t len,
    struct activity *a, struct diags *d)
{
	struct fit	*f;
	int		 rc;

	f = xcalloc(1, sizeof *f);
	f->name = name;
	f->d = d;
	activity_src_mem(&f->src, p, len);
	rc = fit_read(f, a);
	activity_src_close(&f->src);
	free(f);
	return rc;
}
