#!/usr/bin/env python3
"""mkelf.py: craft tiny Solo5-ABI unikernel images for the tender tests.

    mkelf.py OUT --target hvt|spt [--variant V] [--exit N]
             [--block NAME]... [--net NAME]... [--stack-note]

A valid image has a text segment at 0x100000 (R+X), a data segment at
0x101000 (R+W), an ABI note and a manifest note. Its code prints "kiln-ok"
and exits with --exit N (hvt: PUTS and HALT hypercalls; spt: write and
exit_group system calls), so a test can see that the tender really ran it.
Such an image is a Solo5 image; --stack-note adds Kiln's stack note (64 KiB
of stack, no guard), which makes it a Kiln image.

Variants that a tender must refuse (exit 1): truncated, not-elf, wrong-arch,
wrong-class, not-exec, overlap, wx, low-segment, bad-align, no-abi-note,
foreign-note, bad-manifest, attached-byte (a manifest entry's attached byte
is 2), entry-outside.
Variants that run and misbehave: cmdline (prints the first 11 characters of
its command line), exec-data (jumps into its data segment), bad-pointer (hvt: PUTS of memory beyond guest memory),
write-text (stores into its own text), bad-port (hvt: outl to port 0x600),
forbidden-syscall (spt: getpid), halt-fault (hvt: HALT 254 with a cookie,
as a Kiln guest's trap handler does), result-in-text (hvt: WALLTIME with
its argument struct in the read-only text, where the tender may not write).
"""
import argparse
import struct
import sys

TEXT = 0x100000
DATA = 0x101000
HALT_ARG = DATA           # struct hvt_hc_halt: u64 cookie, int status
PUTS_ARG = DATA + 0x10    # struct hvt_hc_puts: u64 data, u64 len
COOKIE = DATA + 0x200     # 512 bytes a guest trap handler would fill
MSG = DATA + 0x100
MESSAGE = b"kiln-ok\n"
TARGETS = {"hvt": 1, "spt": 2}

PT_LOAD, PT_NOTE = 1, 4
PF_X, PF_W, PF_R = 1, 2, 4


def mov_eax(v): return b"\xb8" + struct.pack("<I", v)
def mov_edx(v): return b"\xba" + struct.pack("<I", v)
def mov_edi(v): return b"\xbf" + struct.pack("<I", v)
def mov_esi(v): return b"\xbe" + struct.pack("<I", v)


OUTL = b"\xef"            # out %eax, (%dx)
HLT = b"\xf4"
SYSCALL = b"\x0f\x05"
JMP_RAX = b"\xff\xe0"      # jmp *%rax
HC = 0x500                # HVT_HYPERCALL_PIO_BASE
WALLTIME, PUTS, HALT = 1, 2, 8


def hvt_code(variant):
    if variant == "cmdline":
        # puts.data = boot_info->cmdline (rdi + 24); puts.len = 11
        code = b"\x48\x8b\x47\x18" + b"\x48\x89\x04\x25" + struct.pack("<I", PUTS_ARG)
        return code + mov_eax(PUTS_ARG) + mov_edx(HC + PUTS) + OUTL + \
            mov_eax(HALT_ARG) + mov_edx(HC + HALT) + OUTL + HLT
    if variant == "write-text":
        return b"\xc7\x04\x25" + struct.pack("<I", TEXT) + struct.pack("<I", 1) + HLT
    if variant == "bad-port":
        return mov_eax(0) + mov_edx(0x600) + OUTL + HLT
    if variant == "result-in-text":
        return mov_eax(TEXT) + mov_edx(HC + WALLTIME) + OUTL + \
            mov_eax(PUTS_ARG) + mov_edx(HC + PUTS) + OUTL + HLT
    if variant == "exec-data":
        return mov_eax(MSG) + JMP_RAX
    return mov_eax(PUTS_ARG) + mov_edx(HC + PUTS) + OUTL + \
        mov_eax(HALT_ARG) + mov_edx(HC + HALT) + OUTL + HLT


def spt_code(variant, status):
    write_msg = mov_eax(1) + mov_edi(1) + mov_esi(MSG) + mov_edx(len(MESSAGE)) + SYSCALL
    exit_ = mov_eax(231) + mov_edi(status) + SYSCALL
    if variant == "cmdline":
        # write(1, boot_info->cmdline (rdi + 16), 11)
        return b"\x48\x8b\x77\x10" + mov_eax(1) + mov_edi(1) + mov_edx(11) + \
            SYSCALL + exit_
    if variant == "write-text":
        return b"\xc7\x04\x25" + struct.pack("<I", TEXT) + struct.pack("<I", 1) + exit_
    if variant == "exec-data":
        return mov_eax(MSG) + JMP_RAX
    if variant == "forbidden-syscall":
        return mov_eax(39) + SYSCALL + exit_
    return write_msg + exit_


