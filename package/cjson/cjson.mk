################################################################################
# cjson: cJSON, an ultralightweight JSON parser and printer (libcjson.a)
################################################################################
CJSON_VERSION = 1.7.15
CJSON_SOURCE = cjson-$(CJSON_VERSION).tar.gz
# GitHub serves the tag's archive under any file name below this directory.
CJSON_SITE = https://github.com/DaveGamble/cJSON/archive/v$(CJSON_VERSION)
CJSON_LICENSE = MIT
CJSON_LICENSE_FILES = LICENSE
# Numbers are doubles (parsed with strtod, printed with sprintf "%1.15g").
CJSON_DEPENDENCIES = libm
# cJSON_Utils.c (JSON Pointer, Patch, Merge Patch) is small and has no
# further needs, so it comes too.
CJSON_SOURCES = cJSON.c cJSON_Utils.c
CJSON_FPU = y
CJSON_CFLAGS =
CJSON_INCLUDES = .
CJSON_INSTALL_HEADERS = cJSON.h cJSON_Utils.h
$(eval $(kiln-package))
