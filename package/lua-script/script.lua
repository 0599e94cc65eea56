-- script.lua: the script the lua-script image runs.
--
-- A tour of Lua on Kiln: it prints what it computes and checks each result,
-- so a wrong answer from the runtime (printf, strtod, the allocator,
-- setjmp/longjmp) or from libm stops it with an error. tests/packages.bats
-- compares this output line by line.

local failures = 0
local function check(cond, what)
  if not cond then
    failures = failures + 1
    print("FAILED: " .. what)
  end
end

print(_VERSION .. " on Kiln")
print("arguments: " .. #arg .. (#arg > 0 and (" (" .. table.concat(arg, " ") .. ")") or ""))

-- Integers and floats (the formatting is the runtime's printf).
local function fact(n) if n <= 1 then return 1 else return n * fact(n - 1) end end
print("20! = " .. fact(20))
check(fact(20) == 2432902008176640000, "20!")
print("maxinteger = " .. math.maxinteger .. ", wraps to " .. (math.maxinteger + 1))
check(math.maxinteger + 1 == math.mininteger, "integer wrap-around")
print(string.format("pi = %.10f, e = %.6e, 1/3 = %g, tostring(0.1) = %s",
  math.pi, math.exp(1), 1/3, tostring(0.1)))
check(tostring(0.1) == "0.1", "tostring(0.1)")
check(7 // 2 == 3 and 7 % 3 == 1 and 7 / 2 == 3.5 and -7 // 2 == -4, "integer division")
check(2^10 == 1024.0 and math.type(2^10) == "float", "exponentiation")

-- libm: the math library is musl's.
print(string.format("sqrt(2) = %.15g, sin(pi/6) = %.15g, log(1000, 10) = %.15g",
  math.sqrt(2), math.sin(math.pi / 6), math.log(1000, 10)))
check(math.abs(math.sqrt(2) ^ 2 - 2) < 1e-15, "sqrt")
check(math.abs(math.sin(math.pi / 6) - 0.5) < 1e-15, "sin")
check(math.abs(math.log(1000, 10) - 3) < 1e-15, "log")
check(math.floor(-2.5) == -3 and math.ceil(2.1) == 3 and math.fmod(7, 3) == 1, "floor, ceil, fmod")
check(math.huge > 1e308 and -math.huge < -1e308 and (0/0) ~= (0/0), "inf and nan")

-- Strings to numbers (the runtime's strtod) and back.
check(tonumber("0x1p4") == 16.0 and tonumber("  12.5e1 ") == 125.0 and tonumber("1e") == nil,
  "tonumber")
check(tonumber("ff", 16) == 255 and tonumber("z", 36) == 35, "tonumber with a base")
check(string.format("%5.2f|%-5d|%x|%q", 3.14159, 42, 255, "a\nb") == ' 3.14|42   |ff|"a\\\nb"',
  "string.format")

-- Tables, sorting, closures.
local primes, sieve = {}, {}
for i = 2, 10000 do
  if not sieve[i] then
    primes[#primes + 1] = i
    for j = i * i, 10000, i do sieve[j] = true end
  end
end
print("primes below 10000: " .. #primes .. ", the last is " .. primes[#primes])
check(#primes == 1229 and primes[#primes] == 9973, "sieve")

local words = {}
for w in ("the quick brown fox jumps over the lazy dog"):gmatch("%a+") do words[#words + 1] = w end
table.sort(words, function(a, b) return #a < #b or (#a == #b and a < b) end)
print("sorted: " .. table.concat(words, " "))
check(table.concat(words, " ") == "dog fox the the lazy over brown jumps quick", "table.sort")

local function counter()
  local n = 0
  return function() n = n + 1; return n end
end
local c1, c2 = counter(), counter()
c1(); c1()
check(c1() == 3 and c2() == 1, "closures")

-- String patterns.
local s = ("Hello, Kiln!"):gsub("(%w+)", "<%1>")
print("gsub: " .. s)
check(s == "<Hello>, <Kiln>!", "gsub")
check(("key = value"):match("^(%w+)%s*=%s*(%w+)$") == "key", "match")
check(("%d"):rep(3, ",") == "%d,%d,%d", "rep")

-- Coroutines.
local gen = coroutine.wrap(function()
  local a, b = 0, 1
  while true do coroutine.yield(a); a, b = b, a + b end
end)
local fib = {}
for _ = 1, 15 do fib[#fib + 1] = gen() end
print("fibonacci: " .. table.concat(fib, " "))
check(fib[15] == 377, "coroutines")

-- Errors: pcall and error objects go through the runtime's setjmp/longjmp.
local ok, err = pcall(function() error({ code = 42 }) end)
check(not ok and err.code == 42, "error with a table")
ok, err = pcall(function() local t = nil; return t.x end)
print("caught: " .. err)
check(not ok and err:find("attempt to index a nil value", 1, true), "runtime error")
ok, err = pcall(string.rep)
check(not ok and err:find("bad argument #1", 1, true), "argument error")

-- Garbage collection: make a lot of garbage and get the memory back.
local before = collectgarbage("count")
for i = 1, 20000 do local t = { i, tostring(i), { i } } end
collectgarbage("collect")
local after = collectgarbage("count")
print(string.format("garbage collected: %s", after < before + 64 and "yes" or "no"))
check(after < before + 64, "garbage collection")

-- utf8 and string.pack.
check(utf8.char(75, 8364, 128512) == "K\u{20AC}\u{1F600}" and utf8.len("K\u{20AC}") == 2, "utf8")
check(string.unpack("<i4", string.pack("<i4", -2)) == -2, "string.pack")

-- io.write goes to the console too; files do not exist in a unikernel.
io.write("io.write works", "\n")
local f, msg = io.open("/etc/passwd")
check(f == nil and type(msg) == "string", "io.open fails cleanly")

if failures > 0 then
  error(failures .. " check(s) failed")
end
print("lua-script: all checks passed")
