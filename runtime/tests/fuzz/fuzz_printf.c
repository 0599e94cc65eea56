/* Kiln runtime fuzz target: snprintf against glibc.
 *
 * The input is read as a little program: each step builds one format with
 * literal text around a single conversion (flags, width, precision, length
 * modifier, possibly '*' for width and precision), takes its argument from
 * the input (raw bits for doubles and long doubles, so every class of value
 * is reached), picks an output buffer size, and calls both snprintf's. The
 * return value and the bytes written must agree, else the target prints
 * the case and aborts. Only conversions with defined behaviour are built:
 * no %n, %s only over a string the target owns, flags only where C gives
 * them a meaning, long doubles only in valid x87 encodings. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int kiln_snprintf(char *, size_t, const char *, ...);

struct input {
	const uint8_t *p;
	size_t n;
};

static uint64_t take(struct input *in, int bytes)
{
	uint64_t v = 0;
	for (int i = 0; i < bytes; i++) {
		v <<= 8;
		if (in->n) {
			v |= *in->p++;
			in->n--;
		}
	}
	return v;
}

static unsigned pick(struct input *in, unsigned n)
{
	return (unsigned)(take(in, 1) % n);
}

enum arg_type { A_NONE, A_INT, A_LONG, A_LLONG, A_INTMAX, A_SIZE, A_PTRDIFF,
		A_DOUBLE, A_LDOUBLE, A_STR, A_PTR };

struct conversion {
	char conv;
	const char *flags; /* flags with a defined meaning for it */
	int precision;     /* precision allowed */
	int lengths;       /* integer length modifiers allowed */
	int floating;
};

static const struct conversion conversions[] = {
	{ 'd', "-+ 0", 1, 1, 0 }, { 'i', "-+ 0", 1, 1, 0 },
	{ 'u', "-0", 1, 1, 0 },   { 'o', "-#0", 1, 1, 0 },
	{ 'x', "-#0", 1, 1, 0 },  { 'X', "-#0", 1, 1, 0 },
	{ 'c', "-", 0, 0, 0 },    { 's', "-", 1, 0, 0 },
	{ 'p', "-", 0, 0, 0 },    { 'e', "-+ #0", 1, 0, 1 },
	{ 'E', "-+ #0", 1, 0, 1 }, { 'f', "-+ #0", 1, 0, 1 },
	{ 'F', "-+ #0", 1, 0, 1 }, { 'g', "-+ #0", 1, 0, 1 },
	{ 'G', "-+ #0", 1, 0, 1 }, { 'a', "-+ #0", 1, 0, 1 },
	{ 'A', "-+ #0", 1, 0, 1 }, { '%', "", 0, 0, 0 },
};

static const char *const int_lengths[] = { "", "hh", "h", "l", "ll", "j", "z", "t" };

static char gbuf[16384], kbuf[16384];
static char str_arg[80];

static _Noreturn void mismatch(const char *fmt, size_t n, int gr, int kr)
{
	fprintf(stderr, "fuzz_printf: snprintf(buf, %zu, \"%s\", ...) differs\n"
		"  glibc returned %d: \"%.*s\"\n  kiln  returned %d: \"%.*s\"\n",
		n, fmt, gr, gr < 0 ? 0 : (int)(n && (size_t)gr >= n ? n - 1 : (size_t)gr),
		gbuf, kr, kr < 0 ? 0 : (int)(n && (size_t)kr >= n ? n - 1 : (size_t)kr),
		kbuf);
	abort();
}

/* Call both with the same arguments; stars says which of width (1) and
 * precision (2) are passed as int arguments first. */
