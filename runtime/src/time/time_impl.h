/* Kiln runtime: calendar arithmetic shared by the <time.h> functions. */
#ifndef __KILN_TIME_IMPL_H
#define __KILN_TIME_IMPL_H

#include <time.h>

/* Days since 1970-01-01 of the proleptic Gregorian date y-m-d (m 1..12). */
long long __days_from_civil(long long y, int m, int d);

/* Fill every field of tm from seconds since the epoch (UTC); -1 if the
 * year does not fit in an int. */
int __secs_to_tm(long long t, struct tm *tm);

/* Seconds since the epoch of tm's fields, which may be out of range
 * (normalised arithmetically, as mktime does). */
long long __tm_to_secs(const struct tm *tm);

#endif
