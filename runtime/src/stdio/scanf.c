/* Formatted input from streams. There is no input device: stdin is at
 * end of file from the start, so these report an input failure (EOF)
 * before any conversion, as C specifies for an empty stream. */
#include <errno.h>
#include "stdio_impl.h"

int vfscanf(FILE *restrict f, const char *restrict fmt, va_list ap)
{
	(void)fmt;
	(void)ap;
	if (!(f->flags & __F_READ)) {
		f->flags |= __F_ERR;
		errno = EBADF;
	} else {
		f->flags |= __F_EOF;
	}
	return EOF;
}

int vscanf(const char *restrict fmt, va_list ap)
{
	return vfscanf(stdin, fmt, ap);
}

int fscanf(FILE *restrict f, const char *restrict fmt, ...)
{
	va_list ap;
	int r;

	va_start(ap, fmt);
	r = vfscanf(f, fmt, ap);
	va_end(ap);
	return r;
}

int scanf(const char *restrict fmt, ...)
{
	va_list ap;
	int r;

	va_start(ap, fmt);
	r = vfscanf(stdin, fmt, ap);
	va_end(ap);
	return r;
}
