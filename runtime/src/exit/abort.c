#include <signal.h>
#include <stdlib.h>
#include "internal/platform.h"

_Noreturn void abort(void)
{
	/* A SIGABRT handler installed with signal() runs first, as C says;
	 * if it returns, the program still ends abnormally. */
	raise(SIGABRT);
	solo5_abort();
}
