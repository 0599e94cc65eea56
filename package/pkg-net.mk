# make run's network: make net-up and make net-down (scripts/kiln-net) set
# up and remove the tap through which the host reaches a unikernel that has
# a net device; make run attaches the image's first net device to it and
# gives the application its address.
#
# The settings come from the command line, else .config ("make run:
# network" under Target, boot/Config.in), else their defaults. They are
# read here even where no configuration is (make net-down after make
# distclean), which is why this file reads .config's lines itself.

# $(call kiln-net-setting,NAME,DEFAULT)
kiln-net-setting = $(or $(call qstrip,$($(1))),$(call qstrip,$(shell sed -n 's/^$(1)=//p' '$(KILN_CONFIG)' 2>/dev/null)),$(2))
KILN_NET_TAP := $(call kiln-net-setting,KILN_RUN_NET_TAP,kiln0)
KILN_NET_HOST := $(call kiln-net-setting,KILN_RUN_NET_HOST_ADDR,10.0.0.1/24)
KILN_NET_GUEST := $(call kiln-net-setting,KILN_RUN_NET_GUEST_ADDR,10.0.0.2)
# The unikernel's address with the host's prefix: 10.0.0.2/24.
KILN_NET_GUEST_CIDR := $(KILN_NET_GUEST)/$(lastword $(subst /, ,$(KILN_NET_HOST)))

KILN_NET_SCRIPT := $(KILN_TOP)/scripts/kiln-net
KILN_NET_OPTIONS := --tap=$(call kiln-shell-quote,$(KILN_NET_TAP)) --host=$(call kiln-shell-quote,$(KILN_NET_HOST))

# make net-up: as root (sudo make net-up), the tap owned by the user sudo
# ran it for, who then needs no root for make run.
net-up:
	$(Q)$(KILN_NET_SCRIPT) up $(KILN_NET_OPTIONS)
net-down:
	$(Q)$(KILN_NET_SCRIPT) down $(KILN_NET_OPTIONS)
net-status:
	$(Q)$(KILN_NET_SCRIPT) status $(KILN_NET_OPTIONS)
.PHONY: net-up net-down net-status
