/* Character and block input. There is no input device: a stream gives
 * back only what ungetc pushed, then reports end of file. */
#include <errno.h>
#include "stdio_impl.h"

int fgetc(FILE *f)
{
	if (!(f->flags & __F_READ)) {
		f->flags |= __F_ERR;
		errno = EBADF;
		return EOF;
	}
	if (f->pushback != EOF) {
		int c = f->pushback;
		f->pushback = EOF;
		return c;
	}
	f->flags |= __F_EOF;
	return EOF;
}

int getc(FILE *f)
{
	return fgetc(f);
}

int getchar(void)
{
	return fgetc(stdin);
}

int getc_unlocked(FILE *f)
{
	return fgetc(f);
}

int getchar_unlocked(void)
{
	return fgetc(stdin);
}

int ungetc(int c, FILE *f)
{
	if (c == EOF || !(f->flags & __F_READ) || f->pushback != EOF)
		return EOF;
	f->pushback = (unsigned char)c;
	f->flags &= ~__F_EOF;
	return (unsigned char)c;
}

char *fgets(char *restrict s, int n, FILE *restrict f)
{
	int i = 0;

	if (n <= 0)
		return NULL;
	while (i < n - 1) {
		int c = fgetc(f);
		if (c == EOF)
			break;
		s[i++] = (char)c;
		if (c == '\n')
			break;
	}
	if (i == 0 && n > 1)
		return NULL;
	s[i] = '\0';
	return s;
}

size_t fread(void *restrict p, size_t size, size_t nmemb, FILE *restrict f)
{
	unsigned char *out = p;
	size_t total, got = 0;

	if (size == 0 || nmemb == 0 || __builtin_mul_overflow(size, nmemb, &total))
		return 0;
	while (got < total) {
		int c = fgetc(f);
		if (c == EOF)
			break;
		out[got++] = (unsigned char)c;
	}
	return got / size;
}
