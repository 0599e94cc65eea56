/*
 * fenv.h for musl's libm on aarch64 (included by fenv.h): one set of
 * flags, the cumulative exception bits 0-4 of FPSR, and one rounding mode,
 * FPCR bits 22-23 (RMode). The values are those bit positions, as every
 * aarch64 C library uses. Exceptions never trap: FPCR's trap enables stay
 * clear (the boot shim leaves them so).
 */
#define FE_INVALID 0x01
#define FE_DIVBYZERO 0x02
#define FE_OVERFLOW 0x04
#define FE_UNDERFLOW 0x08
#define FE_INEXACT 0x10
#define FE_ALL_EXCEPT 0x1f

#define FE_TONEAREST 0x000000
#define FE_UPWARD 0x400000
#define FE_DOWNWARD 0x800000
#define FE_TOWARDZERO 0xc00000

#define KILN_ROUND_MASK 0xc00000

static inline unsigned long kiln_fpsr_get(void)
{
	unsigned long v;
	__asm__ volatile ("mrs %0, fpsr" : "=r"(v));
	return v;
}

static inline void kiln_fpsr_set(unsigned long v)
{
	__asm__ volatile ("msr fpsr, %0" : : "r"(v));
}

static inline unsigned long kiln_fpcr_get(void)
{
	unsigned long v;
	__asm__ volatile ("mrs %0, fpcr" : "=r"(v));
	return v;
}

static inline void kiln_fpcr_set(unsigned long v)
{
	__asm__ volatile ("msr fpcr, %0" : : "r"(v));
}

static inline int fetestexcept(int excepts)
{
	return (int)kiln_fpsr_get() & excepts & FE_ALL_EXCEPT;
}

static inline int feclearexcept(int excepts)
{
	kiln_fpsr_set(kiln_fpsr_get() & ~(unsigned long)(excepts & FE_ALL_EXCEPT));
	return 0;
}

static inline int feraiseexcept(int excepts)
{
	/* Sets the flags only: every exception is masked, nothing traps. */
	kiln_fpsr_set(kiln_fpsr_get() | (unsigned long)(excepts & FE_ALL_EXCEPT));
	return 0;
}

static inline int fegetround(void)
{
	return (int)(kiln_fpcr_get() & KILN_ROUND_MASK);
}

static inline int fesetround(int round)
{
	if (round & ~KILN_ROUND_MASK)
		return -1;
	kiln_fpcr_set((kiln_fpcr_get() & ~(unsigned long)KILN_ROUND_MASK) | (unsigned long)round);
	return 0;
}
