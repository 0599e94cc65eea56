/* Formatting response heads (response.h). */
#include <stdio.h>
#include <time.h>

#include <solo5.h>

#include "response.h"

const char *http_reason(int status)
{
	switch (status) {
	case 200: return "OK";
	case 400: return "Bad Request";
	case 404: return "Not Found";
	case 405: return "Method Not Allowed";
	case 408: return "Request Timeout";
	case 414: return "URI Too Long";
	case 431: return "Request Header Fields Too Large";
	case 505: return "HTTP Version Not Supported";
	default: return "Error";
	}
}

/* The Date header's value (RFC 9110's IMF-fixdate) from the platform's
 * wall clock, formatted once a second. */
static const char *http_date(void)
{
	static char text[40];
	static time_t formatted = -1;
	time_t now = (time_t)(solo5_clock_wall() / 1000000000ull);
	struct tm tm;

	if (now != formatted && gmtime_r(&now, &tm) != NULL &&
	    strftime(text, sizeof text, "%a, %d %b %Y %H:%M:%S GMT", &tm) > 0)
		formatted = now;
	return text;
}

size_t http_format_head(char *out, size_t size, int status, const char *content_type,
			unsigned long content_length, enum http_connection conn)
{
	int n = snprintf(out, size,
			 "HTTP/1.1 %d %s\r\n"
			 "Server: kiln-httpd\r\n"
			 "Date: %s\r\n"
			 "Content-Type: %s\r\n"
			 "Content-Length: %lu\r\n"
			 "%s%s\r\n",
			 status, http_reason(status), http_date(), content_type, content_length,
			 status == 405 ? "Allow: GET, HEAD\r\n" : "",
			 conn == HTTP_CLOSE	      ? "Connection: close\r\n"
			 : conn == HTTP_KEEP_EXPLICIT ? "Connection: keep-alive\r\n"
						      : "");
	return n > 0 && (size_t)n < size ? (size_t)n : 0;
}

size_t http_error_page(char *out, size_t size, int status)
{
	int n = snprintf(out, size,
			 "<!DOCTYPE html>\n<html><head><title>%d %s</title></head>"
			 "<body><h1>%d %s</h1></body></html>\n",
			 status, http_reason(status), status, http_reason(status));
	return n > 0 && (size_t)n < size ? (size_t)n : 0;
}
