/* Kiln runtime fuzz targets: print_escaped, shared by the targets that
 * report a failing input string. */
#ifndef KILN_FUZZ_PRINT_ESCAPED_H
#define KILN_FUZZ_PRINT_ESCAPED_H

#include <stdio.h>

/* The string s as a C string literal body, so that control bytes show. */
static inline void print_escaped(FILE *f, const char *s)
{
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;
		if (c == '"' || c == '\\')
			fprintf(f, "\\%c", c);
		else if (c >= 0x20 && c < 0x7f)
			fputc(c, f);
		else
			fprintf(f, "\\x%02x", c);
	}
}

#endif
