/* The printf core: parses the format, formats integers, characters,
 * strings and pointers, and hands floating conversions to __fmt_float.
 * Integer-only (built with -mgeneral-regs-only); see stdio_impl.h. */
#include <errno.h>
#include <limits.h>
#include <stdint.h>
#define __need_wchar_t
#define __need_wint_t
#include <stddef.h>
#include "stdio_impl.h"

static const char spaces[32] = "                                ";
static const char zeros[32] = "00000000000000000000000000000000";

/* c is ' ' or '0'. */
void __fmt_pad(struct __fmt_sink *s, char c, size_t n)
{
	const char *run = c == '0' ? zeros : spaces;

	while (n > 0) {
		size_t k = n < sizeof spaces ? n : sizeof spaces;
		__fmt_out(s, run, k);
		n -= k;
	}
}

enum length { LEN_NONE, LEN_HH, LEN_H, LEN_L, LEN_LL, LEN_J, LEN_Z, LEN_T, LEN_BIG_L };

/* Emit body (blen bytes) after prefix (plen bytes) with zeros extra
 * leading zeros, padded to the spec's width. */
static void emit(struct __fmt_sink *s, const struct __fmt_spec *spec,
		 const char *prefix, size_t plen, size_t zeros_before,
		 const char *body, size_t blen)
{
	size_t len = plen + zeros_before + blen;
	size_t pad = spec->width > len ? spec->width - len : 0;

	if (!(spec->flags & __FMT_MINUS))
		__fmt_pad(s, ' ', pad);
	if (plen)
		__fmt_out(s, prefix, plen);
	__fmt_pad(s, '0', zeros_before);
	if (blen)
		__fmt_out(s, body, blen);
	if (spec->flags & __FMT_MINUS)
		__fmt_pad(s, ' ', pad);
}

/* Digits of v in base 8, 10 or 16 at the end of buf; returns the start. */
static char *utoa(uintmax_t v, unsigned base, int upper, char *end)
{
	const char *xdigits = upper ? "0123456789ABCDEF" : "0123456789abcdef";
	char *p = end;

	if (base == 10) {
		for (; v >= 10; v /= 10)
			*--p = (char)('0' + v % 10);
		*--p = (char)('0' + v);
	} else {
		unsigned shift = base == 16 ? 4 : 3;
		do {
			*--p = xdigits[v & (base - 1)];
			v >>= shift;
		} while (v);
	}
	return p;
}

static void format_integer(struct __fmt_sink *s, struct __fmt_spec *spec,
			   uintmax_t v, int negative, char conv)
{
	char buf[3 * sizeof(uintmax_t) + 2];
	char *end = buf + sizeof buf;
	char *digits = end;
	char prefix[3]; /* %p keeps a sign: "+0x" */
	size_t plen = 0, ndigits, nzeros = 0;
	unsigned base = conv == 'o' ? 8 : (conv == 'x' || conv == 'X' || conv == 'p') ? 16 : 10;

	if (v != 0 || spec->prec != 0)
		digits = utoa(v, base, conv == 'X', end);
	ndigits = (size_t)(end - digits);

	if (conv == 'd' || conv == 'i' || conv == 'p') {
		if (negative)
			prefix[plen++] = '-';
		else if (spec->flags & __FMT_PLUS)
			prefix[plen++] = '+';
		else if (spec->flags & __FMT_SPACE)
			prefix[plen++] = ' ';
	}
	if (spec->flags & __FMT_ALT) {
		if (base == 16 && (v != 0 || conv == 'p')) {
			prefix[plen++] = '0';
			prefix[plen++] = conv == 'X' ? 'X' : 'x';
		}
	}
	if (spec->prec >= 0 && (size_t)spec->prec > ndigits)
		nzeros = (size_t)spec->prec - ndigits;
	/* '#' with 'o': the first digit must be a zero. */
	if ((spec->flags & __FMT_ALT) && base == 8 && nzeros == 0 &&
	    (ndigits == 0 || digits[0] != '0'))
		nzeros = 1;
	if (spec->prec < 0 && (spec->flags & __FMT_ZERO) && !(spec->flags & __FMT_MINUS) &&
	    spec->width > plen + ndigits + nzeros)
		nzeros = spec->width - plen - ndigits;
	emit(s, spec, prefix, plen, nzeros, digits, ndigits);
}

