/*
 * What the user sees while a file downloads: on a terminal a bar redrawn in place
 * (bytes, total, percentage, rate); otherwise one line when a transfer starts and one
 * when the file is in the cache, so build logs stay readable.
 */
#ifndef KILN_DL_PROGRESS_H
#define KILN_DL_PROGRESS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct progress {
	const char *name;   /* file name shown, the basename of the output */
	bool terminal;      /* stderr is a terminal: draw the bar */
	bool quiet;         /* -q: nothing on success */
	double started;     /* monotonic seconds when the current transfer began */
	double last_drawn;  /* when the bar was last redrawn, to limit redraws */
	int64_t offset;     /* bytes already in the .part when the transfer began */
	int64_t received;   /* bytes received by the current transfer */
	int64_t drawn_bytes; /* received when the bar was last drawn */
	bool bar_shown;     /* a bar is on the current line and must be ended */
};

void progress_init(struct progress *p, const char *name, bool quiet);

/* A transfer from url begins, appending to offset bytes already present. */
void progress_start(struct progress *p, const char *url, int64_t offset);

/* now of total bytes of this transfer have arrived (total 0 if unknown). */
void progress_update(struct progress *p, int64_t now, int64_t total);

/* The transfer ended (either way): end the bar's line so messages start on a fresh one. */
void progress_stop(struct progress *p);

/* The file is verified and in place: the one success line (unless quiet). */
void progress_done(struct progress *p, int64_t size);

/* "1.5 MiB" style, into buf (at least 16 bytes), which it returns. */
const char *human_size(double bytes, char *buf, size_t len);

/* Monotonic clock in seconds. */
double progress_now(void);

#endif
