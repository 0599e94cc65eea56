/* Programs built like applications (app_*.c, against Kiln's headers only)
 * run through the runtime's start-up: output, exit status and, for
 * fortified copies that overflow, the abort and its message. */
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#include "harness.h"

/* The program run_app_child executes, and its arguments. */
static char app_path[512];
static const char *app_a1, *app_a2;

static void run_app_child(void)
{
	execl(app_path, app_path, app_a1, app_a2, (char *)NULL);
}

/* Run app with up to two arguments; capture stdout; return wait status. */
static int run(const char *app, const char *a1, const char *a2, char *out, size_t size)
{
	snprintf(app_path, sizeof app_path, "%s/%s", KILN_APP_DIR, app);
	app_a1 = a1;
	app_a2 = a2;
	return h_run_captured(run_app_child, out, size);
}

int main(void)
{
	static const char *const fns[] = {"memcpy", "memset", "strcpy", "strcat", "stpcpy", "strncpy"};
	char out[512], want[128];
	int st;

	st = run("app_headers", NULL, NULL, out, sizeof out);
	CHECK(WIFEXITED(st) && WEXITSTATUS(st) == 0, "app_headers: exit status %#x, output \"%s\"", st, out);
	CHECK(!strcmp(out, "1971-01-01 00:00:00 -1234567890123 deadbeef ok\n"), "app_headers printed \"%s\"", out);

	for (size_t i = 0; i < sizeof fns / sizeof *fns; i++) {
		st = run("app_fortify", fns[i], "fits", out, sizeof out);
		CHECK(WIFEXITED(st) && WEXITSTATUS(st) == 0, "app_fortify %s within bounds: status %#x, \"%s\"",
		      fns[i], st, out);
		st = run("app_fortify", fns[i], "overflows-the-buffer", out, sizeof out);
		/* gcc may call a cheaper equivalent (strcat into an empty
		 * string is strcpy); the check must fire under either name. */
		snprintf(want, sizeof want, "kiln: buffer overflow detected in %s\n", fns[i]);
		int named = strstr(out, want) || strstr(out, "detected in strcpy\n") || strstr(out, "detected in memcpy\n");
		CHECK(WIFSIGNALED(st) && WTERMSIG(st) == SIGABRT && named,
		      "app_fortify %s overflowing: expected abort with \"%s\", status %#x, got \"%s\"", fns[i],
		      want, st, out);
	}
	return h_report("test_app");
}
