# Host side: the host compiler, host programs (tenders, the downloader), and
# the check that the host has the tools the build needs.

HOSTCC ?= gcc
include $(KILN_TOP)/package/pkg-ccache.mk
HOST_CFLAGS ?= -O2 -g
# KILN_DISTRIBUTABLE_CFLAGS: so that a host object compiled on a distcc
# helper is the local one (package/pkg-distcc.mk).
HOST_CFLAGS_ALL = -std=gnu11 -pipe $(KILN_DISTRIBUTABLE_CFLAGS) -Wall -Wextra -D_GNU_SOURCE $(HOST_CFLAGS)

# Host tools a build needs, and the Debian package that has each.
KILN_HOST_TOOLS := gcc:gcc ar:binutils objcopy:binutils tar:tar patch:patch \
	gzip:gzip bzip2:bzip2 xz:xz-utils kconfig-conf:kconfig-frontends \
	curl-config:libcurl4-openssl-dev pkg-config:pkg-config \
	python3:python3 addr2line:binutils
KILN_HOST_HEADERS := seccomp.h:libseccomp-dev linux/kvm.h:linux-libc-dev curl/curl.h:libcurl4-openssl-dev \
	openssl/evp.h:libssl-dev

# Checked once per output directory; scripts/check-host names what is
# missing and the command that installs it.
KILN_HOST_CHECKED := $(HOST_DIR)/.host-tools-ok
$(KILN_HOST_CHECKED): $(KILN_TOP)/scripts/check-host
	$(Q)$(KILN_TOP)/scripts/check-host $(KILN_HOST_TOOLS) -- $(KILN_HOST_HEADERS)
	$(Q)mkdir -p $(@D) && touch $@

# Distributed compiles (distcc, icecc): after the check above, which runs
# distcc's own.
include $(KILN_TOP)/package/pkg-distcc.mk

# kiln-host-objects: compile host sources.
#   $(1): object folder name under $(BUILD_DIR), $(2): source folder,
#   $(3): variable prefix. Reads PREFIX_SOURCES (relative to $(2)) and
#   PREFIX_CFLAGS; defines PREFIX_OBJS. The dependency file is named
#   (-MF): distcc would write it to the current folder, named after the source.
define kiln-host-objects
$(3)_OBJS := $$(addprefix $(BUILD_DIR)/$(1)/,$$($(3)_SOURCES:.c=.o))
$$($(3)_OBJS): $(BUILD_DIR)/$(1)/%.o: $(2)/%.c | $(KILN_HOST_CHECKED)
	$$(call kiln-msg,HOSTCC,$$@)
	@mkdir -p $$(@D)
	$(Q)$(KILN_CC_LAUNCHER) $(HOSTCC) $(HOST_CFLAGS_ALL) -DKILN_HOST -I$(KILN_TOP)/boot/include -I$(KILN_TOP)/boot/tender -I$(2) \
		$$($(3)_CFLAGS) -MMD -MP -MT $$@ -MF $$(@:.o=.d) -c -o $$@ $$<
-include $$($(3)_OBJS:.o=.d)
endef

# kiln-host-program: a host program. $(1): its name, $(2): source folder,
# $(3): variable prefix (PREFIX_SOURCES, _CFLAGS, _LDFLAGS, _LDLIBS, and
# _EXTRA_OBJS: objects compiled elsewhere). Builds $(HOST_BIN)/$(1).
define kiln-host-program
$$(eval $$(call kiln-host-objects,host-$(1),$(2),$(3)))
$(3)_BIN := $(HOST_BIN)/$(1)
KILN_HOST_PROGRAMS += $(HOST_BIN)/$(1)
$(HOST_BIN)/$(1): $$($(3)_OBJS) $$($(3)_EXTRA_OBJS)
	$$(call kiln-msg,HOSTLD,$$@)
	@mkdir -p $$(@D)
	$(Q)$(HOSTCC) $(HOST_CFLAGS_ALL) $$($(3)_LDFLAGS) -o $$@ $$^ $$($(3)_LDLIBS)
endef
