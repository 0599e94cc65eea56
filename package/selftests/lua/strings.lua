-- String library: patterns, captures, substitutions, packing, utf8.
local s = "The quick brown fox jumps over the lazy dog"
print(s:len(), s:upper(), s:lower(), s:reverse())
print(s:sub(5, 9), s:sub(-3), s:sub(-100, 3), s:sub(10, 5) == "")
print(s:find("quick"), s:find("o", 15), s:find("%s(%a+)%s", 20), s:find(".", 1, true))
print(s:match("(%a+) (%a+)$"), s:match("()fox()"))
for w, pos in s:gmatch("(%a+)()") do io.write(w, "@", pos, " ") end
print()
print(s:gsub("%w+", string.upper, 3))
print(s:gsub("(%w+) (%w+)", "%2 %1"))
print(("hello world"):gsub("o", { o = "0" }), ("abc"):gsub("", "-"))
print(("x = 1, y = 22, z = 333"):gsub("(%w+) = (%d+)", function(k, v) return v .. "=" .. k end))
print(("THE (quick) [brown] {fox}"):match("%b()"), ("f(a(b)c)d"):match("%b()"))
print(("THE (quick) fox"):find("%f[%a]%a+%f[%A]", 5))
print(("  trim me  "):match("^%s*(.-)%s*$") .. "|")
print(("key=value; other=thing"):match("(%w+)=(%w+);%s*(%w+)=(%w+)"))
print(("2024-01-15"):match("^(%d%d%d%d)-(%d%d)-(%d%d)$"))
print(string.rep("ab", 3, ","), string.rep("x", 0), string.rep("x", -1) == "")
print(string.byte("ABC", 1, -1), string.char(72, 105))
print(("%d items"):format(3), ("[%s]"):rep(2))
print(tostring(nil), tostring(true), tostring(12), tostring(12.0), tostring(-0.0))
print(#"\u{10FFFF}", "\65\066\x43\z
       D", "a\
b")
-- string.pack / unpack
local packed = string.pack("<i4 >i8 z s1 d n j", -2, 0x0102030405060708, "zs", "s1", 1.5, 2.25, -9)
print(#packed, string.unpack("<i4 >i8 z s1 d n j", packed))
print(string.packsize("i4 i8 d b B h H"), string.unpack("B", "\255"), string.unpack("b", "\255"))
print(string.format("%q", string.pack(">I2", 0x4142)))
-- utf8
local u = "h\u{E9}llo \u{4E16}\u{754C} \u{1F600}"
print(utf8.len(u), #u, utf8.char(72, 233, 0x4E16, 0x1F600))
for p, c in utf8.codes("a\u{E9}\u{4E16}") do io.write(p, ":", c, " ") end
print()
print(utf8.codepoint(u, 1, -1))
print(utf8.offset(u, 3), utf8.offset(u, -1), utf8.len("\xff"), string.format("%q", utf8.charpattern))
-- comparisons and concatenation
print("a" < "b", "abc" < "abd", "Z" < "a", "" < "a", "a" .. 1 .. 2.0)
print(table.concat({ 1, 2.5, "x" }, ", "), select("#", ("a,b,,c"):gsub(",", ";")))
