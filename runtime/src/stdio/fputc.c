/* Character output: fputc and its aliases. */
#include "stdio_impl.h"

int fputc(int c, FILE *f)
{
	char ch = (char)c;
	return __stdio_write(f, &ch, 1) == 1 ? (unsigned char)c : EOF;
}

int putc(int c, FILE *f)
{
	return fputc(c, f);
}

int putchar(int c)
{
	return fputc(c, stdout);
}

int putc_unlocked(int c, FILE *f)
{
	return fputc(c, f);
}

int putchar_unlocked(int c)
{
	return fputc(c, stdout);
}
