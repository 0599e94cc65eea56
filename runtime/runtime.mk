# Kiln runtime: the list of sources of the C library, relative to runtime/src.
#
# RUNTIME_SOURCES      compiled with the shared target flags plus -mgeneral-regs-only
#                      (no SSE/x87: the emulating KVM of some hosts cannot run it).
#                      The flag does not bind assembly: string/x86_64/*.S use
#                      SSE2/AVX2, unless RUNTIME_STRING_GENERAL_REGS leaves
#                      them out (below).
# RUNTIME_FPU_SOURCES  units that need floating point (double in the interface or body).
# RUNTIME_CFLAGS       extra flags for every runtime unit (not for applications).
#
# Other parts of the runtime add to these lists in their own fragment,
# runtime/src/<dir>/<name>.mk, included at the end of this file.
#
# Per-architecture sources (musl's convention): the lists name the portable
# file, <dir>/<name>.c; where runtime/src/<dir>/$(KILN_ARCH)/<name>.c or .S
# exists, it is compiled instead (setjmp/x86_64/setjmp.S; the SSE2, AVX2
# and AVX-512 string functions in string/x86_64/). A file that exists only
# for one architecture is listed under its own path. With
# RUNTIME_STRING_GENERAL_REGS (runtime/Config.in: no vector unit),
# <dir>/$(KILN_ARCH)/general-regs/, where it exists, is searched instead of
# <dir>/$(KILN_ARCH)/ (string/x86_64/general-regs/ holds the rep movsq/stosq
# memcpy, memmove and memset); the other functions of that <dir> are then
# the portable ones. KILN_ARCH comes from the configuration
# (package/pkg-target.mk) or, for the host tests, from runtime/tests/Makefile.

KILN_TOP ?= $(abspath $(dir $(lastword $(MAKEFILE_LIST)))/..)

# __KILN_RUNTIME_BUILD: the runtime defines the functions that the public
# headers wrap (fortify), so the wrappers must stay out of its own units.
# -fno-tree-loop-distribute-patterns: stop gcc from turning the byte loops
# of memset/memcpy & co. into calls to themselves.
RUNTIME_CFLAGS = -D__KILN_RUNTIME_BUILD -fno-tree-loop-distribute-patterns

RUNTIME_SOURCES = \
	assert/__assert_fail.c \
	ctype/isalnum.c \
	ctype/isalpha.c \
	ctype/isascii.c \
	ctype/isblank.c \
	ctype/iscntrl.c \
	ctype/isdigit.c \
	ctype/isgraph.c \
	ctype/islower.c \
	ctype/isprint.c \
	ctype/ispunct.c \
	ctype/isspace.c \
	ctype/isupper.c \
	ctype/isxdigit.c \
	ctype/toascii.c \
	ctype/tolower.c \
	ctype/toupper.c \
	env/__libc_heap.c \
	env/__libc_start.c \
	errno/errno.c \
	exit/_Exit.c \
	exit/abort.c \
	exit/atexit.c \
	exit/exit.c \
	exit/quick_exit.c \
	fortify/chk_fail.c \
	fortify/memcpy_chk.c \
	fortify/strcat_chk.c \
	fortify/strcpy_chk.c \
	internal/intscan.c \
	internal/libc_fatal.c \
	locale/localeconv.c \
	locale/setlocale.c \
	malloc/aligned_alloc.c \
	malloc/calloc.c \
	malloc/memalign.c \
	malloc/posix_memalign.c \
	malloc/reallocarray.c \
	malloc/stats.c \
	malloc/tlsf.c \
	setjmp/setjmp.c \
	signal/raise.c \
	signal/signal.c \
	stdlib/abs.c \
	stdlib/atoi.c \
	stdlib/bsearch.c \
	stdlib/div.c \
	stdlib/getenv.c \
	stdlib/mbtowc.c \
	stdlib/qsort.c \
	stdlib/rand.c \
	stdlib/rand_r.c \
	stdlib/strtoimax.c \
	stdlib/strtol.c \
	stdlib/system.c \
	string/explicit_bzero.c \
	string/memccpy.c \
	string/memchr.c \
	string/memcmp.c \
	string/memcpy.c \
	string/memmem.c \
	string/memmove.c \
	string/mempcpy.c \
	string/memrchr.c \
	string/memset.c \
	string/stpcpy.c \
	string/stpncpy.c \
	string/strcasestr.c \
	string/strcat.c \
	string/strchr.c \
	string/strchrnul.c \
	string/strcmp.c \
	string/strcoll.c \
	string/strcpy.c \
	string/strcspn.c \
	string/strdup.c \
	string/strerror.c \
	string/strlcat.c \
	string/strlcpy.c \
	string/strlen.c \
	string/strncat.c \
	string/strncmp.c \
	string/strncpy.c \
	string/strndup.c \
	string/strnlen.c \
	string/strpbrk.c \
	string/strrchr.c \
	string/strsep.c \
	string/strsignal.c \
	string/strspn.c \
	string/strstr.c \
	string/strtok.c \
	string/strtok_r.c \
	string/strxfrm.c \
	strings/bcmp.c \
	strings/bcopy.c \
	strings/bzero.c \
	strings/ffs.c \
	strings/index.c \
	strings/strcasecmp.c \
	strings/strncasecmp.c \
	time/asctime.c \
	time/calendar.c \
	time/clock.c \
	time/clock_gettime.c \
	time/gettimeofday.c \
	time/gmtime.c \
	time/localtime.c \
	time/mktime.c \
	time/strftime.c \
	time/time.c \
	time/tzset.c \

# Units that use floating point.
RUNTIME_FPU_SOURCES = \
	time/difftime.c \

# The fragments of the other runtime parts (stdio, strtod, ...).
include $(sort $(wildcard $(KILN_TOP)/runtime/src/*/*.mk))

# Per-architecture replacements (see the top of this file). $(1): a source
# of a list; the result: the file to compile for it.
RUNTIME_SRCDIR := $(KILN_TOP)/runtime/src
runtime-arch-dir = $(if $(KILN_RUNTIME_STRING_GENERAL_REGS),$(if $(wildcard \
	$(RUNTIME_SRCDIR)/$(1)$(KILN_ARCH)/general-regs/.),$(KILN_ARCH)/general-regs,$(KILN_ARCH)),$(KILN_ARCH))
runtime-arch-source = $(or $(patsubst $(RUNTIME_SRCDIR)/%,%,$(firstword $(wildcard \
	$(addprefix $(RUNTIME_SRCDIR)/$(dir $(1))$(call runtime-arch-dir,$(dir $(1)))/$(basename $(notdir $(1))),.S .c)))),$(1))
ifneq ($(strip $(KILN_ARCH)),)
RUNTIME_SOURCES := $(foreach s,$(RUNTIME_SOURCES),$(call runtime-arch-source,$(s)))
RUNTIME_FPU_SOURCES := $(foreach s,$(RUNTIME_FPU_SOURCES),$(call runtime-arch-source,$(s)))
endif
