/* httpd's connections (conn.c). */
#ifndef HTTPD_CONN_H
#define HTTPD_CONN_H

#include "lwip/arch.h"

/* The longest request head (request line and headers) httpd reads. */
#define HTTPD_HEAD_MAX 8192

struct httpd_limits {
	unsigned long max_connections; /* open at once; more are reset */
	u32_t timeout_ms;              /* for a request head, an idle keep-alive
					  connection, a client not reading */
};

struct httpd_counters {
	unsigned long open, accepted, refused;
	unsigned long requests, errors, timeouts;
};

/* Listens on TCP `port` of every address. 0, or -1 after printing why. */
int httpd_listen(u16_t port, const struct httpd_limits *limits);

void httpd_get_counters(struct httpd_counters *out);

#endif
