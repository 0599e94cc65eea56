################################################################################
# lz4: the LZ4 compression library (liblz4.a): block, HC and frame formats
################################################################################
LZ4_VERSION = 1.9.4
LZ4_SOURCE = lz4-$(LZ4_VERSION).tar.gz
# GitHub serves the tag's archive under any file name below this directory.
LZ4_SITE = https://github.com/lz4/lz4/archive/v$(LZ4_VERSION)
# The library is BSD-2-Clause; the command-line programs (not built) are GPL.
LZ4_LICENSE = BSD-2-Clause
LZ4_LICENSE_FILES = lib/LICENSE
# lz4file.c wraps stdio FILEs, which a unikernel does not have; it is left out.
LZ4_SOURCES = lib/lz4.c lib/lz4hc.c lib/lz4frame.c lib/xxhash.c
# Integer code only: it stays with -mgeneral-regs-only, like the runtime core.
LZ4_FPU =
# Compression state on the heap rather than in a 16 KiB stack frame: the
# unikernel's stack is small.
LZ4_CFLAGS = -DLZ4_HEAPMODE=1 -DLZ4F_HEAPMODE=1
LZ4_INCLUDES = lib
LZ4_INSTALL_HEADERS = lib/lz4.h lib/lz4hc.h lib/lz4frame.h
$(eval $(kiln-package))
