/*
 * libm-compat.h: what musl's src/math expects from musl's own build, so it
 * compiles against Kiln's runtime headers unchanged. libm.mk forces it into
 * every libm unit with -include; nothing outside libm sees it.
 *
 * Written for Kiln; musl's sources are used as they are.
 */
#ifndef KILN_LIBM_COMPAT_H
#define KILN_LIBM_COMPAT_H

/* The public header first, so every definition below only fills a gap. */
#include <float.h>
#include <math.h>
#include <stdint.h>

/* musl's internal features.h (src/include, not the public one) gives these
 * two; compat/features.h brings this file to the units that include it. */
#define hidden __attribute__((__visibility__("hidden")))
#define weak_alias(old, new) \
	extern __typeof(old) new __attribute__((__weak__, __alias__(#old)))

/*
 * fma.c takes a_clz_64 (count leading zeros) from musl's internal atomic.h,
 * whose other contents need musl's per-architecture headers. Claiming that
 * header's include guard here keeps it out whatever the -I order is, and
 * this is all fma.c needs of it (it never asks about 0; 64 is the safe answer).
 */
#define _ATOMIC_H
static inline int a_clz_64(uint64_t x)
{
	return x ? __builtin_clzll(x) : 64;
}

/*
 * jnf.c calls the float Bessel functions of order 0 and 1, which Kiln's
 * <math.h> does not declare (C has no implicit declarations to fall back
 * on). Everything else the units use, C99's functions and the extras
 * (j0, sincos, exp10, finite, M_PI_2, __fpclassify ...), is <math.h>'s; the
 * other names musl defines beyond it (jnf, lgammal_r, gamma, signgam ...)
 * are declared by the unit that defines them, or by weak_alias.
 */
float j0f(float);
float j1f(float);
float y0f(float);
float y1f(float);

#endif
