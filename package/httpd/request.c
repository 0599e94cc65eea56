/*
 * Reading HTTP/1.x request heads (request.h). Strict where being lenient
 * could make httpd and a proxy in front of it disagree on where a request
 * ends (whitespace before a header's colon, folded lines, conflicting
 * lengths: 400), lenient where RFC 9112 allows (bare LF line ends).
 */
#include <string.h>
#include <strings.h>

#include "request.h"

size_t http_head_length(const char *buf, size_t len)
{
	size_t line_start = 0, i;

	for (i = 0; i < len; i++) {
		if (buf[i] != '\n')
			continue;
		size_t line_len = i - line_start;
		if (line_len > 0 && buf[i - 1] == '\r')
			line_len--;
		/* An empty line ends the head (one before any request line
		 * is a stray CRLF between requests, which a server ignores:
		 * the caller skips those before measuring). */
		if (line_len == 0 && line_start > 0)
			return i + 1;
		line_start = i + 1;
	}
	return 0;
}

/* RFC 9110's tchar: the characters of a method or a header name. */
static int is_tchar(char c)
{
	if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))
		return 1;
	return c != '\0' && strchr("!#$%&'*+-.^_`|~", c) != NULL;
}

static int hex_value(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* The request target t[0..n) into req->path: origin-form ("/a/b?q") or
 * absolute-form ("http://host/a/b"), the query dropped, %XX decoded. */
static int parse_target(const char *t, size_t n, struct http_request *req)
{
	size_t i = 0, out = 0;

	if (n >= 7 && strncasecmp(t, "http://", 7) == 0) {
		/* absolute-form: skip the scheme and the authority */
		i = 7;
		while (i < n && t[i] != '/' && t[i] != '?')
			i++;
		if (i == n || t[i] != '/') {
			req->path[0] = '/';
			req->path[1] = '\0';
			return 0;
		}
	}
	if (i >= n || t[i] != '/')
		return 400;
	for (; i < n && t[i] != '?' && t[i] != '#'; i++) {
		char c = t[i];
		if (c == '%') {
			int hi = i + 2 < n ? hex_value(t[i + 1]) : -1;
			int lo = i + 2 < n ? hex_value(t[i + 2]) : -1;
			if (hi < 0 || lo < 0 || (hi == 0 && lo == 0))
				return 400;
			c = (char)(hi << 4 | lo);
			i += 2;
		} else if ((unsigned char)c <= ' ' || c == 0x7f) {
			return 400;
		}
		if (out == HTTP_PATH_MAX)
			return 414;
		req->path[out++] = c;
	}
	req->path[out] = '\0';
	return 0;
}

/* Does the comma-separated list v[0..n) hold the token `tok` (any case)? */
static int list_has(const char *v, size_t n, const char *tok)
{
	size_t tl = strlen(tok), i = 0;

	while (i < n) {
		while (i < n && (v[i] == ' ' || v[i] == '\t' || v[i] == ','))
			i++;
		size_t start = i;
		while (i < n && v[i] != ',')
			i++;
		size_t end = i;
		while (end > start && (v[end - 1] == ' ' || v[end - 1] == '\t'))
			end--;
		if (end - start == tl && strncasecmp(v + start, tok, tl) == 0)
			return 1;
	}
	return 0;
}

/* The request line l[0..n): METHOD SP target SP HTTP/1.x */
static int parse_request_line(const char *l, size_t n, struct http_request *req)
{
	size_t i = 0;

	while (i < n && is_tchar(l[i]))
		i++;
	if (i == 0 || i == n || l[i] != ' ')
		return 400;
	if (i == 3 && memcmp(l, "GET", 3) == 0)
		req->method = HTTP_GET;
	else if (i == 4 && memcmp(l, "HEAD", 4) == 0)
		req->method = HTTP_HEAD;
	else
		req->method = HTTP_OTHER;
	size_t t = ++i;
	while (i < n && l[i] != ' ')
		i++;
	if (i == t || i == n)
		return 400;
	int status = parse_target(l + t, i - t, req);
	if (status != 0)
		return status;
	i++;
	/* HTTP-version: "HTTP/" DIGIT "." DIGIT, and nothing after it. */
	if (n - i != 8 || memcmp(l + i, "HTTP/", 5) != 0 || l[i + 6] != '.' ||
	    l[i + 5] < '0' || l[i + 5] > '9' || l[i + 7] < '0' || l[i + 7] > '9')
		return 400;
	if (l[i + 5] != '1')
		return 505;
	req->minor_version = l[i + 7] - '0';
	return 0;
}

int http_parse_request(const char *buf, size_t len, struct http_request *req)
{
	size_t pos = 0;
	int line_no = 0, hosts = 0, close = 0, keep = 0;
	long long content_length = -1;
	int status;

	memset(req, 0, sizeof *req);
	while (pos < len) {
		const char *nl = memchr(buf + pos, '\n', len - pos);
		if (nl == NULL)
			return 400;
		const char *l = buf + pos;
		size_t n = (size_t)(nl - l);
		if (n > 0 && l[n - 1] == '\r')
			n--;
		pos = (size_t)(nl - buf) + 1;
		if (memchr(l, '\r', n) != NULL || memchr(l, '\0', n) != NULL)
			return 400; /* a bare CR or a NUL inside a line */
		if (line_no++ == 0) {
			status = parse_request_line(l, n, req);
			if (status != 0)
				return status;
			continue;
		}
		if (n == 0)
			break; /* the end of the head */
		/* field-name ":" OWS value OWS; no folded lines, no space
		 * before the colon (RFC 9112 5.1, 5.2). */
		size_t c = 0;
		while (c < n && is_tchar(l[c]))
			c++;
		if (c == 0 || c == n || l[c] != ':')
			return 400;
		size_t v = c + 1, e = n;
		while (v < e && (l[v] == ' ' || l[v] == '\t'))
			v++;
		while (e > v && (l[e - 1] == ' ' || l[e - 1] == '\t'))
			e--;
		if (c == 4 && strncasecmp(l, "host", 4) == 0) {
			hosts++;
		} else if (c == 10 && strncasecmp(l, "connection", 10) == 0) {
			close |= list_has(l + v, e - v, "close");
			keep |= list_has(l + v, e - v, "keep-alive");
		} else if (c == 14 && strncasecmp(l, "content-length", 14) == 0) {
			long long value = 0;
			size_t d;
			if (v == e)
				return 400;
			for (d = v; d < e; d++) {
				if (l[d] < '0' || l[d] > '9' || value > 1000000000000LL)
					return 400;
				value = value * 10 + (l[d] - '0');
			}
			if (content_length >= 0 && content_length != value)
				return 400;
			content_length = value;
		} else if (c == 17 && strncasecmp(l, "transfer-encoding", 17) == 0) {
			req->has_body = 1;
		}
	}
	if (req->minor_version >= 1 && hosts != 1)
		return 400; /* RFC 9112 3.2: exactly one Host in HTTP/1.1 */
	if (hosts > 1)
		return 400;
	if (content_length > 0)
		req->has_body = 1;
	/* HTTP/1.1 keeps the connection unless told not to; 1.0 closes it
	 * unless asked to keep it. */
	req->keep_alive = req->minor_version >= 1 ? !close : (keep && !close);
	return 0;
}
