################################################################################
# httpd: a static HTTP/1.1 server on lwIP, its files embedded at build time
################################################################################
HTTPD_SOURCES = main.c conn.c request.c response.c files.c mime.c stats.c
HTTPD_DEPENDENCIES = lwip
# The network device, attached with --net:service0=<tap>.
HTTPD_DEVICES = net:service0
# Config.options.in's settings (their defaults where another application
# is configured and `make httpd` builds this one anyway).
HTTPD_PORT = $(or $(KILN_HTTPD_PORT),80)
HTTPD_CFLAGS = -DHTTPD_PORT=$(HTTPD_PORT) \
	-DHTTPD_MAX_CONNECTIONS=$(or $(KILN_HTTPD_MAX_CONNECTIONS),64) \
	-DHTTPD_TIMEOUT_S=$(or $(KILN_HTTPD_TIMEOUT),10) \
	$(if $(HTTPD_STATS_PATH),$(call kiln-shell-quote,-DHTTPD_STATS_PATH="$(HTTPD_STATS_PATH)"))
# The statistics page's path: empty (none), or "/" and letters, digits,
# "._-/" (it becomes a C string).
HTTPD_STATS_PATH := $(call qstrip,$(KILN_HTTPD_STATS_PATH))
ifneq ($(HTTPD_STATS_PATH),)
ifneq ($(shell printf '%s' $(call kiln-shell-quote,$(HTTPD_STATS_PATH)) | grep -Ex '/[A-Za-z0-9._/-]*'),$(HTTPD_STATS_PATH))
$(error KILN_HTTPD_STATS_PATH="$(HTTPD_STATS_PATH)": a path starting with "/", of letters, digits and "._-/" only (e.g. /kiln-stats); fix it in make menuconfig, Application, httpd options)
endif
endif
HTTPD_RUN_ARGS =
# make run: the address on make net-up's network (package/pkg-net.mk).
HTTPD_RUN_NET_ARGS = --ipv4=$(KILN_NET_GUEST_CIDR)
# The generated table of files (gen-files), linked with the application.
HTTPD_FILES_S = $(BUILD_DIR)/httpd/files/files.S
HTTPD_EXTRA_OBJS = $(BUILD_DIR)/httpd/files/files.o
$(eval $(kiln-application))

# The folder of files: absolute, or relative to Kiln's tree.
HTTPD_ROOT_SETTING := $(or $(call qstrip,$(KILN_HTTPD_ROOT)),package/httpd/www)
HTTPD_ROOT_DIR := $(if $(filter /%,$(HTTPD_ROOT_SETTING)),$(HTTPD_ROOT_SETTING),$(KILN_TOP)/$(HTTPD_ROOT_SETTING))
# What the table depends on: the folder, and each file's name, size and
# time, listed anew by every make and written to a file only when the
# list changed (kbuild's filechk), so that a file added, removed, renamed
# or edited makes the table again, and nothing else does. (Names with
# blanks are no make prerequisites: hence a list rather than the files.)
HTTPD_ROOT_STATE_FILE := $(BUILD_DIR)/httpd/files/state
$(HTTPD_ROOT_STATE_FILE): FORCE
	$(Q)mkdir -p $(@D) && \
	{ echo '$(HTTPD_ROOT_DIR)' && cd '$(HTTPD_ROOT_DIR)' && \
	  find . -name '.?*' -prune -o -type f -printf '%P %s %T@\n' | LC_ALL=C sort; } >$@.tmp; \
	if cmp -s $@.tmp $@; then rm -f $@.tmp; else mv -f $@.tmp $@; fi
$(HTTPD_FILES_S): $(HTTPD_ROOT_STATE_FILE) $(HTTPD_PKGDIR)/gen-files
	$(call kiln-msg,GEN,$@)
	$(Q)$(HTTPD_PKGDIR)/gen-files '$(HTTPD_ROOT_DIR)' >$@.tmp && mv $@.tmp $@
$(HTTPD_EXTRA_OBJS): $(HTTPD_FILES_S) $(TARGET_CC)
	$(call kiln-msg,AS,$@)
	$(Q)$(TARGET_CC) $(KILN_NOFPU_CFLAGS) -c -o $@.tmp $< && mv $@.tmp $@
