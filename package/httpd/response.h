/* The head of httpd's responses (response.c). */
#ifndef HTTPD_RESPONSE_H
#define HTTPD_RESPONSE_H

#include <stddef.h>

enum http_connection {
	HTTP_CLOSE,          /* "Connection: close", then httpd closes */
	HTTP_KEEP,           /* kept, as HTTP/1.1 does unless told */
	HTTP_KEEP_EXPLICIT,  /* kept, and said (an HTTP/1.0 client asked) */
};

/* The reason phrase of a status httpd sends. */
const char *http_reason(int status);

/*
 * Writes the status line and the headers, ending with the empty line,
 * into out[0..size): Server, Date, Content-Type, Content-Length,
 * Connection when it is not implied, and Allow for a 405. Returns the
 * length, or 0 when it does not fit.
 */
size_t http_format_head(char *out, size_t size, int status, const char *content_type,
			unsigned long content_length, enum http_connection conn);

/* The small HTML page sent with an error status, in out[0..size).
 * Returns its length. */
size_t http_error_page(char *out, size_t size, int status);

#endif
