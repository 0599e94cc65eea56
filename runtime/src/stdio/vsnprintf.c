/* Formatting into memory: vsnprintf and vsprintf. snprintf's contract:
 * at most size-1 characters are stored, always NUL-terminated when
 * size > 0, and the return value is the full length. */
#include <stdint.h>
#include <string.h>
#include "stdio_impl.h"

struct memory_sink {
	struct __fmt_sink base;
	char *p;
	size_t room;       /* characters that still fit, before the NUL */
};

static void memory_write(struct __fmt_sink *base, const char *src, size_t n)
{
	struct memory_sink *m = (struct memory_sink *)base;

	if (n > m->room)
		n = m->room;
	/* Most pieces are a few bytes: a loop beats a call. */
	if (n <= 16) {
		for (size_t i = 0; i < n; i++)
			m->p[i] = src[i];
	} else {
		memcpy(m->p, src, n);
	}
	m->p += n;
	m->room -= n;
}

int vsnprintf(char *restrict buf, size_t size, const char *restrict fmt, va_list ap)
{
	char dummy;
	struct memory_sink m = { { memory_write, 0, 0 }, size ? buf : &dummy,
				 size ? size - 1 : 0 };
	va_list args;
	int r;

	va_copy(args, ap);
	r = __vformat(&m.base, fmt, &args);
	va_end(args);
	if (size)
		*m.p = '\0';
	return r;
}

int vsprintf(char *restrict buf, const char *restrict fmt, va_list ap)
{
	return vsnprintf(buf, SIZE_MAX - (uintptr_t)buf, fmt, ap);
}
