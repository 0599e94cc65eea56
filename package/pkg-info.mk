# What is selected, and the verbs that describe it: source, lock,
# legal-info, show-info, graph-depends, compile-commands. Read after every
# package's .mk.

$(foreach p,$(KILN_PACKAGES),$(eval $(call kiln-package-finalize,$(call kiln-uppercase,$(p)))))
$(foreach a,$(KILN_APPLICATIONS),$(eval $(call kiln-application-finalize,$(call kiln-uppercase,$(a)))))

# The application: the one whose KILN_APP_<NAME> is set.
KILN_APP := $(strip $(foreach a,$(KILN_APPLICATIONS),$(if $(filter y,$(KILN_APP_$(call kiln-uppercase,$(a)))),$(a))))
ifeq ($(words $(KILN_APP)),0)
$(error No application is selected, or its package (package/<app>/<app>.mk) is missing; run make menuconfig (Application))
endif
KILN_APP_PREFIX := $(call kiln-uppercase,$(KILN_APP))
KILN_IMAGE := $($(KILN_APP_PREFIX)_IMAGE)
# The application's first net device (service0 of net:service0), if it
# has one and its _RUN_ARGS attach none: make run attaches make net-up's
# tap to it, gives the application its _RUN_NET_ARGS, and runs the tender
# through kiln-net run, which checks the tap first (kiln-run-net).
KILN_APP_NET_DEVICE := $(strip $(if $(filter --net:%,$($(KILN_APP_PREFIX)_RUN_ARGS)),,\
	$(patsubst net:%,%,$(firstword $(filter net:%,$($(KILN_APP_PREFIX)_DEVICES))))))
KILN_APP_RUN_TENDER_ARGS = $($(KILN_APP_PREFIX)_RUN_ARGS) \
	$(if $(KILN_APP_NET_DEVICE),--net:$(KILN_APP_NET_DEVICE)=$(call kiln-shell-quote,$(KILN_NET_TAP)))
KILN_APP_RUN_NET_ARGS = $(if $(KILN_APP_NET_DEVICE),$($(KILN_APP_PREFIX)_RUN_NET_ARGS))
kiln-run-net = $(if $(KILN_APP_NET_DEVICE),$(KILN_NET_SCRIPT) run $(KILN_NET_OPTIONS) \
	--guest=$(call kiln-shell-quote,$(KILN_NET_GUEST)) --)

# Packages: those the configuration selects, and what they need.
KILN_SELECTED_PACKAGES := $(call kiln-deps-closure,\
	$(foreach p,$(KILN_PACKAGES),$(if $(filter y,$(KILN_PACKAGE_$(call kiln-uppercase,$(p)))),$(p))) \
	$($(KILN_APP_PREFIX)_LINK_PACKAGES))

# Kconfig is the truth about what is built: every package that the
# application or a selected package lists in its _DEPENDENCIES must be set
# in .config (by a `select` in the Config.in of what needs it), or .config,
# make menuconfig and what the image links would disagree. Not checked in
# a make that will first refresh .config from changed menus (a `select`
# just added): make reads everything again after that.
kiln-config-symbol = $(if $(filter application,$($(1)_KIND)),APP,PACKAGE)_$(1)
define kiln-unselected-error
$(error $($(1)_NAME) needs $(2) ($(1)_DEPENDENCIES), but .config does not select it ($(KILN_CONFIG) has no KILN_PACKAGE_$(call kiln-uppercase,$(2))=y).$(KILN_NEWLINE)Add `select PACKAGE_$(call kiln-uppercase,$(2))` to `config $(call kiln-config-symbol,$(1))` in $($(1)_PKGDIR)/Config.in, then run make again)
endef
ifeq ($(shell find $(KILN_KCONFIG_FILES) -newer $(KILN_CONFIG) -print -quit 2>/dev/null),)
$(foreach p,$(KILN_APP_PREFIX) $(foreach p,$(KILN_PACKAGES),$(if $(filter y,$(KILN_PACKAGE_$(call kiln-uppercase,$(p)))),$(call kiln-uppercase,$(p)))),\
	$(foreach d,$($(p)_DEPENDENCIES),$(if $(filter y,$(KILN_PACKAGE_$(call kiln-uppercase,$(d)))),,$(call kiln-unselected-error,$(p),$(d)))))
