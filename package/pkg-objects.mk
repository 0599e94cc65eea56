# Compiling a component's sources inside the one make graph.
#
# Every target object in Kiln — runtime, boot shim, packages, applications —
# is made by the rules this file writes, through the compiler wrapper, so
# `make -j` runs across components, a touched file rebuilds only its object,
# and `make compile-commands` can list every command.
#
# kiln-objects, called as $(eval $(call kiln-objects,NAME,PREFIX,SRCDIR,OBJDIR)),
# reads:
#   PREFIX_SOURCES      sources (.c, .S) relative to SRCDIR. Unless PREFIX_FPU
#                       is y they are compiled with -mgeneral-regs-only: no SSE
#                       or x87 (the boot shim and the runtime core must run on
#                       KVMs that cannot emulate SSE).
#   PREFIX_FPU_SOURCES  sources that may use floating point
#   PREFIX_FPU          y: every source may use floating point
#   PREFIX_CFLAGS       extra flags for this component's objects only
#   PREFIX_INCLUDES     include directories, relative to SRCDIR or absolute
#   PREFIX_PREREQS      what must exist before any object is compiled
#                       (e.g. the dependencies' installed headers)
#   PREFIX_TREE_STAMP   for sources extracted from an archive: the stamp that
#                       says the tree is ready. Every object depends on it, so
#                       a tree extracted and patched again (a changed patch or
#                       hash file) recompiles all of them in the same make: its
#                       files keep the archive's old times, and an object
#                       newer than them proves nothing. OBJDIR must then be
#                       outside the tree, which extraction replaces whole.
# and defines PREFIX_OBJS (all objects) and the rules. A change to the
# component's flags rebuilds its objects and nothing else: the flags are kept
# in OBJDIR/.kiln-flags, rewritten only when they change.
#
# The compiler writes an object (and its .d) under a temporary name, renamed
# when whole: a make killed mid-compile (kill -9, which .DELETE_ON_ERROR
# cannot act on) leaves no half-written object the next make would trust.

KILN_NOFPU_CFLAGS := -mgeneral-regs-only

# Objects of a source list: $(1) list, $(2) object dir.
kiln-objs-of = $(addprefix $(2)/,$(addsuffix .o,$(basename $(1))))

define kiln-objects
$(2)_SRCDIR_ABS := $(3)
$(2)_OBJDIR := $(4)
$(2)_NOFPU_OBJS := $$(call kiln-objs-of,$$(if $$(filter y,$$($(2)_FPU)),,$$($(2)_SOURCES)),$(4))
$(2)_FPU_OBJS := $$(call kiln-objs-of,$$(if $$(filter y,$$($(2)_FPU)),$$($(2)_SOURCES)) $$($(2)_FPU_SOURCES),$(4))
$(2)_OBJS := $$($(2)_NOFPU_OBJS) $$($(2)_FPU_OBJS)
$(2)_OBJ_DIRS := $$(sort $$(patsubst %/,%,$$(dir $$($(2)_OBJS))))
$(2)_FLAGS_FILE := $(4)/.kiln-flags
$(2)_INCLUDE_DIRS := $$(call kiln-abs-dirs,$$($(2)_INCLUDES),$(3))
$(2)_OBJ_CFLAGS := $$(strip $$($(2)_CFLAGS) $$(addprefix -I,$$($(2)_INCLUDE_DIRS)))

$$($(2)_NOFPU_OBJS): private KILN_OBJ_CFLAGS := $(KILN_NOFPU_CFLAGS) $$($(2)_OBJ_CFLAGS)
$$($(2)_FPU_OBJS): private KILN_OBJ_CFLAGS := $$($(2)_OBJ_CFLAGS)
$$($(2)_NOFPU_OBJS): private KILN_OBJ_NOFPU_OF := $(2)

$$(filter $$(call kiln-objs-of,$$(filter %.c,$$($(2)_SOURCES) $$($(2)_FPU_SOURCES)),$(4)),$$($(2)_OBJS)): \
		$(4)/%.o: $(3)/%.c $$($(2)_FLAGS_FILE) $(TARGET_CC) $$($(2)_PREREQS) $$($(2)_TREE_STAMP) | $$($(2)_OBJ_DIRS)
	$$(call kiln-msg,CC,$$@)
	$(Q)$$(kiln-compile-object)

$$(filter $$(call kiln-objs-of,$$(filter %.S,$$($(2)_SOURCES) $$($(2)_FPU_SOURCES)),$(4)),$$($(2)_OBJS)): \
		$(4)/%.o: $(3)/%.S $$($(2)_FLAGS_FILE) $(TARGET_CC) $$($(2)_PREREQS) $$($(2)_TREE_STAMP) | $$($(2)_OBJ_DIRS)
	$$(call kiln-msg,AS,$$@)
	$(Q)$$(kiln-compile-object)

$$(eval $$(call kiln-generated-file,$$($(2)_FLAGS_FILE),$(2)_OBJ_CFLAGS))
$$($(2)_FLAGS_FILE): | $(4)

KILN_OBJ_DIRS += $$($(2)_OBJ_DIRS) $(4)
-include $$($(2)_OBJS:.o=.d)
endef

# The recipe line compiling $< into $@ (a .c or .S), with its .d beside it
# (named by -MT and -MF, else they would name the temporary file). The .d
# is renamed first: a make killed between the two renames leaves the object
# as it was (older than what made make compile it, so compiled again),
# never a new object beside the old list of its headers.
kiln-compile-object = $(TARGET_CC) $(KILN_OBJ_CFLAGS) -MMD -MP -MT $@ -MF $@.d.tmp -c -o $@.tmp $< $(kiln-nofpu-hint) && \
	mv -f $@.d.tmp $(@:.o=.d) && mv -f $@.tmp $@

# On a failed compile without SSE, scripts/explain-nofpu-error names the
# _FPU variable to set when floating point was the cause.
kiln-nofpu-hint = $(if $(KILN_OBJ_NOFPU_OF),|| { $(KILN_TOP)/scripts/explain-nofpu-error \
	$(KILN_OBJ_NOFPU_OF) $< $(TARGET_CC) $(KILN_OBJ_CFLAGS); exit 1; })

# kiln-archive: PREFIX_OBJS into a static library. $(1) PREFIX, $(2) archive.
define kiln-archive
$(1)_LIB := $(2)
$(2): $$($(1)_OBJS) | $(STAGING_DIR)/lib
	$$(call kiln-msg,AR,$$@)
	$(Q)rm -f $$@ && $(TARGET_AR) rcD $$@ $$($(1)_OBJS)
endef

# Object directories, made once each (order-only prerequisites).
$(STAGING_DIR)/lib $(STAGING_DIR)/include $(IMAGES_DIR):
	@mkdir -p $@
