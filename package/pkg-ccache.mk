# The compiler cache: ccache in front of every target and host compile,
# never a link. On with KILN_USE_CCACHE (Build options) or KILN_CCACHE=1
# given to make (on its command line or in the environment; KILN_CCACHE=0
# turns it off whatever the configuration says). The cache is ccache's own
# (CCACHE_DIR, by default ~/.cache/ccache), shared by every output folder.
#
# The key holds the compiler's content (CCACHE_COMPILERCHECK=content: an
# upgraded gcc never hits objects of the old one). Paths under the tree are
# made relative (CCACHE_BASEDIR=$(KILN_TOP)), so hits survive moving the
# tree; a source of the tree hits from any output folder too (the output
# folder's include path is not in ccache's preprocessed key when nothing
# is included from it), while a package's source, extracted into the
# output folder, hits from the same folder or one at the same place in
# another tree. The wrappers name the object in the dependency file (-MT)
# themselves, as ccache's relative paths would otherwise write a name make
# does not know.
KILN_CCACHE_ON := $(if $(filter 1 y yes,$(KILN_CCACHE)),y,$(if $(filter 0 n no,$(KILN_CCACHE)),,$(KILN_USE_CCACHE)))
KILN_CCACHE_BIN ?= ccache
KILN_CC_LAUNCHER := $(if $(KILN_CCACHE_ON),$(KILN_CCACHE_BIN))

ifneq ($(KILN_CCACHE_ON),)
export CCACHE_BASEDIR := $(KILN_TOP)
export CCACHE_COMPILERCHECK := content
# A miss is compiled from the text ccache preprocessed for its key, with
# -fdirectives-only kept (package/pkg-distcc.mk): ccache up to 4.11 drops
# that flag otherwise, and distcc under ccache (CCACHE_PREFIX) would then
# ship text whose objects differ from the local ones. So a local miss and
# a distributed one make the same object, and share one cache. (Newer
# ccache passes the flag on and ignores this setting.)
export CCACHE_NOCPP2 := 1
endif

# What the cache holds and how often it hit (the counters are ccache's:
# every user of the cache, every output folder).
ccache-stats:
	$(Q)command -v $(KILN_CCACHE_BIN) >/dev/null 2>&1 || \
		{ echo "kiln: ccache-stats: no $(KILN_CCACHE_BIN) on PATH (Debian package ccache; sudo ./scripts/setup)" >&2; exit 1; }
	@echo "kiln: the compiler cache in $$($(KILN_CCACHE_BIN) --get-config cache_dir)"
	$(Q)$(KILN_CCACHE_BIN) --show-stats $(if $(V),--verbose)
.PHONY: ccache-stats
