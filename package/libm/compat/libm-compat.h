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

/* POSIX/BSD constants some units use; C99's math.h need not have them. */
#ifndef M_PI_2
#define M_PI_2 1.57079632679489661923
#endif
#ifndef M_PI_4
#define M_PI_4 0.78539816339744830962
#endif

/*
 * The functions beyond C99 that musl's libm defines (Bessel functions,
 * reentrant lgamma, sincos, exp10, BSD leftovers): some units call others,
 * and C has no implicit declarations to fall back on.
 */
double j0(double);
double j1(double);
double jn(int, double);
double y0(double);
double y1(double);
double yn(int, double);
float j0f(float);
float j1f(float);
float jnf(int, float);
float y0f(float);
float y1f(float);
float ynf(int, float);
double lgamma_r(double, int *);
float lgammaf_r(float, int *);
long double lgammal_r(long double, int *);
void sincos(double, double *, double *);
void sincosf(float, float *, float *);
void sincosl(long double, long double *, long double *);
double exp10(double);
float exp10f(float);
long double exp10l(long double);
double pow10(double);
float pow10f(float);
long double pow10l(long double);
double drem(double, double);
float dremf(float, float);
int finite(double);
int finitef(float);
double significand(double);
float significandf(float);
double scalb(double, double);
float scalbf(float, float);
double gamma(double);
float gammaf(float);
long double __lgammal_r(long double, int *);
extern int signgam;

/* musl's math.h implements the classification macros with these; Kiln's
 * may use compiler built-ins instead, but the units still define them. */
int __fpclassify(double);
int __fpclassifyf(float);
int __fpclassifyl(long double);
int __signbit(double);
int __signbitf(float);
int __signbitl(long double);

#endif
