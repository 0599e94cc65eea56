#include <stdlib.h>
#include <string.h>
#include "internal/libc.h"
#include "internal/platform.h"

void __console_puts(const char *s)
{
	solo5_console_write(s, strlen(s));
}

_Noreturn void __libc_fatal(const char *msg)
{
	__console_puts("kiln: ");
	__console_puts(msg);
	__console_puts("\n");
	abort();
}

_Noreturn void __libc_fatal_ptr(const char *what, const void *ptr)
{
	/* Formatted here by hand: the heap or stdio may be what is broken. */
	char buf[2 + 16 + 2];
	uintptr_t v = (uintptr_t)ptr;
	int i = 18;

	buf[19] = '\0';
	buf[i--] = '\n';
	do {
		buf[i--] = "0123456789abcdef"[v & 15];
		v >>= 4;
	} while (v);
	buf[i--] = 'x';
	buf[i] = '0';
	__console_puts("kiln: ");
	__console_puts(what);
	__console_puts(" ");
	__console_puts(buf + i);
	abort();
}
