/* Kiln runtime stdio internals: the FILE object, the output sinks the
 * printf core writes to, and the split between the integer-only core and
 * the floating-point units.
 *
 * Units listed in RUNTIME_SOURCES are built with -mgeneral-regs-only, so
 * they must never see a float or double, not even in va_arg. Two
 * consequences shape this code:
 *  - the printf core (format.c) hands %a %e %f %g to __fmt_float (fmt_float.c,
 *    an FPU unit), passing the va_list by pointer so only that unit ever
 *    fetches a double;
 *  - every variadic function that can receive a double (printf, snprintf,
 *    ...) is itself in an FPU unit: a -mgeneral-regs-only prologue does not
 *    save the XMM argument registers, so va_arg(ap, double) would read
 *    garbage later. The v* functions take a caller-made va_list and can
 *    live in the core.
 */
#ifndef __KILN_STDIO_IMPL_H
#define __KILN_STDIO_IMPL_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

/* ---- FILE ---------------------------------------------------------------- */

#define __F_READ 1u   /* the stream reads (stdin) */
#define __F_WRITE 2u  /* the stream writes (stdout, stderr) */
#define __F_EOF 4u    /* end-of-file indicator */
#define __F_ERR 8u    /* error indicator */

struct __kiln_file {
	unsigned flags;
	int mode;          /* _IOFBF, _IOLBF or _IONBF */
	char *buf;         /* buffered output not yet written */
	size_t size;       /* capacity of buf (0: unbuffered) */
	size_t len;        /* bytes waiting in buf */
	int pushback;      /* the character ungetc gave back, or EOF */
	void (*device)(const char *, size_t); /* where flushed bytes go */
};

/* Write n bytes through f's buffer; returns the bytes accepted (n, or 0
 * when f cannot write: then the error indicator is set, errno EBADF). */
size_t __stdio_write(FILE *f, const char *p, size_t n);

/* Hand f's buffered bytes to its device. Returns 0, or EOF on error. */
int __stdio_flush_file(FILE *f);

/* ---- printf core ---------------------------------------------------------- */

/* Where formatted output goes. count is every character produced, whether
 * or not the sink kept it (snprintf's return value). */
struct __fmt_sink {
	void (*write)(struct __fmt_sink *, const char *, size_t);
	size_t count;
	int failed;        /* the sink could not keep output (ENOMEM, EBADF) */
};

static inline void __fmt_out(struct __fmt_sink *s, const char *p, size_t n)
{
	s->count += n;
	s->write(s, p, n);
}

/* n copies of c, which is ' ' or '0'. */
void __fmt_pad(struct __fmt_sink *s, char c, size_t n);

/* One conversion specification, as parsed by the core. */
#define __FMT_MINUS 1u   /* '-' left-justify */
#define __FMT_PLUS 2u    /* '+' always a sign */
#define __FMT_SPACE 4u   /* ' ' space for positive */
#define __FMT_ALT 8u     /* '#' alternate form */
#define __FMT_ZERO 16u   /* '0' pad with zeros */

struct __fmt_spec {
	unsigned flags;
	size_t width;      /* 0 when none */
	long prec;         /* -1 when none */
	int long_double;   /* 'L' length modifier */
	char conv;         /* a A e E f F g G */
};

/* Format the next argument of *ap (a double, or long double when
 * spec->long_double) per spec. Lives in an FPU unit. */
void __fmt_float(struct __fmt_sink *s, const struct __fmt_spec *spec, va_list *ap);

/* A float taken apart: value = (-1)^negative * mant * 2^exp2 (mant == 0:
 * zero) when cls is finite. The hex_ fields give %a its digit layout,
 * which differs by format as glibc prints it: the leading hex digit is
 * mant >> hex_frac_bits (52 for double and 112 for the IEEE binary128
 * long double of aarch64: the implicit bit; 60 for the x87 long double:
 * the top nibble), the rest follow, and hex_exp is the binary exponent
 * printed after 'p'. The mantissas are 128 bits wide for binary128's 113. */
enum __fmt_fp_class { __FMT_FP_FINITE, __FMT_FP_INF, __FMT_FP_NAN };

struct __fmt_fp_value {
	enum __fmt_fp_class cls;
	int negative;
	unsigned __int128 mant;
	int exp2;
	unsigned __int128 hex_mant;    /* mantissa bits %a shows (see fmt_float.c) */
	int hex_frac_bits;
	int hex_exp;
};

/* Format v per spec (a A e E f F g G). Integer-only; __fmt_float calls it
 * once it has taken the argument apart. */
void __fmt_fp(struct __fmt_sink *s, const struct __fmt_spec *spec,
	      const struct __fmt_fp_value *v);

/* The exact decimal digits of mant * 2^exp2 (mant > 0), rounded to nearest
 * (ties to even). sig > 0: round to sig significant digits; sig <= 0: round
 * at the digit of weight 10^-frac. Fills digits[0..*ndigits) (digits beyond
 * are zeros) and returns e10, the weight 10^e10 of digits[0]. *ndigits == 0
 * means the value rounded to zero. *carried tells that rounding carried
 * into a new leading digit (9.96 -> 10). digits must have room for the
 * longest exact expansion plus a 9-digit chunk: __FMT_DIGITS_DOUBLE for a
 * double (767 significant digits), __FMT_DIGITS_LONG_DOUBLE for an x87
 * long double (about 11520) or a binary128 one (about 11565). */
#define __FMT_DIGITS_DOUBLE 800
#define __FMT_DIGITS_LONG_DOUBLE 11700
int __fmt_decimal(unsigned __int128 mant, int exp2, int sig, long frac,
		  char *digits, int cap, int *ndigits, int *carried);

/* The core: format fmt with the arguments of *ap into s. Returns the count,
 * or -1 with errno set (EOVERFLOW beyond INT_MAX, or the sink's error). */
int __vformat(struct __fmt_sink *s, const char *fmt, va_list *ap);

/* ---- scanf ---------------------------------------------------------------- */

/* Convert the n characters at p (a complete floating constant, already
 * delimited by the scanner) and store it through dest: size 0 float,
 * 1 double, 2 long double. Returns 1 if converted, 0 if p is no number.
 * Lives in an FPU unit. */
int __scan_float(const char *p, size_t n, int size, void *dest);

#endif
