#!/usr/bin/env python3
"""mutate.py: mutation testing of the parsers Kiln writes in shell, where libFuzzer
does not apply: scripts/kconfig-check (the .config every make checks) and
scripts/gen-manifest (the device list of an application).

  mutate.py kconfig-check|gen-manifest [-n N] [--seed S] [--save DIR]
      feed N mutated inputs (default 300), made with a fixed seed (default 1) from
      the seeds: for kconfig-check Kiln's defconfigs and the full .config files
      kconfig-conf makes of them, for gen-manifest tests/mutate/seeds/gen-manifest/.
      A finding is saved in DIR (default $TMPDIR/kiln-mutate) and named.
  mutate.py kconfig-check|gen-manifest --replay FILE...
      check saved inputs (tests/mutate/regressions/<target>/) once each.

Each input must end in exit 0, or in Kiln's own error: for kconfig-check, status 1
and only "kconfig-check: <file>:<line>: ..." lines (line within the file); for
gen-manifest, status 2 and a message naming the bad argument, nothing written.
Never a shell or awk error, a crash or a hang. What exit 0 promises is checked
independently: every line of an accepted .config sets a symbol some menu declares
(or is blank or a comment); gen-manifest accepts exactly the device lists its
documented rules allow, and the C it writes compiles and holds exactly those
devices, in order (read back from the compiled note's bytes, as a tender reads
them: boot/include/kiln/mft_abi.h).
Prints one summary line; exits 1 on a finding.
"""

import argparse
import glob
import json
import os
import random
import struct
import re
import shutil
import subprocess
import sys
import tempfile
import time

TOP = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
TIMEOUT = 30  # seconds: anything slower is a hang


class Finding(Exception):
    """An input broke the invariant; the message says how."""


# ---- kconfig-check -------------------------------------------------------------

def kconfig_files():
    """The menu files, as package/pkg-kconfig.mk lists them (no external trees)."""
    files = [os.path.join(TOP, "Kconfig")]
    files += sorted(glob.glob(os.path.join(TOP, "*", "Config.in")))
    files += sorted(glob.glob(os.path.join(TOP, "*", "*", "Config.in")))
    files += glob.glob(os.path.join(TOP, "package", "Config.apps.in"))
    return files


def kconfig_env(work):
    """The environment make gives kconfig tools, with no external trees."""
    env = dict(os.environ, CONFIG_="KILN_", KILN_TOP=TOP,
               KILN_EXTERNAL_KCONFIG=os.path.join(work, "external.in"),
               KILN_EXTERNAL_APPS_KCONFIG=os.path.join(work, "external-apps.in"))
    for name in ("external.in", "external-apps.in"):
        open(os.path.join(work, name), "w").close()
    return env


def declared_symbols():
    names = set()
    for path in kconfig_files():
        with open(path, encoding="utf-8", errors="replace") as f:
            for line in f:
                w = line.split()
                if len(w) >= 2 and w[0] in ("config", "menuconfig"):
                    names.add("KILN_" + w[1])
    return names


def kconfig_seeds(work):
    """Each defconfig, and the full .config kconfig-conf writes from it."""
    seeds = []
    env = kconfig_env(work)
    for d in sorted(glob.glob(os.path.join(TOP, "configs", "*_defconfig"))):
        with open(d, "rb") as f:
            seeds.append(f.read())
        full = os.path.join(work, os.path.basename(d) + ".config")
        subprocess.run(["kconfig-conf", "--defconfig=" + d, os.path.join(TOP, "Kconfig")],
                       env=dict(env, KCONFIG_CONFIG=full), stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL, check=True)
        with open(full, "rb") as f:
            seeds.append(f.read())
    return seeds


VALUES = [b"y", b"n", b"m", b"", b'""', b'"text"', b'"unterminated', b"0", b"-1", b"0x10",
          b"99999999999999999999999", b"yes", b"$(shell false)", b"`false`", b"'y'",
          b" y", b"y ", b"\\", b'"a\\"b"', b"y\r", b"\xff\xfe"]
GARBAGE = [b"KILN_", b"KILN_=y", b"=y", b"CONFIG_FOO=y", b"kiln_platform_spt=y", b"#",
           b"# KILN_ is not set", b"# KILN_APP_HELLO is not set at all", b"  KILN_APP_HELLO=y",
           b"KILN_APP_HELLO", b"KILN_APP_HELLO=y=y", b"include /etc/passwd",
           b"$(error boom)", b"export KILN_APP_HELLO=y", b"KILN_PLATFORM_HVT=y",
           b"KILN_PLATFORM_SPT=y", b"KILN_PLATFORM_SPTT=y", b"KILN_NO_SUCH_SYMBOL=y",
           b"\x00", b"KILN_APP_HELLO=\x00y", b"\t", b"KILN_APP_HELLO := y", b"-include x",
           b"KILN-APP=y", b"KILN_APP_HELLO+=y", b"KILN_ A=y"]
