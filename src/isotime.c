/* isotime.c - ISO 8601 times with offsets, without the C library's TZ. */
#include "config.h"

#include "isotime.h"

#include "calendar.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

static int
isotime_mdays(int y, int m)
{
	static const int	mdays[12] = {
		31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31
	};

	if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
		return 29;
	return mdays[m - 1];
}

/* Exactly n digits into *out. */
static int
isotime_digits(const char **s, int n, int *out)
{
	int	v = 0;

	while (n-- > 0) {
		if (!isdigit((unsigned char)**s))
			return -1;
		v = v * 10 + (*(*s)++ - '0');
	}
	*out = v;
	return 0;
}

static int
isotime_expect(const char **s, char c)
{
	if (**s != c)
		return -1;
	(*s)++;
	return 0;
}

static int
isotime_scan_off(const char *s, struct isotime *t)
{
	int	sign, h, m;

	if (*s == '\0')
		return 0;
	if (*s == 'Z' || *s == 'z') {
		t->has_off = true;
		t->off = 0;
		return s[1] == '\0' ? 0 : -1;
	}
	if (*s != '+' && *s != '-')
		return -1;
	sign = *s++ == '-' ? -1 : 1;
	if (isotime_digits(&s, 2, &h) == -1)
		return -1;
	if (*s == ':')
		s++;
	if (isotime_digits(&s, 2, &m) == -1 || *s != '\0' || h > 18 ||
	    m > 59 || h * 60 + m > 18 * 60)
		return -1;
	t->has_off = true;
	t->off = sign * (h * 3600 + m * 60);
	return 0;
}

int
isotime_scan(const char *s, struct isotime *t)
{
	memset(t, 0, sizeof *t);
	if (isotime_digits(&s, 4, &t->year) == -1 ||
	    isotime_expect(&s, '-') == -1 ||
	    isotime_digits(&s, 2, &t->month) == -1 ||
	    isotime_expect(&s, '-') == -1 ||
	    isotime_digits(&s, 2, &t->day) == -1)
		return -1;
	if (t->year < 1900 || t->month < 1 || t->month > 12 || t->day < 1 ||
	    t->day > isotime_mdays(t->year, t->month))
		return -1;
	if (*s == '\0')
		return 0;
	if (*s != 'T' && *s != 't' && *s != ' ')
		return -1;
	s++;
	if (isotime_digits(&s, 2, &t->hour) == -1 ||
	    isotime_expect(&s, ':') == -1 ||
	    isotime_digits(&s, 2, &t->min) == -1)
		return -1;
	if (*s == ':') {
		s++;
		if (isotime_digits(&s, 2, &t->sec) == -1)
			return -1;
	}
	if (t->hour > 23 || t->min > 59 || t->sec > 59)
		return -1;
	t->has_time = true;
	return isotime_scan_off(s, t);
}

int64_t
isotime_utc(const struct isotime *t)
{
	return calendar_midnight(calendar_days(t->year, t->month, t->day), 0) +
	    t->hour * 3600 + t->min * 60 + t->sec - t->off;
}

int
isotime_resolve(const struct isotime *t, int64_t *out, int *off)
{
	struct tm	tm;
	time_t		tt;

	if (t->has_off) {
		*out = isotime_utc(t);
		*off = t->off;
		return 0;
	}
	memset(&tm, 0, sizeof tm);
	tm.tm_year = t->year - 1900;
	tm.tm_mon = t->month - 1;
	tm.tm_mday = t->day;
	tm.tm_hour = t->hour;
	tm.tm_min = t->min;
	tm.tm_sec = t->sec;
	tm.tm_isdst = -1;
	if ((tt = mktime(&tm)) == (time_t)-1)
		return -1;
	*out = (int64_t)tt;
	*off = calendar_offset(*out);
	return 0;
}

/* Split a local time into its fields. */
static void
isotime_fields(int64_t t, int off, int *f)
{
	int64_t	day = calendar_day(t, off), secs;

	secs = t - calendar_midnight(day, off);
	calendar_civil(day, &f[0], &f[1], &f[2]);
	f[3] = (int)(secs / 3600);
	f[4] = (int)(secs / 60 % 60);
	f[5] = (int)(secs % 60);
}

void
isotime_format(int64_t t, int off, char *buf, size_t len)
{
	int	f[6], a = off < 0 ? -off : off;

	isotime_fields(t, off, f);
	snprintf(buf, len, "%04d-%02d-%02dT%02d:%02d:%02d%c%02d:%02d", f[0],
	    f[1], f[2], f[3], f[4], f[5], off < 0 ? '-' : '+', a / 3600,
	    a / 60 % 60);
}

void
isotime_format_short(int64_t t, int off, char *buf, size_t len)
{
	int	f[6];

	isotime_fields(t, off, f);
	snprintf(buf, len, "%04d-%02d-%02d %02d:%02d", f[0], f[1], f[2], f[3],
	    f[4]);
}