static void format_string(struct __fmt_sink *s, const struct __fmt_spec *spec,
			  const char *str)
{
	size_t n = 0;

	if (!str) {
		/* glibc's choice: "(null)" only when it fits the precision. */
		str = (spec->prec < 0 || spec->prec >= 6) ? "(null)" : "";
	}
	if (spec->prec < 0)
		while (str[n])
			n++;
	else
		while (n < (size_t)spec->prec && str[n])
			n++;
	emit(s, spec, NULL, 0, 0, str, n);
}

/* %ls: the C locale's character set is ASCII. Returns -1 on a character
 * it cannot represent. */
static int format_wide_string(struct __fmt_sink *s, const struct __fmt_spec *spec,
			      const wchar_t *ws)
{
	size_t n = 0;
	char chunk[64];

	if (!ws) {
		format_string(s, spec, NULL);
		return 0;
	}
	while ((spec->prec < 0 || n < (size_t)spec->prec) && ws[n]) {
		if ((unsigned)ws[n] > 0x7f) {
			errno = EILSEQ;
			return -1;
		}
		n++;
	}
	size_t pad = spec->width > n ? spec->width - n : 0;
	if (!(spec->flags & __FMT_MINUS))
		__fmt_pad(s, ' ', pad);
	for (size_t i = 0; i < n;) {
		size_t k = 0;
		for (; k < sizeof chunk && i < n; k++, i++)
			chunk[k] = (char)ws[i];
		__fmt_out(s, chunk, k);
	}
	if (spec->flags & __FMT_MINUS)
		__fmt_pad(s, ' ', pad);
	return 0;
}

static void store_count(void *p, enum length len, size_t count)
{
	switch (len) {
	case LEN_HH: *(signed char *)p = (signed char)count; break;
	case LEN_H: *(short *)p = (short)count; break;
	case LEN_L: *(long *)p = (long)count; break;
	case LEN_LL: case LEN_BIG_L: *(long long *)p = (long long)count; break;
	case LEN_J: *(intmax_t *)p = (intmax_t)count; break;
	case LEN_Z: *(size_t *)p = count; break;
	case LEN_T: *(ptrdiff_t *)p = (ptrdiff_t)count; break;
	default: *(int *)p = (int)count; break;
	}
}

static intmax_t signed_arg(va_list *ap, enum length len)
{
	switch (len) {
	case LEN_HH: return (signed char)va_arg(*ap, int);
	case LEN_H: return (short)va_arg(*ap, int);
	case LEN_L: return va_arg(*ap, long);
	case LEN_LL: case LEN_BIG_L: return va_arg(*ap, long long);
	case LEN_J: return va_arg(*ap, intmax_t);
	case LEN_Z: return (long)va_arg(*ap, size_t);
	case LEN_T: return va_arg(*ap, ptrdiff_t);
	default: return va_arg(*ap, int);
	}
}

static uintmax_t unsigned_arg(va_list *ap, enum length len)
{
	switch (len) {
	case LEN_HH: return (unsigned char)va_arg(*ap, unsigned);
	case LEN_H: return (unsigned short)va_arg(*ap, unsigned);
	case LEN_L: return va_arg(*ap, unsigned long);
	case LEN_LL: case LEN_BIG_L: return va_arg(*ap, unsigned long long);
	case LEN_J: return va_arg(*ap, uintmax_t);
	case LEN_Z: return va_arg(*ap, size_t);
	case LEN_T: return (uintmax_t)va_arg(*ap, ptrdiff_t);
	default: return va_arg(*ap, unsigned);
	}
}

/* A decimal number in the format (width or precision); saturates so an
 * absurd one ends as EOVERFLOW instead of wrapping. */
static size_t parse_num(const char **pp)
{
	const char *p = *pp;
	size_t v = 0;

	for (; *p >= '0' && *p <= '9'; p++)
		v = v > (size_t)INT_MAX ? v : v * 10 + (size_t)(*p - '0');
	*pp = p;
	return v;
}

