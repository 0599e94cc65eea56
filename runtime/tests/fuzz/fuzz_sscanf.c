/* Kiln runtime fuzz target: sscanf against glibc.
 *
 * The input, as a C string, is scanned with each format of a fixed list
 * by both libraries. The return value and every object stored must agree
 * (outputs start from the same fill pattern, so "not stored" must agree
 * too), else the target prints the case and aborts. String outputs are
 * larger than the input, so no conversion can overflow them (and larger
 * than every width in the list, which ASan's sscanf interceptor assumes
 * may be written in full). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "print_escaped.h"

int kiln_sscanf(const char *, const char *, ...);

/* Where each format stores: a union big enough for any scalar, or a
 * string buffer (kind 's'). */
union slot {
	long long ll;
	long double ld;
	unsigned char bytes[16];
};

struct format {
	const char *fmt;
	const char *kinds; /* per argument: 'v' scalar slot, 's' string buffer */
};

static const struct format formats[] = {
	{ "%d", "v" }, { "%i", "v" }, { "%u", "v" }, { "%o", "v" },
	{ "%x", "v" }, { "%X", "v" }, { "%hhd", "v" }, { "%hi", "v" },
	{ "%hhx", "v" }, { "%ld", "v" }, { "%lli", "v" }, { "%llu", "v" },
	{ "%jd", "v" }, { "%zu", "v" }, { "%tx", "v" }, { "%5d", "v" },
	{ "%2i", "v" }, { "%*d%n", "v" }, { "%d%n", "vv" }, { "%i%c", "vv" },
	{ "%s", "s" }, { "%10s", "s" }, { "%c", "s" }, { "%4c", "s" },
	{ "%[a-z]", "s" }, { "%[^ ,]", "s" }, { "%[]a-]", "s" },
	{ "%3[0-9]", "s" }, { "%[^\n]%n", "sv" },
	{ "%f", "v" }, { "%lf", "v" }, { "%Lf", "v" }, { "%e", "v" },
	{ "%g", "v" }, { "%a", "v" }, { "%E", "v" }, { "%10lf", "v" },
	{ "%3f", "v" }, { "%lg%n", "vv" }, { "%La", "v" },
	{ "%p", "v" }, { "%d %d", "vv" }, { "%d,%s", "vs" }, { "%%%d", "v" },
	{ " %n", "v" }, { "%x%n", "vv" }, { "%s %s", "ss" },
	{ "%d%*[^0-9]%d", "vv" }, { "%lf %lf %n", "vvv" }, { "a%db", "v" },
	{ "%5c%n", "sv" }, { "%[0-9.eE+-]%n", "sv" },
};

#define MAX_ARGS 3

static void *arg(const struct format *f, int i, union slot *slots, char **strs)
{
	return f->kinds[i] == 's' ? (void *)strs[i] : (void *)&slots[i];
}

static _Noreturn void mismatch(const struct format *f, const char *s, int gr,
			       int kr, const char *what)
{
	fprintf(stderr, "fuzz_sscanf: sscanf(\"");
	print_escaped(stderr, s);
	fprintf(stderr, "\", \"");
	print_escaped(stderr, f->fmt);
	fprintf(stderr, "\") differs (%s): glibc returned %d, kiln %d\n", what,
		gr, kr);
	abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = malloc(size + 1);
	char *gstr[MAX_ARGS], *kstr[MAX_ARGS];
	if (!s)
		return 0;
	memcpy(s, data, size);
	s[size] = 0;
	for (int i = 0; i < MAX_ARGS; i++) {
		gstr[i] = malloc(size + 64);
		kstr[i] = malloc(size + 64);
	}

	for (size_t fi = 0; fi < sizeof formats / sizeof formats[0]; fi++) {
		const struct format *f = &formats[fi];
		union slot gs[MAX_ARGS], ks[MAX_ARGS];
		int nargs = (int)strlen(f->kinds);

		memset(gs, 0xa5, sizeof gs);
		memset(ks, 0xa5, sizeof ks);
		for (int i = 0; i < MAX_ARGS; i++) {
			memset(gstr[i], 0xa5, size + 64);
			memset(kstr[i], 0xa5, size + 64);
		}
		int gr, kr;
		switch (nargs) {
		case 1:
			gr = sscanf(s, f->fmt, arg(f, 0, gs, gstr));
			kr = kiln_sscanf(s, f->fmt, arg(f, 0, ks, kstr));
			break;
		case 2:
			gr = sscanf(s, f->fmt, arg(f, 0, gs, gstr), arg(f, 1, gs, gstr));
			kr = kiln_sscanf(s, f->fmt, arg(f, 0, ks, kstr),
					 arg(f, 1, ks, kstr));
			break;
		default:
			gr = sscanf(s, f->fmt, arg(f, 0, gs, gstr),
				    arg(f, 1, gs, gstr), arg(f, 2, gs, gstr));
			kr = kiln_sscanf(s, f->fmt, arg(f, 0, ks, kstr),
					 arg(f, 1, ks, kstr), arg(f, 2, ks, kstr));
			break;
		}
		if (gr != kr)
			mismatch(f, s, gr, kr, "return value");
		for (int i = 0; i < nargs; i++) {
			/* A long double stores 10 bytes; the rest is padding
			 * that either library may leave or write. */
			size_t cmp = strstr(f->fmt, "L") ? 10 : sizeof(union slot);
			if (f->kinds[i] == 's' ? memcmp(gstr[i], kstr[i], size + 64)
					       : memcmp(&gs[i], &ks[i], cmp))
				mismatch(f, s, gr, kr, "stored values");
		}
	}

	for (int i = 0; i < MAX_ARGS; i++) {
		free(gstr[i]);
		free(kstr[i]);
	}
	free(s);
	return 0;
}
