/* Kiln runtime: atof is strtod without the end pointer (C11 7.22.1.2). */
#include <stdlib.h>

double atof(const char *s)
{
	return strtod(s, 0);
}
