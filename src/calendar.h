/*
 * calendar.h - the one calendar of rehabit: local day numbers, civil
 * dates, weeks and the local offset. A day number counts local calendar
 * days from 1970-01-01 (day 0), negative before it; a time's day is taken
 * at the offset (seconds east of UTC) it was recorded with, so a session
 * keeps the day the person lived it even after a trip or a DST change.
 * Dates are proleptic Gregorian. Weeks run Monday to Sunday. Only
 * calendar_offset() reads the time zone (TZ); the rest is pure.
 */
#ifndef REHABIT_CALENDAR_H
#define REHABIT_CALENDAR_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define CALENDAR_DAY	86400		/* seconds in a day */

/* The local offset (TZ) at UTC time t, seconds east of UTC; 0 if unknown. */
int	calendar_offset(int64_t t);
/* The local day number of UTC time t at offset off. */
int64_t	calendar_day(int64_t t, int off);
/* The UTC time of the local midnight that starts `day` at offset off. */
int64_t	calendar_midnight(int64_t day, int off);
/* The day number of a civil date, and back. */
int64_t	calendar_days(int year, int month, int mday);
void	calendar_civil(int64_t day, int *year, int *month, int *mday);
/* The weekday of a day: 0 Monday ... 6 Sunday. */
int	calendar_weekday(int64_t day);
/* The Monday that starts the week of `day`. */
int64_t	calendar_monday(int64_t day);
/* "Jan" ... "Dec" for month 1 ... 12. */
const char *calendar_month_abbr(int month);
/* 2026-11-02 */
void	calendar_date(int64_t day, char *buf, size_t len);
/* "7 Sep 2026" or, without the year, "7 Sep". */
void	calendar_day_short(int64_t day, bool with_year, char *buf,
	    size_t len);
/* "today, Monday 2 November", "tomorrow, ...", "Wednesday 4 November" */
void	calendar_day_str(int64_t day, int64_t today, char *buf, size_t len);

#endif
