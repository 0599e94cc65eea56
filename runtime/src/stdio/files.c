/* The file interface of <stdio.h>. A unikernel has no file system, so
 * opening, naming and positioning fail cleanly with errno set (ENOSYS:
 * not provided; ESPIPE: the console streams cannot seek). Libraries
 * reference these, and code that checks errors degrades gracefully. */
#include <errno.h>
#include "stdio_impl.h"

FILE *fopen(const char *restrict path, const char *restrict mode)
{
	(void)path;
	(void)mode;
	errno = ENOSYS;
	return NULL;
}

FILE *freopen(const char *restrict path, const char *restrict mode, FILE *restrict f)
{
	(void)path;
	(void)mode;
	(void)f;
	errno = ENOSYS;
	return NULL;
}

/* Only the standard streams exist: flush, and keep them usable (exit()
 * and the runtime's diagnostics still write to the console). */
int fclose(FILE *f)
{
	return fflush(f);
}

int fseek(FILE *f, long offset, int whence)
{
	(void)f;
	(void)offset;
	(void)whence;
	errno = ESPIPE;
	return -1;
}

long ftell(FILE *f)
{
	(void)f;
	errno = ESPIPE;
	return -1;
}

void rewind(FILE *f)
{
	int saved = errno;
	fseek(f, 0, SEEK_SET);
	errno = saved;
	clearerr(f);
}

int fgetpos(FILE *restrict f, fpos_t *restrict pos)
{
	(void)f;
	(void)pos;
	errno = ESPIPE;
	return -1;
}

int fsetpos(FILE *f, const fpos_t *pos)
{
	(void)f;
	(void)pos;
	errno = ESPIPE;
	return -1;
}

int remove(const char *path)
{
	(void)path;
	errno = ENOSYS;
	return -1;
}

int rename(const char *from, const char *to)
{
	(void)from;
	(void)to;
	errno = ENOSYS;
	return -1;
}

FILE *tmpfile(void)
{
	errno = ENOSYS;
	return NULL;
}

char *tmpnam(char *s)
{
	(void)s;
	errno = ENOSYS;
	return NULL;
}
