-- os.time and os.date: the runtime's mktime, gmtime, strftime against
-- glibc's. The host side runs with TZ=UTC (a unikernel's local time is UTC).
local t0 = os.time({ year = 2000, month = 1, day = 1, hour = 12, min = 30, sec = 15 })
print(t0, os.time({ year = 1970, month = 1, day = 1, hour = 0 }), os.time({ year = 2038, month = 1, day = 19, hour = 3, min = 14, sec = 8 }))
print(os.time({ year = 1969, month = 12, day = 31, hour = 23, min = 59, sec = 58 }), os.time({ year = 1901, month = 12, day = 14, hour = 0 }))
print(os.time({ year = 2024, month = 2, day = 29, hour = 0 }), os.time({ year = 2023, month = 13, day = 1, hour = 0 }))
print(os.time({ year = 2024, month = 3, day = 0, hour = 0 }), os.time({ year = 2024, month = 1, day = 1, hour = -1 }))
print(os.time({ year = 2100, month = 12, day = 31, hour = 23, min = 59, sec = 60 }))
local stamps = { 0, 1, 86399, 86400, 951782400, 951868800, 1000000000, 1234567890, 1700000000,
  2147483647, 2147483648, 4102444800, -1, -86400, -2208988800, 253402300799 }
for _, t in ipairs(stamps) do
  print(t, os.date("!%Y-%m-%d %H:%M:%S", t), os.date("!%a %A %b %B %d %e %j %u %w %y %C %G %g %V %U %W", t))
end
print(os.date("!%c | %x | %X | %D | %F | %R | %T | %r | %h | %n%t| %p | %I | %M | %%", 1234567890))
print(os.date("!%H %I %p", 0), os.date("!%H %I %p", 43200), os.date("!%H %I %p", 46800))
local d = os.date("!*t", 1234567890)
local keys = {}
for k in pairs(d) do keys[#keys + 1] = k end
table.sort(keys)
for _, k in ipairs(keys) do io.write(k, "=", tostring(d[k]), " ") end
print()
local l = os.date("*t", 0)
print(l.year, l.month, l.day, l.hour, l.isdst)
print(os.date("%Y-%m-%d %H:%M:%S", t0), os.time(os.date("*t", t0)) == t0)
print(os.difftime(t0, 0), os.difftime(0, t0), math.type(os.difftime(1, 0)))
print(type(os.time()), math.type(os.time()), type(os.clock()), os.time() > 1600000000)
print(pcall(os.date, "%Ez", 0))
print(pcall(os.date, "%Q", 0))
print(pcall(os.time, { year = 2000 }))
