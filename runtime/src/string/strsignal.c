#include <signal.h>
#include <string.h>

static const char *const names[] = {
	[SIGHUP] = "Hangup",
	[SIGINT] = "Interrupt",
	[SIGQUIT] = "Quit",
	[SIGILL] = "Illegal instruction",
	[SIGTRAP] = "Trace/breakpoint trap",
	[SIGABRT] = "Aborted",
	[SIGBUS] = "Bus error",
	[SIGFPE] = "Arithmetic exception",
	[SIGKILL] = "Killed",
	[SIGUSR1] = "User defined signal 1",
	[SIGSEGV] = "Segmentation fault",
	[SIGUSR2] = "User defined signal 2",
	[SIGPIPE] = "Broken pipe",
	[SIGALRM] = "Alarm clock",
	[SIGTERM] = "Terminated",
	[SIGCHLD] = "Child process status",
	[SIGCONT] = "Continued",
	[SIGSTOP] = "Stopped (signal)",
};

char *strsignal(int sig)
{
	if (sig > 0 && (unsigned)sig < sizeof names / sizeof names[0] && names[sig])
		return (char *)names[sig];
	return (char *)"Unknown signal";
}
