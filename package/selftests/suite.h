/*
 * selftests: one suite per upstream project. Each runs the project's own
 * tests inside the image and counts what passed and what failed; main.c
 * prints the counts and decides the exit status.
 */
#ifndef SELFTESTS_SUITE_H
#define SELFTESTS_SUITE_H

struct suite_count {
	unsigned passed;
	unsigned failed;
	unsigned ignored;	/* tests the project itself marks as skipped */
};

/* cJSON's test programs, renamed cjson_test_<name>: the table is generated
 * from SELFTESTS_CJSON_PROGRAMS in selftests.mk and ends with a NULL name. */
struct cjson_program {
	const char *name;
	int (*main)(void);
};
extern const struct cjson_program selftests_cjson_programs[];

void suite_mbedtls(struct suite_count *count);
void suite_cjson(struct suite_count *count);
void suite_lz4(struct suite_count *count);
void suite_lua(struct suite_count *count);

#endif
