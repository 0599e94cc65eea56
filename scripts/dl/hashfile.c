#include "hashfile.h"

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Split off the next whitespace-separated field of *cursor, or return NULL if none is left. */
static char *next_field(char **cursor)
{
	char *p = *cursor;
	while (*p && isspace((unsigned char)*p))
		p++;
	if (!*p)
		return NULL;
	char *start = p;
	while (*p && !isspace((unsigned char)*p))
		p++;
	if (*p)
		*p++ = '\0';
	*cursor = p;
	return start;
}

static bool is_sha256_hex(const char *s)
{
	size_t n = 0;
	for (; s[n]; n++)
		if (!isxdigit((unsigned char)s[n]))
			return false;
	return n == 2 * SHA256_DIGEST_SIZE;
}

static int hash_list_add(struct hash_list *list, const char *hex)
{
	void *grown = realloc(list->sha256, (list->count + 1) * sizeof *list->sha256);
	if (!grown) {
		fprintf(stderr, "kiln-dl: out of memory reading hash files\n");
		return -1;
	}
	list->sha256 = grown;
	char *dst = list->sha256[list->count++];
	for (size_t i = 0; i < 2 * SHA256_DIGEST_SIZE; i++)
		dst[i] = (char)tolower((unsigned char)hex[i]);
	dst[2 * SHA256_DIGEST_SIZE] = '\0';
	return 0;
}

int hashfile_collect(const char *path, const char *filename, struct hash_list *list)
{
	FILE *f = fopen(path, "r");
	if (!f) {
		fprintf(stderr, "kiln-dl: cannot read hash file %s: %s\n", path, strerror(errno));
		return -1;
	}

	char *line = NULL;
	size_t cap = 0;
	unsigned lineno = 0;
	int status = 0;
	while (getline(&line, &cap, f) >= 0) {
		lineno++;
		char *cursor = line;
		char *algo = next_field(&cursor);
		if (!algo || algo[0] == '#')
			continue;
		char *hash = next_field(&cursor);
		char *name = next_field(&cursor);
		if (!hash || !name || next_field(&cursor)) {
			fprintf(stderr, "kiln-dl: %s:%u: malformed line: expected "
				"'<algorithm>  <hash>  <file name>'\n", path, lineno);
			status = -1;
			break;
		}
		/* Other algorithms (md5, sha1, sha512, none) are allowed but not checked here. */
		if (strcmp(algo, "sha256") != 0 || strcmp(name, filename) != 0)
			continue;
		if (!is_sha256_hex(hash)) {
			fprintf(stderr, "kiln-dl: %s:%u: the sha256 for %s is not 64 hex digits\n",
				path, lineno, filename);
			status = -1;
			break;
		}
		if (hash_list_add(list, hash) < 0) {
			status = -1;
			break;
		}
	}
	if (status == 0 && ferror(f)) {
		fprintf(stderr, "kiln-dl: error reading hash file %s: %s\n", path, strerror(errno));
		status = -1;
	}
	free(line);
	fclose(f);
	return status;
}

bool hash_list_accepts(const struct hash_list *list, const char *hex)
{
	for (size_t i = 0; i < list->count; i++)
		if (strcmp(list->sha256[i], hex) == 0)
			return true;
	return false;
}

void hash_list_free(struct hash_list *list)
{
	free(list->sha256);
	list->sha256 = NULL;
	list->count = 0;
}
