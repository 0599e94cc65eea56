#include "content_range.h"

#include <stdbool.h>
#include <strings.h>

static const char header_name[] = "content-range:";

static bool is_blank(char c)
{
	return c == ' ' || c == '\t';
}

/* A run of digits at *p (before end) as a non-negative int64; false if none or too big. */
static bool parse_number(const char **p, const char *end, int64_t *out)
{
	const char *s = *p;
	int64_t n = 0;
	if (s == end || *s < '0' || *s > '9')
		return false;
	for (; s < end && *s >= '0' && *s <= '9'; s++) {
		if (n > (INT64_MAX - (*s - '0')) / 10)
			return false;
		n = n * 10 + (*s - '0');
	}
	*p = s;
	*out = n;
	return true;
}

/* Whether *p starts with c; if so, step over it. */
static bool take(const char **p, const char *end, char c)
{
	if (*p == end || **p != c)
		return false;
	(*p)++;
	return true;
}

int content_range_parse(const char *line, size_t len, struct content_range *cr)
{
	size_t name_len = sizeof header_name - 1;
	if (len < name_len || strncasecmp(line, header_name, name_len) != 0)
		return 0;
	const char *p = line + name_len, *end = line + len;
	while (end > p && (end[-1] == '\r' || end[-1] == '\n' || is_blank(end[-1])))
		end--;
	while (p < end && is_blank(*p))
		p++;
	if ((size_t)(end - p) < 6 || strncasecmp(p, "bytes", 5) != 0 || !is_blank(p[5]))
		return -1;
	p += 6;
	while (p < end && is_blank(*p))
		p++;
	struct content_range r;
	if (!parse_number(&p, end, &r.first) || !take(&p, end, '-') ||
	    !parse_number(&p, end, &r.last) || !take(&p, end, '/'))
		return -1;
	if (take(&p, end, '*'))
		r.total = -1;
	else if (!parse_number(&p, end, &r.total))
		return -1;
	if (p != end || r.last < r.first || (r.total >= 0 && r.last >= r.total))
		return -1;
	*cr = r;
	return 1;
}

enum resume_action resume_decide(long code, int64_t offset, int range_seen,
				 const struct content_range *cr)
{
	if (offset == 0)
		return RESUME_APPEND; /* nothing to continue: any body is the file */
	if (code == 200)
		return RESUME_RESTART; /* the server ignored our Range header */
	if (code == 206 && (range_seen != 1 || cr->first != offset))
		return RESUME_REFUSED;
	return RESUME_APPEND;
}
