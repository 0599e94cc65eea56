# kiln-hvt, the KVM tender (relative to boot/hvt/tender). Linked with the
# common sources of boot/tender/tender.mk; host flags plus
# -DKILN_HOST -I boot/include -I boot/tender.
KILN_HVT_SOURCES = \
	boot_info.c \
	gdb_remote.c \
	hypercall.c \
	kvm.c \
	main.c \
	memory.c \
	module_block.c \
	module_clock.c \
	module_console.c \
	module_core.c \
	module_gdb.c \
	module_net.c \
	net_ring.c \
	net_ring_thread.c \
	paging_x86_64.c \
	run.c \
	seccomp.c \
	vcpu_x86_64.c
KILN_HVT_LDLIBS = -lseccomp -pthread
