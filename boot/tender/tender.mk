# Host code shared by kiln-hvt and kiln-spt (relative to boot/tender).
# Compiled for the host with -DKILN_HOST -I boot/include -I boot/tender.
KILN_TENDER_COMMON_SOURCES = \
	args.c \
	cmdline.c \
	dev_block.c \
	dev_net.c \
	dev_option.c \
	diag.c \
	elf.c \
	elf_note.c \
	mft.c \
	module.c \
	sandbox.c \
	syscall_names.c
# Both tenders link libseccomp (sandbox.c).
KILN_TENDER_COMMON_LDLIBS = -lseccomp
