# Helpers used by every part of the build: names, strings, quiet output.

# UPPERCASE: lua-script -> LUA_SCRIPT (package names to variable prefixes).
kiln-uppercase = $(subst -,_,$(subst a,A,$(subst b,B,$(subst c,C,$(subst d,D,$(subst e,E,$(subst f,F,$(subst g,G,$(subst h,H,$(subst i,I,$(subst j,J,$(subst k,K,$(subst l,L,$(subst m,M,$(subst n,N,$(subst o,O,$(subst p,P,$(subst q,Q,$(subst r,R,$(subst s,S,$(subst t,T,$(subst u,U,$(subst v,V,$(subst w,W,$(subst x,X,$(subst y,Y,$(subst z,Z,$(1))))))))))))))))))))))))))))

# The package a .mk file belongs to: the name of the folder it is in.
pkgdir = $(patsubst %/,%,$(dir $(lastword $(MAKEFILE_LIST))))
pkgname = $(notdir $(pkgdir))

# Absolute paths: $(1) list, $(2) base for the relative ones.
kiln-abs-dirs = $(foreach i,$(1),$(if $(filter /%,$(i)),$(i),$(2)/$(i)))

# kiln-check-one-word: $(1) names of variables that must each be one word
# (a version, a file name, a URL), else make fails on the paths made from
# them with a riddle ("multiple target patterns", "Circular ... dependency
# dropped"). The usual cause: make keeps the blanks before a comment on the
# line of an assignment (`FOO_VERSION = 1.0  # x`). Called while a .mk is
# read, make's message starts with that .mk and the line of its $(eval).
kiln-check-one-word = $(foreach v,$(1),$(if $(word 2,x$($(v))x),$(error $(v) is '$($(v))', \
	with blanks in it, but must be one word. A comment on the line of a value keeps \
	the blanks before its '#' (make's rule): put the comment on a line of its own)))

# Strip the quotes Kconfig puts around string values.
qstrip = $(strip $(subst ",,$(1)))
#"))

kiln-empty :=
kiln-space := $(kiln-empty) $(kiln-empty)
define kiln-newline


endef

# Shell-quote a string for use inside single quotes.
kiln-shell-quote = '$(subst ','\'',$(1))'

# Quiet output. Object steps print kbuild-style lines, package steps
# Buildroot-style ones; V=1 prints the commands instead.
# make -s silences them too, as it does kbuild's.
# (Single-letter flags, when any, are MAKEFLAGS' first word, without a dash.)
KILN_SILENT := $(if $(filter-out -%,$(firstword $(MAKEFLAGS))),$(if $(findstring s,$(firstword $(MAKEFLAGS))),y))

ifneq ($(filter 1,$(V))$(KILN_SILENT),)
kiln-msg = $(call kiln-time-mark,$(1))
kiln-step-msg =
kiln-pkg-msg = $(call kiln-time-mark,$(2))
else
kiln-msg = $(call kiln-time-mark,$(1))$(info $(kiln-space) $(1)$(kiln-pad.$(1))$(patsubst $(O)/%,%,$(patsubst $(KILN_TOP)/%,%,$(abspath $(2)))))
kiln-step-msg = @printf '  %-7s %s\n' '$(1)' '$(patsubst $(KILN_TOP)/%,%,$(2))'
kiln-pkg-msg = $(call kiln-time-mark,$(2))@printf '>>> %s %s\n' '$(1)' '$(2)'
endif

# make graph-build's record (scripts/build-time-report): each build step
# (a compile, a link, a package's download, extraction, patching...) adds
# "<start, seconds since the epoch> <step> <target>" to KILN_BUILD_TIME_LOG
# as make starts its recipe; the target's modification time is its end.
# Expanded with the recipe, so $@ is the step's target; one `date` each
# (tests/bench/build-time-log.sh measures that). KILN_BUILD_TIME_LOG=
# (empty) records nothing.
KILN_BUILD_TIME_LOG ?= $(O)/build-time.log
kiln-time-mark = $(if $(KILN_BUILD_TIME_LOG),$(file >>$(KILN_BUILD_TIME_LOG),$(shell date +%s.%N) $(subst $(kiln-space),_,$(1)) $(abspath $@)))

# Column padding after each tag of kiln-msg (kbuild's layout).
kiln-pad-to = $(subst x,$(kiln-space),$(1))
kiln-pad.AS := $(call kiln-pad-to,xxxxxx)
kiln-pad.CC := $(call kiln-pad-to,xxxxxx)
kiln-pad.AR := $(call kiln-pad-to,xxxxxx)
kiln-pad.LD := $(call kiln-pad-to,xxxxxx)
kiln-pad.GEN := $(call kiln-pad-to,xxxxx)
kiln-pad.HOSTCC := $(call kiln-pad-to,xx)
kiln-pad.HOSTLD := $(call kiln-pad-to,xx)
kiln-pad.STRIP := $(call kiln-pad-to,xxx)
kiln-pad.OBJCOPY := $(call kiln-pad-to,x)

# Write $(2) to file $(1) only if its content differs (keeps the mtime of an
# unchanged file, so what depends on it is not rebuilt). Runs at parse time
# when used in $(eval); no shell.
kiln-file-differs = $(if $(subst x$(file <$(1)),,x$(2))$(subst x$(2),,x$(file <$(1))),y)

# kiln-generated-file: $(1) a file, $(2) the name of the variable holding
# its text. A rule that writes the text to the file, forced to run only when
# the file's text differs, so that what depends on the file is remade
# exactly when the text changed (kbuild's command-line tracking, for a whole
# set of flags). Use with $(eval); add prerequisites on a line of their own.
define kiln-generated-file
ifneq ($$(call kiln-file-differs,$(1),$$(strip $$($(2)))),)
$(1): FORCE
endif
$(1):
	$$(call kiln-mkdir-now,$$(@D))
	$$(file >$$@,$$(strip $$($(2))))
endef

# Create folder $(1) while a recipe is being expanded (make expands a whole
# recipe before running its first line, so a $(file >) needs this).
kiln-mkdir-now = $(if $(shell mkdir -p $(1) && echo y),,$(error cannot create folder $(1)))

FORCE:
.PHONY: FORCE

# A newline, for messages of several lines ($(error), $(info)).
define KILN_NEWLINE


endef
