#!/usr/bin/env python3
"""Two sweeps against CPython 3.13, each compiled into a small program:
- PyBuiltins' float repr on ~310,000 doubles (random bit patterns, rounded decimals of every
  magnitude, every power of ten times a few mantissas, integers around 1e16);
- PySocket's str repr (`pythonRepr`) of every code point but the surrogates (1,112,064).

Not in CI (it needs python3.13 and swiftc); the committed tests hold a sample of both.
Usage: python3.13 scripts/check_repr_sweeps.py   (prints "floats: total N bad 0" and
"code points: total N bad 0"; exit 1 on any difference)
"""
import random
import re
import struct
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
assert sys.version_info[:2] == (3, 13), "run with python3.13: the expected reprs are CPython 3.13's"

source = (ROOT / "Sources/PyBuiltins/Repr.swift").read_text()
function = re.search(r"^func pythonFloatRepr.*?^}\n", source, re.S | re.M).group(0)
main = function + r'''
var bad = 0, total = 0
while let line = readLine() {
    let parts = line.split(separator: " ")
    guard parts.count == 2, let value = Double(String(parts[0])) else { continue }
    total += 1
    let mine = pythonFloatRepr(value)
    if mine != parts[1] {
        bad += 1
        if bad <= 20 { print("differs:", parts[0], "CPython", parts[1], "PyBuiltins", mine) }
    }
}
print("floats: total", total, "bad", bad)
'''

repr_sources = "".join(
    (ROOT / path).read_text().replace("package func", "func")
    for path in ("Sources/PySocket/API/PyRepr.swift", "Sources/PySocket/API/PyRepr+Unassigned.swift"))
string_main = repr_sources + r'''
var bad = 0, total = 0
while let line = readLine() {
    let parts = line.split(separator: " ", maxSplits: 1)
    guard parts.count == 2, let code = UInt32(parts[0]), let scalar = Unicode.Scalar(code) else { continue }
    total += 1
    let mine = pythonRepr(String(Character(scalar)))
    if mine != String(parts[1]) {
        bad += 1
        if bad <= 20 { print("differs: U+" + String(code, radix: 16), "CPython", parts[1], "PySocket", mine) }
    }
}
print("code points: total", total, "bad", bad)
'''

rng = random.Random(7)
values = []
for _ in range(150000):
    (x,) = struct.unpack("<d", rng.getrandbits(64).to_bytes(8, "little"))
    if x == x and abs(x) != float("inf"):
        values.append(x)
for _ in range(150000):
    values.append(round(10 ** rng.uniform(-30, 30), rng.randint(0, 17)))
for e in range(-330, 310):
    for m in (1, 2, 5, 9.999999999999999, 1.5, 123456789):
        try:
            values.append(float(f"{m}e{e}"))
        except OverflowError:
            pass
for i in range(1, 2000):
    values += [float(10**16 - i), float(10**16 + 2 * i), i * 1e-5, i / 1e4]



def run(source, lines):
    with tempfile.TemporaryDirectory() as tmp:
        program = Path(tmp) / "main.swift"
        program.write_text(source)
        subprocess.run(["swiftc", "-O", str(program), "-o", str(Path(tmp) / "check")], check=True)
        result = subprocess.run([str(Path(tmp) / "check")], input=lines, capture_output=True, text=True, check=True)
    print(result.stdout, end="")
    return result.stdout.rstrip().endswith("bad 0")


floats_ok = run(main, "".join(f"{x.hex()} {x!r}\n" for x in values))
code_points = "".join(f"{cp} {chr(cp)!r}\n" for cp in range(0x110000) if not 0xD800 <= cp <= 0xDFFF)
strings_ok = run(string_main, code_points)
sys.exit(0 if floats_ok and strings_ok else 1)
