################################################################################
# selftests: upstream test suites inside the unikernel (Mbed TLS, cJSON, lz4,
# Lua); see main.c
################################################################################
SELFTESTS_SOURCES = main.c files.c cjson_file_shim.c \
	suite_mbedtls.c suite_cjson.c suite_lz4.c lz4_datagen.c suite_lua.c
SELFTESTS_DEPENDENCIES = mbedtls cjson lz4 lua
# cJSON's Unity and lz4's generator take doubles.
SELFTESTS_FPU = y
SELFTESTS_CFLAGS = -Wextra
# Headers of the upstream trees that are not installed: Unity (cJSON's
# tests/), xxhash.h (lz4's lib/), datagen.c and .h (lz4's programs/).
# (package/*/*.mk are read in name order: cjson, lz4 and mbedtls come first.)
SELFTESTS_INCLUDES = $(CJSON_SRCDIR)/tests $(LZ4_SRCDIR)/lib $(LZ4_SRCDIR)/programs
$(eval $(kiln-application))

SELFTESTS_BUILD = $(BUILD_DIR)/selftests
SELFTESTS_GEN = $(SELFTESTS_BUILD)/gen
SELFTESTS_GEN_TABLE = $(SELFTESTS_PKGDIR)/gen-file-table

# --- Mbed TLS: programs/test/selftest.c, as it is ------------------------------
# Its main becomes mbedtls_selftest_main, and its exit() (mbedtls_exit) a
# function of suite_mbedtls.c that returns to the suite.
SELFTESTS_MBEDTLS_PROGRAM_SOURCES = selftest.c
SELFTESTS_MBEDTLS_PROGRAM_CFLAGS = $(MBEDTLS_CFLAGS) -Dmain=mbedtls_selftest_main \
	-DMBEDTLS_PLATFORM_EXIT_MACRO=selftests_mbedtls_exit -include $(SELFTESTS_PKGDIR)/shims.h
SELFTESTS_MBEDTLS_PROGRAM_INCLUDES = $(MBEDTLS_SRCDIR)/include
SELFTESTS_MBEDTLS_PROGRAM_PREREQS = $(MBEDTLS_STAMP_PATCHED)
$(MBEDTLS_SRCDIR)/programs/test/selftest.c: $(MBEDTLS_STAMP_PATCHED)
$(eval $(call kiln-objects,selftests-mbedtls,SELFTESTS_MBEDTLS_PROGRAM,$(MBEDTLS_SRCDIR)/programs/test,$(SELFTESTS_BUILD)/mbedtls-program))

# --- cJSON: tests/*.c and Unity, as they are -----------------------------------
# The programs of cJSON's tests/CMakeLists.txt, in its order (unity_tests,
# then cjson_utils_tests).
SELFTESTS_CJSON_PROGRAMS = \
	parse_examples parse_number parse_hex4 parse_string parse_array \
	parse_object parse_value print_string print_number print_array \
	print_object print_value misc_tests parse_with_opts compare_tests \
	cjson_add readme_examples minify_tests \
	json_patch_tests old_utils_tests misc_utils_tests
# The files they open (relative to tests/, as they name them).
SELFTESTS_CJSON_FILES = \
	$(foreach n,1 2 3 4 5 7 8 9 10 11,inputs/test$(n) inputs/test$(n).expected) inputs/test6 \
	json-patch-tests/tests.json json-patch-tests/spec_tests.json \
	json-patch-tests/cjson-utils-tests.json
SELFTESTS_CJSON_TESTS_SOURCES = $(addsuffix .c,$(SELFTESTS_CJSON_PROGRAMS)) unity/src/unity.c
SELFTESTS_CJSON_TESTS_FPU = y
# unity_config.h (UNITY_INCLUDE_DOUBLE) for unity.c too, so that it and the
# tests agree on Unity's configuration.
SELFTESTS_CJSON_TESTS_CFLAGS = -DUNITY_INCLUDE_CONFIG_H
SELFTESTS_CJSON_TESTS_INCLUDES = $(CJSON_SRCDIR)/tests/unity/examples
SELFTESTS_CJSON_TESTS_PREREQS = $(CJSON_STAMP_PATCHED)
$(addprefix $(CJSON_SRCDIR)/tests/,$(SELFTESTS_CJSON_TESTS_SOURCES)): $(CJSON_STAMP_PATCHED)
$(eval $(call kiln-objects,selftests-cjson,SELFTESTS_CJSON_TESTS,$(CJSON_SRCDIR)/tests,$(SELFTESTS_BUILD)/cjson-tests))

