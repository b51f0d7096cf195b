/* calendar.c - day numbers, civil dates and weeks (see calendar.h). */
#include "config.h"

#include "calendar.h"

#include <stdio.h>
#include <time.h>

/* Division rounding towards minus infinity (b > 0): days before 1970. */
static int64_t
calendar_floordiv(int64_t a, int64_t b)
{
	return a >= 0 ? a / b : -((-a + b - 1) / b);
}

int
calendar_offset(int64_t t)
{
	struct tm	tm;
	time_t		tt = (time_t)t;

	if (localtime_r(&tt, &tm) == NULL)
		return 0;
	return (int)tm.tm_gmtoff;
}

int64_t
calendar_day(int64_t t, int off)
{
	return calendar_floordiv(t + off, CALENDAR_DAY);
}

int64_t
calendar_midnight(int64_t day, int off)
{
	return day * CALENDAR_DAY - off;
}

/* H. Hinnant's days_from_civil: eras of 400 years, March first. */
int64_t
calendar_days(int year, int month, int mday)
{
	int64_t	y = year - (month <= 2), era, yoe, doy, doe;

	era = calendar_floordiv(y, 400);
	yoe = y - era * 400;
	doy = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + mday - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

/* Its inverse, civil_from_days. */
void
calendar_civil(int64_t day, int *year, int *month, int *mday)
{
	int64_t	z = day + 719468, era, doe, yoe, doy, mp, m;

	era = calendar_floordiv(z, 146097);
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	m = mp < 10 ? mp + 3 : mp - 9;
	*mday = (int)(doy - (153 * mp + 2) / 5 + 1);
	*month = (int)m;
	*year = (int)(yoe + era * 400 + (m <= 2));
}

int
calendar_weekday(int64_t day)
{
	/* 1970-01-01 was a Thursday: day 0 is weekday 3. */
	return (int)(day + 3 - calendar_floordiv(day + 3, 7) * 7);
}

int64_t
calendar_monday(int64_t day)
{
	return day - calendar_weekday(day);
}

const char *
calendar_month_abbr(int month)
{
	static const char *const	abbr[12] = {
		"Jan", "Feb", "Mar", "Apr", "May", "Jun",
		"Jul", "Aug", "Sep", "Oct", "Nov", "Dec"
	};

	return month >= 1 && month <= 12 ? abbr[month - 1] : "?";
}

void
calendar_day_short(int64_t day, bool with_year, char *buf, size_t len)
{
	int	y, m, d;

	calendar_civil(day, &y, &m, &d);
	if (with_year)
		snprintf(buf, len, "%d %s %d", d, calendar_month_abbr(m), y);
	else
		snprintf(buf, len, "%d %s", d, calendar_month_abbr(m));
}

void
calendar_date(int64_t day, char *buf, size_t len)
{
	int	y, m, d;

	calendar_civil(day, &y, &m, &d);
	snprintf(buf, len, "%04d-%02d-%02d", y, m, d);
}

void
calendar_day_str(int64_t day, int64_t today, char *buf, size_t len)
{
	static const char *const wday[] = { "Monday", "Tuesday",
	    "Wednesday", "Thursday", "Friday", "Saturday", "Sunday" };
	static const char *const mon[] = { "January", "February", "March",
	    "April", "May", "June", "July", "August", "September", "October",
	    "November", "December" };
	int	y, m, d;

	calendar_civil(day, &y, &m, &d);
	snprintf(buf, len, "%s%s %d %s", day == today ? "today, " :
	    day == today + 1 ? "tomorrow, " : "",
	    wday[calendar_weekday(day)], d, mon[m - 1]);
}
