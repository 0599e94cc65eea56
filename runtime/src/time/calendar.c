/* Gregorian calendar conversions in closed form: the year is shifted to
 * start in March so the leap day is last, and 400-year eras repeat
 * exactly (146097 days), so no loops and any 64-bit time works. */
#include <limits.h>
#include "time/time_impl.h"

#define DAYS_PER_ERA 146097LL
#define EPOCH_SHIFT 719468LL /* days from 0000-03-01 to 1970-01-01 */

static long long floor_div(long long a, long long b)
{
	return a / b - (a % b != 0 && (a < 0) != (b < 0));
}

long long __days_from_civil(long long y, int m, int d)
{
	long long era, yoe, doy, doe;

	if (m <= 2)
		y--;
	era = floor_div(y, 400);
	yoe = y - era * 400;
	doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * DAYS_PER_ERA + doe - EPOCH_SHIFT;
}

int __secs_to_tm(long long t, struct tm *tm)
{
	long long days = floor_div(t, 86400), secs = t - days * 86400;
	long long z = days + EPOCH_SHIFT, era, doe, yoe, doy, mp, y;
	int m, d;

	era = floor_div(z, DAYS_PER_ERA);
	doe = z - era * DAYS_PER_ERA;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	d = (int)(doy - (153 * mp + 2) / 5 + 1);
	m = (int)(mp < 10 ? mp + 3 : mp - 9);
	y = yoe + era * 400 + (m <= 2);
	if (y - 1900 > INT_MAX || y - 1900 < INT_MIN)
		return -1;
	tm->tm_year = (int)(y - 1900);
	tm->tm_mon = m - 1;
	tm->tm_mday = d;
	tm->tm_yday = (int)(days - __days_from_civil(y, 1, 1));
	tm->tm_wday = (int)(floor_div(days + 4, 7) * -7 + days + 4); /* 1970-01-01: Thursday */
	tm->tm_hour = (int)(secs / 3600);
	tm->tm_min = (int)(secs / 60 % 60);
	tm->tm_sec = (int)(secs % 60);
	tm->tm_isdst = 0;
	tm->__tm_gmtoff = 0;
	tm->__tm_zone = "UTC";
	return 0;
}

long long __tm_to_secs(const struct tm *tm)
{
	long long y = (long long)tm->tm_year + 1900;
	long long m = tm->tm_mon, days;

	y += floor_div(m, 12);
	m -= floor_div(m, 12) * 12;
	days = __days_from_civil(y, (int)m + 1, 1) + tm->tm_mday - 1;
	return days * 86400 + tm->tm_hour * 3600LL + tm->tm_min * 60LL + tm->tm_sec;
}
