/*
 * fenv.h for musl's libm (fma, lrint, nearbyint need to test, clear and raise
 * the inexact flag and read the rounding mode), libm-private until Kiln's
 * runtime has a public fenv.h.
 *
 * x86_64 keeps two sets of flags and rounding controls: the SSE unit's MXCSR
 * (double and float arithmetic) and the x87 unit's status and control words
 * (long double). Flags are read from both; the rounding mode is set in both.
 * The values are the x87 bit positions, as every x86_64 C library uses.
 * aarch64's are in fenv-aarch64.h.
 */
#ifndef KILN_LIBM_FENV_H
#define KILN_LIBM_FENV_H

#if defined(__aarch64__)
#include "fenv-aarch64.h"
#elif !defined(__x86_64__)
#error "libm's fenv.h knows x86_64 and aarch64 only: add the architecture's flag and rounding registers"
#else

#define FE_INVALID 0x01
#define FE_DIVBYZERO 0x04
#define FE_OVERFLOW 0x08
#define FE_UNDERFLOW 0x10
#define FE_INEXACT 0x20
#define FE_ALL_EXCEPT 0x3d

#define FE_TONEAREST 0x000
#define FE_DOWNWARD 0x400
#define FE_UPWARD 0x800
#define FE_TOWARDZERO 0xc00

/* MXCSR holds the flags in bits 0-5 (as the x87 status word) and the
 * rounding mode in bits 13-14 (the x87 control word's bits 10-11, shifted). */
#define KILN_MXCSR_ROUND_SHIFT 3
#define KILN_ROUND_MASK 0xc00

static inline unsigned int kiln_mxcsr_get(void)
{
	unsigned int m;
	__asm__ volatile ("stmxcsr %0" : "=m"(m));
	return m;
}

static inline void kiln_mxcsr_set(unsigned int m)
{
	__asm__ volatile ("ldmxcsr %0" : : "m"(m));
}

static inline unsigned short kiln_x87_status(void)
{
	unsigned short s;
	__asm__ volatile ("fnstsw %0" : "=a"(s));
	return s;
}

static inline int fetestexcept(int excepts)
{
	return (kiln_x87_status() | kiln_mxcsr_get()) & excepts & FE_ALL_EXCEPT;
}

static inline int feclearexcept(int excepts)
{
	unsigned int mxcsr = kiln_mxcsr_get();
	unsigned short x87 = kiln_x87_status();

	excepts &= FE_ALL_EXCEPT;
	/* The x87 flags can only be cleared all at once (fnclex); the ones that
	 * must stay raised move to MXCSR, where fetestexcept still sees them. */
	if (x87 & excepts) {
		__asm__ volatile ("fnclex");
		mxcsr |= x87 & FE_ALL_EXCEPT;
	}
	kiln_mxcsr_set(mxcsr & ~(unsigned int)excepts);
	return 0;
}

static inline int feraiseexcept(int excepts)
{
	/* Sets the flags only: every exception is masked, nothing traps. */
	kiln_mxcsr_set(kiln_mxcsr_get() | (excepts & FE_ALL_EXCEPT));
	return 0;
}

static inline int fegetround(void)
{
	return (kiln_mxcsr_get() >> KILN_MXCSR_ROUND_SHIFT) & KILN_ROUND_MASK;
}

static inline int fesetround(int round)
{
	unsigned short cw;

	if (round & ~KILN_ROUND_MASK)
		return -1;
	__asm__ volatile ("fnstcw %0" : "=m"(cw));
	cw = (cw & ~KILN_ROUND_MASK) | round;
	__asm__ volatile ("fldcw %0" : : "m"(cw));
	kiln_mxcsr_set((kiln_mxcsr_get() & ~(KILN_ROUND_MASK << KILN_MXCSR_ROUND_SHIFT)) |
		       ((unsigned int)round << KILN_MXCSR_ROUND_SHIFT));
	return 0;
}

#endif /* x86_64 */
#endif
