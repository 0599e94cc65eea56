/* printf's %a %e %f %g (and capitals) over a float already taken apart
 * into sign, mantissa and exponent: integer-only, so it stays in the
 * general-register core. The output matches glibc's byte for byte. */
#include "stdio_impl.h"

typedef unsigned __int128 u128;

/* Sign, then the body pieces, padded to the width: zeros go between the
 * sign and the body when '0' is given (never for inf and nan). */
struct fp_out {
	struct __fmt_sink *s;
	const struct __fmt_spec *spec;
	char prefix[3];    /* sign, then "0x" for %a */
	size_t plen;
	size_t body_len;
	int zero_pad;
};

static size_t pad_of(const struct fp_out *o)
{
	size_t len = o->body_len + o->plen;
	return o->spec->width > len ? o->spec->width - len : 0;
}

static void begin(const struct fp_out *o)
{
	size_t pad = pad_of(o);
	int left = o->spec->flags & __FMT_MINUS;

	if (!left && !o->zero_pad)
		__fmt_pad(o->s, ' ', pad);
	if (o->plen)
		__fmt_out(o->s, o->prefix, o->plen);
	if (!left && o->zero_pad)
		__fmt_pad(o->s, '0', pad);
}

static void end(const struct fp_out *o)
{
	if (o->spec->flags & __FMT_MINUS)
		__fmt_pad(o->s, ' ', pad_of(o));
}

/* count digits with indices from .. from+count-1 of d[0..n), '0' outside. */
static void put_digits(struct __fmt_sink *s, const char *d, int n, long from, long count)
{
	if (count <= 0)
		return;
	if (from < 0) {
		long z = -from < count ? -from : count;
		__fmt_pad(s, '0', (size_t)z);
		from += z;
		count -= z;
	}
	if (count > 0 && from < n) {
		long k = n - from < count ? n - from : count;
		__fmt_out(s, d + from, (size_t)k);
		from += k;
		count -= k;
	}
	if (count > 0)
		__fmt_pad(s, '0', (size_t)count);
}

static int dec_len(int e)
{
	unsigned u = e < 0 ? -(unsigned)e : (unsigned)e;
	int n = 1;
	while (u >= 10) {
		u /= 10;
		n++;
	}
	return n;
}

/* Digits of a %e exponent: at least two. */
static int exp_len(int e)
{
	int n = dec_len(e);
	return n < 2 ? 2 : n;
}

/* "e+05", "p-1022": at least min_digits digits. */
static void put_exponent(struct __fmt_sink *s, char letter, int e, int min_digits)
{
	char buf[16];
	char *p = buf + sizeof buf;
	unsigned u = e < 0 ? -(unsigned)e : (unsigned)e;
	int nd = 0;

	do {
		*--p = (char)('0' + u % 10);
		u /= 10;
		nd++;
	} while (u);
	while (nd < min_digits) {
		*--p = '0';
		nd++;
	}
	*--p = e < 0 ? '-' : '+';
	*--p = letter;
	__fmt_out(s, p, (size_t)(buf + sizeof buf - p));
}

static void format_e(struct fp_out *o, const char *d, int n, int e10, long prec, int upper)
{
	int point = prec > 0 || (o->spec->flags & __FMT_ALT);

	o->body_len = 1 + (size_t)point + (size_t)prec + 2 + (size_t)exp_len(e10);
	begin(o);
	put_digits(o->s, d, n, 0, 1);
	if (point)
		__fmt_out(o->s, ".", 1);
	put_digits(o->s, d, n, 1, prec);
	put_exponent(o->s, upper ? 'E' : 'e', e10, 2);
	end(o);
}

/* d[0] has weight 10^e10; n == 0 is zero. */
static void format_f(struct fp_out *o, const char *d, int n, int e10, long prec)
{
	int point = prec > 0 || (o->spec->flags & __FMT_ALT);
	long int_digits = (n > 0 && e10 >= 0) ? e10 + 1L : 1;

	o->body_len = (size_t)int_digits + (size_t)point + (size_t)prec;
	begin(o);
	if (n > 0 && e10 >= 0)
		put_digits(o->s, d, n, 0, int_digits);
	else
		__fmt_out(o->s, "0", 1);
	if (point)
		__fmt_out(o->s, ".", 1);
	put_digits(o->s, d, n, n > 0 ? e10 + 1L : 1, prec);
	end(o);
}

