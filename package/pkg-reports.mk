# Reports: make size and make graph-size on the image (scripts/size-report,
# from the map the linker writes beside the application's objects), make
# graph-build on the build (scripts/build-time-report). Read after
# pkg-info.mk, which names the image.

KILN_SIZE_REPORT := $(KILN_TOP)/scripts/size-report
KILN_IMAGE_MAP := $($(KILN_APP_PREFIX)_LINK_MAP)
# Which archive is whose: the runtime's, the boot shim's, each package's.
kiln-comma := ,
KILN_SIZE_COMPONENTS := --component runtime=$(RUNTIME_LIB) \
	--component boot-$(KILN_PLATFORM)=$($(KILN_PLATFORM_PREFIX)_LIB) \
	$(if $(KILN_PACKAGE_LIBM),--component libm=$(LIBM_LIB)) \
	$(foreach p,$($(KILN_APP_PREFIX)_LINK_PACKAGES),--component \
		$(p)=$(subst $(kiln-space),$(kiln-comma),$(strip $($(call kiln-uppercase,$(p))_LINK))))

size: $(KILN_IMAGE)
	$(Q)$(KILN_SIZE_REPORT) $(KILN_IMAGE) $(KILN_IMAGE_MAP) $(BUILD_DIR) $(KILN_SIZE_COMPONENTS) \
		$(if $(KILN_SIZE_TOP),--top $(KILN_SIZE_TOP))

graph-size: $(KILN_IMAGE)
	$(call kiln-mkdir-now,$(O)/graphs)
	$(Q)$(KILN_SIZE_REPORT) $(KILN_IMAGE) $(KILN_IMAGE_MAP) $(BUILD_DIR) $(KILN_SIZE_COMPONENTS) \
		$(if $(KILN_SIZE_TOP),--top $(KILN_SIZE_TOP)) --svg $(O)/graphs/graph-size.svg

.PHONY: size graph-size

# make graph-build: where the build's time went, from the start each step
# recorded (kiln-time-mark, package/pkg-utils.mk) and its target's time.
KILN_BUILD_TIME_REPORT := $(KILN_TOP)/scripts/build-time-report
graph-build:
	$(call kiln-mkdir-now,$(O)/graphs)
	$(Q)$(KILN_BUILD_TIME_REPORT) $(O) --svg $(O)/graphs/graph-build.svg

.PHONY: graph-build
