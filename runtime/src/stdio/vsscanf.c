/* sscanf's engine over a string. Integer-only: %f & co. are delimited
 * here and converted by __scan_float in an FPU unit.
 *
 * Where C leaves room, this follows glibc, the oracle of the tests: the
 * return value is EOF whenever input runs out before anything was
 * assigned; a float's exponent marker (and its sign) is consumed even when
 * no digit follows ("1ex" leaves "x"); an integer's "0x" with no hex digit
 * after it reads as 0; %p accepts "(nil)"; a reversed range in %[ is literal. */
#include <errno.h>
#include <stdint.h>
#include <string.h>
#define __need_wchar_t
#include <stddef.h>
#include "stdio_impl.h"

enum length { LEN_NONE, LEN_HH, LEN_H, LEN_L, LEN_LL, LEN_J, LEN_Z, LEN_T, LEN_BIG_L };

static int is_space(int c)
{
	return c == ' ' || (c >= '\t' && c <= '\r');
}

static int lower(int c)
{
	return c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c;
}

static int digit_value(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	c = lower(c);
	if (c >= 'a' && c <= 'z')
		return c - 'a' + 10;
	return 99;
}

static void store_integer(void *p, enum length len, uintmax_t v)
{
	switch (len) {
	case LEN_HH: *(unsigned char *)p = (unsigned char)v; break;
	case LEN_H: *(unsigned short *)p = (unsigned short)v; break;
	case LEN_L: *(unsigned long *)p = (unsigned long)v; break;
	case LEN_LL: case LEN_BIG_L: *(unsigned long long *)p = (unsigned long long)v; break;
	case LEN_J: *(uintmax_t *)p = v; break;
	case LEN_Z: *(size_t *)p = (size_t)v; break;
	case LEN_T: *(ptrdiff_t *)p = (ptrdiff_t)v; break;
	default: *(unsigned *)p = (unsigned)v; break;
	}
}

/* An integer as strtol/strtoul would read it (their overflow rules too),
 * limited to width characters. Returns the characters used, 0 when there
 * is no number. */
static size_t scan_integer(const char *in, size_t width, int base, int is_signed,
			   uintmax_t *out)
{
	size_t i = 0;
	int negative = 0, any = 0, overflow = 0;
	uintmax_t v = 0;

	if (i < width && (in[i] == '+' || in[i] == '-')) {
		negative = in[i] == '-';
		i++;
	}
	if ((base == 0 || base == 16) && i < width && in[i] == '0') {
		i++;
		any = 1;
		if (i < width && lower(in[i]) == 'x') {
			i++;
			base = 16;
		} else if (base == 0) {
			base = 8;
		}
	}
	if (base == 0)
		base = 10;
	for (; i < width; i++) {
		int d = digit_value((unsigned char)in[i]);
		if (d >= base)
			break;
		if (v > (UINTMAX_MAX - (uintmax_t)d) / (uintmax_t)base)
			overflow = 1;
		v = v * (uintmax_t)base + (uintmax_t)d;
		any = 1;
	}
	if (!any)
		return 0;
	if (is_signed) {
		uintmax_t limit = negative ? (uintmax_t)INTMAX_MAX + 1 : (uintmax_t)INTMAX_MAX;
		if (overflow || v > limit)
			v = limit;
	} else if (overflow) {
		v = UINTMAX_MAX;
		negative = 0;
	}
	*out = negative ? -v : v;
	return i;
}

static int match_word(const char *in, size_t width, const char *word)
{
	size_t i = 0;
	for (; word[i]; i++)
		if (i >= width || lower((unsigned char)in[i]) != word[i])
			return 0;
	return 1;
}

/* Delimit a floating constant the way glibc's scanf reads one. Returns
 * its length, 0 if what is there can never convert. */
