# Kiln runtime: the list of sources of the C library, relative to runtime/src.
#
# RUNTIME_SOURCES      compiled with the shared target flags plus -mgeneral-regs-only
#                      (no SSE/x87: the emulating KVM of some hosts cannot run it).
# RUNTIME_FPU_SOURCES  units that need floating point (double in the interface or body).
# RUNTIME_CFLAGS       extra flags for every runtime unit (not for applications).
#
# Other parts of the runtime add to these lists in their own fragment,
# runtime/src/<dir>/<name>.mk, included at the end of this file.

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
	malloc/tlsf.c \
	setjmp/setjmp.S \
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
