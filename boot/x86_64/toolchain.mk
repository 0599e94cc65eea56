# x86_64: the toolchain that builds target objects, and the flags every
# target object gets on this architecture (package/pkg-target.mk adds the
# architecture-independent ones). An architecture is boot/<arch>/: this
# file, the guest code its platforms share, and a Kconfig ARCH_ choice.
#
# The host's own gcc and binutils: Debian's x86_64 compiler emits freestanding
# x86_64 code given the flags below. A cross toolchain would set the prefix
# (aarch64-linux-gnu-, say).
KILN_ARCH_CROSS_COMPILE :=

# No red zone: the shim's exception handlers run on the interrupted stack,
# and a leaf function's red zone below rsp would be overwritten. The small
# code model: images are linked below 2 GiB.
KILN_ARCH_CFLAGS := -mno-red-zone -mcmodel=small