endif

# Every selected package's archive in the download cache: afterwards the
# build needs no network.
source: $(foreach p,$(KILN_SELECTED_PACKAGES),$(p)-source)

# The components compiled for this configuration, for compile-commands.
KILN_SELECTED_COMPONENTS := RUNTIME $(KILN_PLATFORM_PREFIX) \
	$(foreach p,$(KILN_SELECTED_PACKAGES),$(if $(filter package,$($(call kiln-uppercase,$(p))_KIND)),$(call kiln-uppercase,$(p)))) \
	$(KILN_APP_PREFIX)

# --- make lock ---------------------------------------------------------------
# $(O)/kiln.lock: every selected package with its version, archive, URLs,
# SHA-256 (from its hash files), license and the SHA-256 of each patch.
KILN_LOCK := $(O)/kiln.lock
lock: $(foreach p,$(KILN_SELECTED_PACKAGES),$(p)-source)
	$(call kiln-step-msg,GEN,$(KILN_LOCK))
	$(Q){ \
	echo "# Kiln lock file: the packages of $(KILN_CONFIG)"; \
	echo "# application $(KILN_APP), platform $(KILN_PLATFORM), Kiln $(KILN_VERSION)"; \
	$(foreach p,$(KILN_SELECTED_PACKAGES),$(call kiln-lock-entry,$(p),$(call kiln-uppercase,$(p)))) \
	} >$(KILN_LOCK).tmp && mv $(KILN_LOCK).tmp $(KILN_LOCK)
	@echo "kiln: wrote $(KILN_LOCK)"

# $(1) name, $(2) PREFIX: the shell commands printing one lock entry.
kiln-lock-entry = \
	echo; echo "[$(1)]"; \
	echo "version = $($(2)_VERSION)"; \
	echo "source = $(notdir $($(2)_ARCHIVE))"; \
	echo "urls = $(if $(filter $($(2)_SOURCE),$(notdir $($(2)_ARCHIVE))),$($(2)_URLS),$(call kiln-pkg-alt-urls,$(notdir $($(2)_ARCHIVE))))"; \
	printf 'sha256 = %s\n' "$$(awk '$$1 == "sha256" && $$3 == "$(notdir $($(2)_ARCHIVE))" { print $$2; exit }' $($(2)_HASH_FILES))"; \
	$(if $($(2)_ALT_SOURCES),echo "upstream_source = $($(2)_SOURCE)"; echo "alternative_sources = $($(2)_ALT_SOURCES)";) \
	echo "license = $($(2)_LICENSE)"; \
	echo "license_files = $($(2)_LICENSE_FILES)"; \
	echo "dependencies = $($(2)_DEPENDENCIES)"; \
	$(foreach f,$($(2)_PATCHES),printf 'patch = %s sha256:%s\n' "$(patsubst $(KILN_TOP)/%,%,$(f))" "$$(sha256sum $(f) | cut -d' ' -f1)";)

# --- make legal-info ---------------------------------------------------------
# $(O)/legal-info: manifest.csv, each package's license files and its
# archive, and the patches applied to it.
KILN_LEGAL_DIR := $(O)/legal-info
legal-info: $(foreach p,$(KILN_SELECTED_PACKAGES),$(p)-patch)
	$(call kiln-step-msg,GEN,$(KILN_LEGAL_DIR))
	$(Q)rm -rf $(KILN_LEGAL_DIR) && mkdir -p $(KILN_LEGAL_DIR)/licenses $(KILN_LEGAL_DIR)/sources
	$(Q)echo '"PACKAGE","VERSION","LICENSE","LICENSE FILES","SOURCE ARCHIVE","SOURCE SITE"' >$(KILN_LEGAL_DIR)/manifest.csv
	$(Q)$(foreach p,$(KILN_SELECTED_PACKAGES),$(call kiln-legal-entry,$(p),$(call kiln-uppercase,$(p)))) :
	@echo "kiln: license texts and sources in $(KILN_LEGAL_DIR)"

