/* Reading Buildroot-format hash files: "<algo>  <hash>  <filename>" lines, '#' comments. */
#ifndef KILN_DL_HASHFILE_H
#define KILN_DL_HASHFILE_H

#include <stdbool.h>
#include <stddef.h>

#include "sha256.h"

/* Every sha256 listed for one file name, across all the hash files read. */
struct hash_list {
	char (*sha256)[SHA256_HEX_SIZE]; /* lower-case hex */
	size_t count;
};

/*
 * Add to list every sha256 that path lists for filename; other algorithms are ignored.
 * Returns 0, or -1 after printing what is wrong (unreadable file, malformed line).
 */
int hashfile_collect(const char *path, const char *filename, struct hash_list *list);

/* Whether hex (lower-case) is one of the accepted hashes. */
bool hash_list_accepts(const struct hash_list *list, const char *hex);

void hash_list_free(struct hash_list *list);

#endif
