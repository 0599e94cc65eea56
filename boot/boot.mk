# The configured platform's boot shim (boot/<platform>/, sharing
# boot/common/), built as libkiln-boot-<platform>.a, and how `make run`
# boots an image on that platform.
#
# boot/<platform>/<platform>.mk declares, with BOOT_<PLATFORM>_ names:
#   _SOURCES, _CFLAGS, _LDSCRIPT   the shim (see boot/common/README.md)
#   _RUN_CMD       the command make run runs (kiln-tender-command helps;
#                  $(kiln-run-net) goes right before the tender: it checks
#                  make net-up's tap where the image has a net device)
#   _RUN_DEPS      what that command needs built first (a tender, say)
#   _RUN_NESTED_CMD  optional: make run-nested, for platforms that need KVM
#   _POST_LINK     optional: a command run on the linked image, $(1)
#   _GDB_CMD       optional: the command make gdb runs (kiln-gdb-command helps)
# This file and the generic infrastructure name no platform.

KILN_PLATFORM_PREFIX := BOOT_$(call kiln-uppercase,$(KILN_PLATFORM))
include $(KILN_TOP)/boot/$(KILN_PLATFORM)/$(KILN_PLATFORM).mk

$(KILN_PLATFORM_PREFIX)_SRCDIR := $(KILN_TOP)/boot/$(KILN_PLATFORM)
$(KILN_PLATFORM_PREFIX)_LIBNAME := kiln-boot-$(KILN_PLATFORM)
# Objects one level down (build/boot-hvt/hvt/), so that the sources the
# platform shares (../common/, ../<arch>/) get objects of its own
# (build/boot-hvt/common/), compiled with its flags: two platforms built
# in turn in one output folder never share an object.
$(KILN_PLATFORM_PREFIX)_OBJ_BASE := $(BUILD_DIR)/boot-$(KILN_PLATFORM)/$(KILN_PLATFORM)
$(KILN_PLATFORM_PREFIX)_INCLUDES += $(KILN_TOP)/boot/common $(KILN_TOP)/boot/$(KILN_ARCH)
$(KILN_PLATFORM_PREFIX)_CFLAGS += -ffreestanding -Wall -Wextra \
	-DKILN_STACK_SIZE=$(KILN_RUNTIME_STACK_SIZE)*1024UL
$(eval $(call kiln-local-library-inner,boot-$(KILN_PLATFORM),$(KILN_PLATFORM_PREFIX)))

KILN_RUNTIME_LIBS := $(RUNTIME_LIB) $($(KILN_PLATFORM_PREFIX)_LIB) $(if $(KILN_PACKAGE_LIBM),$(LIBM_LIB))

# make run's arguments: ARGS="..." on the command line replaces the
# configured ones.
# An application with a net device first gets its address on make
# net-up's network (its _RUN_NET_ARGS, package/pkg-net.mk).
KILN_RUN_ARGS = $(KILN_APP_RUN_NET_ARGS) $(if $(filter command line,$(origin ARGS)),$(ARGS),$(call qstrip,$(KILN_APP_ARGS)))

# $(call kiln-tender-command,<tender>): a tender's command line for the
# image: Solo5's options (--mem=, the application's --block:/--net:), the
# image, the arguments.
kiln-tender-command = $(1) --mem=$(KILN_RUN_MEM) $(KILN_APP_RUN_TENDER_ARGS) $(KILN_IMAGE) $(KILN_RUN_ARGS)

# $(call kiln-gdb-command,<how>,<launch command>): make gdb's command:
# scripts/kiln-gdb boots the image with the launch command (make run's),
# gdb attached the way <how> says (process, unix or tcp, and their
# options; see the script), stopped at main, the image's /kiln and
# /kiln-output mapped back to this tree and output folder.
# GDB_ARGS="..." adds gdb arguments (-batch -x FILE, say).
kiln-gdb-command = $(KILN_TOP)/scripts/kiln-gdb --how=$(1) --image=$(KILN_IMAGE) \
	--tree=$(KILN_TOP) --output=$(O) $(if $(GDB_ARGS),--gdb-args='$(GDB_ARGS)') -- $(2)

# make run's command goes through scripts/kiln-symbolize, which resolves
# the backtraces of a guest fault or abort (boot/common/backtrace.c) to
# function and file:line from the image's debug information.
KILN_SYMBOLIZE = $(KILN_TOP)/scripts/kiln-symbolize --image=$(KILN_IMAGE) \
	--tree=$(KILN_TOP) --output=$(O) --

KILN_RUN_CMD = $($(KILN_PLATFORM_PREFIX)_RUN_CMD)
KILN_GDB_CMD = $($(KILN_PLATFORM_PREFIX)_GDB_CMD)
KILN_RUN_DEPS = $($(KILN_PLATFORM_PREFIX)_RUN_DEPS)
KILN_RUN_NESTED_CMD = $($(KILN_PLATFORM_PREFIX)_RUN_NESTED_CMD)
KILN_POST_LINK = $($(KILN_PLATFORM_PREFIX)_POST_LINK)
