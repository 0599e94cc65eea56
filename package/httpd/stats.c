/*
 * httpd's statistics page (HTTPD_STATS_PATH, Config.options.in): the
 * connection counters and the runtime allocator's counts (mallinfo2), as
 * name=value lines, so that a test or an operator can see that memory use
 * stays flat however many connections come and go. Also printed on the
 * console, as malloc_stats does.
 */
#include <malloc.h>
#include <stdio.h>

#include "conn.h"
#include "stats.h"

size_t httpd_stats_text(char *out, size_t size)
{
	struct httpd_counters c;
	struct mallinfo2 m = mallinfo2();
	int n;

	httpd_get_counters(&c);
	n = snprintf(out, size,
		     "connections_open=%lu\nconnections_accepted=%lu\nconnections_refused=%lu\n"
		     "requests=%lu\nerrors=%lu\ntimeouts=%lu\n"
		     "heap_bytes=%zu\nin_use_bytes=%zu\nin_use_blocks=%zu\n"
		     "peak_in_use_bytes=%zu\nfree_bytes=%zu\nfree_blocks=%zu\n",
		     c.open, c.accepted, c.refused, c.requests, c.errors, c.timeouts,
		     m.arena, m.uordblks, m.hblks, m.usmblks, m.fordblks, m.ordblks);
	if (n < 0 || (size_t)n >= size)
		return 0;
	printf("httpd: stats: open=%lu accepted=%lu requests=%lu in_use_bytes=%zu "
	       "in_use_blocks=%zu peak_in_use_bytes=%zu\n",
	       c.open, c.accepted, c.requests, m.uordblks, m.hblks, m.usmblks);
	return (size_t)n;
}
