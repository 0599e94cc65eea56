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

#if __LDBL_MANT_DIG__ == 64
/* x87 80-bit (x86_64): explicit integer bit. Encodings the FPU itself rejects
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
#elif __LDBL_MANT_DIG__ == 113
/* IEEE binary128 (aarch64): 1 sign, 15 exponent bits (bias 16383), 112
 * fraction bits with an implicit leading bit. glibc's %La shows it as it
 * shows a double: "0x1." and 28 hex digits, "0x0." for subnormals. */
static void split_long_double(long double x, struct __fmt_fp_value *v)
{
	union { long double ld; unsigned __int128 u; } bits;
	bits.ld = x;
	int e = (int)(bits.u >> 112) & 0x7fff;
	unsigned __int128 f = bits.u & (((unsigned __int128)1 << 112) - 1);

	v->negative = (int)(bits.u >> 127);
	v->hex_frac_bits = 112;
	if (e == 0x7fff) {
		v->cls = f ? __FMT_FP_NAN : __FMT_FP_INF;
	} else if (e == 0) {
		v->mant = f;                /* zero or subnormal */
		v->exp2 = 1 - 16383 - 112;
		v->hex_exp = 1 - 16383;
	} else {
		v->mant = f | (unsigned __int128)1 << 112;
		v->exp2 = e - 16383 - 112;
		v->hex_exp = e - 16383;
	}
	v->hex_mant = v->mant;
}
#else
#error "fmt_float.c: printf knows the x87 80-bit and the IEEE binary128 long double; add this format (__LDBL_MANT_DIG__)"
#endif

void __fmt_float(struct __fmt_sink *s, const struct __fmt_spec *spec, va_list *ap)
{
	struct __fmt_fp_value v = { __FMT_FP_FINITE, 0, 0, 0, 0, 0, 0 };
	int is_long = spec->long_double;

	if (is_long)
		split_long_double(va_arg(*ap, long double), &v);
	else
		split_double(va_arg(*ap, double), &v);
	if (!is_long)
		v.hex_mant = v.mant;
	__fmt_fp(s, spec, &v);
}
