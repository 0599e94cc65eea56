/*
 * What an HTTP answer to a resumed download means for the .part: the
 * Content-Range header's parser and the decision kiln-dl takes from it.
 * Pure functions, no libcurl: fetch.c calls them from its callbacks and
 * the fuzz target (scripts/dl/fuzz) calls them directly.
 */
#ifndef KILN_DL_CONTENT_RANGE_H
#define KILN_DL_CONTENT_RANGE_H

#include <stddef.h>
#include <stdint.h>

/* "Content-Range: bytes first-last/total" (RFC 9110 14.4); total -1 when unknown ("/" "*"). */
struct content_range {
	int64_t first, last, total;
};

/*
 * Parse one header line as libcurl hands it: "Name: value" and the line end, not
 * NUL-terminated. Returns 1 for a well-formed Content-Range (*cr filled), -1 for a
 * Content-Range that is malformed or unsatisfied ("bytes *" + "/total"), 0 for any other
 * line.
 */
int content_range_parse(const char *line, size_t len, struct content_range *cr);

enum resume_action {
	RESUME_APPEND,  /* the body continues the .part: write it after what it holds */
	RESUME_RESTART, /* the body is the whole file (a 200): truncate the .part first */
	RESUME_REFUSED, /* a 206 that does not start where the .part ends: start afresh */
};

/*
 * For an HTTP answer with status code to a request for bytes offset- (offset 0: no
 * range asked): range_seen is 1, 0 or -1 as content_range_parse last returned for the
 * answer's headers, cr what it parsed.
 */
enum resume_action resume_decide(long code, int64_t offset, int range_seen,
				 const struct content_range *cr);

#endif