NAME_CHARS = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ_0123456789az-. $=#\"'\\"


def mutate_config(rng, text, seeds):
    lines = text.split(b"\n")
    for _ in range(rng.randint(1, 3)):
        i = rng.randrange(len(lines))
        op = rng.randrange(11)
        if op == 0 and len(lines) > 1:
            del lines[i]
        elif op == 1:
            lines.insert(i, lines[i])
        elif op == 2:
            j = rng.randrange(len(lines))
            lines[i], lines[j] = lines[j], lines[i]
        elif op == 3 and b"=" in lines[i]:
            lines[i] = lines[i].split(b"=", 1)[0] + b"=" + rng.choice(VALUES)
        elif op == 4 and lines[i]:
            k = rng.randrange(len(lines[i]))
            lines[i] = lines[i][:k] + bytes([rng.choice(NAME_CHARS)]) + lines[i][k + 1:]
        elif op == 5:
            lines.insert(i, rng.choice(GARBAGE))
        elif op == 6 and lines[i]:
            k = rng.randrange(len(lines[i]) + 1)
            lines[i] = lines[i][:k] + bytes([rng.randrange(256)]) + lines[i][k:]
        elif op == 7:
            m = re.match(rb"^(KILN_[A-Za-z0-9_]+)=y$", lines[i])
            n = re.match(rb"^# (KILN_[A-Za-z0-9_]+) is not set$", lines[i])
            if m:
                lines[i] = b"# " + m.group(1) + b" is not set"
            elif n:
                lines[i] = n.group(1) + b"=y"
        elif op == 8:
            lines[i] += b"\r"
        elif op == 9:
            other = rng.choice(seeds).split(b"\n")
            lines.insert(i, rng.choice(other))
        else:
            lines[i] = lines[i] * rng.randint(2, 50)
    out = b"\n".join(lines)
    if rng.randrange(20) == 0:
        out = out[:rng.randrange(len(out) + 1)]
    return out


