-- Errors: messages, levels, error objects, pcall/xpcall (setjmp/longjmp
-- in the runtime), and the limits that raise them.
local function show(...) print(select("#", ...), ...) end
show(pcall(error, "plain"))
show(pcall(error, "no position", 0))
show(pcall(function() error("level 1") end))
show(pcall(function() local function f() error("level 2", 2) end f() end))
print(select(2, pcall(error, { code = 42 })).code)
show(pcall(error))
show(pcall(function() local t = nil; return t.x end))
show(pcall(function() return 1 + {} end))
show(pcall(function() return #5 end))
show(pcall(function() return "a" < 1 end))
show(pcall(function() return {} .. "x" end))
show(pcall(function() undefined_function() end))
show(pcall(function() local s = "x"; s:nomethod() end))
show(pcall(string.rep))
show(pcall(string.format, "%d", "x"))
show(pcall(setmetatable, 1, {}))
show(pcall(function() return math.tointeger(2^63) // 0 end))
show(pcall(string.rep, "x", -1))
show(select("#", pcall(function() return 1, 2, 3 end)))
show(xpcall(function() error("handled") end, function(m) return "handler: " .. m end))
show(xpcall(function(a, b) return a + b end, print, 2, 3))
show(pcall(assert, false))
show(pcall(assert, nil, "assert message"))
show(pcall(assert, 1, 2, 3))
-- error objects with __tostring
local E = setmetatable({}, { __tostring = function() return "custom error object" end })
local ok, e = pcall(error, E)
print(ok, tostring(e), e == E)
-- nested pcall, error in the handler
show(pcall(pcall, error, "inner"))
show(xpcall(function() error("first") end, function() error("in handler") end))
-- a Lua stack overflow is an error, not a crash
local function deep(n) return 1 + deep(n + 1) end
local ok2, msg = pcall(deep, 1)
print(ok2, (msg:gsub("^.-:%d+: ", "")))
-- so is an overlong string
show(pcall(string.rep, "x", 1 << 62))
-- load: syntax errors and runtime chunks
show(load("return 1 +"))
show(load("x = ")) 
show(load("return ...", "=chunk")(7, 8))
show(pcall(load("error('from chunk')", "=mychunk")))
print(select(2, load("local a <const> = 1; a = 2")))
-- tostring and string conversion errors
show(pcall(tostring))
show(pcall(tonumber, "10", 99))
