#include <errno.h>
#include <signal.h>
#include "internal/platform.h"
#include "signal/handlers.h"

/* Weak so a program that never calls signal() does not pull in the table. */
extern void (*__signal_handlers[])(int) __attribute__((weak));

int raise(int sig)
{
	void (*fn)(int);

	if (sig <= 0 || sig >= _NSIG) {
		errno = EINVAL;
		return -1;
	}
	fn = __signal_handlers ? __signal_handlers[sig] : SIG_DFL;
	if (fn == SIG_IGN)
		return 0;
	if (fn != SIG_DFL) {
		/* As with signal() on System V: reset to default, then run. */
		__signal_handlers[sig] = SIG_DFL;
		fn(sig);
		return 0;
	}
	/* Default action: every signal the runtime can raise terminates the
	 * program; SIGCHLD and SIGCONT are ignored as on POSIX. */
	if (sig == SIGCHLD || sig == SIGCONT)
		return 0;
	solo5_abort();
}
