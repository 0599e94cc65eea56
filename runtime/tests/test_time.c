/* time.h vs glibc with TZ=UTC: gmtime/localtime, timegm/mktime (with
 * out-of-range fields), strftime (every conversion) and asctime over
 * random times from 1900 to 2200. kiln's struct tm has glibc's layout. */
#define _GNU_SOURCE
#include <stdlib.h>
#include <string.h>
#include <sys/time.h>
#include <time.h>
#include "harness.h"

struct tm *kiln_gmtime_r(const time_t *, struct tm *);
struct tm *kiln_localtime_r(const time_t *, struct tm *);
struct tm *kiln_gmtime(const time_t *);
time_t kiln_timegm(struct tm *);
time_t kiln_mktime(struct tm *);
size_t kiln_strftime(char *, size_t, const char *, const struct tm *);
char *kiln_asctime_r(const struct tm *, char *);
char *kiln_ctime_r(const time_t *, char *);
time_t kiln_time(time_t *);
int kiln_clock_gettime(clockid_t, struct timespec *);
long kiln_clock(void);
double kiln_difftime(time_t, time_t);
int kiln_gettimeofday(struct timeval *, void *);

#define T1900 (-2208988800LL)
#define T2200 (7258118400LL)

static int same_tm(const struct tm *a, const struct tm *b)
{
	return a->tm_sec == b->tm_sec && a->tm_min == b->tm_min && a->tm_hour == b->tm_hour &&
	       a->tm_mday == b->tm_mday && a->tm_mon == b->tm_mon && a->tm_year == b->tm_year &&
	       a->tm_wday == b->tm_wday && a->tm_yday == b->tm_yday && a->tm_isdst == b->tm_isdst;
}

#define TM_FMT "%d-%02d-%02d %02d:%02d:%02d wday %d yday %d"
#define TM_ARGS(t) (t).tm_year + 1900, (t).tm_mon + 1, (t).tm_mday, (t).tm_hour, (t).tm_min, (t).tm_sec, (t).tm_wday, (t).tm_yday

static time_t random_time(void)
{
	/* Mostly uniform, sometimes near a year boundary (ISO weeks). */
	time_t t = (time_t)(T1900 + (long long)(h_rand() % (unsigned long long)(T2200 - T1900)));
	if (h_rand() % 4 == 0) {
		struct tm tm;
		gmtime_r(&t, &tm);
		tm.tm_mon = 0;
		tm.tm_mday = 1 + (int)(h_rand() % 8) - (int)(h_rand() % 8);
		t = timegm(&tm);
	}
	return t;
}

static const char *const conversions[] = {
	"%a", "%A", "%b", "%B", "%c", "%C", "%d", "%D", "%e", "%F", "%g", "%G", "%h", "%H",
	"%I", "%j", "%k", "%l", "%m", "%M", "%n", "%p", "%P", "%r", "%R", "%s", "%S", "%t",
	"%T", "%u", "%U", "%V", "%w", "%W", "%x", "%X", "%y", "%Y", "%z", "%Z", "%%",
	"%Ec", "%EY", "%Od", "%OH", "%-d", "%-m", "%_d", "%_H", "%0e", "%^a", "%^B", "%10Y",
	"%5d", "%-j", "%_j", "[%Y-%m-%dT%H:%M:%S%z]", "%A, %d %B %Y %I:%M %p",
};

