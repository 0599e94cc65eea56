#include "cache.h"

#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

enum cache_state cache_check(const char *path, const struct hash_list *hashes,
			     char actual[SHA256_HEX_SIZE])
{
	if (sha256_file(path, actual) < 0) {
		if (errno == ENOENT)
			return CACHE_MISSING;
		fprintf(stderr, "kiln-dl: cannot read %s: %s\n", path, strerror(errno));
		return CACHE_ERROR;
	}
	return hash_list_accepts(hashes, actual) ? CACHE_GOOD : CACHE_CORRUPT;
}

int cache_mkdirs(const char *dir)
{
	char *path = strdup(dir);
	if (!path) {
		fprintf(stderr, "kiln-dl: out of memory\n");
		return -1;
	}
	/* Create each prefix in turn; existing ones are fine. */
	for (char *p = path + 1;; p++) {
		if (*p != '/' && *p != '\0')
			continue;
		char saved = *p;
		*p = '\0';
		if (mkdir(path, 0755) < 0 && errno != EEXIST) {
			fprintf(stderr, "kiln-dl: cannot create the download directory %s: %s\n",
				path, strerror(errno));
			free(path);
			return -1;
		}
		*p = saved;
		if (saved == '\0')
			break;
	}
	free(path);
	return 0;
}

int cache_lock(const char *out, const char *name, int quiet)
{
	char lock_path[4096];
	if ((size_t)snprintf(lock_path, sizeof lock_path, "%s.lock", out) >= sizeof lock_path) {
		fprintf(stderr, "kiln-dl: output path too long: %s\n", out);
		return -1;
	}
	int fd = open(lock_path, O_RDWR | O_CREAT | O_CLOEXEC, 0644);
	if (fd < 0) {
		fprintf(stderr, "kiln-dl: cannot create the lock file %s: %s\n",
			lock_path, strerror(errno));
		return -1;
	}
	if (flock(fd, LOCK_EX | LOCK_NB) == 0)
		return fd;
	if (errno == EWOULDBLOCK) {
		if (!quiet)
			fprintf(stderr, ">>> waiting for another kiln-dl fetching %s (%s)\n",
				name, lock_path);
		while (flock(fd, LOCK_EX) < 0) {
			if (errno != EINTR)
				break;
		}
		return fd;
	}
	fprintf(stderr, "kiln-dl: cannot lock %s: %s\n", lock_path, strerror(errno));
	close(fd);
	return -1;
}

static int fsync_path(const char *path, int flags)
{
	int fd = open(path, flags | O_CLOEXEC);
	if (fd < 0)
		return -1;
	int rc = fsync(fd);
	int saved = errno;
	close(fd);
	errno = saved;
	return rc;
}

int cache_commit(const char *part, const char *out)
{
	if (fsync_path(part, O_RDONLY) < 0) {
		fprintf(stderr, "kiln-dl: cannot flush %s to disk: %s\n", part, strerror(errno));
		return -1;
	}
	if (rename(part, out) < 0) {
		fprintf(stderr, "kiln-dl: cannot rename %s to %s: %s\n", part, out, strerror(errno));
		return -1;
	}
	/* Make the rename itself durable; a failure here leaves a correct file, so only warn. */
	char *copy = strdup(out);
	if (copy) {
		if (fsync_path(dirname(copy), O_RDONLY | O_DIRECTORY) < 0)
			fprintf(stderr, "kiln-dl: warning: cannot flush the directory of %s: %s\n",
				out, strerror(errno));
		free(copy);
	}
	return 0;
}
