#include <time.h>

static char *put_num(char *p, long v, int width, char pad)
{
	char tmp[24];
	int n = 0;
	unsigned long u = v < 0 ? -(unsigned long)v : (unsigned long)v;

	do {
		tmp[n++] = (char)('0' + u % 10);
		u /= 10;
	} while (u);
	if (v < 0)
		tmp[n++] = '-';
	while (n < width--)
		*p++ = pad;
	while (n)
		*p++ = tmp[--n];
	return p;
}

/* "Sun Sep 16 01:03:52 1973\n", the format C specifies; the buffer must
 * hold 26 bytes for four-digit years (more for others). */
char *asctime_r(const struct tm *restrict tm, char *restrict buf)
{
	static const char days[] = "SunMonTueWedThuFriSat";
	static const char months[] = "JanFebMarAprMayJunJulAugSepOctNovDec";
	char *p = buf;
	int i;

	for (i = 0; i < 3; i++)
		*p++ = (unsigned)tm->tm_wday < 7 ? days[tm->tm_wday * 3 + i] : '?';
	*p++ = ' ';
	for (i = 0; i < 3; i++)
		*p++ = (unsigned)tm->tm_mon < 12 ? months[tm->tm_mon * 3 + i] : '?';
	p = put_num(p, tm->tm_mday, 3, ' ');
	*p++ = ' ';
	p = put_num(p, tm->tm_hour, 2, '0');
	*p++ = ':';
	p = put_num(p, tm->tm_min, 2, '0');
	*p++ = ':';
	p = put_num(p, tm->tm_sec, 2, '0');
	*p++ = ' ';
	p = put_num(p, tm->tm_year + 1900L, 0, ' ');
	*p++ = '\n';
	*p = '\0';
	return buf;
}

char *asctime(const struct tm *tm)
{
	static char buf[64];
	return asctime_r(tm, buf);
}

char *ctime_r(const time_t *t, char *buf)
{
	struct tm tm;
	return gmtime_r(t, &tm) ? asctime_r(&tm, buf) : NULL;
}

char *ctime(const time_t *t)
{
	static char buf[64];
	return ctime_r(t, buf);
}
