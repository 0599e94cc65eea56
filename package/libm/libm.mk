################################################################################
# libm: the C99 math library (libm.a): musl 1.2.3's src/math, compiled as it
# is against Kiln's math.h, with a small Kiln-written compatibility layer
################################################################################
LIBM_VERSION = 1.2.3
LIBM_SOURCE = musl-$(LIBM_VERSION).tar.gz
LIBM_SITE = https://musl.libc.org/releases
LIBM_LICENSE = MIT
LIBM_LICENSE_FILES = COPYRIGHT
# The archive is libm.a, so that -lm finds it.
LIBM_LIBNAME = m
# Every generic C unit of src/math: the float, double and long double (x87
# 80-bit, which the generic code supports) functions of C99 plus the usual
# extras (Bessel, lgamma_r, sincos, exp10). musl's x86_64 overrides in
# src/math/x86_64/ are left out on purpose: they are x87/SSE assembly (.s,
# or C with inline asm) that make a few functions faster (sqrt, lrint, the
# long double transcendentals); the generic C is what musl itself uses on
# every architecture without such overrides, and keeps libm portable.
LIBM_SOURCES = \
	src/math/__cos.c src/math/__cosdf.c src/math/__cosl.c src/math/__expo2.c src/math/__expo2f.c \
	src/math/__fpclassify.c src/math/__fpclassifyf.c src/math/__fpclassifyl.c src/math/__invtrigl.c src/math/__math_divzero.c \
	src/math/__math_divzerof.c src/math/__math_invalid.c src/math/__math_invalidf.c src/math/__math_invalidl.c src/math/__math_oflow.c \
	src/math/__math_oflowf.c src/math/__math_uflow.c src/math/__math_uflowf.c src/math/__math_xflow.c src/math/__math_xflowf.c \
	src/math/__polevll.c src/math/__rem_pio2.c src/math/__rem_pio2_large.c src/math/__rem_pio2f.c src/math/__rem_pio2l.c \
	src/math/__signbit.c src/math/__signbitf.c src/math/__signbitl.c src/math/__sin.c src/math/__sindf.c \
	src/math/__sinl.c src/math/__tan.c src/math/__tandf.c src/math/__tanl.c src/math/acos.c \
	src/math/acosf.c src/math/acosh.c src/math/acoshf.c src/math/acoshl.c src/math/acosl.c \
	src/math/asin.c src/math/asinf.c src/math/asinh.c src/math/asinhf.c src/math/asinhl.c \
	src/math/asinl.c src/math/atan.c src/math/atan2.c src/math/atan2f.c src/math/atan2l.c \
	src/math/atanf.c src/math/atanh.c src/math/atanhf.c src/math/atanhl.c src/math/atanl.c \
	src/math/cbrt.c src/math/cbrtf.c src/math/cbrtl.c src/math/ceil.c src/math/ceilf.c \
	src/math/ceill.c src/math/copysign.c src/math/copysignf.c src/math/copysignl.c src/math/cos.c \
	src/math/cosf.c src/math/cosh.c src/math/coshf.c src/math/coshl.c src/math/cosl.c \
	src/math/erf.c src/math/erff.c src/math/erfl.c src/math/exp.c src/math/exp10.c \
	src/math/exp10f.c src/math/exp10l.c src/math/exp2.c src/math/exp2f.c src/math/exp2f_data.c \
	src/math/exp2l.c src/math/exp_data.c src/math/expf.c src/math/expl.c src/math/expm1.c \
	src/math/expm1f.c src/math/expm1l.c src/math/fabs.c src/math/fabsf.c src/math/fabsl.c \
	src/math/fdim.c src/math/fdimf.c src/math/fdiml.c src/math/finite.c src/math/finitef.c \
	src/math/floor.c src/math/floorf.c src/math/floorl.c src/math/fma.c src/math/fmaf.c \
	src/math/fmal.c src/math/fmax.c src/math/fmaxf.c src/math/fmaxl.c src/math/fmin.c \
	src/math/fminf.c src/math/fminl.c src/math/fmod.c src/math/fmodf.c src/math/fmodl.c \
	src/math/frexp.c src/math/frexpf.c src/math/frexpl.c src/math/hypot.c src/math/hypotf.c \
	src/math/hypotl.c src/math/ilogb.c src/math/ilogbf.c src/math/ilogbl.c src/math/j0.c \
	src/math/j0f.c src/math/j1.c src/math/j1f.c src/math/jn.c src/math/jnf.c \
	src/math/ldexp.c src/math/ldexpf.c src/math/ldexpl.c src/math/lgamma.c src/math/lgamma_r.c \
	src/math/lgammaf.c src/math/lgammaf_r.c src/math/lgammal.c src/math/llrint.c src/math/llrintf.c \
	src/math/llrintl.c src/math/llround.c src/math/llroundf.c src/math/llroundl.c src/math/log.c \
	src/math/log10.c src/math/log10f.c src/math/log10l.c src/math/log1p.c src/math/log1pf.c \
	src/math/log1pl.c src/math/log2.c src/math/log2_data.c src/math/log2f.c src/math/log2f_data.c \
	src/math/log2l.c src/math/log_data.c src/math/logb.c src/math/logbf.c src/math/logbl.c \
	src/math/logf.c src/math/logf_data.c src/math/logl.c src/math/lrint.c src/math/lrintf.c \
	src/math/lrintl.c src/math/lround.c src/math/lroundf.c src/math/lroundl.c src/math/modf.c \
	src/math/modff.c src/math/modfl.c src/math/nan.c src/math/nanf.c src/math/nanl.c \
	src/math/nearbyint.c src/math/nearbyintf.c src/math/nearbyintl.c src/math/nextafter.c src/math/nextafterf.c \
	src/math/nextafterl.c src/math/nexttoward.c src/math/nexttowardf.c src/math/nexttowardl.c src/math/pow.c \
	src/math/pow_data.c src/math/powf.c src/math/powf_data.c src/math/powl.c src/math/remainder.c \
	src/math/remainderf.c src/math/remainderl.c src/math/remquo.c src/math/remquof.c src/math/remquol.c \
	src/math/rint.c src/math/rintf.c src/math/rintl.c src/math/round.c src/math/roundf.c \
	src/math/roundl.c src/math/scalb.c src/math/scalbf.c src/math/scalbln.c src/math/scalblnf.c \
	src/math/scalblnl.c src/math/scalbn.c src/math/scalbnf.c src/math/scalbnl.c src/math/signgam.c \
	src/math/significand.c src/math/significandf.c src/math/sin.c src/math/sincos.c src/math/sincosf.c \
	src/math/sincosl.c src/math/sinf.c src/math/sinh.c src/math/sinhf.c src/math/sinhl.c \
	src/math/sinl.c src/math/sqrt.c src/math/sqrt_data.c src/math/sqrtf.c src/math/sqrtl.c \
	src/math/tan.c src/math/tanf.c src/math/tanh.c src/math/tanhf.c src/math/tanhl.c \
	src/math/tanl.c src/math/tgamma.c src/math/tgammaf.c src/math/tgammal.c src/math/trunc.c \
	src/math/truncf.c src/math/truncl.c
LIBM_FPU = y
# -ffp-contract=off -frounding-math -fexcess-precision=standard: the
# floating-point semantics musl's configure asks for, which its code assumes.
# The -Wno-* flags silence the warnings musl's style triggers under -Wall
# -Wextra (musl builds without them); nothing else is hidden.
LIBM_CFLAGS = \
	-include libm-compat.h \
	-ffp-contract=off -frounding-math -fexcess-precision=standard \
	-Wno-unused-but-set-variable -Wno-parentheses -Wno-unused-parameter \
	-Wno-unknown-pragmas -Wno-maybe-uninitialized -Wno-sign-compare
# compat/ (Kiln's): what musl's own build gives src/math (hidden, weak_alias,
# endian.h, fenv.h, features.h); see compat/libm-compat.h, which -include
# finds through these directories. src/internal: libm.h; arch/generic:
# fp_arch.h (x86_64 has no fp_arch.h of its own).
LIBM_INCLUDES = $(LIBM_PKGDIR)/compat src/internal arch/generic
# math.h is the runtime's (runtime/include/math.h); nothing to install.
LIBM_INSTALL_HEADERS =
$(eval $(kiln-package))