def check_kconfig(text, work, declared, files):
    path = os.path.join(work, "input.config")
    with open(path, "wb") as f:
        f.write(text)
    shutil.rmtree(os.path.join(work, "check"), ignore_errors=True)
    try:
        r = subprocess.run([os.path.join(TOP, "scripts", "kconfig-check"), "config", path,
                            os.path.join(work, "check")] + files,
                           env=kconfig_env(work), capture_output=True, timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        raise Finding("no answer in %d s" % TIMEOUT)
    err = r.stderr.decode("utf-8", "replace")
    nlines = text.count(b"\n") + (0 if text.endswith(b"\n") or not text else 1)
    if r.returncode == 0:
        for n, line in enumerate(text.split(b"\n"), 1):
            s = line.decode("latin-1")
            if re.match(r"^[ \t]*(#.*)?$", s):
                continue
            m = re.match(r"^(KILN_[A-Za-z0-9_]+)=", s)
            if not m or m.group(1) not in declared:
                raise Finding("accepted, but line %d sets no declared symbol: %r" % (n, s))
        return "accepted"
    if r.returncode != 1 or not err.strip():
        raise Finding("exit status %d (want 0, or 1 with a message): %s" % (r.returncode, err))
    pattern = re.compile(r"^kconfig-check: %s:(\d+): \S" % re.escape(path))
    for line in err.rstrip("\n").split("\n"):  # not splitlines(): \x1c is no line end
        m = pattern.match(line)
        if not m:
            raise Finding("not a Kiln error naming file:line: %r" % line)
        if not 1 <= int(m.group(1)) <= max(nlines, 1):
            raise Finding("names line %s of a %d-line file: %r" % (m.group(1), nlines, line))
    return "refused"


# ---- gen-manifest --------------------------------------------------------------

NAME_RE = re.compile(r"^[A-Za-z0-9]{1,67}$")
ARG_CHARS = "abcXYZ019 *?\"'\\$\n-/:.\u00e9\t"
PREFIXES = ["block:", "net:", "blk:", "", "block", "Block:", "net::", "-"]
OPTIONS = ["--", "-h", "-x", "-o", "--help", "-", "-oother.c"]


def manifest_seeds():
    seeds = []
    for path in sorted(glob.glob(os.path.join(TOP, "tests", "mutate", "seeds", "gen-manifest",
                                              "*.json"))):
        with open(path) as f:
            seeds.append(json.load(f))
    return seeds


def mutate_args(rng, args):
    args = list(args)
    for _ in range(rng.randint(1, 3)):
        op = rng.randrange(9)
        i = rng.randrange(len(args) + 1)
        if op == 0 and args:
            del args[rng.randrange(len(args))]
        elif op == 1 and args:
            args.insert(i, rng.choice(args))
        elif op == 2 and args:
            k = rng.randrange(len(args))
            dev = args[k]
            j = rng.randrange(len(dev) + 1)
            args[k] = dev[:j] + rng.choice(ARG_CHARS) + dev[j + 1:]
        elif op == 3 and args:
            k = rng.randrange(len(args))
            name = args[k].split(":", 1)[-1]
            args[k] = rng.choice(PREFIXES) + name
        elif op == 4 and args:
            k = rng.randrange(len(args))
            args[k] = rng.choice(["block:", "net:"]) + "n" * rng.choice([0, 1, 66, 67, 68, 200])
        elif op == 5:
            count = rng.choice([62, 63, 64, 100])
            args = ["%s:d%d" % (rng.choice(["block", "net"]), n) for n in range(count)]
        elif op == 6:
            args.insert(rng.choice([0, i]), rng.choice(OPTIONS))
        elif op == 7 and args:
            k = rng.randrange(len(args))
            args[k] = args[k] * rng.randint(2, 4)
        else:
            args.insert(i, "%s:%s" % (rng.choice(["block", "net"]),
                                      "".join(rng.choice("abc01XY") for _ in range(3))))
    return args


def expected_manifest(args, out):
    """What the documented rules say: (output file, [(type, name)]) or None if refused."""
    args = list(args)
    while args and args[0].startswith("-"):
        a = args.pop(0)
        if a == "-o":
            if not args:
                return None
            out = args.pop(0)
        elif a.startswith("-o"):
            out = a[2:]
        elif a == "--":
            break
        else:
            return None  # -h, --help (usage, status 2) or an unknown option
    devices, seen = [], set()
    for dev in args:
        kind, _, name = dev.partition(":")
        if kind not in ("block", "net") or not dev.startswith(kind + ":"):
            return None
        if not NAME_RE.match(name) or name in seen:
            return None
        seen.add(name)
        devices.append((1 if kind == "block" else 2, name))
    if len(devices) > 63:
        return None
    return out, devices


# mft_abi.h: the manifest at byte 24 of the note, a u32 version and a u32 entry
# count, then 104-byte entries: name[68] (NUL-terminated), u32 type @68.
MFT1_DESC_OFFSET, ENTRY_SIZE, NAME_SIZE, MFT_RESERVED_FIRST = 24, 104, 68, 1 << 30


def read_back(c_file, work):
    """The manifest the C file compiles to, as a tender reads it: [(type, name)]."""
    obj, note = os.path.join(work, "manifest.o"), os.path.join(work, "note.bin")
    cc = subprocess.run(["gcc", "-c", "-x", "c", "-Wall", "-Werror", "-I",
                         os.path.join(TOP, "boot", "include"), "-o", obj, c_file],
                        capture_output=True, text=True)
    if cc.returncode != 0:
        raise Finding("accepted, but the C it wrote does not compile:\n" + cc.stderr)
    subprocess.run(["objcopy", "-O", "binary", "--only-section=.note.solo5.manifest", obj, note],
                   check=True)
    with open(note, "rb") as f:
        data = f.read()
    version, entries = struct.unpack_from("<II", data, MFT1_DESC_OFFSET)
    got = []
    for i in range(entries):
        at = MFT1_DESC_OFFSET + 8 + i * ENTRY_SIZE
        if at + ENTRY_SIZE > len(data):
            raise Finding("accepted, but the note holds fewer than its %d entries" % entries)
        name = data[at:at + NAME_SIZE].split(b"\0")[0].decode("latin-1")
        got.append((struct.unpack_from("<I", data, at + NAME_SIZE)[0], name))
    if version != 1 or not got or got[0] != (MFT_RESERVED_FIRST, ""):
        raise Finding("accepted, but the manifest is malformed: %r" % got)
    return got[1:]


def check_manifest(args, work):
    # A fresh folder each time: -o may name any file, relative to it.
    work = os.path.join(work, "run")
    shutil.rmtree(work, ignore_errors=True)
    os.mkdir(work)
    default_out = os.path.join(work, "manifest.c")
    argv = ["-o", default_out] + list(args)
    want = expected_manifest(argv, None)
    try:
        r = subprocess.run([os.path.join(TOP, "scripts", "gen-manifest")] + argv, cwd=work,
                           capture_output=True, timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        raise Finding("no answer in %d s" % TIMEOUT)
    err = r.stderr.decode("utf-8", "replace")
    if r.returncode == 0:
        if want is None:
            raise Finding("accepted arguments the rules refuse")
        got = read_back(os.path.join(work, want[0]), work)
        if got != want[1]:
            raise Finding("the manifest holds %r, not the devices given %r" % (got, want[1]))
        return "accepted"
    if r.returncode != 2 or not err.strip():
        raise Finding("exit status %d (want 0, or 2 with a message): %s" % (r.returncode, err))
    if want is not None:
        raise Finding("refused arguments the rules allow: %s" % err)
    plain = err  # the message with the (quoted) arguments taken out: they may hold line breaks
    for a in sorted(argv, key=len, reverse=True):
        plain = plain.replace("'%s'" % a, "'ARG'")
    for line in plain.rstrip("\n").split("\n"):
        if not re.match(r"^(gen-manifest: |usage: gen-manifest |  NAME: )", line):
            raise Finding("not a gen-manifest error: %r" % line)
    named = any("'%s'" % a in err for a in argv) or "devices given" in err
    if not (named or err.startswith("usage:")):
        raise Finding("the message names no argument: %s" % err)
    if os.listdir(work):
        raise Finding("refused, but a file was written: %s" % os.listdir(work))
    return "refused"


# ---- the runner ----------------------------------------------------------------

def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("target", choices=["kconfig-check", "gen-manifest"])
    ap.add_argument("-n", type=int, default=300, help="inputs to try (default 300)")
    ap.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    ap.add_argument("--save", default=os.path.join(tempfile.gettempdir(), "kiln-mutate"),
                    help="where findings are saved")
    ap.add_argument("--replay", nargs="+", metavar="FILE", help="check these inputs only")
    opt = ap.parse_args()

    work = tempfile.mkdtemp(prefix="kiln-mutate-")
    start = time.time()
    rng = random.Random(opt.seed)
    counts = {"accepted": 0, "refused": 0}
    findings = 0
    try:
        if opt.target == "kconfig-check":
            declared, files = declared_symbols(), kconfig_files()
            check = lambda text: check_kconfig(text, work, declared, files)
            if opt.replay:
                inputs = [open(p, "rb").read() for p in opt.replay]
            else:
                seeds = kconfig_seeds(work)
                inputs = seeds + [mutate_config(rng, rng.choice(seeds), seeds)
                                  for _ in range(max(opt.n - len(seeds), 0))]
            suffix, dump = ".config", lambda x: x
        else:
            check = lambda args: check_manifest(args, work)
            if opt.replay:
                inputs = [json.load(open(p)) for p in opt.replay]
            else:
                seeds = manifest_seeds()
                inputs = seeds + [mutate_args(rng, rng.choice(seeds))
                                  for _ in range(max(opt.n - len(seeds), 0))]
            suffix, dump = ".json", lambda x: (json.dumps(x) + "\n").encode()
        for i, item in enumerate(inputs):
            try:
                counts[check(item)] += 1
            except Finding as e:
                findings += 1
                if opt.replay:
                    print("%s: %s: %s" % (opt.target, opt.replay[i], e))
                    continue
                os.makedirs(opt.save, exist_ok=True)
                saved = os.path.join(opt.save, "%s-%d-%d%s" % (opt.target, opt.seed, i, suffix))
                with open(saved, "wb") as f:
                    f.write(dump(item))
                print("%s: input %d: %s\n  saved as %s (keep it in "
                      "tests/mutate/regressions/%s/ once fixed)"
                      % (opt.target, i, e, saved, opt.target))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    total = counts["accepted"] + counts["refused"] + findings
    verdict = "clean" if findings == 0 else "%d FINDINGS" % findings
    print("%s: %s for %d inputs (%d accepted, %d refused, seed %d) in %.0f s"
          % (opt.target, verdict, total, counts["accepted"], counts["refused"],
             opt.seed, time.time() - start))
    return 1 if findings else 0


if __name__ == "__main__":
    sys.exit(main())
