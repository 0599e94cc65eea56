/*
 * The head of an HTTP/1.x request (RFC 9112): finding where it ends in
 * the bytes received, and reading what httpd needs from it. Pure
 * functions on a buffer: no network here.
 */
#ifndef HTTPD_REQUEST_H
#define HTTPD_REQUEST_H

#include <stddef.h>

enum http_method { HTTP_GET, HTTP_HEAD, HTTP_OTHER };

/* The longest path httpd looks up, decoded. */
#define HTTP_PATH_MAX 1024

struct http_request {
	enum http_method method;
	int minor_version;   /* HTTP/1.<minor> */
	int keep_alive;      /* the client wants the connection kept */
	int has_body;        /* it sent Content-Length > 0 or Transfer-Encoding */
	char path[HTTP_PATH_MAX + 1]; /* the target's path, %-decoded, no query */
};

/*
 * The length of the request head at the start of buf[0..len): up to and
 * including the empty line that ends it (CRLF CRLF, or bare LFs, which
 * RFC 9112 lets a server accept). 0 while the head is incomplete.
 */
size_t http_head_length(const char *buf, size_t len);

/*
 * Parses the head buf[0..len) (as http_head_length measured it) into req.
 * Returns 0, or the status to answer with: 400 (malformed request line,
 * header or target; no Host or several in HTTP/1.1; conflicting
 * Content-Length), 414 (a path longer than HTTP_PATH_MAX), 505 (an HTTP
 * major version other than 1).
 */
int http_parse_request(const char *buf, size_t len, struct http_request *req);

#endif
