-- Coroutines: each has its own Lua stack; yields across pcall, errors.
local function gen(n)
  return coroutine.wrap(function()
    for i = 1, n do coroutine.yield(i, i * i) end
    return "done"
  end)
end
local g = gen(3)
print(g()); print(g()); print(g()); print(g())
local co = coroutine.create(function(a, b)
  print("start", a, b)
  local c = coroutine.yield(a + b)
  print("got", c)
  local d, e = coroutine.yield(c * 2)
  print("got", d, e)
  return "end", d + e
end)
print(coroutine.status(co), coroutine.resume(co, 1, 2))
print(coroutine.status(co), coroutine.resume(co, 10))
print(coroutine.resume(co, 3, 4))
print(coroutine.status(co), coroutine.resume(co))
-- errors inside a coroutine
local bad = coroutine.create(function() coroutine.yield(1); error("inside", 0) end)
print(coroutine.resume(bad)); print(coroutine.resume(bad)); print(coroutine.status(bad))
local bad2 = coroutine.create(function() local x = nil; return x.field end)
print(coroutine.resume(bad2))
-- yield across pcall (Lua 5.4 allows it)
local co2 = coroutine.create(function()
  local ok, v = pcall(function() local r = coroutine.yield("in pcall"); error("after " .. r, 0) end)
  coroutine.yield(ok, v)
  return "finished"
end)
print(coroutine.resume(co2)); print(coroutine.resume(co2, "resume")); print(coroutine.resume(co2))
print(coroutine.isyieldable(), type(coroutine.running()), select(2, coroutine.running()))
print(coroutine.wrap(function() return coroutine.isyieldable(), select(2, coroutine.running()) end)())
-- close a suspended coroutine with a pending to-be-closed variable
local log = {}
local co3 = coroutine.create(function()
  local _ <close> = setmetatable({}, { __close = function() log[#log + 1] = "closed" end })
  coroutine.yield()
end)
coroutine.resume(co3)
print(coroutine.close(co3), coroutine.status(co3), table.concat(log))
-- producer / consumer with many switches
local producer = coroutine.wrap(function()
  for i = 1, 100000 do coroutine.yield(i) end
end)
local total = 0
for _ = 1, 100000 do total = total + producer() end
print("sum of 100000 yields:", total)
-- deep recursion of coroutines inside coroutines
local function nest(n)
  if n == 0 then return 0 end
  return coroutine.wrap(function() return 1 + nest(n - 1) end)()
end
print("nested:", nest(100))
