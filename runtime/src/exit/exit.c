#include <stdlib.h>
#include "internal/libc.h"
#include "internal/platform.h"

_Noreturn void exit(int status)
{
	__run_atexit();
	if (__stdio_flush)
		__stdio_flush();
	solo5_exit(status);
}
