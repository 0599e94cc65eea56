#!/usr/bin/env python3
"""seeds_fuzz_net_ring.py DIR: the seed corpus of fuzz_net_ring.c, rings a
well-behaved guest would queue (writes, reads, both, counters about to
wrap), in the input format that file describes. Written at build time:
binary seeds are not committed."""
import os
import struct
import sys

RING = 0x4000     # the ring's guest address in the fuzz target
ENTRIES = RING + 128
SIZE = 1024       # HVT_RING_SIZE
BUF = 0x11000     # frame buffers, above the ring
NET = 1           # net0's handle
WRITE, READ = 1, 2


def seed(start, ops, frame=0):
    """start: the tender's counters; ops: [(operation, len)]; frame: 16-byte units queued on net0."""
    mem = bytearray(BUF + len(ops) * 2048)
    for i, (op, length) in enumerate(ops):
        n = (start + i) & 0xffffffff
        buf = BUF + i * 2048
        struct.pack_into('<IIQIIQ', mem, ENTRIES + (n % SIZE) * 32, op, NET, buf,
                         length, i, 0)
        if op == WRITE:
            mem[buf:buf + length] = bytes((i + j) & 0xff for j in range(length))
    struct.pack_into('<II', mem, RING, (start + len(ops)) & 0xffffffff, start)
    struct.pack_into('<II', mem, RING + 64, start, start)
    flags = (frame << 1) | 1 if frame else 0
    return bytes([flags]) + struct.pack('<I', start) + bytes(mem)


def main():
    out = sys.argv[1]
    seeds = {
        'writes': seed(0, [(WRITE, 60), (WRITE, 1514)]),
        'read-frame': seed(0, [(READ, 1514)], frame=8),
        'read-none': seed(7, [(READ, 1514)]),
        'mixed': seed(100, [(WRITE, 64), (READ, 2048), (WRITE, 100)], frame=4),
        'wrapping': seed(0xfffffffe, [(WRITE, 60), (WRITE, 60), (READ, 1514)], frame=2),
    }
    for name, data in seeds.items():
        with open(os.path.join(out, name), 'wb') as f:
            f.write(data)


if __name__ == '__main__':
    main()
