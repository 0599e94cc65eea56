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

/* Under qemu-user (runtime/tests/Makefile, another architecture) the app
 * is run by the emulator: KILN_APP_RUNNER is its command line, split at
 * spaces, and empty on the host. */
static void run_app_child(void)
{
	static char runner[] = KILN_APP_RUNNER;
	const char *argv[16];
	int n = 0;

	for (char *w = strtok(runner, " "); w && n < 12; w = strtok(NULL, " "))
		argv[n++] = w;
	argv[n++] = app_path;
	argv[n++] = app_a1;
	argv[n++] = app_a2;
	argv[n] = NULL;  /* argv ends at the first NULL argument */
	execvp(argv[0], (char *const *)argv);
}

/* Run app with up to two arguments; capture stdout; return wait status. */
static int run(const char *app, const char *a1, const char *a2, char *out, size_t size)
{
	snprintf(app_path, sizeof app_path, "%s/%s", KILN_APP_DIR, app);
	app_a1 = a1;
	app_a2 = a2;
	return h_run_captured(run_app_child, out, size);
}

/* Run app with a1 a2; it must exit 0 and print want (NULL: anything). */
static void expect_pass(const char *app, const char *a1, const char *a2, const char *want)
{
	char out[512];
	int st = run(app, a1, a2, out, sizeof out);

	CHECK(WIFEXITED(st) && WEXITSTATUS(st) == 0 && (!want || !strcmp(out, want)),
	      "%s %s %s: expected exit 0 and \"%s\", status %#x, got \"%s\"", app, a1, a2,
	      want ? want : "(any output)", st, out);
}

/* Run app with a1 a2; it must abort with the check's message for fn (gcc
 * may call a cheaper equivalent: strcat into an empty string is strcpy). */
static void expect_abort(const char *app, const char *a1, const char *a2, const char *fn)
{
	char out[512], want[128];
	int st = run(app, a1, a2, out, sizeof out);

	snprintf(want, sizeof want, "kiln: buffer overflow detected in %s\n", fn);
	int named = strstr(out, want) || strstr(out, "detected in strcpy\n") || strstr(out, "detected in memcpy\n");
	CHECK(WIFSIGNALED(st) && WTERMSIG(st) == SIGABRT && named,
	      "%s %s %s overflowing: expected abort with \"%s\", status %#x, got \"%s\"", app, a1, a2,
	      want, st, out);
}

int main(void)
{
	static const char *const fns[] = {"memcpy", "memmove", "mempcpy", "memset", "explicit_bzero",
					  "strcpy", "strcat", "stpcpy", "strncpy", "stpncpy"};
	static const char *const apps[] = {"app_fortify", "app_fortify1", "app_fortify3"};
	char out[512];
	int st;

	st = run("app_headers", NULL, NULL, out, sizeof out);
	CHECK(WIFEXITED(st) && WEXITSTATUS(st) == 0, "app_headers: exit status %#x, output \"%s\"", st, out);
	CHECK(!strcmp(out, "1971-01-01 00:00:00 -1234567890123 deadbeef ok\n"), "app_headers printed \"%s\"", out);

	/* _FORTIFY_SOURCE=2, 1 and 3: real overflows of a buffer abort at each. */
	for (size_t a = 0; a < sizeof apps / sizeof *apps; a++) {
		for (size_t i = 0; i < sizeof fns / sizeof *fns; i++) {
			expect_pass(apps[a], fns[i], "fits", NULL);
			expect_abort(apps[a], fns[i], "overflows-the-buffer", fns[i]);
		}
		/* memset from a member to the end of its struct is valid (glibc
		 * checks mem* against the whole object); one byte more is not. */
		expect_pass(apps[a], "clear-from-member", "0", "cleared 1 0 0\n");
		expect_pass(apps[a], "clear-from-member-const", "x", "cleared 2 0 0\n");
		expect_abort(apps[a], "clear-from-member", "1", "memset");
		/* str* past the struct abort at both levels. */
		expect_pass(apps[a], "member-strcpy", "abc", "member 3 abc\n");
		expect_abort(apps[a], "member-strcpy", "twelve-chars", "strcpy");
	}
	/* str* past the member but inside the struct: level 2 checks the
	 * member, level 1 the whole object (glibc's levels), level 3 as 2.
	 * (clang computes the size after inlining the wrapper, where only the
	 * whole object is left: it checks str* as level 1 does.) */
#ifndef __clang__
	expect_abort("app_fortify", "member-strcpy", "abcdef", "strcpy");
	expect_abort("app_fortify3", "member-strcpy", "abcdef", "strcpy");
#endif
	expect_pass("app_fortify1", "member-strcpy", "abcdef", "member 3 abcdef\n");
	return h_report("test_app");
}
