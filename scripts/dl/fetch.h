/*
 * One transfer attempt: fetch a URL into the .part file with libcurl, resuming from
 * what the .part already holds, and say how it went so the caller can decide between
 * done, retry later, or give up on this URL.
 */
#ifndef KILN_DL_FETCH_H
#define KILN_DL_FETCH_H

#include <stdint.h>

#include "progress.h"

enum fetch_status {
	FETCH_OK,         /* the whole body is in the .part (not yet verified) */
	FETCH_TRANSIENT,  /* may work if tried again: refused, timeout, stall, cut, 5xx */
	FETCH_PERMANENT,  /* will not work from this URL: 404, bad URL, unsupported, too big, ... */
	FETCH_LOCAL,      /* our side failed (cannot write the .part, no room): no URL will help */
};

struct fetch_options {
	long connect_timeout; /* seconds to establish a connection */
	long stall_timeout;   /* seconds without a byte before giving up */
	int64_t max_size;     /* bytes: a file announced or growing past this is refused */
};

struct fetch_result {
	enum fetch_status status;
	char reason[512];     /* why it failed, for messages and the final summary */
	int64_t resumed_from; /* bytes of the .part that this transfer kept */
};

/* Call once before any fetch_attempt; it only initialises libcurl. */
int fetch_global_init(void);
void fetch_global_cleanup(void);

void fetch_attempt(const char *url, const char *part_path, const struct fetch_options *opt,
		   struct progress *progress, struct fetch_result *result);

#endif
