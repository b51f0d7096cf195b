/*
 * test-calendar.c - the one calendar: day numbers on both sides of the
 * epoch, civil dates, leap years, year ends, weeks (Monday first), DST
 * changes and formatting.
 */
#include "config.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <time.h>

#include "calendar.h"
#include "isotime.h"
#include "tap.h"

#define DAY		86400
#define HOUR		3600
/* Monday 2026-11-23 00:00 UTC. */
#define MONDAY		1795392000LL

static void
test_days(void)
{
	is_int(calendar_day(0, 0), 0, "the epoch is day 0");
	is_int(calendar_day(-1, 0), -1, "a second before the epoch is day -1");
	is_int(calendar_day(-DAY, 0), -1, "a whole day before: still day -1");
	is_int(calendar_day(-DAY - 1, 0), -2, "one second more: day -2");
	is_int(calendar_day(HOUR, -2 * HOUR), -1,
	    "01:00 UTC on the epoch is 1969-12-31 at UTC-2");
	is_int(calendar_day(MONDAY + DAY - 1, 0), MONDAY / DAY,
	    "the last second of Monday is Monday");
	is_int(calendar_day(MONDAY - HOUR, 2 * HOUR), MONDAY / DAY,
	    "23:00 UTC Sunday is Monday at UTC+2");
	is_int(calendar_day(MONDAY + HOUR, -2 * HOUR), MONDAY / DAY - 1,
	    "01:00 UTC Monday is Sunday at UTC-2");
	is_int(calendar_midnight(MONDAY / DAY, 2 * HOUR), MONDAY - 2 * HOUR,
	    "Monday starts at 22:00 UTC the day before at UTC+2");
	is_int(calendar_midnight(-1, -5 * HOUR), -DAY + 5 * HOUR,
	    "midnights before the epoch");
	is_int(calendar_day(calendar_midnight(-700, 3600), 3600), -700,
	    "a midnight is in its own day");
	is_int(calendar_day(calendar_midnight(-700, 3600) - 1, 3600), -701,
	    "the second before it is not");
}

static void
test_civil(void)
{
	int64_t	day;
	int	y, m, d;
	bool	good = true;

	is_int(calendar_days(1970, 1, 1), 0, "epoch is day 0");
	is_int(calendar_days(2026, 11, 23), 20780, "2026-11-23 is day 20780");
	is_int(calendar_days(1969, 12, 31), -1, "1969-12-31 is day -1");
	is_int(calendar_days(1900, 1, 1), -25567, "1900-01-01");
	is_int(calendar_days(2024, 3, 1) - calendar_days(2024, 2, 28), 2,
	    "2024 is a leap year");
	is_int(calendar_days(2026, 3, 1) - calendar_days(2026, 2, 28), 1,
	    "2026 is not");
	is_int(calendar_days(1900, 3, 1) - calendar_days(1900, 2, 28), 1,
	    "1900 is not (a century)");
	is_int(calendar_days(2000, 3, 1) - calendar_days(2000, 2, 28), 2,
	    "2000 is (every 400 years)");
	is_int(calendar_days(2027, 1, 1) - calendar_days(2026, 12, 31), 1,
	    "a year end is one day");
	calendar_civil(calendar_days(2024, 2, 29), &y, &m, &d);
	ok(y == 2024 && m == 2 && d == 29, "leap day");
	calendar_civil(calendar_days(2026, 12, 31) + 1, &y, &m, &d);
	ok(y == 2027 && m == 1 && d == 1, "the day after New Year's Eve");
	calendar_civil(-1, &y, &m, &d);
	ok(y == 1969 && m == 12 && d == 31, "day -1 is 1969-12-31");
	for (day = -800000; day < 800000; day += 997) {
		calendar_civil(day, &y, &m, &d);
		if (calendar_days(y, m, d) != day)
			good = false;
	}
	ok(good, "civil dates round-trip over 4,000 years");
}

static void
test_weeks(void)
{
	int64_t	mon = calendar_days(2026, 11, 23);

	is_int(calendar_weekday(mon), 0, "2026-11-23 is a Monday (0)");
	is_int(calendar_weekday(mon + 6), 6, "the Sunday after is 6");
	is_int(calendar_weekday(0), 3, "1970-01-01 was a Thursday");
	is_int(calendar_weekday(-4), 6, "1969-12-28 was a Sunday");
	is_int(calendar_monday(mon), mon, "a Monday starts its own week");
	is_int(calendar_monday(mon + 6), mon,
	    "Sunday belongs to the week started on Monday");
	is_int(calendar_monday(mon + 7), mon + 7,
	    "the next Monday starts a new week");
	is_int(calendar_monday(calendar_days(2027, 1, 1)),
	    calendar_days(2026, 12, 28), "New Year's Day 2027 is in a 2026 week");
	is_int(calendar_monday(0), -3, "1970-01-01: week from Monday "
	    "1969-12-29");
	is_int(calendar_monday(-4), -10, "1969-12-28, a Sunday");
}

