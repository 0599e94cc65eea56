# Host programs: the tenders (boot/hvt/tender, boot/spt/tender, sharing
# boot/tender) and the downloader (scripts/dl). Their source lists are in
# the .mk fragment beside their sources.

# Shared tender code, compiled once as position-independent code (kiln-spt
# is a PIE: it must sit above the guest's memory).
KILN_TENDER_COMMON_CFLAGS += -fPIE -DKILN_VERSION='"$(KILN_VERSION)"'
$(eval $(call kiln-host-objects,host-tender-common,$(KILN_TOP)/boot/tender,KILN_TENDER_COMMON))

KILN_HVT_EXTRA_OBJS = $(KILN_TENDER_COMMON_OBJS)
KILN_HVT_LDLIBS += $(KILN_TENDER_COMMON_LDLIBS)
$(eval $(call kiln-host-program,kiln-hvt,$(KILN_TOP)/boot/hvt/tender,KILN_HVT))

KILN_SPT_EXTRA_OBJS = $(KILN_TENDER_COMMON_OBJS)
KILN_SPT_LDLIBS += $(KILN_TENDER_COMMON_LDLIBS)
$(eval $(call kiln-host-program,kiln-spt,$(KILN_TOP)/boot/spt/tender,KILN_SPT))

$(eval $(call kiln-host-program,kiln-dl,$(KILN_TOP)/scripts/dl,KILN_DL))

host-tools: $(KILN_HOST_PROGRAMS)
.PHONY: host-tools
