/*
 * selftests: Lua 5.4 scripts (package/selftests/lua/, one file each) built into the
 * image, each run in a fresh state with every standard library.
 *
 * Each script's output is framed by two delimiter lines,
 *     === lua: <script> ===
 *     === lua: <script> end ===
 * so tests/selftests.bats can cut it out and compare it line by line with
 * what Debian's lua5.4 prints for the same script on the host: that checks
 * the runtime (printf, strtod, the allocator, setjmp/longjmp, time) against
 * glibc through Lua. Here a script passes when it runs to its end without
 * an error (the scripts also assert what the language defines).
 */
#include <stdio.h>

#include <lauxlib.h>
#include <lua.h>
#include <lualib.h>

#include "files.h"
#include "suite.h"

/* Message handler: the error with a traceback, for a failing script. */
static int add_traceback(lua_State *L)
{
	const char *msg = lua_tostring(L, 1);

	if (msg == NULL)
		msg = lua_pushfstring(L, "(error object is a %s value)", luaL_typename(L, 1));
	luaL_traceback(L, L, msg, 1);
	return 1;
}

/* 0 when the script ran to its end. */
static int run_script(const struct selftests_file *script)
{
	lua_State *L = luaL_newstate();
	int status;

	if (L == NULL) {
		printf("lua: FAILED: %s: cannot create a Lua state (out of memory)\n", script->name);
		return 1;
	}
	luaL_openlibs(L);
	lua_pushcfunction(L, add_traceback);
	/* "@name": error messages say "name:line:", as lua5.4 name does. */
	lua_pushfstring(L, "@%s", script->name);
	status = luaL_loadbufferx(L, (const char *)script->data, script->size,
				  lua_tostring(L, -1), "t");
	lua_remove(L, -2);
	if (status == LUA_OK)
		status = lua_pcall(L, 0, 0, -2);
	fflush(stdout);
	if (status != LUA_OK)
		printf("lua: FAILED: %s: %s\n", script->name, lua_tostring(L, -1));
	lua_close(L);
	return status != LUA_OK;
}

void suite_lua(struct suite_count *count)
{
	for (const struct selftests_file *s = selftests_lua_scripts; s->name != NULL; s++) {
		int failed;

		printf("=== lua: %s ===\n", s->name);
		fflush(stdout);
		failed = run_script(s);
		printf("=== lua: %s end ===\n", s->name);
		if (failed)
			count->failed++;
		else
			count->passed++;
	}
}
