/*
 * selftests: the files cJSON's tests read, served from the image.
 *
 * cJSON's tests/common.h reads its inputs with fopen, fseek, ftell, fread
 * and fclose ("inputs/test1", "json-patch-tests/tests.json"). A unikernel
 * has no file system, and the runtime's fopen rightly fails; so the build
 * renames those five calls in the test objects only (objcopy
 * --redefine-sym, see selftests.mk) to the functions below, which read the
 * same files from a table built into the image (files.h). Nothing outside
 * the cJSON test objects sees them; the runtime's stdio is untouched.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "files.h"
#include "shims.h"

/* An open file: where it is and how far it has been read. The test code
 * only holds it as a FILE * and hands it back to these functions. */
struct embedded_stream {
	const struct selftests_file *file;
	unsigned long pos;
};

FILE *selftests_fopen(const char *path, const char *mode)
{
	const struct selftests_file *file;
	struct embedded_stream *s;

	if (mode[0] != 'r' || strchr(mode, '+') != NULL) {
		errno = EROFS;
		return NULL;
	}
	file = selftests_file_find(selftests_cjson_files, path);
	if (file == NULL) {
		fprintf(stderr, "selftests: cJSON test opened %s, which is not built into the image "
			"(add it to SELFTESTS_CJSON_FILES in package/selftests/selftests.mk)\n", path);
		errno = ENOENT;
		return NULL;
	}
	s = malloc(sizeof(*s));
	if (s == NULL)
		return NULL;
	s->file = file;
	s->pos = 0;
	return (FILE *)s;
}

int selftests_fseek(FILE *f, long offset, int whence)
{
	struct embedded_stream *s = (struct embedded_stream *)f;
	long base;

	switch (whence) {
	case SEEK_SET: base = 0; break;
	case SEEK_CUR: base = (long)s->pos; break;
	case SEEK_END: base = (long)s->file->size; break;
	default: errno = EINVAL; return -1;
	}
	if (base + offset < 0) {
		errno = EINVAL;
		return -1;
	}
	s->pos = (unsigned long)(base + offset);
	return 0;
}

long selftests_ftell(FILE *f)
{
	return (long)((struct embedded_stream *)f)->pos;
}

size_t selftests_fread(void *buf, size_t size, size_t n, FILE *f)
{
	struct embedded_stream *s = (struct embedded_stream *)f;
	unsigned long left = s->pos < s->file->size ? s->file->size - s->pos : 0;
	size_t items;

	if (size == 0)
		return 0;
	items = n < left / size ? n : left / size;
	memcpy(buf, s->file->data + s->pos, items * size);
	s->pos += items * size;
	return items;
}

int selftests_fclose(FILE *f)
{
	free(f);
	return 0;
}