# The site of the archive used: the package's own site for the upstream
# archive (Buildroot's convention, whichever mirror served it); for an
# alternative archive, which only mirrors have, the mirrors that were asked
# for it, in order (as make lock's urls).
kiln-legal-site = $(strip $(if $(filter $($(1)_SOURCE),$(notdir $($(1)_ARCHIVE))),$($(1)_SITE),\
	$(patsubst %/$(notdir $($(1)_ARCHIVE)),%,$(call kiln-pkg-alt-urls,$(notdir $($(1)_ARCHIVE))))))

kiln-legal-entry = \
	echo '"$(1)","$($(2)_VERSION)","$($(2)_LICENSE)","$($(2)_LICENSE_FILES)","$(notdir $($(2)_ARCHIVE))","$(call kiln-legal-site,$(2))"' >>$(KILN_LEGAL_DIR)/manifest.csv && \
	$(if $($(2)_LICENSE_FILES),,echo "kiln: warning: $(1) lists no $(2)_LICENSE_FILES" >&2 &&) \
	mkdir -p $(KILN_LEGAL_DIR)/licenses/$(1)-$($(2)_VERSION) $(KILN_LEGAL_DIR)/sources/$(1)-$($(2)_VERSION) && \
	$(foreach f,$($(2)_LICENSE_FILES),cp $($(2)_SRCDIR)/$(f) $(KILN_LEGAL_DIR)/licenses/$(1)-$($(2)_VERSION)/$(subst /,_,$(f)) &&) \
	cp $($(2)_ARCHIVE) $($(2)_PATCHES) $(KILN_LEGAL_DIR)/sources/$(1)-$($(2)_VERSION)/ &&

# --- make show-info ----------------------------------------------------------
# JSON on stdout: every selected package and the application.
kiln-json-list = [$(subst $(kiln-space),$(kiln-comma),$(foreach w,$(1),"$(w)"))]
kiln-comma := ,
kiln-json-entry = "$(1)": {"kind": "$($(2)_KIND)", "version": "$($(2)_VERSION)", \
	"source": "$($(2)_SOURCE)", "alternative_sources": $(call kiln-json-list,$($(2)_ALT_SOURCES)), \
	"site": "$($(2)_SITE)", "urls": $(call kiln-json-list,$($(2)_URLS)), \
	"license": "$($(2)_LICENSE)", "license_files": $(call kiln-json-list,$($(2)_LICENSE_FILES)), \
	"dependencies": $(call kiln-json-list,$($(2)_DEPENDENCIES)), \
	"patches": $(call kiln-json-list,$(notdir $($(2)_PATCHES))), \
	"sources": $(words $($(2)_SOURCES) $($(2)_FPU_SOURCES))}
show-info:
	@printf '%s\n' $(call kiln-shell-quote,{$(subst } ",}$(kiln-comma) ",$(strip \
		$(foreach p,$(KILN_SELECTED_PACKAGES) $(KILN_APP),$(call kiln-json-entry,$(p),$(call kiln-uppercase,$(p))) )))})

# --- make printvars VARS='A B' -----------------------------------------------
# One "NAME=value" line per variable, expanded, for scripts (scripts/watch
# reads KILN_RUN_CMD so that it can report the image's own exit status).
printvars:
	@:$(foreach v,$(VARS),$(info $(v)=$($(v))))
	$(if $(VARS),,$(error printvars: name the variables, e.g. make printvars VARS=KILN_RUN_CMD))

# --- make graph-depends ------------------------------------------------------
KILN_GRAPH := $(O)/graphs/graph-depends.dot
graph-depends:
	$(call kiln-mkdir-now,$(dir $(KILN_GRAPH)))
	$(file >$(KILN_GRAPH),$(kiln-graph-dot))
	@echo "kiln: wrote $(KILN_GRAPH)"
	$(Q)if command -v dot >/dev/null; then \
		dot -Tsvg -o $(KILN_GRAPH:.dot=.svg) $(KILN_GRAPH) && dot -Tpng -o $(KILN_GRAPH:.dot=.png) $(KILN_GRAPH) && \
		echo "kiln: wrote $(KILN_GRAPH:.dot=.svg) and $(KILN_GRAPH:.dot=.png)"; \
	else echo "kiln: install graphviz for SVG/PNG (apt-get install graphviz)"; fi

