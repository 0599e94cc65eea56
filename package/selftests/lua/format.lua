-- string.format and tostring: the runtime's printf against glibc's.
print(string.format("%d %5d %-5d| %05d %+d %x %X %o", 42, 42, 42, 42, 42, 255, 255, 8))
print(string.format("%s|%10s|%-10s|%.3s", "kiln", "right", "left", "truncate"))
print(string.format("%q", "tab\there\nnewline \0 zero \"quoted\" \\"))
print(string.format("%q %q %q", 1/0, -1/0, math.mininteger))
print(string.format("%c%c%c", 76, 117, 97))
print(string.format("%i %u", -7, 7))

-- Floating point, every conversion: %f %e %g %a and tostring (%.14g).
local values = { 0.0, -0.0, 1.0, 0.1, 1/3, 2/3, 0.5, 1.5, 2.5, -2.5, 123456789.125,
  1e15, 1e16, 1e21, 1e-5, 1e-7, 5e-324, 2.2250738585072014e-308, 1.7976931348623157e308,
  math.pi, -math.exp(1), 3.0e10, 1/0, -1/0 }
for _, v in ipairs(values) do
  print(string.format("%.0f|%.3f|%.20f|%e|%.0e|%.15e|%g|%.3g|%.17g|%#g|%a",
    v, v, v, v, v, v, v, v, v, v, v), tostring(v))
end
print(string.format("[%10.3f] [%-10.2e] [%+g] [% g] [%010.4f]", math.pi, math.pi, math.pi, math.pi, -math.pi))
print(string.format("%.99f", 1/3))
print(string.format("%5.1s|%.0s|%s", "abc", "abc", 12.5))
-- Rounding of halfway cases (round-half-even on the exact binary value).
for _, v in ipairs({ 0.125, 0.375, 2.675, 1.005, 1e23, 9007199254740993 }) do
  print(string.format("%.2f %.0f %.1e", v, v, v))
end
print(tostring(1e100), tostring(-1e-100), tostring(2^63), tostring(-2^63), 2^53 + 1.0)
print(1e300 * 1e10, -1e300 * 1e10, math.huge // 1)
print(string.format("%5s|%-5s|", true, nil))
