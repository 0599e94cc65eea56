/*
 * lua-script: run the Lua script embedded in the image.
 *
 * The build turns script.lua into the byte array kiln_embed_script_lua
 * (LUA_SCRIPT_EMBED in lua-script.mk). This program opens a Lua state with
 * the standard libraries, passes the command line as the global `arg` table
 * (arg[0] is the script's name, as the stand-alone lua program does), runs
 * the script, and exits 0, or 1 after printing the error and a traceback.
 */
#include <stdio.h>
#include <stdlib.h>

#include <lauxlib.h>
#include <lua.h>
#include <lualib.h>

extern const unsigned char kiln_embed_script_lua[];
extern const unsigned long kiln_embed_script_lua_size;

#define SCRIPT_NAME "script.lua"

/* Message handler for lua_pcall: the error with a traceback. */
static int add_traceback(lua_State *L)
{
	const char *msg = lua_tostring(L, 1);

	if (msg == NULL)
		msg = lua_pushfstring(L, "(error object is a %s value)", luaL_typename(L, 1));
	luaL_traceback(L, L, msg, 1);
	return 1;
}

static void set_arg_table(lua_State *L, int argc, char **argv)
{
	lua_createtable(L, argc, 1);
	lua_pushstring(L, SCRIPT_NAME);
	lua_rawseti(L, -2, 0);
	for (int i = 1; i < argc; i++) {
		lua_pushstring(L, argv[i]);
		lua_rawseti(L, -2, i);
	}
	lua_setglobal(L, "arg");
}

int main(int argc, char **argv)
{
	lua_State *L = luaL_newstate();
	int status;

	if (L == NULL) {
		fprintf(stderr, "lua-script: cannot create a Lua state: out of memory\n");
		return 1;
	}
	luaL_openlibs(L);
	set_arg_table(L, argc, argv);

	lua_pushcfunction(L, add_traceback);
	status = luaL_loadbufferx(L, (const char *)kiln_embed_script_lua,
				  kiln_embed_script_lua_size, "@" SCRIPT_NAME, "t");
	if (status == LUA_OK)
		status = lua_pcall(L, 0, 0, -2);
	if (status != LUA_OK) {
		fprintf(stderr, "lua-script: %s\n", lua_tostring(L, -1));
		lua_close(L);
		return 1;
	}
	lua_close(L);
	fflush(stdout);
	return 0;
}
