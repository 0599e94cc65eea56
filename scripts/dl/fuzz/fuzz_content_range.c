/*
 * fuzz_content_range.c: libFuzzer target for how kiln-dl reads the answer
 * to a resumed download (content_range.c): the Content-Range parser, fed
 * every header line of a response as libcurl hands them to fetch.c, and the
 * resume decision taken from it.
 *
 * Input: the status code (first line, decimal), the .part's size (second
 * line, decimal), then the response's header lines.
 *
 * Invariants, each an abort() libFuzzer reports: a range the parser accepts
 * is consistent (first <= last, last < total when the total is known) and
 * prints back to a line the parser reads as the same range; a 206 is only
 * appended to the .part when its range starts where the .part ends; a 200 to
 * a resumed request always restarts; and ASan/UBSan find nothing.
 */
#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "content_range.h"

static void fail(const char *what, const char *line, size_t len)
{
	fprintf(stderr, "fuzz_content_range: %s: '%.*s'\n", what, (int)len, line);
	abort();
}

/* One decimal line at *p (consumed), saturating; 0 if none. */
static int64_t number_line(const char **p, const char *end)
{
	int64_t n = 0;
	for (; *p < end && **p != '\n'; (*p)++)
		if (**p >= '0' && **p <= '9')
			n = n > (INT64_MAX - 9) / 10 ? INT64_MAX : n * 10 + (**p - '0');
	if (*p < end)
		(*p)++;
	return n;
}

static void check_parsed(const char *line, size_t len, const struct content_range *cr)
{
	char again[128];
	struct content_range back;
	if (cr->first < 0 || cr->last < cr->first || cr->total < -1 ||
	    (cr->total >= 0 && cr->last >= cr->total))
		fail("an inconsistent range was accepted", line, len);
	int n = cr->total < 0
		? snprintf(again, sizeof again, "Content-Range: bytes %" PRId64 "-%" PRId64 "/*\r\n",
			   cr->first, cr->last)
		: snprintf(again, sizeof again, "Content-Range: bytes %" PRId64 "-%" PRId64 "/%" PRId64
			   "\r\n", cr->first, cr->last, cr->total);
	if (content_range_parse(again, (size_t)n, &back) != 1 || back.first != cr->first ||
	    back.last != cr->last || back.total != cr->total)
		fail("an accepted range does not read back the same", line, len);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	/* A copy of exactly size bytes, so ASan sees any read past a header line. */
	char *buf = malloc(size ? size : 1);
	if (buf == NULL)
		abort();
	memcpy(buf, data, size);
	const char *p = buf, *end = buf + size;
	long code = (long)(number_line(&p, end) % 1000);
	int64_t offset = number_line(&p, end);

	int seen = 0;
	struct content_range cr = { 0 };
	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		size_t len = nl ? (size_t)(nl - p) + 1 : (size_t)(end - p);
		struct content_range r;
		int parsed = content_range_parse(p, len, &r);
		if (parsed < -1 || parsed > 1)
			fail("content_range_parse returned neither -1, 0 nor 1", p, len);
		if (parsed == 1) {
			check_parsed(p, len, &r);
			cr = r;
		}
		if (parsed != 0)
			seen = parsed;
		p += len;
	}

	enum resume_action a = resume_decide(code, offset, seen, &cr);
	if (offset > 0 && code == 206 && a == RESUME_APPEND && (seen != 1 || cr.first != offset))
		fail("a 206 not starting at the .part's end would be appended", buf, size);
	if (offset > 0 && code == 200 && a != RESUME_RESTART)
		fail("a 200 to a resumed request does not restart", buf, size);
	free(buf);
	return 0;
}
