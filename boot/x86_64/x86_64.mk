# Kiln boot shim: the x86_64 guest sources platforms share, relative to
# boot/x86_64. A platform's fragment includes this file and adds the lists
# it needs with $(addprefix ../x86_64/,...):
#
#   BOOT_X86_64_SOURCES     every x86_64 platform (hvt, spt, virtio):
#                           kiln_entropy64 (kiln/entropy.h), which the
#                           common stack-protector code uses, and TLS
#                           (variant II, the layout arch.h describes)
#   BOOT_X86_64_VM_SOURCES  platforms whose guest runs in ring 0 with
#                           descriptor tables of its own (hvt, virtio): the
#                           GDT, IDT and TSS, and the trap handler. Their
#                           linker script must define the symbols
#                           cpu_tables.S names (see hvt.lds).
#
# The include path of every platform's shim has boot/x86_64 (boot/boot.mk),
# for cpu.h (unprivileged instructions) and cpu_sys.h (privileged ones).

BOOT_X86_64_SOURCES = \
	entropy.c \
	tls.c

BOOT_X86_64_VM_SOURCES = \
	cpu_tables.S \
	trap.c
