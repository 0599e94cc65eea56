# Kiln runtime: strtod and family (included by runtime/runtime.mk).
# The decimal/hex-to-binary core is integer-only, so it builds with the
# general-register-only flags; the wrappers return floating-point values.
RUNTIME_SOURCES += \
	internal/floatscan.c \
	internal/floatscan_decimal.c \
	internal/floatscan_round.c

RUNTIME_FPU_SOURCES += \
	stdlib/atof.c \
	stdlib/strtod.c \
	stdlib/strtof.c \
	stdlib/strtold.c
