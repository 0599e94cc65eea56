#include <errno.h>
#include <stdlib.h>

/* The C locale only: one byte is one character (bytes >= 0x80 included,
 * as single-byte characters), MB_CUR_MAX is 1. */
int mbtowc(wchar_t *restrict wc, const char *restrict s, size_t n)
{
	if (!s)
		return 0;
	if (!n)
		return -1;
	if (wc)
		*wc = (unsigned char)*s;
	return *s != 0;
}

int mblen(const char *s, size_t n)
{
	return mbtowc(NULL, s, n);
}

int wctomb(char *s, wchar_t wc)
{
	if (!s)
		return 0;
	if ((unsigned long)wc > 0xff) {
		errno = EILSEQ;
		return -1;
	}
	*s = (char)wc;
	return 1;
}

size_t mbstowcs(wchar_t *restrict ws, const char *restrict s, size_t n)
{
	size_t i;

	if (!ws) {
		for (i = 0; s[i]; i++)
			;
		return i;
	}
	for (i = 0; i < n; i++) {
		ws[i] = (unsigned char)s[i];
		if (!s[i])
			break;
	}
	return i;
}

size_t wcstombs(char *restrict s, const wchar_t *restrict ws, size_t n)
{
	size_t i;

	for (i = 0; !s || i < n; i++) {
		if ((unsigned long)ws[i] > 0xff) {
			errno = EILSEQ;
			return (size_t)-1;
		}
		if (s)
			s[i] = (char)ws[i];
		if (!ws[i])
			break;
	}
	return i;
}
