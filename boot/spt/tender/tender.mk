# kiln-spt, the seccomp tender (relative to boot/spt/tender). Linked with
# the common sources of boot/tender/tender.mk; host flags plus
# -DKILN_HOST -I boot/include -I boot/tender.
KILN_SPT_SOURCES = \
	boot_info.c \
	faults.c \
	launch.c \
	main.c \
	memory.c \
	module_block.c \
	module_clock.c \
	module_console.c \
	module_core.c \
	module_net.c
KILN_SPT_CFLAGS = -fPIE
KILN_SPT_LDFLAGS = -pie
KILN_SPT_LDLIBS = -lseccomp