static void format_decimal(struct fp_out *o, const struct __fmt_fp_value *v, char conv)
{
	/* x87 long doubles need far more room than doubles: keep the stack
	 * small for the common case. */
	int cap = o->spec->long_double ? __FMT_DIGITS_LONG_DOUBLE : __FMT_DIGITS_DOUBLE;
	char d[cap];
	int n = 0, e10 = 0, carried = 0;
	long prec = o->spec->prec < 0 ? 6 : o->spec->prec;
	int upper = conv == 'E' || conv == 'G';
	/* Significant digits asked for. Past the longest exact expansion
	 * they are all zeros, so a cap changes nothing (and keeps int). */
	int sig = prec + 1 > 100000 ? 100000 : (int)prec + 1;

	switch (conv) {
	case 'e': case 'E':
		if (v->mant)
			e10 = __fmt_decimal(v->mant, v->exp2, sig, 0, d, cap, &n, &carried);
		format_e(o, d, n, e10, prec, upper);
		return;
	case 'f': case 'F':
		if (v->mant)
			e10 = __fmt_decimal(v->mant, v->exp2, 0, prec, d, cap, &n, &carried);
		format_f(o, d, n, e10, prec);
		return;
	}
	/* %g: the exponent after rounding to prec significant digits picks
	 * the style; both styles then show those same digits. */
	if (prec == 0)
		prec = 1;
	if (v->mant)
		e10 = __fmt_decimal(v->mant, v->exp2, sig > 1 ? sig - 1 : 1, 0, d, cap, &n, &carried);
	int alt = o->spec->flags & __FMT_ALT;
	if (e10 < prec && e10 >= -4) {
		long fp = prec - 1 - e10;
		if (!alt) {
			long needed = n - 1L - e10;
			if (needed < fp)
				fp = needed < 0 ? 0 : needed;
		}
		format_f(o, d, n, e10, fp);
	} else {
		long ep = prec - 1;
		if (!alt && n - 1L < ep)
			ep = n > 1 ? n - 1L : 0;
		/* glibc picks the style before rounding: when rounding carries
		 * 9.x into 10^prec, it keeps the fixed style's fraction length
		 * (none) in the exponent style ("%#.2g" of 99.5 is "1.e+02"). */
		if (alt && carried && e10 == prec)
			ep = 0;
		format_e(o, d, n, e10, ep, upper);
	}
}

static void format_a(struct fp_out *o, const struct __fmt_fp_value *v, int upper)
{
	const char *xd = upper ? "0123456789ABCDEF" : "0123456789abcdef";
	int fbits = v->hex_frac_bits, full = fbits / 4;
	u128 mask = ((u128)1 << fbits) - 1;
	unsigned lead = (unsigned)(v->hex_mant >> fbits);
	u128 frac = v->hex_mant & mask;
	int e = v->hex_mant ? v->hex_exp : 0;
	long prec = o->spec->prec;
	int ndig;

	if (prec < 0) {
		ndig = full;
		while (ndig > 0 && !(frac & 15)) {
			frac >>= 4;
			ndig--;
		}
		frac <<= 4 * (full - ndig);
	} else {
		ndig = prec < full ? (int)prec : full;
		if (ndig < full) {
			int drop = 4 * (full - ndig);
			u128 rest = frac & (((u128)1 << drop) - 1);
			u128 half = (u128)1 << (drop - 1);
			u128 kept = frac >> drop;
			int odd = (int)((ndig ? kept : lead) & 1);
			if (rest > half || (rest == half && odd)) {
				kept++;
				if (kept >> (4 * ndig)) {
					kept = 0;
					lead++;
				}
			}
			frac = kept << drop;
			/* x87 layout: a carry out of the top nibble renormalises. */
			if (lead == 16) {
				lead = 1;
				e += 4;
			}
		}
	}
	long zeros = prec > full ? prec - full : 0;
	int point = ndig > 0 || zeros > 0 || (o->spec->flags & __FMT_ALT);
	char buf[40];   /* "1." and up to 28 hex digits (binary128) */
	int k = 0;
	o->prefix[o->plen++] = '0';
	o->prefix[o->plen++] = upper ? 'X' : 'x';
	buf[k++] = xd[lead];
	if (point)
		buf[k++] = '.';
	for (int i = 0; i < ndig; i++)
		buf[k++] = xd[(frac >> (fbits - 4 - 4 * i)) & 15];

	o->body_len = (size_t)k + (size_t)zeros + 2 + (size_t)dec_len(e);
	begin(o);
	__fmt_out(o->s, buf, (size_t)k);
	__fmt_pad(o->s, '0', (size_t)zeros);
	put_exponent(o->s, upper ? 'P' : 'p', e, 1);
	end(o);
}

void __fmt_fp(struct __fmt_sink *s, const struct __fmt_spec *spec,
	      const struct __fmt_fp_value *v)
{
	char conv = spec->conv;
	int upper = conv == 'A' || conv == 'E' || conv == 'F' || conv == 'G';
	struct fp_out o = { s, spec, { 0 }, 0, 0, 0 };

	if (v->negative)
		o.prefix[o.plen++] = '-';
	else if (spec->flags & __FMT_PLUS)
		o.prefix[o.plen++] = '+';
	else if (spec->flags & __FMT_SPACE)
		o.prefix[o.plen++] = ' ';

	if (v->cls != __FMT_FP_FINITE) {
		const char *word = v->cls == __FMT_FP_INF ? (upper ? "INF" : "inf")
							  : (upper ? "NAN" : "nan");
		o.body_len = 3;
		begin(&o);
		__fmt_out(s, word, 3);
		end(&o);
		return;
	}
	o.zero_pad = (spec->flags & __FMT_ZERO) && !(spec->flags & __FMT_MINUS);
	if (conv == 'a' || conv == 'A') {
		format_a(&o, v, upper);
		return;
	}
	format_decimal(&o, v, conv);
}
