# Distributed compiles: a launcher that ships compiles to other machines
# (distcc; icecc for icecream) in front of every target and host compile,
# never a link. On with KILN_USE_DISTCC (Build options, the launcher in
# KILN_DISTCC_LAUNCHER) or KILN_DISTCC given to make (on its command line or
# in the environment):
#
#   KILN_DISTCC=1        the configured launcher (distcc if none is)
#   KILN_DISTCC=icecc    that launcher: a command on PATH, or a path
#   KILN_DISTCC=0        off, whatever the configuration says
#
# The helpers are the launcher's own business: DISTCC_HOSTS or
# ~/.distcc/hosts for distcc, the scheduler for icecream. make -jN, N the
# helpers' cores and this machine's together, then spreads the one make
# graph over them.
#
# Only the compile proper leaves this machine: distcc's plain mode
# preprocesses here and sends the result (its pump mode, which sends
# headers instead, is kept off below), so a helper needs the compiler and
# nothing of Kiln's. The helpers' objects are the local ones byte for
# byte (KILN_DISTRIBUTABLE_CFLAGS, below). When ccache is on too it stays
# in front: a hit never reaches the network, a miss runs the launcher
# (CCACHE_PREFIX), so turning distcc on or off with ccache on rebuilds
# nothing; without ccache the launcher is part of the compiler wrapper,
# and turning it on or off compiles every object once more.

# A compile shipped to a helper is preprocessed here and compiled there
# from the preprocessed text. -fdirectives-only (in every compile that makes
# code, shipped or not: TARGET_CODE_CFLAGS, HOST_CFLAGS_ALL) keeps that text
# as the source was, macros unexpanded: they expand in the compile, on the
# helper as here. Expanded here, they would move the columns of the tokens
# after them, and with them the debug information's columns and line
# table: the helper's objects would differ from the local ones. A local
# compile is the same with or without it, but for the switches gcc records
# in the debug information. One consequence: __DATE__ and __TIME__ expand
# on the helper, by its clock (SOURCE_DATE_EPOCH does not travel), so
# -Wdate-time names every use; no source of Kiln's has one.
KILN_DISTRIBUTABLE_CFLAGS := -fdirectives-only -Wdate-time

KILN_DISTCC_CONFIGURED := $(call qstrip,$(KILN_DISTCC_LAUNCHER))
KILN_DISTCC_BIN := $(strip \
	$(if $(filter 0 n no,$(KILN_DISTCC)),, \
	$(if $(filter 1 y yes,$(KILN_DISTCC)),$(or $(KILN_DISTCC_CONFIGURED),distcc), \
	$(if $(KILN_DISTCC),$(KILN_DISTCC), \
	$(if $(KILN_USE_DISTCC),$(or $(KILN_DISTCC_CONFIGURED),distcc))))))

ifneq ($(KILN_DISTCC_BIN),)
ifneq ($(KILN_CCACHE_ON),)
export CCACHE_PREFIX := $(KILN_DISTCC_BIN)
else
KILN_CC_LAUNCHER := $(KILN_DISTCC_BIN)
endif
# `pump make` sets this; distcc would then preprocess on the helpers.
unexport INCLUDE_SERVER_PORT

# The launcher is looked for once a build, before the first compile: the
# wrapper could only say it cannot run it.
KILN_DISTCC_PACKAGE = $(or $(filter distcc icecc,$(notdir $(firstword $(KILN_DISTCC_BIN)))),distcc or icecc)
$(KILN_HOST_CHECKED): | kiln-distcc-check
kiln-distcc-check:
	$(Q)command -v $(firstword $(KILN_DISTCC_BIN)) >/dev/null 2>&1 || \
		{ echo "kiln: distributed compiles are on (KILN_DISTCC or KILN_USE_DISTCC), but $(firstword $(KILN_DISTCC_BIN)) is not on PATH: install it (Debian package $(KILN_DISTCC_PACKAGE)) or turn them off with KILN_DISTCC=0" >&2; exit 1; }
.PHONY: kiln-distcc-check
endif

# The helpers distcc would send compiles to, as it reads them.
distcc-hosts:
	$(Q)command -v distcc >/dev/null 2>&1 || \
		{ echo "kiln: distcc-hosts: no distcc on PATH (Debian package distcc; sudo ./scripts/setup)" >&2; exit 1; }
	$(Q)distcc --show-hosts
.PHONY: distcc-hosts
