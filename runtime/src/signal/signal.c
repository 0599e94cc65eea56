#include <errno.h>
#include <signal.h>
#include "signal/handlers.h"

void (*__signal_handlers[_NSIG])(int);

void (*signal(int sig, void (*fn)(int)))(int)
{
	void (*old)(int);

	if (sig <= 0 || sig >= _NSIG || sig == SIGKILL || sig == SIGSTOP) {
		errno = EINVAL;
		return SIG_ERR;
	}
	old = __signal_handlers[sig];
	__signal_handlers[sig] = fn;
	return old;
}
