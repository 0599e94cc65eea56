/* Variadic front end; in an FPU unit because its arguments may be
 * doubles (see stdio_impl.h). */
#include "stdio_impl.h"

int printf(const char *restrict fmt, ...)
{
	va_list ap;
	int r;

	va_start(ap, fmt);
	r = vfprintf(stdout, fmt, ap);
	va_end(ap);
	return r;
}
