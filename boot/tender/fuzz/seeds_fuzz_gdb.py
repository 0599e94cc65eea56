#!/usr/bin/env python3
"""seeds_fuzz_gdb.py DIR: the seed corpus of fuzz_gdb.c, byte streams gdb
could send kiln-hvt's stub: packets framed and checksummed, each reply
acknowledged with '+'. Written at build time: seeds are not committed."""
import os
import sys


def packet(data):
    return b"$" + data + b"#%02x" % (sum(data) % 256)


def stream(*packets):
    # A '+' after each packet acknowledges the stub's reply to it.
    return b"".join(packet(p) + b"+" for p in packets)


SEEDS = {
    "connect": stream(b"qSupported:multiprocess+;swbreak+;hwbreak+", b"vMustReplyEmpty",
                      b"Hg0", b"qTStatus", b"?", b"qfThreadInfo", b"qC", b"qAttached",
                      b"g", b"m1000,40", b"k"),
    "break-continue": stream(b"?", b"Z0,1000,1", b"c", b"g", b"z0,1000,1", b"s", b"D"),
    "registers": stream(b"?", b"g", b"p10", b"P10=0010000000000000", b"p11",
                        b"G" + b"00" * 164, b"p18", b"P18=08000000"),
    "memory": stream(b"?", b"M2000,4:deadbeef", b"m2000,4", b"m0,800", b"mfffff,2",
                     b"M2000,2:zz", b"Z0,fffff,1", b"Z1,1000,1"),
    "noise": b"+-\x03$bad#00" + stream(b"?", b"c1001") + b"\x03",
}


def main():
    out = sys.argv[1]
    for name, data in SEEDS.items():
        with open(os.path.join(out, name), "wb") as f:
            f.write(data)


main()
