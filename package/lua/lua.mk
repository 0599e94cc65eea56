################################################################################
# lua: the Lua 5.4 interpreter as a library (liblua.a)
################################################################################
LUA_VERSION = 5.4.4
LUA_SOURCE = lua-$(LUA_VERSION).tar.gz
LUA_SITE = https://www.lua.org/ftp
LUA_LICENSE = MIT
LUA_LICENSE_FILES = src/lua.h doc/readme.html
# math, string.format and tonumber need floating-point functions.
LUA_DEPENDENCIES = libm
# The core and every standard library; lua.c and luac.c are the host
# programs (a command-line interpreter and compiler), not part of the library.
# The io and os libraries work on the console streams; file and process
# functions fail cleanly because a unikernel has neither.
LUA_SOURCES = \
	src/lapi.c src/lcode.c src/lctype.c src/ldebug.c src/ldo.c src/ldump.c \
	src/lfunc.c src/lgc.c src/llex.c src/lmem.c src/lobject.c src/lopcodes.c \
	src/lparser.c src/lstate.c src/lstring.c src/ltable.c src/ltm.c \
	src/lundump.c src/lvm.c src/lzio.c \
	src/lauxlib.c src/lbaselib.c src/lcorolib.c src/ldblib.c src/liolib.c \
	src/lmathlib.c src/loadlib.c src/loslib.c src/lstrlib.c src/ltablib.c \
	src/lutf8lib.c src/linit.c
LUA_FPU = y
# Plain ISO C: no LUA_USE_POSIX/LUA_USE_DLOPEN (no processes, no dlopen).
LUA_CFLAGS =
LUA_INCLUDES = src
LUA_INSTALL_HEADERS = src/lua.h src/luaconf.h src/lualib.h src/lauxlib.h src/lua.hpp
$(eval $(kiln-package))
