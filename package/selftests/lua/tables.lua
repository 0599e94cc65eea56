-- Tables: the array part, sorting, the table library, metatables.
local t = { 10, 20, 30 }
table.insert(t, 40); table.insert(t, 1, 5)
print(#t, table.concat(t, " "), table.remove(t), table.remove(t, 1), table.concat(t, " "))
print(table.unpack({ 1, 2, 3 }), select("#", table.unpack({ 1, nil, 3 }, 1, 3)), select(-1, 1, 2, 3))
print(table.concat(table.move({ 1, 2, 3, 4, 5 }, 2, 4, 1), ","), table.pack(1, nil, 3).n)
-- sorting: numbers, strings, a comparator, and a big shuffled array
local words = {}
for w in ("pear apple fig banana cherry date elderberry grape kiwi lemon"):gmatch("%a+") do
  words[#words + 1] = w
end
table.sort(words)
print(table.concat(words, " "))
table.sort(words, function(a, b) return #a < #b or (#a == #b and a > b) end)
print(table.concat(words, " "))
math.randomseed(3)
local big = {}
for i = 1, 10000 do big[i] = math.random(1, 100000) end
table.sort(big)
local sorted = true
for i = 2, #big do if big[i - 1] > big[i] then sorted = false end end
print("sorted 10000:", sorted, big[1], big[5000], big[10000])
-- keys of every type; order printed sorted (the hash order is per run)
local mixed = { [1] = "one", [2.0] = "two", x = "ex", [true] = "yes", [-1] = "minus" }
local keys = {}
for k in pairs(mixed) do keys[#keys + 1] = tostring(k) end
table.sort(keys)
print(table.concat(keys, " "), mixed[2], #mixed)
-- a large table: fill, delete, refill
local h = {}
for i = 1, 50000 do h["k" .. i] = i end
for i = 1, 50000, 2 do h["k" .. i] = nil end
local n, sum = 0, 0
for _, v in pairs(h) do n = n + 1; sum = sum + v end
print("hash:", n, sum)
-- metatables
local V = {}
V.__index = V
V.__add = function(a, b) return setmetatable({ x = a.x + b.x, y = a.y + b.y }, V) end
V.__eq = function(a, b) return a.x == b.x and a.y == b.y end
V.__lt = function(a, b) return a.x < b.x end
V.__le = function(a, b) return a.x <= b.x end
V.__tostring = function(v) return "(" .. v.x .. ", " .. v.y .. ")" end
V.__len = function() return 2 end
V.__call = function(v, k) return v.x * k end
V.__concat = function(a, b) return tostring(a) .. "&" .. tostring(b) end
V.__unm = function(v) return setmetatable({ x = -v.x, y = -v.y }, V) end
V.__index = function(_, k) return "no field " .. k end
local a, b = setmetatable({ x = 1, y = 2 }, V), setmetatable({ x = 3, y = 4 }, V)
print(tostring(a + b), a == b, a < b, a <= b, #a, a(10), a .. b, tostring(-a), a.z)
local log = {}
local proxy = setmetatable({}, { __newindex = function(t2, k, v) log[#log + 1] = k; rawset(t2, k, v * 2) end })
proxy.a = 1; proxy.b = 2; proxy.a = 3
print(proxy.a, proxy.b, table.concat(log, ","), rawlen({ 1, 2 }), rawequal(a, a), rawget(a, "x"))
do
  local closed = {}
  do
    local _ <close> = setmetatable({}, { __close = function() closed[#closed + 1] = "first" end })
    local _ <close> = setmetatable({}, { __close = function() closed[#closed + 1] = "second" end })
  end
  print("closed:", table.concat(closed, " "))
end
print(next({}), type(next), select("#", nil, nil))
