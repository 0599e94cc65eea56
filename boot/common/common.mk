# Kiln boot shim: the guest sources every Solo5-ABI platform (hvt, spt)
# shares, relative to boot/common. Each platform's fragment
# (boot/<platform>/<platform>.mk) includes this one and compiles these into
# its own archive, libkiln-boot-<platform>.a. It gives them what they ask of
# the platform: the platform_* hooks of boot.h and devices.h (block and net
# I/O), and -DKILN_ABI_TARGET=... -DKILN_ABI_VERSION=... for abi_note.c.
#
# mft_default.c and elf_notes.c stay separate units: the linker script pulls
# them from the archive by name (EXTERN), and an application's own manifest
# (scripts/gen-manifest) replaces mft_default.o's.

BOOT_COMMON_SOURCES = \
	abi_note.c \
	backtrace.c \
	block.c \
	boot_main.c \
	cmdline.c \
	elf_notes.c \
	exit.c \
	log.c \
	mft.c \
	mft_default.c \
	net.c \
	ssp.c \
	stack_note.c \
	wall_clock.c

# Flags for every boot shim unit, on top of the wrapper's:
#  -mstack-protector-guard=global  the canary is __stack_chk_guard, which
#      works before TLS exists (the wrapper should use it everywhere too);
#  -fno-tree-loop-distribute-patterns  no memcpy/memset calls made up by
#      gcc: the shim does not depend on the runtime.
# (-mgeneral-regs-only is added by the infrastructure: no SSE in the shim.)
BOOT_COMMON_CFLAGS = -mstack-protector-guard=global \
	-fno-tree-loop-distribute-patterns
