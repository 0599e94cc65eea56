#include <stdlib.h>
#include "fortify/chk_fail.h"
#include "internal/libc.h"

_Noreturn void __chk_fail(const char *fn)
{
	__console_puts("kiln: buffer overflow detected in ");
	__console_puts(fn);
	__console_puts("\n");
	abort();
}
