#include <assert.h>
#include <stdlib.h>
#include "internal/libc.h"

/* Written straight to the console (stderr's device) so a failed assertion
 * is reported even when stdio is the broken part. */
_Noreturn void __assert_fail(const char *expr, const char *file, int line, const char *func)
{
	char num[12];
	int i = sizeof num - 1;
	unsigned u = line < 0 ? 0 : (unsigned)line;

	num[i] = '\0';
	do {
		num[--i] = (char)('0' + u % 10);
		u /= 10;
	} while (u && i > 0);
	if (__stdio_flush)
		__stdio_flush();
	__console_puts("Assertion failed: ");
	__console_puts(expr);
	__console_puts(" (");
	__console_puts(file);
	__console_puts(": ");
	__console_puts(func);
	__console_puts(": ");
	__console_puts(num + i);
	__console_puts(")\n");
	abort();
}
