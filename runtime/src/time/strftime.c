/* Kiln runtime: strftime for the C locale, with glibc's extensions that
 * portable code uses: flags - _ 0 ^ # and a field width after '%', the
 * E and O modifiers (ignored in the C locale), %k %l %P %s. */
#include <string.h>
#include <time.h>
#include "time/time_impl.h"

static const char *const day_names[] = {
	"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday",
};
static const char *const month_names[] = {
	"January", "February", "March", "April", "May", "June", "July",
	"August", "September", "October", "November", "December",
};

struct out {
	char *buf;
	size_t size, len;
	int overflow;
};

static void put(struct out *o, char c)
{
	if (o->len + 1 < o->size)
		o->buf[o->len] = c;
	else
		o->overflow = 1;
	o->len++;
}

/* A string conversion: pad to width with spaces (or zeros with flag 0). */
static void put_str(struct out *o, const char *s, size_t n, int flag, int width, int upper)
{
	size_t i;

	for (i = n; (long)i < width; i++)
		put(o, flag == '0' ? '0' : ' ');
	for (i = 0; i < n; i++) {
		char c = s[i];
		if (upper && c >= 'a' && c <= 'z')
			c -= 32;
		put(o, c);
	}
}

/* A number: at least digits digits, padded with pad by default; the flags
 * change the padding ('-' none, '_' spaces, '0' zeros), width widens it. */
static void put_num(struct out *o, long long v, int digits, char pad, int flag, int width)
{
	char tmp[24];
	int n = 0, neg = v < 0, total;
	unsigned long long u = neg ? -(unsigned long long)v : (unsigned long long)v;

	do {
		tmp[n++] = (char)('0' + u % 10);
		u /= 10;
	} while (u);
	if (flag == '-')
		digits = 0;
	else if (flag == '_')
		pad = ' ';
	else if (flag == '0')
		pad = '0';
	if (width > digits)
		digits = width;
	total = n + neg;
	if (pad == ' ') {
		for (; total < digits; total++)
			put(o, ' ');
		if (neg)
			put(o, '-');
	} else {
		if (neg)
			put(o, '-');
		for (; total < digits; total++)
			put(o, '0');
	}
	while (n)
		put(o, tmp[--n]);
}

/* ISO 8601 week-based year and week number of tm. */
static int iso_week(const struct tm *tm, long long *year)
{
	long long y = (long long)tm->tm_year + 1900;
	int wday = (tm->tm_wday + 6) % 7; /* Monday = 0 */
	int week = (tm->tm_yday - wday + 10) / 7;

	if (week < 1) {
		/* In the last week of the previous year. */
		int prev_days = 365 + (((y - 1) % 4 == 0 && (y - 1) % 100 != 0) || (y - 1) % 400 == 0);
		int yday = tm->tm_yday + prev_days;
		y--;
		week = (yday - wday + 10) / 7;
	} else if (week == 53) {
		int days = 365 + ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0);
		/* Week 53 only if the year's last Thursday is in it. */
		if (tm->tm_yday - wday + 3 >= days) {
			week = 1;
			y++;
		}
	}
	*year = y;
	return week;
}

static void format(struct out *o, const char *f, const struct tm *tm);

