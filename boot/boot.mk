# The configured platform's boot shim (boot/<platform>/, sharing
# boot/common/), built as libkiln-boot-<platform>.a, and how `make run`
# boots an image on that platform.

KILN_PLATFORM_PREFIX := BOOT_$(call kiln-uppercase,$(KILN_PLATFORM))
include $(KILN_TOP)/boot/$(KILN_PLATFORM)/$(KILN_PLATFORM).mk

$(KILN_PLATFORM_PREFIX)_SRCDIR := $(KILN_TOP)/boot/$(KILN_PLATFORM)
$(KILN_PLATFORM_PREFIX)_LIBNAME := kiln-boot-$(KILN_PLATFORM)
$(KILN_PLATFORM_PREFIX)_INCLUDES += $(KILN_TOP)/boot/common
$(KILN_PLATFORM_PREFIX)_CFLAGS += -ffreestanding -Wall -Wextra \
	-DKILN_STACK_SIZE=$(KILN_RUNTIME_STACK_SIZE)*1024UL
$(eval $(call kiln-local-library-inner,boot-$(KILN_PLATFORM),$(KILN_PLATFORM_PREFIX)))

KILN_RUNTIME_LIBS := $(RUNTIME_LIB) $($(KILN_PLATFORM_PREFIX)_LIB) $(if $(KILN_PACKAGE_LIBM),$(LIBM_LIB))

# make run: the selected application's image under the platform's tender.
# ARGS="..." on the command line replaces the configured arguments.
KILN_RUN_ARGS = $(if $(filter command line,$(origin ARGS)),$(ARGS),$(call qstrip,$(KILN_APP_ARGS)))
KILN_RUN_TENDER = $(HOST_BIN)/kiln-$(KILN_PLATFORM)
KILN_RUN_DEPS = $(KILN_RUN_TENDER)
KILN_RUN_TENDER_CMD = $(KILN_RUN_TENDER) --mem=$(KILN_RUN_MEM) $(KILN_APP_RUN_TENDER_ARGS) $(KILN_IMAGE) $(KILN_RUN_ARGS)
# A platform's <PREFIX>_RUN_WRAPPER, if it has one, goes before the tender.
KILN_RUN_CMD = $($(KILN_PLATFORM_PREFIX)_RUN_WRAPPER) $(KILN_RUN_TENDER_CMD)
