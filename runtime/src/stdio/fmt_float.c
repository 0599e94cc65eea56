/* The FPU side of printf's floating conversions: fetch the double or long
 * double argument (only an FPU unit may va_arg a double, see stdio_impl.h)
 * and take it apart into sign, mantissa and exponent for __fmt_fp. */
#include <stdint.h>
#include "stdio_impl.h"

static void split_double(double x, struct __fmt_fp_value *v)
{
	union { double d; uint64_t u; } bits = { x };
	int e = (int)(bits.u >> 52) & 0x7ff;
	uint64_t f = bits.u & ((UINT64_C(1) << 52) - 1);

	v->negative = (int)(bits.u >> 63);
	v->hex_frac_bits = 52;
	if (e == 0x7ff) {
		v->cls = f ? __FMT_FP_NAN : __FMT_FP_INF;
	} else if (e == 0) {
		v->mant = f;                /* zero or subnormal */
		v->exp2 = -1074;
		v->hex_exp = -1022;
	} else {
		v->mant = f | UINT64_C(1) << 52;
		v->exp2 = e - 1075;
		v->hex_exp = e - 1023;
	}
}

/* x87 80-bit: explicit integer bit. Encodings the FPU itself rejects
 * (unnormals, pseudo-infinities, pseudo-NaNs) print as nan, as glibc
 * does since 2.33. Pseudo-denormals (exponent 0, integer bit set) print
 * as glibc does: %a shows the raw bits, the decimal conversions ignore
 * the integer bit. */
static void split_long_double(long double x, struct __fmt_fp_value *v)
{
	union { long double ld; struct { uint64_t mant; uint16_t se; } p; } bits;
	bits.ld = x;
	int e = bits.p.se & 0x7fff;
	uint64_t m = bits.p.mant;
	int integer_bit = (int)(m >> 63);

	v->hex_mant = m;
	v->negative = bits.p.se >> 15;
	v->hex_frac_bits = 60;
	if (e == 0x7fff) {
		v->cls = (integer_bit && !(m << 1)) ? __FMT_FP_INF : __FMT_FP_NAN;
	} else if (e == 0) {
		v->mant = m & ~(UINT64_C(1) << 63);
		v->exp2 = 1 - 16383 - 63;
		v->hex_exp = 1 - 16383 - 3;
	} else if (!integer_bit) {
		v->cls = __FMT_FP_NAN;
	} else {
		v->mant = m;
		v->exp2 = e - 16383 - 63;
		v->hex_exp = e - 16383 - 3;
	}
}

void __fmt_float(struct __fmt_sink *s, const struct __fmt_spec *spec, va_list *ap)
{
	struct __fmt_fp_value v = { __FMT_FP_FINITE, 0, 0, 0, 0, 0, 0 };

	if (spec->long_double)
		split_long_double(va_arg(*ap, long double), &v);
	else
		split_double(va_arg(*ap, double), &v);
	v.hex_mant = spec->long_double ? v.hex_mant : v.mant;
	__fmt_fp(s, spec, &v);
}