static void conversion(struct out *o, char c, int flag, int width, int upper, const struct tm *tm)
{
	long long y = (long long)tm->tm_year + 1900, iso_year;
	int hour12 = tm->tm_hour % 12 ? tm->tm_hour % 12 : 12;
	const char *s;

	switch (c) {
	case 'a':
		s = (unsigned)tm->tm_wday < 7 ? day_names[tm->tm_wday] : "?";
		put_str(o, s, s[1] ? 3 : 1, flag, width, upper);
		return;
	case 'A':
		s = (unsigned)tm->tm_wday < 7 ? day_names[tm->tm_wday] : "?";
		put_str(o, s, strlen(s), flag, width, upper);
		return;
	case 'b':
	case 'h':
		s = (unsigned)tm->tm_mon < 12 ? month_names[tm->tm_mon] : "?";
		put_str(o, s, s[1] ? 3 : 1, flag, width, upper);
		return;
	case 'B':
		s = (unsigned)tm->tm_mon < 12 ? month_names[tm->tm_mon] : "?";
		put_str(o, s, strlen(s), flag, width, upper);
		return;
	case 'c':
		format(o, "%a %b %e %H:%M:%S %Y", tm);
		return;
	case 'C':
		put_num(o, y / 100 - (y % 100 < 0), 2, '0', flag, width);
		return;
	case 'd':
		put_num(o, tm->tm_mday, 2, '0', flag, width);
		return;
	case 'D':
		format(o, "%m/%d/%y", tm);
		return;
	case 'e':
		put_num(o, tm->tm_mday, 2, ' ', flag, width);
		return;
	case 'F':
		format(o, "%Y-%m-%d", tm);
		return;
	case 'g':
		iso_week(tm, &iso_year);
		put_num(o, (iso_year % 100 + 100) % 100, 2, '0', flag, width);
		return;
	case 'G':
		iso_week(tm, &iso_year);
		put_num(o, iso_year, 1, '0', flag, width);
		return;
	case 'H':
		put_num(o, tm->tm_hour, 2, '0', flag, width);
		return;
	case 'I':
		put_num(o, hour12, 2, '0', flag, width);
		return;
	case 'j':
		put_num(o, tm->tm_yday + 1, 3, '0', flag, width);
		return;
	case 'k':
		put_num(o, tm->tm_hour, 2, ' ', flag, width);
		return;
	case 'l':
		put_num(o, hour12, 2, ' ', flag, width);
		return;
	case 'm':
		put_num(o, tm->tm_mon + 1, 2, '0', flag, width);
		return;
	case 'M':
		put_num(o, tm->tm_min, 2, '0', flag, width);
		return;
	case 'n':
		put(o, '\n');
		return;
	case 'p':
		put_str(o, tm->tm_hour < 12 ? "AM" : "PM", 2, flag, width, 0);
		return;
	case 'P':
		put_str(o, tm->tm_hour < 12 ? "am" : "pm", 2, flag, width, upper);
		return;
	case 'r':
		format(o, "%I:%M:%S %p", tm);
		return;
	case 'R':
		format(o, "%H:%M", tm);
		return;
	case 's': {
		struct tm copy = *tm;
		put_num(o, __tm_to_secs(&copy), 1, '0', flag, width);
		return;
	}
	case 'S':
		put_num(o, tm->tm_sec, 2, '0', flag, width);
		return;
	case 't':
		put(o, '\t');
		return;
	case 'T':
		format(o, "%H:%M:%S", tm);
		return;
	case 'u':
		put_num(o, tm->tm_wday ? tm->tm_wday : 7, 1, '0', flag, width);
		return;
	case 'U':
		put_num(o, (tm->tm_yday + 7 - tm->tm_wday) / 7, 2, '0', flag, width);
		return;
	case 'V':
		put_num(o, iso_week(tm, &iso_year), 2, '0', flag, width);
		return;
	case 'w':
		put_num(o, tm->tm_wday, 1, '0', flag, width);
		return;
	case 'W':
		put_num(o, (tm->tm_yday + 7 - (tm->tm_wday + 6) % 7) / 7, 2, '0', flag, width);
		return;
	case 'x':
		format(o, "%m/%d/%y", tm);
		return;
	case 'X':
		format(o, "%H:%M:%S", tm);
		return;
	case 'y':
		put_num(o, (y % 100 + 100) % 100, 2, '0', flag, width);
		return;
	case 'Y':
		put_num(o, y, 1, '0', flag, width);
		return;
	case 'z': {
		long off = tm->__tm_gmtoff;
		put(o, off < 0 ? '-' : '+');
		if (off < 0)
			off = -off;
		put_num(o, off / 3600 * 100 + off / 60 % 60, 4, '0', 0, width > 1 ? width - 1 : 0);
		return;
	}
	case 'Z':
		s = tm->__tm_zone ? tm->__tm_zone : "UTC";
		put_str(o, s, strlen(s), flag, width, upper);
		return;
	case '%':
		put(o, '%');
		return;
	default:
		/* Unknown conversion: copied as written, as glibc does. */
		put(o, '%');
		put(o, c);
		return;
	}
}

static void format(struct out *o, const char *f, const struct tm *tm)
{
	for (; *f; f++) {
		int flag = 0, width = 0, upper = 0;
		const char *start = f;

		if (*f != '%') {
			put(o, *f);
			continue;
		}
		for (f++; *f == '-' || *f == '_' || *f == '0' || *f == '^' || *f == '#'; f++) {
			if (*f == '^')
				upper = 1;
			else if (*f != '#')
				flag = *f;
		}
		for (; *f >= '0' && *f <= '9'; f++)
			width = width * 10 + (*f - '0');
		if (*f == 'E' || *f == 'O')
			f++;
		if (!*f) {
			/* A lone '%' at the end is copied as is. */
			for (; start < f; start++)
				put(o, *start);
			return;
		}
		conversion(o, *f, flag, width, upper, tm);
	}
}

size_t strftime(char *restrict buf, size_t size, const char *restrict f,
		const struct tm *restrict tm)
{
	struct out o = {buf, size, 0, 0};

	format(&o, f, tm);
	if (o.overflow || !size) {
		if (size)
			buf[0] = '\0';
		return 0;
	}
	buf[o.len] = '\0';
	return o.len;
}

size_t strftime_l(char *restrict buf, size_t size, const char *restrict f,
		  const struct tm *restrict tm, locale_t loc)
{
	(void)loc;
	return strftime(buf, size, f, tm);
}
