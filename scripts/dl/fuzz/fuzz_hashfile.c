/*
 * fuzz_hashfile.c: libFuzzer target for kiln-dl's hash-file parser
 * (hashfile.c), which reads package/<pkg>/<pkg>.hash and overlay hash files.
 *
 * Input: the file name to look up, up to the first newline, then the hash
 * file's bytes (given to hashfile_collect through a memfd, as a path).
 *
 * Invariants, each an abort() libFuzzer reports: hashfile_collect returns
 * 0 or -1; on 0, every hash it collected is 64 lower-case hex digits and
 * hash_list_accepts takes it; it collects no more hashes than the file has
 * lines; and ASan/UBSan find nothing.
 */
#define _GNU_SOURCE
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "hashfile.h"

static FILE *report; /* stderr as it was: the parser's own messages go to /dev/null */

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	report = fdopen(dup(2), "w");
	FILE *quiet = fopen("/dev/null", "w");
	if (report == NULL || quiet == NULL)
		abort();
	stderr = quiet; /* malformed lines are expected; a log of them is not */
	return 0;
}

static void fail(const char *what)
{
	fprintf(report, "fuzz_hashfile: %s\n", what);
	fflush(report);
	abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const uint8_t *nl = memchr(data, '\n', size);
	if (nl == NULL)
		return 0;
	char *filename = strndup((const char *)data, (size_t)(nl - data));
	const uint8_t *text = nl + 1;
	size_t len = size - (size_t)(nl + 1 - data);

	int fd = memfd_create("hash", MFD_CLOEXEC);
	if (filename == NULL || fd < 0 || write(fd, text, len) != (ssize_t)len)
		abort();
	char path[64];
	snprintf(path, sizeof path, "/proc/self/fd/%d", fd);

	struct hash_list list = { 0 };
	int status = hashfile_collect(path, filename, &list);
	if (status != 0 && status != -1)
		fail("hashfile_collect returned neither 0 nor -1");
	size_t lines = 1;
	for (size_t i = 0; i < len; i++)
		lines += text[i] == '\n';
	if (list.count > lines)
		fail("more hashes collected than the file has lines");
	for (size_t i = 0; status == 0 && i < list.count; i++) {
		const char *h = list.sha256[i];
		if (strlen(h) != 2 * SHA256_DIGEST_SIZE ||
		    strspn(h, "0123456789abcdef") != 2 * SHA256_DIGEST_SIZE)
			fail("a collected sha256 is not 64 lower-case hex digits");
		if (!hash_list_accepts(&list, h))
			fail("hash_list_accepts refuses a collected sha256");
	}
	hash_list_free(&list);
	close(fd);
	free(filename);
	return 0;
}
