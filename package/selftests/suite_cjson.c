/*
 * selftests: cJSON's own test programs (its tests folder, on Unity), as shipped.
 *
 * Each test file of cJSON's tarball is a program with its own main() and
 * its own copy of cJSON (tests/common.h includes ../cJSON.c). The build
 * compiles each one as it is, then renames its main to cjson_test_<name>
 * and makes every other symbol of the object local (objcopy, see
 * selftests.mk), so that twenty-one copies of cJSON can share one image.
 * The generated table selftests_cjson_programs lists them in the order of
 * cJSON's CMakeLists.txt.
 *
 * Unity (tests/unity/src/unity.c, shared) keeps its counters in the global
 * Unity: after each program they say how many tests ran, failed and were
 * ignored.
 */
#include <stdio.h>

#include "unity/examples/unity_config.h"
#include "unity/src/unity.h"

#include "suite.h"

void suite_cjson(struct suite_count *count)
{
	for (const struct cjson_program *p = selftests_cjson_programs; p->name != NULL; p++) {
		int failures;

		printf("--- cjson: tests/%s.c\n", p->name);
		failures = p->main();
		if (Unity.NumberOfTests == 0) {
			printf("cjson: tests/%s.c ran no tests\n", p->name);
			count->failed++;
			continue;
		}
		count->passed += Unity.NumberOfTests - Unity.TestFailures - Unity.TestIgnores;
		count->failed += Unity.TestFailures;
		count->ignored += Unity.TestIgnores;
		/* A program that fails outside Unity's counters still fails. */
		if (failures != 0 && Unity.TestFailures == 0)
			count->failed++;
	}
}
