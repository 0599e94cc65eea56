-- Integers and floats: conversions, coercions, division and overflow.
print(1 == 1.0, math.type(2^53), 2^53 == 2^53 + 1, math.maxinteger + 1 == math.mininteger)
print(7 // 2, -7 // 2, 7 // -2, 7.0 // 2, -7 % 3, 7 % -3, -7.5 % 2, 5.3 % -2)
print(7 / 2, 6 / 2, 1 / 0, -1 / 0, 0x7fffffffffffffff, 0xffffffffffffffff, 0x10p-2)
print(3 | 5, 3 & 5, 3 ~ 5, ~0, 1 << 63, 1 << 64, -1 >> 1, 2.0 | 1)
print(math.maxinteger * 2, math.mininteger // -1, math.mininteger % -1)
print(pcall(function() return 1 // 0 end))
print(pcall(function() return 1 % 0 end))
print(1 // 0.0, -1 // 0.0, 0/0 ~= 0/0, 1 % math.huge, -1 % math.huge)
-- strings to numbers (the runtime's strtod against glibc's)
local inputs = { "10", "  10  ", "0x10", "0X1F", "1e2", "1E+2", ".5", "5.", "0x.8", "0x1p-2",
  "0x1P+4", "1e400", "-1e400", "1e-400", "4.9e-324", "2.4e-324", "0.1", "123456789012345678",
  "9223372036854775807", "9223372036854775808", "-9223372036854775808",
  "0.1000000000000000055511151231257827021181583404541015625", "2.2250738585072011e-308",
  "179769313486231580793728971405303415079934132710037826936173778980444968292764750946649017977587207096330286416692887910946555547851940402630657488671505820681908902000708383676273854845817711531764475730270069855571366959622842914819860834936475292719074168444365510704342711559699508093042880177904174497791",
  "1e", "0x", "1 2", "", " ", "inf", "nan", "1e+", "0x1g", "--1", "+-1", "1_000" }
for _, s in ipairs(inputs) do
  local n = tonumber(s)
  io.write(string.format("%q -> %s %s\n", s, n == nil and "nil" or string.format("%.17g", n), math.type(n) or ""))
end
print(tonumber("ff", 16), tonumber("zz", 36), tonumber("777", 8), tonumber("102", 2), tonumber("-10", 16))
print("10" + 1, "3.5" * 2, "0x10" + 0, 10 .. "", 2^63 == math.mininteger, -2^63 == math.mininteger)
print(string.format("%d", 3.0), pcall(string.format, "%d", 3.5))
print(math.floor(-0.0), 1/math.floor(-0.0), 3 | 0, pcall(function() return 3.5 | 0 end))
print(string.format("%.14g", 100 * 1.1), 100 * 1.1, 0.1 + 0.2, 0.1 + 0.2 == 0.3)
print(for_loop_count or "loops:")
for i = 1, 3 do io.write(i, " ") end
for i = 1.0, 2.0, 0.25 do io.write(i, " ") end
for i = 10, 1, -3 do io.write(i, " ") end
for i = math.maxinteger - 2, math.maxinteger do io.write(i, " ") end
print()
