#!/usr/bin/env python3
"""Differential check of PyBuiltins' format(), format specifications and str % against CPython:
random (value, spec) cases, each formatted by CPython (this script, run with python3.13) and by
the `format_fuzz` executable; prints the cases that differ.

    swift build --product format_fuzz
    $(pyenv root)/versions/3.13.0/bin/python3.13 scripts/format_fuzz.py [SEED ...]
"""
import os
import random
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BINARY = os.path.join(subprocess.run(["swift", "build", "--show-bin-path"], cwd=ROOT, capture_output=True,
                                     text=True).stdout.strip(), "format_fuzz")
random.seed(int(sys.argv[1]) if len(sys.argv) > 1 else 1)

fills = ["", "*", "0", " ", "x"]
aligns = ["", "<", ">", "^", "="]
signs = ["", "+", "-", " "]
def spec(types):
    s = ""
    a = random.choice(aligns)
    if a and random.random() < 0.5: s += random.choice(fills[1:])
    s += a
    s += random.choice(signs)
    if random.random() < 0.1: s += "z"
    if random.random() < 0.2: s += "#"
    if random.random() < 0.2: s += "0"
    if random.random() < 0.5: s += str(random.randint(0, 14))
    if random.random() < 0.2: s += random.choice([",", "_"])
    if random.random() < 0.4: s += "." + str(random.randint(0, 12))
    s += random.choice(types)
    return s
cases = []
for _ in range(3000):
    k = random.choice("iifs")
    if k == "i":
        v = random.choice([0, 1, -1, 7, 255, -255, 65, 1234567, -9876543210, 2**62, -2**63])
        cases.append(("i", str(v), spec(["", "d", "x", "X", "o", "b", "c", "n", "e", "f", "g", "%", "E", "G", "s"])))
    elif k == "f":
        v = random.choice([0.0, -0.0, 0.5, -1.5, 1/3, 2.675, 1e16, 1e-7, 123456.789, -1e300, 1e22, 0.125, 9.9999, float("inf"), float("-inf"), float("nan")])
        cases.append(("f", repr(v), spec(["", "e", "E", "f", "F", "g", "G", "%", "n", "d"])))
    else:
        v = random.choice(["", "a", "héllo", "abc def"])
        cases.append(("s", v, spec(["", "s", "d"])))
# percent templates
templates = ["%d %f %s", "%5d|%-8.3f|%r", "%x %e %s", "%+05d %g %.1s", "%#o %G %a", "%c %E %5s", "%i %.0f %-4r|", "%u %10.2e %%%s"]
for _ in range(300):
    cases.append(("p", random.choice(templates), str(random.choice([0, 5, -5, 65, 255, 10**12]))))
def py_outcome(k, v, s):
    try:
        if k == "i": r = format(int(v), s)
        elif k == "f": r = format(float(v), s)
        elif k == "s": r = format(v, s)
        else: r = v % (int(s), 2.5, "x")
    except Exception as e:
        r = f"{type(e).__name__}: {e}"
    return r
inp = "\n".join("\t".join(c) for c in cases) + "\n"
out = subprocess.run([BINARY], input=inp, capture_output=True, text=True).stdout.split("\n")
bad = 0
for c, o in zip(cases, out):
    exp = py_outcome(*c)
    got = bytes(int(x, 16) for x in o.split()).decode()
    if exp != got:
        bad += 1
        if bad <= 40: print(c, "py:", repr(exp), "swift:", repr(got))
print("cases", len(cases), "differ", bad)