static size_t scan_float_text(const char *in, size_t width)
{
	size_t i = 0;
	int hex = 0, digits = 0, dot = 0, expo = 0;

	if (i < width && (in[i] == '+' || in[i] == '-'))
		i++;
	if (i < width && lower((unsigned char)in[i]) == 'n')
		return match_word(in + i, width - i, "nan") ? i + 3 : 0;
	if (i < width && lower((unsigned char)in[i]) == 'i') {
		if (!match_word(in + i, width - i, "inf"))
			return 0;
		i += 3;
		if (i < width && lower((unsigned char)in[i]) == 'i') {
			if (!match_word(in + i, width - i, "inity"))
				return 0;
			i += 5;
		}
		return i;
	}
	/* glibc takes "0x" only with room for one more character, and
	 * rejects a bare "0x". */
	if (i + 2 < width && in[i] == '0' && lower((unsigned char)in[i + 1]) == 'x') {
		hex = 1;
		i += 2;
	}
	size_t body = i;
	for (; i < width; i++) {
		int c = (unsigned char)in[i];
		int is_digit = expo ? (c >= '0' && c <= '9') : digit_value(c) < (hex ? 16 : 10);
		if (is_digit) {
			digits = 1;
		} else if (c == '.' && !dot && !expo) {
			dot = 1;
		} else if (!expo && digits && lower(c) == (hex ? 'p' : 'e')) {
			expo = 1;
			if (i + 1 < width && (in[i + 1] == '+' || in[i + 1] == '-'))
				i++;
		} else {
			break;
		}
	}
	return hex && i == body ? 0 : i;
}

struct scanset {
	unsigned char bit[32];
};

/* Parse "[...]" (f points after '['); returns the format after ']'. */
static const char *parse_scanset(const char *f, struct scanset *set)
{
	int invert = 0;

	memset(set, 0, sizeof *set);
	if (*f == '^') {
		invert = 1;
		f++;
	}
	if (*f == ']') {
		set->bit[']' / 8] |= 1 << (']' % 8);
		f++;
	}
	for (; *f && *f != ']'; f++) {
		unsigned char c = (unsigned char)*f;
		if (f[1] == '-' && f[2] && f[2] != ']' && (unsigned char)f[2] >= c) {
			for (unsigned x = c; x <= (unsigned char)f[2]; x++)
				set->bit[x / 8] |= (unsigned char)(1 << (x % 8));
			f += 2;
		} else {
			set->bit[c / 8] |= (unsigned char)(1 << (c % 8));
		}
	}
	if (invert)
		for (int i = 0; i < 32; i++)
			set->bit[i] = (unsigned char)~set->bit[i];
	return *f ? f + 1 : f;
}

static int in_set(const struct scanset *set, unsigned char c)
{
	return set->bit[c / 8] >> (c % 8) & 1;
}

/* Store n characters for %c, %s or %[ (as wchar_t with 'l'). */
static void store_chars(void *dest, enum length len, const char *src, size_t n, int terminate)
{
	if (len == LEN_L) {
		wchar_t *w = dest;
		for (size_t i = 0; i < n; i++)
			w[i] = (unsigned char)src[i];
		if (terminate)
			w[n] = 0;
	} else {
		memcpy(dest, src, n);
		if (terminate)
			((char *)dest)[n] = '\0';
	}
}