def data_bytes(target, variant, status):
    d = bytearray(0x1000)
    cookie = COOKIE if variant == "halt-fault" else 0
    if variant == "halt-fault":
        status = 254
    struct.pack_into("<QiI", d, HALT_ARG - DATA, cookie, status, 0)
    ptr = 0xfffff000 if variant == "bad-pointer" else MSG
    length = 11 if variant == "cmdline" else len(MESSAGE)
    struct.pack_into("<QQ", d, PUTS_ARG - DATA, ptr, length)
    d[MSG - DATA:MSG - DATA + len(MESSAGE)] = MESSAGE
    return bytes(d)


def note(name, ntype, desc, pad_to_8=False):
    n = name + b"\0"
    n += b"\0" * (-len(n) % 4)
    pad = b"\0" * 4 if pad_to_8 else b""   # MFT1: descriptor at offset 24
    body = pad + desc
    return struct.pack("<III", len(name) + 1, len(body), ntype) + n + body


def manifest(blocks, nets, variant):
    entries = [(b"", 1 << 30)] + [(b.encode(), 1) for b in blocks] + \
        [(n.encode(), 2) for n in nets]
    count = len(entries) + (1 if variant == "bad-manifest" else 0)
    m = struct.pack("<II", 1, count)
    for name, t in entries:
        # attached (@96) is a bool in the ABI: attached-byte puts 2 there.
        attached = b"\2" if variant == "attached-byte" else b"\0"
        m += name.ljust(68, b"\0") + struct.pack("<I", t) + b"\0" * 24 + attached + b"\0" * 7
    return m


def build(args):
    target = TARGETS[args.target]
    variant = args.variant
    if variant == "foreign-note":
        target = TARGETS["spt" if args.target == "hvt" else "hvt"]
    code = hvt_code(variant) if args.target == "hvt" else spt_code(variant, args.exit)
    text = code.ljust(0x1000, b"\xf4")
    data = data_bytes(args.target, variant, args.exit)

    abi = note(b"Solo5", 0x31494241, struct.pack("<IIII", target, 2, 0, 0))
    mft = note(b"Solo5", 0x3154464d, manifest(args.block, args.net, variant), True)
    notes = [(0x200, abi, 4), (0x200 + 0x40, mft, 8)]
    if variant == "no-abi-note":
        notes = notes[1:]
    if args.stack_note:   # kiln/kiln_abi.h: owner "Kiln", type "STK1"
        stk1 = note(b"Kiln", 0x314b5453, struct.pack("<II", 0x10000, 0))
        notes.append((0xf00, stk1, 4))   # after any manifest the tests make

    text_flags = PF_R | PF_X | (PF_W if variant == "wx" else 0)
    text_vaddr = 0x80000 if variant == "low-segment" else TEXT
    align = 3 if variant == "bad-align" else 0x1000
    data_vaddr = TEXT + 0x800 if variant == "overlap" else DATA
    # (type, flags, offset, vaddr, filesz, memsz, align)
    phdrs = [(PT_LOAD, text_flags, 0x1000, text_vaddr, 0x1000, 0x1000, align),
             (PT_LOAD, PF_R | PF_W, 0x2000, data_vaddr, 0x1000, 0x1000, 0x1000)]
    for off, blob, al in notes:
        phdrs.append((PT_NOTE, PF_R, off, 0, len(blob), len(blob), al))

    entry = 0x200000 if variant == "entry-outside" else text_vaddr
    machine = 183 if variant == "wrong-arch" else 62          # EM_AARCH64 / EM_X86_64
    etype = 3 if variant == "not-exec" else 2                 # ET_DYN / ET_EXEC
    eclass = 1 if variant == "wrong-class" else 2
    ident = b"\x7fELF" + bytes([eclass, 1, 1, 0]) + b"\0" * 8
    ehdr = ident + struct.pack("<HHIQQQIHHHHHH", etype, machine, 1, entry, 64, 0,
                               0, 64, 56, len(phdrs), 64, 0, 0)
    img = bytearray(0x3000)
    img[0:64] = ehdr
    for i, p in enumerate(phdrs):
        struct.pack_into("<IIQQQQQQ", img, 64 + 56 * i, p[0], p[1], p[2], p[3], p[3],
                         p[4], p[5], p[6])
    for off, blob, _ in notes:
        img[off:off + len(blob)] = blob
    img[0x1000:0x2000] = text
    img[0x2000:0x3000] = data
    if variant == "truncated":
        img = img[:0x1800]            # cut inside the text segment
    if variant == "not-elf":
        img = b"#!/bin/sh\necho this is not an ELF file\n"
    return bytes(img)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out")
    ap.add_argument("--target", choices=TARGETS, required=True)
    ap.add_argument("--variant", default="valid")
    ap.add_argument("--exit", type=int, default=0)
    ap.add_argument("--block", action="append", default=[])
    ap.add_argument("--net", action="append", default=[])
    ap.add_argument("--stack-note", action="store_true")
    args = ap.parse_args()
    with open(args.out, "wb") as f:
        f.write(build(args))


if __name__ == "__main__":
    sys.exit(main())
