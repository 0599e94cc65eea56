/*
 * selftests: Mbed TLS's own selftest program (programs/test/selftest.c).
 *
 * The program is compiled from the Mbed TLS tree as it is, with its main
 * renamed to mbedtls_selftest_main and its exit() redirected here
 * (selftests.mk). Run without arguments it checks the platform (NULL
 * pointers, snprintf), then runs every self-test the configured library
 * offers, printing each, and returns 0 when all pass. Each entry of its
 * table selftests[] is one module: that is what this suite counts. When the
 * whole run fails, each module runs again alone so the count says which.
 */
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>

#include "shims.h"
#include "suite.h"

int mbedtls_selftest_main(int argc, char *argv[]);

/* The program's table of modules: selftest.c's selftest_t, which it
 * defines with external linkage. Ends with a NULL name. */
struct selftest_module {
	const char *name;
	int (*function)(int verbose);
};
extern const struct selftest_module selftests[];

static jmp_buf exit_jump;
static int exit_armed;

void selftests_mbedtls_exit(int status)
{
	if (!exit_armed) {
		fprintf(stderr, "selftests: mbedtls_exit(%d) outside the selftest program\n", status);
		abort();
	}
	/* longjmp cannot carry 0: send status + 1. */
	longjmp(exit_jump, (status & 0xff) + 1);
}

/* The program's exit status, whether it returned or called exit(). */
static int run_program(int argc, char **argv)
{
	int jumped = setjmp(exit_jump);

	if (jumped != 0) {
		exit_armed = 0;
		return jumped - 1;
	}
	exit_armed = 1;
	int status = mbedtls_selftest_main(argc, argv);
	exit_armed = 0;
	return status;
}

void suite_mbedtls(struct suite_count *count)
{
	const struct selftest_module *m;
	char *all[] = { "selftest", NULL };
	unsigned modules = 0;

	for (m = selftests; m->name != NULL; m++)
		modules++;
	if (run_program(1, all) == 0) {
		count->passed = modules;
		return;
	}

	printf("mbedtls: the selftest program failed; running each module alone to count\n");
	for (m = selftests; m->name != NULL; m++) {
		char *one[] = { "selftest", (char *)m->name, NULL };

		if (run_program(2, one) == 0)
			count->passed++;
		else
			count->failed++;
	}
	/* Every module passed alone: the program's own platform checks failed. */
	if (count->failed == 0)
		count->failed = 1;
}
