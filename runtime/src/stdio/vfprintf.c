/* Formatting to a stream: vfprintf and vprintf. */
#include "stdio_impl.h"

struct stream_sink {
	struct __fmt_sink base;
	FILE *f;
};

static void stream_write(struct __fmt_sink *base, const char *p, size_t n)
{
	struct stream_sink *st = (struct stream_sink *)base;

	if (!base->failed && __stdio_write(st->f, p, n) != n)
		base->failed = 1;   /* __stdio_write set errno and ferror */
}

int vfprintf(FILE *restrict f, const char *restrict fmt, va_list ap)
{
	struct stream_sink st = { { stream_write, 0, 0 }, f };
	va_list args;
	int r;

	va_copy(args, ap);
	r = __vformat(&st.base, fmt, &args);
	va_end(args);
	return r;
}

int vprintf(const char *restrict fmt, va_list ap)
{
	return vfprintf(stdout, fmt, ap);
}
