# Kiln runtime: <stdio.h>. Included by runtime/runtime.mk.
#
# The variadic front ends that may receive a double (printf, fprintf,
# sprintf, snprintf, asprintf) are FPU units: a -mgeneral-regs-only
# prologue does not save the XMM argument registers, so va_arg(double)
# would read garbage. fmt_float.c and scan_float.c are the only units
# that touch a floating-point value.

RUNTIME_SOURCES += \
	stdio/console.c \
	stdio/ferror.c \
	stdio/fgetc.c \
	stdio/files.c \
	stdio/flockfile.c \
	stdio/fmt_decimal.c \
	stdio/fmt_fp.c \
	stdio/format.c \
	stdio/fputc.c \
	stdio/fputs.c \
	stdio/fwrite.c \
	stdio/perror.c \
	stdio/scanf.c \
	stdio/vasprintf.c \
	stdio/vfprintf.c \
	stdio/vsnprintf.c \
	stdio/vsscanf.c

RUNTIME_FPU_SOURCES += \
	stdio/asprintf.c \
	stdio/fmt_float.c \
	stdio/fprintf.c \
	stdio/printf.c \
	stdio/scan_float.c \
	stdio/snprintf.c \
	stdio/sprintf.c
