/* Kiln runtime fuzz target: strtod, strtof, strtold against glibc.
 *
 * The input, as a C string, goes through both libraries; the value's bits,
 * the end pointer and errno must agree, else the target prints the case
 * and aborts (libFuzzer saves the input as crash-*). */
#include <errno.h>
#include <float.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

double kiln_strtod(const char *, char **);
float kiln_strtof(const char *, char **);
long double kiln_strtold(const char *, char **);
extern int kiln_errno;

static _Noreturn void mismatch(const char *fn, const char *s, const void *g,
			       const void *k, size_t size, long gend, long kend,
			       int gerr, int kerr)
{
	fprintf(stderr, "fuzz_strtod: %s mismatch on input \"%s\"\n  glibc: ",
		fn, s);
	for (size_t i = size; i-- > 0;)
		fprintf(stderr, "%02x", ((const unsigned char *)g)[i]);
	fprintf(stderr, " end+%ld errno %d\n  kiln:  ", gend, gerr);
	for (size_t i = size; i-- > 0;)
		fprintf(stderr, "%02x", ((const unsigned char *)k)[i]);
	fprintf(stderr, " end+%ld errno %d\n", kend, kerr);
	abort();
}

/* glibc 2.36 rounds a hexadecimal input of exactly (1 + 2^-p) times half
 * the smallest subnormal to zero instead of up to the smallest subnormal
 * (its decimal path gets it right); Kiln is correct there. Accept exactly
 * that difference: glibc +-0, Kiln +-smallest subnormal, both ERANGE. */
static int glibc_hex_underflow_bug(const char *s, const void *g, const void *k,
				   size_t size, const void *true_min)
{
	unsigned char gz[16], km[16];
	memcpy(gz, g, size);
	memcpy(km, k, size);
	int sign = (gz[size - 1] & 0x80) != 0;
	if (sign != ((km[size - 1] & 0x80) != 0))
		return 0;
	gz[size - 1] &= 0x7f;
	km[size - 1] &= 0x7f;
	for (size_t i = 0; i < size; i++)
		if (gz[i])
			return 0;
	return memcmp(km, true_min, size) == 0 &&
	       (strchr(s, 'x') || strchr(s, 'X'));
}

#define COMPARE(fn, kfn, type, size, true_min)                                \
	do {                                                                  \
		char *ge, *ke;                                                \
		errno = 0;                                                    \
		type g = fn(s, &ge);                                          \
		int gerr = errno;                                             \
		kiln_errno = 0;                                               \
		type k = kfn(s, &ke);                                         \
		int kerr = kiln_errno;                                        \
		type tm = true_min;                                           \
		if ((memcmp(&g, &k, size) != 0 &&                             \
		     !(gerr == ERANGE && kerr == ERANGE &&                    \
		       glibc_hex_underflow_bug(s, &g, &k, size, &tm))) ||     \
		    ge != ke || gerr != kerr)                                 \
			mismatch(#fn, s, &g, &k, size, ge - s, ke - s, gerr,  \
				 kerr);                                       \
	} while (0)

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = malloc(size + 1);
	if (!s)
		return 0;
	memcpy(s, data, size);
	s[size] = 0;
	COMPARE(strtod, kiln_strtod, double, 8, DBL_TRUE_MIN);
	COMPARE(strtof, kiln_strtof, float, 4, FLT_TRUE_MIN);
	COMPARE(strtold, kiln_strtold, long double, 10, LDBL_TRUE_MIN);
	free(s);
	return 0;
}
