################################################################################
# lua-script: runs a Lua script bundled into the image (script.lua)
################################################################################
LUA_SCRIPT_SOURCES = main.c
LUA_SCRIPT_DEPENDENCIES = lua
LUA_SCRIPT_EMBED = script.lua
LUA_SCRIPT_DEVICES =
$(eval $(kiln-application))