static void
test_format(void)
{
	int64_t	mon = calendar_days(2026, 11, 23);
	char	buf[64];

	calendar_date(20780, buf, sizeof buf);
	is_str(buf, "2026-11-23", "day 20780 is 2026-11-23");
	calendar_date(-1, buf, sizeof buf);
	is_str(buf, "1969-12-31", "day -1");
	calendar_date(calendar_days(2024, 2, 29), buf, sizeof buf);
	is_str(buf, "2024-02-29", "a leap day");
	calendar_day_short(calendar_days(2026, 9, 7), true, buf, sizeof buf);
	is_str(buf, "7 Sep 2026", "short, with the year");
	calendar_day_short(-1, false, buf, sizeof buf);
	is_str(buf, "31 Dec", "short, without it");
	is_str(calendar_month_abbr(1), "Jan", "January's abbreviation");
	is_str(calendar_month_abbr(12), "Dec", "December's");
	calendar_day_str(mon + 5, mon + 4, buf, sizeof buf);
	is_str(buf, "tomorrow, Saturday 28 November", "tomorrow, named");
	calendar_day_str(mon + 7, mon + 5, buf, sizeof buf);
	is_str(buf, "Monday 30 November", "a later day");
	calendar_day_str(mon + 2, mon + 2, buf, sizeof buf);
	is_str(buf, "today, Wednesday 25 November", "today");
	calendar_day_str(calendar_days(2027, 1, 1), mon, buf, sizeof buf);
	is_str(buf, "Friday 1 January", "over a year end");
	calendar_day_str(-4, -5, buf, sizeof buf);
	is_str(buf, "tomorrow, Sunday 28 December", "before the epoch");
	isotime_format(-1, 0, buf, sizeof buf);
	is_str(buf, "1969-12-31T23:59:59+00:00", "a time before the epoch");
	isotime_format(MONDAY - HOUR, 2 * HOUR, buf, sizeof buf);
	is_str(buf, "2026-11-23T01:00:00+02:00", "a time at an offset");
	isotime_format_short(MONDAY + HOUR, -2 * HOUR, buf, sizeof buf);
	is_str(buf, "2026-11-22 23:00", "the wall clock west of UTC");
}

/* Local offsets and days across the changes of summer time. */
static void
test_dst(void)
{
	/* Berlin: summer time 2026-03-29 01:00 UTC to 2026-10-25 01:00. */
	int64_t	spring = calendar_midnight(calendar_days(2026, 3, 29), 0) +
	    HOUR, autumn = calendar_midnight(calendar_days(2026, 10, 25), 0) +
	    HOUR;

	setenv("TZ", "Europe/Berlin", 1);
	tzset();
	if (calendar_offset(spring + 30 * DAY) != 7200) {
		tap_diag("tzdata for Europe/Berlin is missing");
		ok(0, "tzdata is installed (Europe/Berlin)");
		return;
	}
	is_int(calendar_offset(spring - 1), 3600, "winter time before");
	is_int(calendar_offset(spring), 7200, "summer time from 03:00 local");
	is_int(calendar_offset(autumn - 1), 7200, "summer time until");
	is_int(calendar_offset(autumn), 3600, "winter time again");
	is_int(calendar_day(spring - 1, calendar_offset(spring - 1)),
	    calendar_days(2026, 3, 29), "01:59:59 local is 29 March");
	is_int(calendar_day(spring + 21 * HOUR - 60, calendar_offset(spring +
	    21 * HOUR - 60)), calendar_days(2026, 3, 29),
	    "23:59 local on the short day is still 29 March");
	is_int(calendar_day(spring + 21 * HOUR, calendar_offset(spring +
	    21 * HOUR)), calendar_days(2026, 3, 30), "a minute later: 30 March");
	is_int(calendar_day(autumn + 22 * HOUR - 60, calendar_offset(autumn +
	    22 * HOUR - 60)), calendar_days(2026, 10, 25),
	    "23:59 local on the long day is still 25 October");
	is_int(calendar_day(autumn + 22 * HOUR, calendar_offset(autumn +
	    22 * HOUR)), calendar_days(2026, 10, 26),
	    "a minute later: 26 October");
	setenv("TZ", "America/New_York", 1);
	tzset();
	is_int(calendar_offset(spring + 30 * DAY), -4 * HOUR,
	    "New York in April: UTC-4");
	is_int(calendar_day(calendar_midnight(calendar_days(2026, 4, 1), 0) +
	    HOUR, -4 * HOUR), calendar_days(2026, 3, 31),
	    "01:00 UTC is the evening before in New York");
	setenv("TZ", "UTC", 1);
	tzset();
	is_int(calendar_offset(spring), 0, "UTC has no offset");
}

int
main(void)
{
	test_days();
	test_civil();
	test_weeks();
	test_format();
	test_dst();
	return tap_done();
}
