/* Formatting into a string that grows with malloc/realloc. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include "stdio_impl.h"

struct growing_sink {
	struct __fmt_sink base;
	char *buf;
	size_t len, cap;   /* cap counts the byte for the NUL */
};

static void growing_write(struct __fmt_sink *base, const char *src, size_t n)
{
	struct growing_sink *g = (struct growing_sink *)base;

	if (g->base.failed)
		return;
	if (g->len + n + 1 > g->cap) {
		size_t cap = g->cap * 2;
		if (cap < g->len + n + 1)
			cap = g->len + n + 1;
		char *nb = realloc(g->buf, cap);
		if (!nb) {
			g->base.failed = 1;
			errno = ENOMEM;
			return;
		}
		g->buf = nb;
		g->cap = cap;
	}
	memcpy(g->buf + g->len, src, n);
	g->len += n;
}

int vasprintf(char **restrict out, const char *restrict fmt, va_list ap)
{
	struct growing_sink g = { { growing_write, 0, 0 }, malloc(64), 0, 64 };
	va_list args;
	int r;

	*out = NULL;
	if (!g.buf) {
		errno = ENOMEM;
		return -1;
	}
	va_copy(args, ap);
	r = __vformat(&g.base, fmt, &args);
	va_end(args);
	if (r < 0) {
		free(g.buf);
		return -1;
	}
	g.buf[g.len] = '\0';
	*out = g.buf;
	return r;
}