#define BOTH(...)                                                            \
	do {                                                                 \
		gr = snprintf(gbuf, n, fmt, ##__VA_ARGS__);                  \
		kr = kiln_snprintf(kbuf, n, fmt, ##__VA_ARGS__);             \
	} while (0)
#define WITH_STARS(...)                                                      \
	do {                                                                 \
		switch (stars) {                                             \
		case 0: BOTH(__VA_ARGS__); break;                            \
		case 1: BOTH(w, __VA_ARGS__); break;                         \
		case 2: BOTH(pr, __VA_ARGS__); break;                        \
		default: BOTH(w, pr, __VA_ARGS__); break;                    \
		}                                                            \
	} while (0)

static void one_step(struct input *in)
{
	const struct conversion *c =
		&conversions[pick(in, sizeof conversions / sizeof conversions[0])];
	char fmt[128];
	size_t len = 0;
	int stars = 0, w = 0, pr = 0;
	enum arg_type type = A_NONE;

	/* Literal text before. */
	for (unsigned i = pick(in, 4); i > 0; i--) {
		char ch = (char)(' ' + pick(in, 95));
		fmt[len++] = ch == '%' ? '.' : ch;
	}
	fmt[len++] = '%';
	if (c->conv != '%') {
		for (unsigned i = pick(in, 4); i > 0 && *c->flags; i--)
			fmt[len++] = c->flags[pick(in, (unsigned)strlen(c->flags))];
		switch (pick(in, 4)) {
		case 1:
			len += (size_t)sprintf(fmt + len, "%u", pick(in, 40));
			break;
		case 2:
			len += (size_t)sprintf(fmt + len, "%u", (unsigned)take(in, 2) % 400);
			break;
		case 3:
			fmt[len++] = '*';
			stars |= 1;
			w = (int)((int16_t)take(in, 2) % 400);
			break;
		}
		if (c->precision) {
			unsigned limit = c->floating ? 1200 : 400;
			switch (pick(in, 5)) {
			case 1:
				fmt[len++] = '.';
				break;
			case 2:
				len += (size_t)sprintf(fmt + len, ".%u", pick(in, 25));
				break;
			case 3:
				len += (size_t)sprintf(fmt + len, ".%u",
						       (unsigned)take(in, 2) % limit);
				break;
			case 4:
				len += (size_t)sprintf(fmt + len, ".*");
				stars |= 2;
				pr = (int)((int16_t)take(in, 2) % (int)limit);
				break;
			}
		}
	}
	if (c->lengths) {
		unsigned l = pick(in, 8);
		len += (size_t)sprintf(fmt + len, "%s", int_lengths[l]);
		type = (enum arg_type[]){ A_INT, A_INT, A_INT, A_LONG, A_LLONG,
					  A_INTMAX, A_SIZE, A_PTRDIFF }[l];
	} else if (c->floating) {
		type = pick(in, 3) == 0 ? A_LDOUBLE : A_DOUBLE;
		if (type == A_LDOUBLE)
			fmt[len++] = 'L';
	} else if (c->conv == 'c') {
		type = A_INT;
	} else if (c->conv == 's') {
		type = A_STR;
	} else if (c->conv == 'p') {
		type = A_PTR;
	}
	fmt[len++] = c->conv;
	/* Literal text after. */
	for (unsigned i = pick(in, 4); i > 0; i--) {
		char ch = (char)(' ' + pick(in, 95));
		fmt[len++] = ch == '%' ? '.' : ch;
	}
	fmt[len] = 0;

	size_t n;
	switch (pick(in, 4)) {
	case 0: n = 0; break;
	case 1: n = pick(in, 16); break;
	case 2: n = (size_t)take(in, 2) % sizeof gbuf; break;
	default: n = sizeof gbuf; break;
	}

	uint64_t bits = take(in, 8);
	int gr = 0, kr = 0;
	memset(gbuf, 0x55, sizeof gbuf);
	memset(kbuf, 0x55, sizeof kbuf);
	switch (type) {
	case A_NONE:
		BOTH();
		break;
	case A_INT:
		WITH_STARS((int)bits);
		break;
	case A_LONG:
		WITH_STARS((long)bits);
		break;
	case A_LLONG:
		WITH_STARS((long long)bits);
		break;
	case A_INTMAX:
		WITH_STARS((intmax_t)bits);
		break;
	case A_SIZE:
		WITH_STARS((size_t)bits);
		break;
	case A_PTRDIFF:
		WITH_STARS((ptrdiff_t)bits);
		break;
	case A_DOUBLE: {
		double d;
		memcpy(&d, &bits, 8);
		WITH_STARS(d);
		break;
	}
	case A_LDOUBLE: {
		/* A valid x87 encoding: the explicit integer bit is set
		 * exactly when the exponent field is nonzero. */
		union { long double ld; struct { uint64_t m; uint16_t se; } x; } v;
		memset(&v, 0, sizeof v);
		v.x.se = (uint16_t)take(in, 2);
		v.x.m = bits & ~(1ULL << 63);
		if (v.x.se & 0x7fff)
			v.x.m |= 1ULL << 63;
		WITH_STARS(v.ld);
		break;
	}
	case A_STR: {
		size_t sl = pick(in, sizeof str_arg);
		for (size_t i = 0; i < sl; i++)
			str_arg[i] = (char)(take(in, 1) | 1); /* no NUL inside */
		str_arg[sl] = 0;
		WITH_STARS(str_arg);
		break;
	}
	case A_PTR:
		WITH_STARS((void *)(uintptr_t)bits);
		break;
	}
	if (gr != kr)
		mismatch(fmt, n, gr, kr);
	if (n && memcmp(gbuf, kbuf, n) != 0)
		mismatch(fmt, n, gr, kr);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct input in = { data, size };
	for (int steps = 0; steps < 8 && in.n > 0; steps++)
		one_step(&in);
	return 0;
}
