#!/usr/bin/env python3
"""seeds_fuzz_hypercall.py DIR: the seed corpus of fuzz_hypercall.c, one
valid call of each hvt hypercall (and a few bad ports), in the input format
that file describes. Written at build time: binary seeds are not committed."""
import os
import struct
import sys

ARG = 0x1000      # where each seed puts the argument struct
BUF = 0x2000      # and the buffer it points at
COOKIE = 0x7000   # HALT's trap cookie
BLOCK, NET = 1, 2 # the handles of disk0 and net0


def seed(nr, mem, frame=0):
    """nr: the hypercall number; mem: {guest address: bytes}; frame: 16-byte units queued on net0."""
    size = max(a + len(b) for a, b in mem.items()) if mem else 0
    image = bytearray(size)
    for addr, data in mem.items():
        image[addr:addr + len(data)] = data
    flags = (frame << 1) | 1 if frame else 0
    return bytes([nr + 1]) + struct.pack('<I', ARG) + bytes([flags]) + bytes(image)


def main():
    out = sys.argv[1]
    text = b'hello from the guest\n'
    block = bytes(range(256)) * 2
    cookie = bytearray(184)
    struct.pack_into('<Q', cookie, 0, 0x8010)     # cr2 in the guard
    struct.pack_into('<Q', cookie, 128, 14)       # #PF
    seeds = {
        'walltime': seed(1, {ARG: bytes(8)}),
        'puts': seed(2, {ARG: struct.pack('<QQ', BUF, len(text)), BUF: text}),
        'poll': seed(3, {ARG: struct.pack('<QQi4x', 1000000, 0, 0)}),
        'block-write': seed(4, {ARG: struct.pack('<QQQQi4x', BLOCK, 512, BUF, 512, 0),
                                BUF: block}),
        'block-read': seed(5, {ARG: struct.pack('<QQQQi4x', BLOCK, 1024, BUF, 512, 0)}),
        'net-write': seed(6, {ARG: struct.pack('<QQQi4x', NET, BUF, 60, 0), BUF: block[:60]}),
        'net-read': seed(7, {ARG: struct.pack('<QQQi4x', NET, BUF, 1514, 0)}, frame=4),
        'halt': seed(8, {ARG: struct.pack('<Qi4x', 0, 0)}),
        'halt-fault': seed(8, {ARG: struct.pack('<Qi4x', COOKIE, 254), COOKIE: bytes(cookie)}),
        'port-below': seed(-1, {}),
        'port-reserved': seed(0, {}),
        'port-above': seed(9, {}),
    }
    for name, data in seeds.items():
        with open(os.path.join(out, name), 'wb') as f:
            f.write(data)


if __name__ == '__main__':
    main()
