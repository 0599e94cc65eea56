/* The FPU side of scanf's %a %e %f %g: convert the delimited text with
 * strtof/strtod/strtold and store the result. */
#include <stdlib.h>
#include <string.h>
#include "stdio_impl.h"

int __scan_float(const char *p, size_t n, int size, void *dest)
{
	char small[256];
	char *text = n < sizeof small ? small : malloc(n + 1);
	char *end;
	int ok;

	if (!text)
		return 0;
	memcpy(text, p, n);
	text[n] = '\0';
	if (size == 2) {
		long double v = strtold(text, &end);
		if ((ok = end != text))
			*(long double *)dest = v;
	} else if (size == 1) {
		double v = strtod(text, &end);
		if ((ok = end != text))
			*(double *)dest = v;
	} else {
		float v = strtof(text, &end);
		if ((ok = end != text))
			*(float *)dest = v;
	}
	if (text != small)
		free(text);
	return ok;
}
