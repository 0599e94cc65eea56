# Kiln boot shim: the guest sources every Solo5-ABI platform (hvt, spt)
# shares, relative to boot/common. Each platform's fragment
# (boot/<platform>/<platform>.mk) includes this one and compiles these into
# its own archive, libkiln-boot-<platform>.a.
#
# mft_default.c and elf_notes.c stay separate units: the linker script pulls
# them from the archive by name (EXTERN), and an application's own manifest
# (scripts/gen-manifest) replaces mft_default.o's.

BOOT_COMMON_SOURCES = \
	boot_main.c \
	cmdline.c \
	elf_notes.c \
	exit.c \
	log.c \
	mft.c \
	mft_default.c \
	ssp.c \
	tls.c

# Flags for every boot shim unit, on top of the wrapper's:
#  -mstack-protector-guard=global  the canary is __stack_chk_guard, which
#      works before TLS exists (the wrapper should use it everywhere too);
#  -fno-tree-loop-distribute-patterns  no memcpy/memset calls made up by
#      gcc: the shim does not depend on the runtime.
# (-mgeneral-regs-only is added by the infrastructure: no SSE in the shim.)
BOOT_COMMON_CFLAGS = -mstack-protector-guard=global \
	-fno-tree-loop-distribute-patterns
