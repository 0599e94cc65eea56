# aarch64: the toolchain that builds target objects, and the flags every
# target object gets on this architecture (package/pkg-target.mk adds the
# architecture-independent ones; see boot/x86_64/toolchain.mk).
#
# Debian's cross compiler (gcc-aarch64-linux-gnu, ./scripts/setup), used
# freestanding like the host's on x86_64: -nostdinc, -nostdlib and Kiln's
# own headers and libraries come from pkg-target.mk. Code that must stay
# off the FP/SIMD registers gets -mgeneral-regs-only, as on x86_64
# (KILN_NOFPU_CFLAGS, package/pkg-objects.mk): gcc spells it the same for
# both architectures.
KILN_ARCH_CROSS_COMPILE := aarch64-linux-gnu-

# The small code model (the default; images are linked in the low 4 GiB).
# No outline atomics: Debian's gcc otherwise turns atomic operations into
# calls to libgcc helpers that pick LSE or LL/SC from the Linux auxiliary
# vector, which a unikernel does not have. No return-address signing or
# branch targets: the boot shim would have to enable them per exception
# level first.
KILN_ARCH_CFLAGS := -mcmodel=small -mno-outline-atomics -mbranch-protection=none
