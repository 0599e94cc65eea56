# Host programs: each platform's tender (boot/<platform>/tender/, sharing
# boot/tender/) and the downloader (scripts/dl). Their source lists are in
# the .mk fragment beside their sources. Every platform that has a tender
# folder gets kiln-<platform>, whichever platform is configured: the tests
# and `make host-tools` use them all.

# Shared tender code, compiled once as position-independent code (kiln-spt
# is a PIE: it must sit above the guest's memory).
KILN_TENDER_COMMON_CFLAGS += -fPIE -DKILN_VERSION='"$(KILN_VERSION)"'
$(eval $(call kiln-host-objects,host-tender-common,$(KILN_TOP)/boot/tender,KILN_TENDER_COMMON))

KILN_TENDER_PLATFORMS := $(patsubst $(KILN_TOP)/boot/%/tender/tender.mk,%,\
	$(wildcard $(KILN_TOP)/boot/*/tender/tender.mk))

# $(1) platform, $(2) its variable prefix (KILN_HVT for kiln-hvt).
define kiln-tender-program
include $(KILN_TOP)/boot/$(1)/tender/tender.mk
$(2)_EXTRA_OBJS = $$(KILN_TENDER_COMMON_OBJS)
$(2)_LDLIBS += $$(KILN_TENDER_COMMON_LDLIBS)
$$(eval $$(call kiln-host-program,kiln-$(1),$(KILN_TOP)/boot/$(1)/tender,$(2)))
endef
$(foreach p,$(KILN_TENDER_PLATFORMS),$(eval $(call kiln-tender-program,$(p),KILN_$(call kiln-uppercase,$(p)))))

$(eval $(call kiln-host-program,kiln-dl,$(KILN_TOP)/scripts/dl,KILN_DL))

host-tools: $(KILN_HOST_PROGRAMS)
.PHONY: host-tools
