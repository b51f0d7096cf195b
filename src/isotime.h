/*
 * isotime.h - ISO 8601 times as the history file and the command line
 * write them: 2026-11-02T18:00:00+01:00, or 2026-11-02 alone. Times are
 * UTC seconds since the epoch plus the local offset (seconds east of UTC)
 * of that moment, as struct history keeps them. Day numbers, dates and
 * the local offset are calendar.h's.
 */
#ifndef REHABIT_ISOTIME_H
#define REHABIT_ISOTIME_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct isotime {
	int	year, month, day;
	int	hour, min, sec;
	bool	has_time;	/* THH:MM[:SS] was given */
	bool	has_off;	/* Z or +HH:MM was given */
	int	off;		/* seconds east of UTC */
};

/*
 * Read YYYY-MM-DD[THH:MM[:SS][Z|+HH:MM|-HH:MM]] (a space may stand for
 * the T). Checks every field's range, the days of the month and leap
 * years; the offset is within +-18 hours. 0, or -1 if not valid.
 */
int	isotime_scan(const char *, struct isotime *);
/* The UTC time of a scanned time that has an offset. */
int64_t	isotime_utc(const struct isotime *);
/*
 * The UTC time and offset of a scanned time, taking the local time zone
 * when it has no offset. -1 if the local time does not exist.
 */
int	isotime_resolve(const struct isotime *, int64_t *, int *);

#define ISOTIME_LEN	32
/* 2026-11-02T18:00:00+01:00 */
void	isotime_format(int64_t t, int off, char *buf, size_t len);
/* 2026-11-02 18:00, the wall clock at that offset */
void	isotime_format_short(int64_t t, int off, char *buf, size_t len);

#endif
