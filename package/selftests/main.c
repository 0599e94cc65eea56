/*
 * selftests: upstream test suites inside the unikernel.
 *
 * Runs, in one image, the test programs that Mbed TLS, cJSON, lz4 and Lua
 * users rely on (see each suite_*.c), and prints after each suite
 *     <suite>: <n> passed, <n> failed[, <n> ignored]
 * and at the end
 *     selftests: all <n> suites passed
 * or which suites failed. The exit status is 0 only when every check of
 * every suite passed. A suite that ran no check at all fails too.
 *
 * Arguments (make run ARGS="lua lz4") run only the named suites.
 */
#include <stdio.h>
#include <string.h>

#include "suite.h"

struct suite {
	const char *name;
	void (*run)(struct suite_count *count);
};

static const struct suite suites[] = {
	{ "mbedtls", suite_mbedtls },
	{ "cjson", suite_cjson },
	{ "lz4", suite_lz4 },
	{ "lua", suite_lua },
};
#define NSUITES (sizeof(suites) / sizeof(suites[0]))

static int selected(const char *name, int argc, char **argv)
{
	if (argc < 2)
		return 1;
	for (int i = 1; i < argc; i++)
		if (strcmp(argv[i], name) == 0)
			return 1;
	return 0;
}

int main(int argc, char **argv)
{
	unsigned ran = 0, failed = 0;
	char failed_names[64] = "";

	for (int i = 1; i < argc; i++) {
		size_t s;

		for (s = 0; s < NSUITES; s++)
			if (strcmp(argv[i], suites[s].name) == 0)
				break;
		if (s == NSUITES) {
			printf("selftests: no suite %s (there are mbedtls, cjson, lz4, lua)\n", argv[i]);
			return 2;
		}
	}

	for (size_t s = 0; s < NSUITES; s++) {
		struct suite_count count = { 0, 0, 0 };
		int ok;

		if (!selected(suites[s].name, argc, argv))
			continue;
		printf("=== suite: %s ===\n", suites[s].name);
		fflush(stdout);
		suites[s].run(&count);
		ok = count.failed == 0 && count.passed > 0;
		printf("%s: %u passed, %u failed", suites[s].name, count.passed, count.failed);
		if (count.ignored > 0)
			printf(", %u ignored", count.ignored);
		printf("%s\n", count.passed + count.failed == 0 ? " (no checks ran: that is a failure)" : "");
		fflush(stdout);
		ran++;
		if (!ok) {
			failed++;
			strncat(failed_names, " ", sizeof(failed_names) - strlen(failed_names) - 1);
			strncat(failed_names, suites[s].name, sizeof(failed_names) - strlen(failed_names) - 1);
		}
	}

	if (failed == 0) {
		printf("selftests: all %u suites passed\n", ran);
		return 0;
	}
	printf("selftests: %u of %u suites failed:%s\n", failed, ran, failed_names);
	return 1;
}
