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
KILN_APP_RUN_TENDER_ARGS = $($(KILN_APP_PREFIX)_RUN_ARGS)

# Packages: those the configuration selects, and what they need.
KILN_SELECTED_PACKAGES := $(call kiln-deps-closure,\
	$(foreach p,$(KILN_PACKAGES),$(if $(filter y,$(KILN_PACKAGE_$(call kiln-uppercase,$(p)))),$(p))) \
	$($(KILN_APP_PREFIX)_LINK_PACKAGES))

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

kiln-legal-entry = \
	echo '"$(1)","$($(2)_VERSION)","$($(2)_LICENSE)","$($(2)_LICENSE_FILES)","$(notdir $($(2)_ARCHIVE))","$($(2)_SITE)"' >>$(KILN_LEGAL_DIR)/manifest.csv && \
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
KILN_COMPILE_COMMANDS := $(O)/compile_commands.json
kiln-cc-entry = {"directory": "$(O)", "file": "$(2)", "output": "$(1)", \
	"arguments": [$(subst $(kiln-space),$(kiln-comma),$(foreach a,gcc $(TARGET_CFLAGS) $(3) -c -o $(1) $(2),"$(subst ",\",$(a))"))]}
kiln-cc-src = $(firstword $(wildcard $(patsubst $($(2)_OBJDIR)/%.o,$($(2)_SRCDIR_ABS)/%.c,$(1)) $(patsubst $($(2)_OBJDIR)/%.o,$($(2)_SRCDIR_ABS)/%.S,$(1))) $(patsubst $($(2)_OBJDIR)/%.o,$($(2)_SRCDIR_ABS)/%.c,$(1)))
compile-commands: $(foreach c,$(KILN_SELECTED_COMPONENTS),$($(c)_TREE_STAMP))
	$(file >$(KILN_COMPILE_COMMANDS),[$(subst } {,}$(kiln-comma)$(kiln-newline){,$(strip $(foreach c,$(KILN_SELECTED_COMPONENTS),\
		$(foreach o,$($(c)_NOFPU_OBJS),$(call kiln-cc-entry,$(o),$(call kiln-cc-src,$(o),$(c)),$(KILN_NOFPU_CFLAGS) $($(c)_OBJ_CFLAGS))) \
		$(foreach o,$($(c)_FPU_OBJS),$(call kiln-cc-entry,$(o),$(call kiln-cc-src,$(o),$(c)),$($(c)_OBJ_CFLAGS))))))])
	@echo "kiln: wrote $(KILN_COMPILE_COMMANDS) ($(words $(foreach c,$(KILN_SELECTED_COMPONENTS),$($(c)_OBJS))) files)"

# Object folders of local components, made on demand.
$(sort $(filter-out $(STAGING_DIR)/lib $(STAGING_DIR)/include $(IMAGES_DIR),$(KILN_OBJ_DIRS))):
	@mkdir -p $@

.PHONY: source lock legal-info show-info graph-depends compile-commands