int __vformat(struct __fmt_sink *s, const char *fmt, va_list *ap)
{
	const char *p = fmt;

	while (*p) {
		if (*p != '%') {
			const char *lit = p;
			while (*p && *p != '%')
				p++;
			__fmt_out(s, lit, (size_t)(p - lit));
			continue;
		}
		const char *start = p++;
		struct __fmt_spec spec = { 0, 0, -1, 0, 0 };

		for (;; p++) {
			if (*p == '-') spec.flags |= __FMT_MINUS;
			else if (*p == '+') spec.flags |= __FMT_PLUS;
			else if (*p == ' ') spec.flags |= __FMT_SPACE;
			else if (*p == '#') spec.flags |= __FMT_ALT;
			else if (*p == '0') spec.flags |= __FMT_ZERO;
			else if (*p == '\'' || *p == 'I') ; /* grouping: none in the C locale */
			else break;
		}
		if (*p == '*') {
			int w = va_arg(*ap, int);
			if (w < 0) {
				spec.flags |= __FMT_MINUS;
				spec.width = (size_t)-(long)w;
			} else {
				spec.width = (size_t)w;
			}
			p++;
		} else {
			spec.width = parse_num(&p);
		}
		if (*p == '.') {
			p++;
			if (*p == '*') {
				int pr = va_arg(*ap, int);
				spec.prec = pr < 0 ? -1 : pr;
				p++;
			} else {
				spec.prec = (long)parse_num(&p);
			}
		}
		if (spec.width > (size_t)INT_MAX || spec.prec > (long)INT_MAX) {
			errno = EOVERFLOW;
			return -1;
		}

		enum length len = LEN_NONE;
		switch (*p) {
		case 'h': p++; len = *p == 'h' ? (p++, LEN_HH) : LEN_H; break;
		case 'l': p++; len = *p == 'l' ? (p++, LEN_LL) : LEN_L; break;
		case 'q': p++; len = LEN_LL; break;
		case 'j': p++; len = LEN_J; break;
		case 'z': case 'Z': p++; len = LEN_Z; break;
		case 't': p++; len = LEN_T; break;
		case 'L': p++; len = LEN_BIG_L; break;
		}

		char conv = *p;
		if (!conv) {
			/* A '%' that ends the format: glibc fails, so do we. */
			errno = EINVAL;
			return -1;
		}
		p++;
		switch (conv) {
		case 'd': case 'i': {
			intmax_t v = signed_arg(ap, len);
			uintmax_t mag = v < 0 ? -(uintmax_t)v : (uintmax_t)v;
			format_integer(s, &spec, mag, v < 0, 'd');
			break;
		}
		case 'u': case 'o': case 'x': case 'X':
			spec.flags &= ~(unsigned)(__FMT_PLUS | __FMT_SPACE);
			format_integer(s, &spec, unsigned_arg(ap, len), 0, conv);
			break;
		case 'p': {
			void *ptr = va_arg(*ap, void *);
			if (!ptr) {
				struct __fmt_spec nil = spec;
				nil.prec = -1;
				format_string(s, &nil, "(nil)");
			} else {
				spec.flags |= __FMT_ALT;
				format_integer(s, &spec, (uintptr_t)ptr, 0, 'p');
			}
			break;
		}
		case 'c':
			if (len == LEN_L) {
				wint_t wc = va_arg(*ap, wint_t);
				if (wc > 0x7f) {
					errno = EILSEQ;
					return -1;
				}
				char c = (char)wc;
				emit(s, &spec, NULL, 0, 0, &c, 1);
			} else {
				char c = (char)va_arg(*ap, int);
				emit(s, &spec, NULL, 0, 0, &c, 1);
			}
			break;
		case 'C': {
			wint_t wc = va_arg(*ap, wint_t);
			if (wc > 0x7f) {
				errno = EILSEQ;
				return -1;
			}
			char c = (char)wc;
			emit(s, &spec, NULL, 0, 0, &c, 1);
			break;
		}
		case 's':
			if (len == LEN_L) {
				if (format_wide_string(s, &spec, va_arg(*ap, const wchar_t *)) < 0)
					return -1;
			} else {
				format_string(s, &spec, va_arg(*ap, const char *));
			}
			break;
		case 'S':
			if (format_wide_string(s, &spec, va_arg(*ap, const wchar_t *)) < 0)
				return -1;
			break;
		case 'n':
			store_count(va_arg(*ap, void *), len, s->count);
			break;
		case '%':
			__fmt_out(s, "%", 1);
			break;
		case 'a': case 'A': case 'e': case 'E': case 'f': case 'F': case 'g': case 'G':
			spec.conv = conv;
			spec.long_double = len == LEN_BIG_L;
			__fmt_float(s, &spec, ap);
			break;
		default:
			/* Unknown conversion: print the specification as written,
			 * as glibc does. */
			__fmt_out(s, start, (size_t)(p - start));
			break;
		}
		if (s->failed)
			return -1;
	}
	if (s->failed)
		return -1;
	if (s->count > (size_t)INT_MAX) {
		errno = EOVERFLOW;
		return -1;
	}
	return (int)s->count;
}
