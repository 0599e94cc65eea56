/*
 * The download cache side of kiln-dl: checking a file already there, serialising
 * concurrent downloads of one file, and moving a verified .part to its final name.
 */
#ifndef KILN_DL_CACHE_H
#define KILN_DL_CACHE_H

#include "hashfile.h"
#include "sha256.h"

enum cache_state {
	CACHE_MISSING,  /* no such file */
	CACHE_GOOD,     /* present and its sha256 is accepted */
	CACHE_CORRUPT,  /* present with another sha256 (given in actual) */
	CACHE_ERROR,    /* cannot be read: message printed */
};

/* Check path against the accepted hashes; actual receives its sha256 when it exists. */
enum cache_state cache_check(const char *path, const struct hash_list *hashes,
			     char actual[SHA256_HEX_SIZE]);

/* Create dir and its parents. Returns 0, or -1 after printing why. */
int cache_mkdirs(const char *dir);

/*
 * Take an exclusive flock on "<out>.lock", waiting (and saying so unless quiet) while
 * another kiln-dl holds it. Returns the descriptor to keep open, or -1 after printing why.
 * The lock file stays: removing it would let a third process lock a new file while a
 * second still waits on the old one.
 */
int cache_lock(const char *out, const char *name, int quiet);

/* fsync part, rename it to out, fsync the directory. Returns 0, or -1 after printing why. */
int cache_commit(const char *part, const char *out);

#endif