define kiln-graph-dot
digraph kiln {
  rankdir = LR;
  node [shape = box, fontname = "sans"];
  "$(KILN_APP)" [style = filled, fillcolor = "#f0c674"];
$(foreach p,$(KILN_APP) $(KILN_SELECTED_PACKAGES),$(foreach d,$($(call kiln-uppercase,$(p))_DEPENDENCIES),  "$(p)" -> "$(d)";$(kiln-newline)))$(foreach p,$(KILN_APP) $(KILN_SELECTED_PACKAGES),  "$(p)" -> "runtime";$(kiln-newline))  "runtime" -> "boot-$(KILN_PLATFORM)";
}
endef

# --- make compile-commands ---------------------------------------------------
# $(O)/compile_commands.json for clangd: every object of this configuration,
# with the flags the wrapper adds spelled out (clangd cannot see through it).
# Make writes the list of objects and their flags as a shell fragment, and
# scripts/gen-compile-commands has the shell read the flags as the compile
# recipes' shell does: the JSON holds the arguments gcc really received,
# but for -fdirectives-only, which changes no meaning (it only lets a distcc
# helper compile what was preprocessed here) and which clang does not know:
# clangd would stop at it on every file, those outside the tree's .clangd too.
KILN_COMPILE_COMMANDS := $(O)/compile_commands.json
KILN_COMPILE_COMMANDS_LIST := $(BUILD_DIR)/compile-commands.sh
kiln-cc-src = $(firstword $(wildcard $(patsubst $($(2)_OBJDIR)/%.o,$($(2)_SRCDIR_ABS)/%.c,$(1)) $(patsubst $($(2)_OBJDIR)/%.o,$($(2)_SRCDIR_ABS)/%.S,$(1))) $(patsubst $($(2)_OBJDIR)/%.o,$($(2)_SRCDIR_ABS)/%.c,$(1)))
# $(1) PREFIX, $(2) its objects of one kind, $(3) their flags.
kiln-cc-list-objects = $(if $(2),flags $(3)$(kiln-newline)$(foreach o,$(2),object \
	$(call kiln-shell-quote,$(o)) $(call kiln-shell-quote,$(call kiln-cc-src,$(o),$(1)))$(kiln-newline)))
define kiln-cc-list
compiler $(call kiln-shell-quote,$(TARGET_GCC)) $(call kiln-shell-quote,$(strip $(TARGET_CFLAGS) $(filter-out -fdirectives-only,$(TARGET_CODE_CFLAGS))))
$(foreach c,$(KILN_SELECTED_COMPONENTS),$(call kiln-cc-list-objects,$(c),$($(c)_NOFPU_OBJS),$(KILN_NOFPU_CFLAGS) $($(c)_OBJ_CFLAGS))$(call kiln-cc-list-objects,$(c),$($(c)_FPU_OBJS),$($(c)_OBJ_CFLAGS)))
endef
compile-commands: $(foreach c,$(KILN_SELECTED_COMPONENTS),$($(c)_TREE_STAMP))
	$(call kiln-mkdir-now,$(BUILD_DIR))
	$(file >$(KILN_COMPILE_COMMANDS_LIST),$(kiln-cc-list))
	$(Q)$(KILN_TOP)/scripts/gen-compile-commands $(O) $(KILN_COMPILE_COMMANDS_LIST) >$(KILN_COMPILE_COMMANDS).tmp && \
		mv $(KILN_COMPILE_COMMANDS).tmp $(KILN_COMPILE_COMMANDS)
	@echo "kiln: wrote $(KILN_COMPILE_COMMANDS) ($(words $(foreach c,$(KILN_SELECTED_COMPONENTS),$($(c)_OBJS))) files)"

# Object folders of local components, made on demand.
$(sort $(filter-out $(STAGING_DIR)/lib $(STAGING_DIR)/include $(IMAGES_DIR),$(KILN_OBJ_DIRS))):
	@mkdir -p $@

.PHONY: source lock legal-info show-info printvars graph-depends compile-commands
