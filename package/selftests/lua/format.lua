-- string.format and tostring: the runtime's printf against glibc's.
print(string.format("%d %5d %-5d| %05d %+d %x %X %o", 42, 42, 42, 42, 42, 255, 255, 8))
print(string.format("%s|%10s|%-10s|%.3s", "kiln", "right", "left", "truncate"))
print(string.format("%q", "tab\there\nnewline \0 zero \"quoted\" \\"))
print(string.format("%q %q %q", 1/0, -1/0, math.mininteger))
print(string.format("%c%c%c", 76, 117, 97))
print(string.format("%i %u", -7, 7))
