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
#                       says the tree is ready (objects go into the tree);
#                       otherwise the object directories are created
# and defines PREFIX_OBJS (all objects) and the rules. A change to the
# component's flags rebuilds its objects and nothing else: the flags are kept
# in OBJDIR/.kiln-flags, rewritten only when they change.

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
$(2)_ORDER_PREREQS := $$(or $$($(2)_TREE_STAMP),$$($(2)_OBJ_DIRS))
$(2)_INCLUDE_DIRS := $$(call kiln-abs-dirs,$$($(2)_INCLUDES),$(3))
$(2)_OBJ_CFLAGS := $$(strip $$($(2)_CFLAGS) $$(addprefix -I,$$($(2)_INCLUDE_DIRS)))

$$($(2)_NOFPU_OBJS): private KILN_OBJ_CFLAGS := $(KILN_NOFPU_CFLAGS) $$($(2)_OBJ_CFLAGS)
$$($(2)_FPU_OBJS): private KILN_OBJ_CFLAGS := $$($(2)_OBJ_CFLAGS)

$$(filter $$(call kiln-objs-of,$$(filter %.c,$$($(2)_SOURCES) $$($(2)_FPU_SOURCES)),$(4)),$$($(2)_OBJS)): \
		$(4)/%.o: $(3)/%.c $$($(2)_FLAGS_FILE) $(TARGET_CC) $$($(2)_PREREQS) | $$($(2)_ORDER_PREREQS)
	$$(call kiln-msg,CC,$$@)
	$(Q)$(TARGET_CC) $$(KILN_OBJ_CFLAGS) -MMD -MP -c -o $$@ $$<

$$(filter $$(call kiln-objs-of,$$(filter %.S,$$($(2)_SOURCES) $$($(2)_FPU_SOURCES)),$(4)),$$($(2)_OBJS)): \
		$(4)/%.o: $(3)/%.S $$($(2)_FLAGS_FILE) $(TARGET_CC) $$($(2)_PREREQS) | $$($(2)_ORDER_PREREQS)
	$$(call kiln-msg,AS,$$@)
	$(Q)$(TARGET_CC) $$(KILN_OBJ_CFLAGS) -MMD -MP -c -o $$@ $$<

$$(eval $$(call kiln-generated-file,$$($(2)_FLAGS_FILE),$(2)_OBJ_CFLAGS))
# (In an extracted tree: written after extraction, which replaces the tree.)
$$($(2)_FLAGS_FILE): | $$(or $$($(2)_TREE_STAMP),$(4))

KILN_OBJ_DIRS += $$(if $$($(2)_TREE_STAMP),,$$($(2)_OBJ_DIRS) $(4))
-include $$($(2)_OBJS:.o=.d)
endef

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