int main(void)
{
	setenv("TZ", "UTC", 1);
	tzset();

	for (long it = 0; it < h_iterations(300000); it++) {
		time_t t = random_time();
		struct tm want, got;

		gmtime_r(&t, &want);
		memset(&got, 0x55, sizeof got);
		CHECK(kiln_gmtime_r(&t, &got) == &got && same_tm(&want, &got),
		      "gmtime(%ld): expected " TM_FMT ", got " TM_FMT, (long)t, TM_ARGS(want), TM_ARGS(got));
		localtime_r(&t, &want);
		kiln_localtime_r(&t, &got);
		CHECK(same_tm(&want, &got), "localtime(%ld) with TZ=UTC", (long)t);

		/* timegm/mktime: fields pushed out of range must normalise. */
		struct tm in = want;
		if (it % 2) {
			in.tm_sec += (int)(h_rand() % 200000) - 100000;
			in.tm_min += (int)(h_rand() % 2000) - 1000;
			in.tm_hour += (int)(h_rand() % 200) - 100;
			in.tm_mday += (int)(h_rand() % 1000) - 500;
			in.tm_mon += (int)(h_rand() % 50) - 25;
		}
		in.tm_wday = in.tm_yday = -1;
		struct tm a = in, b = in;
		time_t tw = timegm(&a), tg = kiln_timegm(&b);
		CHECK(tw == tg && same_tm(&a, &b), "timegm(" TM_FMT "): expected %ld, got %ld",
		      TM_ARGS(in), (long)tw, (long)tg);
		a = in, b = in;
		a.tm_isdst = b.tm_isdst = 0;
		tw = mktime(&a);
		tg = kiln_mktime(&b);
		CHECK(tw == tg && same_tm(&a, &b), "mktime(" TM_FMT ") with TZ=UTC: expected %ld, got %ld",
		      TM_ARGS(in), (long)tw, (long)tg);

		/* strftime: the same struct through both implementations. */
		if (it % 8 == 0) {
			for (size_t c = 0; c < sizeof conversions / sizeof *conversions; c++) {
				char w[128], g[128];
				size_t lw = strftime(w, sizeof w, conversions[c], &want);
				size_t lg = kiln_strftime(g, sizeof g, conversions[c], &want);
				CHECK(lw == lg && !strcmp(w, g), "strftime(\"%s\", " TM_FMT "): expected \"%s\", got \"%s\"",
				      conversions[c], TM_ARGS(want), w, g);
			}
			char w[64], g[64];
			asctime_r(&want, w);
			kiln_asctime_r(&want, g);
			CHECK(!strcmp(w, g), "asctime(" TM_FMT "): expected \"%s\", got \"%s\"", TM_ARGS(want), w, g);
			ctime_r(&t, w);
			kiln_ctime_r(&t, g);
			CHECK(!strcmp(w, g), "ctime(%ld)", (long)t);
		}
	}

	/* strftime's size contract: 0 when the result and its NUL do not fit. */
	{
		time_t t = 0;
		struct tm tm;
		char buf[16];
		gmtime_r(&t, &tm);
		CHECK(kiln_strftime(buf, 11, "%Y-%m-%d", &tm) == 10 && !strcmp(buf, "1970-01-01"), "strftime exact fit");
		CHECK(kiln_strftime(buf, 10, "%Y-%m-%d", &tm) == 0, "strftime one byte short returns 0");
		CHECK(kiln_strftime(buf, sizeof buf, "", &tm) == 0, "strftime of an empty format");
	}

	/* Far outside 1900..2200 and the int year limit. */
	{
		time_t big[] = {-62135596800LL, 253402300799LL, 0, -1, 67767976233532799LL};
		for (size_t i = 0; i < sizeof big / sizeof *big; i++) {
			struct tm want, got;
			gmtime_r(&big[i], &want);
			CHECK(kiln_gmtime_r(&big[i], &got) && same_tm(&want, &got), "gmtime(%ld)", (long)big[i]);
		}
		time_t huge = 67767976233532800LL * 100;
		struct tm got;
		CHECK(kiln_gmtime_r(&huge, &got) == NULL, "gmtime of a year past INT_MAX fails");
	}

	/* Clocks come from the platform (host_solo5.c: the host's clocks). */
	{
		struct timespec ts;
		time_t now = time(NULL), k = kiln_time(NULL);
		CHECK(k >= now && k - now <= 1, "time(): host %ld, kiln %ld", (long)now, (long)k);
		CHECK(kiln_clock_gettime(CLOCK_MONOTONIC, &ts) == 0 && ts.tv_nsec < 1000000000, "clock_gettime monotonic");
		CHECK(kiln_clock_gettime(99, &ts) == -1, "clock_gettime of an unknown clock fails");
		long c0 = kiln_clock();
		for (volatile int i = 0; i < 1000000; i++)
			;
		CHECK(kiln_clock() >= c0, "clock() does not go backwards");
		CHECK(kiln_difftime(10, 4) == 6.0, "difftime");
		struct timeval tv;
		CHECK(kiln_gettimeofday(&tv, NULL) == 0 && tv.tv_usec >= 0 && tv.tv_usec < 1000000 &&
		      tv.tv_sec >= now && tv.tv_sec - now <= 1, "gettimeofday");
	}
	return h_report("test_time");
}
