/* httpd's statistics page (stats.c). */
#ifndef HTTPD_STATS_H
#define HTTPD_STATS_H

#include <stddef.h>

/* The page, name=value lines, in out[0..size); its length, or 0 when it
 * does not fit. */
size_t httpd_stats_text(char *out, size_t size);

#endif
