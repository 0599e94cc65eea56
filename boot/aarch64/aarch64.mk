# Kiln boot shim: the aarch64 guest sources platforms share, relative to
# boot/aarch64 (as boot/x86_64/x86_64.mk). A platform's fragment includes
# this file and adds the lists it needs with $(addprefix ../aarch64/,...):
#
#   BOOT_AARCH64_SOURCES     every aarch64 platform: kiln_entropy64
#                            (kiln/entropy.h) and TLS (variant I, arch.h)
#   BOOT_AARCH64_EL1_SOURCES platforms whose guest runs at EL1 with its own
#                            vectors and page tables (virtio's virt board):
#                            the exception vectors and their report, the
#                            MMU, the generic timer (aarch64.h)
#
# The include path of every platform's shim has boot/aarch64 (boot/boot.mk),
# for arch.h, aarch64.h and cpu.h.

BOOT_AARCH64_SOURCES = \
	entropy.c \
	tls.c

BOOT_AARCH64_EL1_SOURCES = \
	generic_timer.c \
	mmu.c \
	trap.c \
	vectors.S

# Before the MMU is on, memory is Device memory, where unaligned accesses
# fault: the shim must make none (mmu.c).
BOOT_AARCH64_CFLAGS = -mstrict-align