# Every test program carries its own copy of cJSON (tests/common.h includes
# ../cJSON.c) and a main(). Each object's main becomes cjson_test_<name>,
# every other symbol it defines becomes local, so the copies cannot clash;
# its file calls go to the shims in cjson_file_shim.c.
SELFTESTS_CJSON_SHIMMED = fopen fseek ftell fread fclose
SELFTESTS_CJSON_LOCAL_OBJS = $(patsubst %,$(SELFTESTS_BUILD)/cjson-tests/%.local.o,$(SELFTESTS_CJSON_PROGRAMS))
$(SELFTESTS_CJSON_LOCAL_OBJS): $(SELFTESTS_BUILD)/cjson-tests/%.local.o: $(SELFTESTS_BUILD)/cjson-tests/%.o
	$(call kiln-msg,OBJCOPY,$@)
	$(Q)$(TARGET_OBJCOPY) --redefine-sym main=cjson_test_$* \
		$(foreach f,$(SELFTESTS_CJSON_SHIMMED),--redefine-sym $(f)=selftests_$(f)) \
		--keep-global-symbol=cjson_test_$* $< $@

$(SELFTESTS_GEN)/cjson_programs.c: $(SELFTESTS_PKGDIR)/selftests.mk | $(SELFTESTS_GEN)
	$(call kiln-msg,GEN,$@)
	$(Q){ echo '/* Generated from SELFTESTS_CJSON_PROGRAMS in selftests.mk; do not edit. */'; \
		echo '#include "suite.h"'; \
		$(foreach p,$(SELFTESTS_CJSON_PROGRAMS),echo 'int cjson_test_$(p)(void);';) \
		echo 'const struct cjson_program selftests_cjson_programs[] = {'; \
		$(foreach p,$(SELFTESTS_CJSON_PROGRAMS),echo '	{ "$(p)", cjson_test_$(p) },';) \
		echo '	{ 0, 0 }'; echo '};'; } >$@.tmp && mv $@.tmp $@

$(addprefix $(CJSON_SRCDIR)/tests/,$(SELFTESTS_CJSON_FILES)): $(CJSON_STAMP_PATCHED)
$(SELFTESTS_GEN)/cjson_files.c: $(addprefix $(CJSON_SRCDIR)/tests/,$(SELFTESTS_CJSON_FILES)) \
		$(SELFTESTS_GEN_TABLE) | $(SELFTESTS_GEN)
	$(call kiln-msg,GEN,$@)
	$(Q)$(SELFTESTS_GEN_TABLE) selftests_cjson_files $(CJSON_SRCDIR)/tests $(SELFTESTS_CJSON_FILES) >$@.tmp && mv $@.tmp $@

# --- Lua: the scripts of lua/ -----------------------------------------------
# (The folder is a prerequisite so that adding or removing a script
# regenerates the table.)
SELFTESTS_LUA_SCRIPTS = $(sort $(notdir $(wildcard $(SELFTESTS_PKGDIR)/lua/*.lua)))
$(SELFTESTS_GEN)/lua_scripts.c: $(addprefix $(SELFTESTS_PKGDIR)/lua/,$(SELFTESTS_LUA_SCRIPTS)) \
		$(SELFTESTS_PKGDIR)/lua $(SELFTESTS_GEN_TABLE) | $(SELFTESTS_GEN)
	$(call kiln-msg,GEN,$@)
	$(Q)$(SELFTESTS_GEN_TABLE) selftests_lua_scripts $(SELFTESTS_PKGDIR)/lua $(SELFTESTS_LUA_SCRIPTS) >$@.tmp && mv $@.tmp $@

# --- the generated units, and the image ---------------------------------------
SELFTESTS_GEN_OBJS = $(addprefix $(SELFTESTS_GEN)/,cjson_programs.o cjson_files.o lua_scripts.o)
$(SELFTESTS_GEN_OBJS): %.o: %.c $(TARGET_CC)
	$(call kiln-msg,CC,$@)
	$(Q)$(TARGET_CC) $(KILN_NOFPU_CFLAGS) -I$(SELFTESTS_PKGDIR) -c -o $@ $<
KILN_OBJ_DIRS += $(SELFTESTS_GEN)

SELFTESTS_ALL_OBJS += $(SELFTESTS_MBEDTLS_PROGRAM_OBJS) $(SELFTESTS_CJSON_LOCAL_OBJS) \
	$(SELFTESTS_BUILD)/cjson-tests/unity/src/unity.o $(SELFTESTS_GEN_OBJS)