static int scan(const char *str, const char *f, va_list *ap)
{
	const char *in = str;
	int assigned = 0;

	while (*f) {
		if (is_space((unsigned char)*f)) {
			while (is_space((unsigned char)*f))
				f++;
			while (is_space((unsigned char)*in))
				in++;
			continue;
		}
		if (*f != '%' || f[1] == '%') {
			if (*f == '%') {
				f++;
				while (is_space((unsigned char)*in))
					in++;
			}
			if (*in == '\0')
				goto input_failure;
			if (*in != *f)
				return assigned;
			in++;
			f++;
			continue;
		}

		f++;
		int suppress = 0;
		size_t width = 0;
		enum length len = LEN_NONE;
		if (*f == '*') {
			suppress = 1;
			f++;
		}
		while (*f >= '0' && *f <= '9') {
			width = width * 10 + (size_t)(*f - '0');
			f++;
		}
		switch (*f) {
		case 'h': f++; len = *f == 'h' ? (f++, LEN_HH) : LEN_H; break;
		case 'l': f++; len = *f == 'l' ? (f++, LEN_LL) : LEN_L; break;
		case 'q': f++; len = LEN_LL; break;
		case 'j': f++; len = LEN_J; break;
		case 'z': f++; len = LEN_Z; break;
		case 't': f++; len = LEN_T; break;
		case 'L': f++; len = LEN_BIG_L; break;
		}
		char conv = *f;
		if (!conv)
			return assigned;
		f++;
		if (conv == 'C' || conv == 'S') {
			conv = (char)(conv + ('a' - 'A'));
			len = LEN_L;
		}

		if (conv == 'n') {
			if (!suppress)
				store_integer(va_arg(*ap, void *), len, (uintmax_t)(in - str));
			continue;
		}
		if (conv != 'c' && conv != '[')
			while (is_space((unsigned char)*in))
				in++;
		if (*in == '\0')
			goto input_failure;
		if (width == 0)
			width = conv == 'c' ? 1 : SIZE_MAX;

		switch (conv) {
		case 'c': {
			size_t n = strnlen(in, width);
			if (!suppress)
				store_chars(va_arg(*ap, void *), len, in, n, 0);
			in += n;
			break;
		}
		case 's': {
			size_t n = 0;
			while (n < width && in[n] && !is_space((unsigned char)in[n]))
				n++;
			if (!suppress)
				store_chars(va_arg(*ap, void *), len, in, n, 1);
			in += n;
			break;
		}
		case '[': {
			struct scanset set;
			size_t n = 0;
			f = parse_scanset(f, &set);
			while (n < width && in[n] && in_set(&set, (unsigned char)in[n]))
				n++;
			if (n == 0)
				return assigned;
			if (!suppress)
				store_chars(va_arg(*ap, void *), len, in, n, 1);
			in += n;
			break;
		}
		case 'd': case 'i': case 'u': case 'o': case 'x': case 'X': case 'p': {
			uintmax_t v;
			int base = conv == 'd' || conv == 'u' ? 10 : conv == 'i' ? 0 : conv == 'o' ? 8 : 16;
			size_t n;
			if (conv == 'p' && width >= 5 && strncmp(in, "(nil)", 5) == 0) {
				v = 0;
				n = 5;
			} else {
				n = scan_integer(in, width, base, conv == 'd' || conv == 'i', &v);
			}
			if (n == 0)
				return assigned;
			in += n;
			if (!suppress) {
				if (conv == 'p')
					*va_arg(*ap, void **) = (void *)(uintptr_t)v;
				else
					store_integer(va_arg(*ap, void *), len, v);
			}
			break;
		}
		case 'a': case 'A': case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': {
			size_t n = scan_float_text(in, width);
			int size = len == LEN_BIG_L ? 2 : len == LEN_L ? 1 : 0;
			char sink[16];
			if (n == 0 || !__scan_float(in, n, size, suppress ? sink : va_arg(*ap, void *)))
				return assigned;
			in += n;
			break;
		}
		default:
			return assigned;
		}
		if (!suppress)
			assigned++;
	}
	return assigned;

input_failure:
	return assigned ? assigned : EOF;
}

int vsscanf(const char *restrict str, const char *restrict fmt, va_list ap)
{
	va_list args;
	int r;

	va_copy(args, ap);
	r = scan(str, fmt, &args);
	va_end(args);
	return r;
}

int sscanf(const char *restrict str, const char *restrict fmt, ...)
{
	va_list ap;
	int r;

	/* Only pointers are passed: safe in the general-register core. */
	va_start(ap, fmt);
	r = scan(str, fmt, &ap);
	va_end(ap);
	return r;
}
