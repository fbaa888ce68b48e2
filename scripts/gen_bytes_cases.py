#!/usr/bin/env python3
"""Writes Tests/PySocketTests/BytesProtocolCases+Generated.swift: each Python expression of CASES
evaluated by CPython 3.13 (its str(), or 'ExceptionType: message'), beside the Swift spelling
that ports it. Run with CPython 3.13:  $(pyenv root)/versions/3.13.0/bin/python3.13 scripts/gen_bytes_cases.py
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from swift_literals import swift_string  # noqa: E402

# (Python expression, Swift expression returning something printable)
CASES = [
    # Python slices with negative ends
    ('b"hello world"[1:-2]', 'b("hello world")[1, -2]'),
    ('b"hello world"[:-2]', 'b("hello world")[nil, -2]'),
    ('b"hello world"[-3:]', 'b("hello world")[-3, nil]'),
    ('b"hello world"[5:1]', 'b("hello world")[5, 1]'),
    ('b"hello world"[-100:100]', 'b("hello world")[-100, 100]'),
    ('b"hello world"[1:-2:2]', 'try b("hello world")[1, -2, 2]'),
    ('b"hello world"[::-1]', 'try b("hello world")[nil, nil, -1]'),
    ('b"hello world"[10:-20:-3]', 'try b("hello world")[10, -20, -3]'),
    ('b"hello world"[-1:-100:-4]', 'try b("hello world")[-1, -100, -4]'),
    ('b"hello world"[100::-2]', 'try b("hello world")[100, nil, -2]'),
    ('b"hello"[::0]', 'try b("hello")[nil, nil, 0]'),
    # % formatting
    ('b"*%d\\r\\n" % 3', 'try b("*%d\\r\\n") % 3'),
    ('b"$%d\\r\\n%b\\r\\n" % (5, b"hello")', 'try b("$%d\\r\\n%b\\r\\n") % (5, b("hello"))'),
    ('b"%s|%5d|%-5d|%05d|%+d|% d" % (b"x", 42, 42, -42, 7, 7)', 'try b("%s|%5d|%-5d|%05d|%+d|% d") % (b("x"), 42, 42, -42, 7, 7)'),
    ('b"%x %X %#x %#o %o %08.3x" % (255, 255, 255, 8, 8, 10)', 'try b("%x %X %#x %#o %o %08.3x") % (255, 255, 255, 8, 8, 10)'),
    ('b"%c%c" % (65, b"B")', 'try b("%c%c") % (65, b("B"))'),
    ('b"%r %a" % (b"q\'", "h\\xe9")', 'try b("%r %a") % (b("q\'"), "h\\u{e9}")'),
    ('b"%.3s|%10b|%-4s|" % (b"abcdef", b"r", b"l")', 'try b("%.3s|%10b|%-4s|") % (b("abcdef"), b("r"), b("l"))'),
    ('b"%*d|%-*d|%.*d" % (5, 1, 4, 2, 3, 7)', 'try b("%*d|%-*d|%.*d") % (5, 1, 4, 2, 3, 7)'),
    ('b"100%%" % ()', 'try b("100%%") % ()'),
    # the one-pass path: negative and wide ints, heap and shared-slice %b, %%, 256 and 257 bytes
    ('b"%d|%d|%d%%" % (-7, 0, 18446744073709551615)', 'try b("%d|%d|%d%%") % (-7, 0, UInt64.max)'),
    ('b"$%d\\r\\n%b\\r\\n" % (40, b"v" * 40)', 'try b("$%d\\r\\n%b\\r\\n") % (40, b("v") * 40)'),
    ('b"[%s]" % (b"k" * 20 + b"=" + b"w" * 20).partition(b"=")[2]', 'try b("[%s]") % (try (b("k") * 20 + b("=") + b("w") * 20).partition(b("=")).2)'),
    ('b"%b%b" % (bytes([1, 2]), b"")', 'try b("%b%b") % (bytes([1, 2] as [UInt8]), b(""))'),
    ('len(b"%b!" % (b"a" * 255))', 'try (b("%b!") % (b("a") * 255)).count'),
    ('(b"%b!%d" % (b"a" * 255, 42))[-4:]', 'try (b("%b!%d") % (b("a") * 255, 42))[-4, nil]'),
    ('b"%d %b" % (1, 2)', 'try b("%d %b") % (1, 2)'),
    ('b"%b %d" % (b"x", b"y")', 'try b("%b %d") % (b("x"), b("y"))'),
    ('b"%d %d" % 1', 'try b("%d %d") % 1'),
    ('b"%d" % (1, 2)', 'try b("%d") % (1, 2)'),
    ('b"%s" % "text"', 'try b("%s") % "text"'),
    ('b"%d" % b"12"', 'try b("%d") % b("12")'),
    ('b"%x" % 1.5', 'try b("%x") % 1.5'),
    ('b"%q" % 1', 'try b("%q") % 1'),
    ('b"abc%" % ()', 'try b("abc%") % ()'),
    ('b"%c" % 256', 'try b("%c") % 256'),
    ('b"%c" % b"ab"', 'try b("%c") % b("ab")'),
    ('b"%d" % 2.75', 'try b("%d") % 2.75'),
    ('b"%d" % -9223372036854775807', 'try b("%d") % -9223372036854775807'),
    # partition, rpartition, splitlines, in
    ('b"key:value:more".partition(b":")', 'try b("key:value:more").partition(":")'),
    ('b"key:value:more".rpartition(b":")', 'try b("key:value:more").rpartition(":")'),
    ('b"novalue".partition(b":")', 'try b("novalue").partition(":")'),
    ('b"novalue".rpartition(b":")', 'try b("novalue").rpartition(":")'),
    ('b"x".partition(b"")', 'try b("x").partition("")'),
    ('b"x".rpartition(b"")', 'try b("x").rpartition("")'),
    ('b"a\\r\\nb\\rc\\n\\nd".splitlines()', 'b("a\\r\\nb\\rc\\n\\nd").splitlines()'),
    ('b"a\\r\\nb\\rc\\n\\nd\\r".splitlines(True)', 'b("a\\r\\nb\\rc\\n\\nd\\r").splitlines(true)'),
    ('b"".splitlines()', 'b("").splitlines()'),
    ('b"one\\x0btwo\\x0cthree".splitlines()', 'b("one\\u{0b}two\\u{0c}three").splitlines()'),
    ('b"lo w" in b"hello world"', 'b("hello world").contains("lo w")'),
    ('b"low" in b"hello world"', 'b("hello world").contains("low")'),
    ('b"" in b""', 'b("").contains("")'),
    # `in` a list of bytes (a concrete overload of Sequence.contains)
    ('b"\\n" in [b"\\r\\n", b"\\n", b""]', '[b("\\r\\n"), b("\\n"), b("")].contains(b("\\n"))'),
    ('b"Server: nginx\\r\\n" in [b"\\r\\n", b"\\n", b""]', '[b("\\r\\n"), b("\\n"), b("")].contains(b("Server: nginx\\r\\n"))'),
    ('b"a much longer item, on the heap" in [b"a", b"a much longer item, on the heap"]', '[b("a"), b("a much longer item, on the heap")].contains(b("a much longer item, on the heap"))'),
    ('b"" in []', '[bytes]().contains(b(""))'),
    ('b"hello world".rfind(b"o")', 'b("hello world").rfind("o")'),
    ('b"hello world".rfind(b"o", 0, 5)', 'b("hello world").rfind("o", 0, 5)'),
    ('b"hello world".rfind(b"")', 'b("hello world").rfind("")'),
    ('b"hello world".find(b"o", -4)', 'b("hello world").find("o", -4)'),
    ('b"-".join([b"a", b"", b"bc"])', 'b("-").join([b("a"), b(""), b("bc")])'),
    # join copying inline, heap and shared-slice items with no closure, and past 256 bytes
    ('b"".join([b"0123456789abcdef", b"!", b"0123456789abcdefg"])', 'b("").join([b("0123456789abcdef"), b("!"), b("0123456789abcdefg")])'),
    ('b"<sep-longer-than-16>".join([b"a", b"b" * 20, b""])', 'try b("<sep-longer-than-16>").join([b("a"), b("b") * 20, b("")])'),
    ('len(b"-".join([b"x" * 100, b"y" * 100, b"z" * 60]))', 'try b("-").join([b("x") * 100, b("y") * 100, b("z") * 60]).count'),
    ('b"|".join([b"x" * 100, b"y" * 100, b"z" * 60])[-3:]', 'try b("|").join([b("x") * 100, b("y") * 100, b("z") * 60])[-3, nil]'),
    ('b",".join([(b"p" * 20 + b":" + b"q" * 20).partition(b":")[2], bytes([1, 2])])', 'b(",").join([try (b("p") * 20 + b(":") + b("q") * 20).partition(b(":")).2, bytes([1, 2] as [UInt8])])'),
    ('b"".join([b"x" * 3, b"yz"])', 'try b("").join([b("x") * 3, b("yz")])'),
    ('b", ".join([])', 'b(", ").join([bytes]())'),
    # strip, case, repetition and whitespace split (rewritten over raw memory)
    ('b"  a b \\t\\r\\n".strip()', 'b("  a b \\t\\r\\n").strip()'),
    ('b"xxhixyx".strip(b"xy")', 'b("xxhixyx").strip("xy")'),
    ('b"HTTP/1.1 200 OK\\r\\n".rstrip(b"\\r\\n")', 'b("HTTP/1.1 200 OK\\r\\n").rstrip("\\r\\n")'),
    ('b"\\r\\n".rstrip(b"\\r\\n")', 'b("\\r\\n").rstrip("\\r\\n")'),
    ('b"  left".lstrip()', 'b("  left").lstrip()'),
    ('b"Content-Type: \\xc3\\xa9".lower()', 'b([0x43, 0x6f, 0x6e, 0x74, 0x65, 0x6e, 0x74, 0x2d, 0x54, 0x79, 0x70, 0x65, 0x3a, 0x20, 0xc3, 0xa9]).lower()'),
    ('b"keep-alive".upper()', 'b("keep-alive").upper()'),
    # case mapping of inline values (eight bytes at a time): every boundary byte, 1 to 16 bytes
    ('b"@AZ[`az{\\x80\\xc1\\xda\\xe1\\xfa\\xff".lower()', 'bytes([0x40, 0x41, 0x5a, 0x5b, 0x60, 0x61, 0x7a, 0x7b, 0x80, 0xc1, 0xda, 0xe1, 0xfa, 0xff][...]).lower()'),
    ('b"@AZ[`az{\\x80\\xc1\\xda\\xe1\\xfa\\xff".upper()', 'bytes([0x40, 0x41, 0x5a, 0x5b, 0x60, 0x61, 0x7a, 0x7b, 0x80, 0xc1, 0xda, 0xe1, 0xfa, 0xff][...]).upper()'),
    ('b"Q".lower()', 'b("Q").lower()'),
    ('b"Content-Length".lower()', 'b("Content-Length").lower()'),
    ('b"transfer-encodinG".upper()', 'b("transfer-encodinG").upper()'),
    ('bytes(range(0x3f, 0x7f)).lower()', 'bytes(Array(UInt8(0x3f)..<0x7f)).lower()'),
    ('b"ab" * 3', 'try b("ab") * 3'),
    ('b"v" * 20', 'try b("v") * 20'),
    ('b"v" * -1', 'try b("v") * -1'),
    ('3 * b"ab"', 'try 3 * b("ab")'),
    ('b"" * (2**62)', 'try b("") * (1 << 62)'),
    # sizes past Int and past memory: CPython's errors, no trap
    ('b"ab" * (2**62)', 'try b("ab") * (1 << 62)'),
    ('b"a" * (2**62)', 'try b("a") * (1 << 62)'),
    ('b"ab" * (2**40)', 'try b("ab") * (1 << 40)'),
    ('b"a" * (2**63 - 1)', 'try b("a") * Int.max'),
    ('bytes(3)', 'try bytes(count: 3)'),
    ('bytes(-1)', 'try bytes(count: -1)'),
    ('bytes(2**62)', 'try bytes(count: 1 << 62)'),
    ('bytearray(3)', 'try bytearray(3)'),
    ('bytearray(-1)', 'try bytearray(-1)'),
    ('bytearray(2**62)', 'try bytearray(1 << 62)'),
    ('bytearray(b"ab") * 3', 'try bytearray("ab") * 3'),
    ('bytearray(b"ab") * -2', 'try bytearray("ab") * -2'),
    ('3 * bytearray(b"ab")', 'try 3 * bytearray("ab")'),
    ('bytearray() * (2**63 - 1)', 'try bytearray() * Int.max'),
    ('bytearray(b"ab") * (2**62)', 'try bytearray("ab") * (1 << 62)'),
    ('bytearray(b"x") * (2**62)', 'try bytearray("x") * (1 << 62)'),
    ('(lambda a: (a.__imul__(2), a)[1])(bytearray(b"xy"))', 'try { var a: bytearray = "xy"; try a *= 2; return a }()'),
    # Python's b[i], negative and out of range: b[py: i] raises where b[i] would trap
    ('b"abc"[-1]', 'try b("abc")[py: -1]'),
    ('b"abc"[0]', 'try b("abc")[py: 0]'),
    ('b"abc"[3]', 'try b("abc")[py: 3]'),
    ('b"abc"[-4]', 'try b("abc")[py: -4]'),
    ('b""[0]', 'try b("")[py: 0]'),
    ('b"a value longer than sixteen bytes"[-2]', 'try b("a value longer than sixteen bytes")[py: -2]'),
    ('bytearray(b"abc")[-1]', 'try bytearray("abc")[py: -1]'),
    ('bytearray(b"abc")[5]', 'try bytearray("abc")[py: 5]'),
    ('bytearray(b"abc")[-4]', 'try bytearray("abc")[py: -4]'),
    ('(lambda a: (a.__setitem__(-1, 122), a)[1])(bytearray(b"abc"))', 'try { var a: bytearray = "abc"; try a.__setitem__(-1, 122); return a }()'),
    ('(lambda a: (a.__setitem__(3, 1), a)[1])(bytearray(b"abc"))', 'try { var a: bytearray = "abc"; try a.__setitem__(3, 1); return a }()'),
    ('(lambda a: (a.__setitem__(0, 256), a)[1])(bytearray(b"abc"))', 'try { var a: bytearray = "abc"; try a.__setitem__(0, 256); return a }()'),
    ('(lambda a: (a.__setitem__(0, -1), a)[1])(bytearray(b"abc"))', 'try { var a: bytearray = "abc"; try a.__setitem__(0, -1); return a }()'),
    # Swift's range subscripts with Python's negative bounds, on bytes (inline and heap) and bytearray
    ('b"hello world"[-3:]', 'b("hello world")[(-3)...]'),
    ('b"hello world"[:-1]', 'b("hello world")[..<(-1)]'),
    ('b"hello world"[-5:-2]', 'b("hello world")[-5..<(-2)]'),
    ('b"hello world"[-3:]', 'b("hello world")[-3...(-1)]'),
    ('b"hello world"[:-2]', 'b("hello world")[...(-3)]'),
    ('b"a value longer than sixteen bytes"[-20:-2]', 'b("a value longer than sixteen bytes")[-20..<(-2)]'),
    ('b"a value longer than sixteen bytes"[-100:3]', 'b("a value longer than sixteen bytes")[-100..<3]'),
    ('bytearray(b"hello world")[-3:]', 'bytearray("hello world")[(-3)...]'),
    ('bytearray(b"hello world")[:-1]', 'bytearray("hello world")[..<(-1)]'),
    ('bytearray(b"hello world")[-5:-2]', 'bytearray("hello world")[-5..<(-2)]'),
    ('bytearray(b"hello world")[-20:2]', 'bytearray("hello world")[-20..<2]'),
    ('(lambda a: (a.__setitem__(slice(-3, None), b"XYZW"), a)[1])(bytearray(b"hello world"))',
     '{ var a: bytearray = "hello world"; a[(-3)...] = bytearray("XYZW"); return a }()'),
    ('(lambda a: (a.__setitem__(slice(None, -6), b""), a)[1])(bytearray(b"hello world"))',
     '{ var a: bytearray = "hello world"; a[..<(-6)] = bytearray(); return a }()'),
    ('(lambda a: (a.__setitem__(slice(-5, -2), b"-"), a)[1])(bytearray(b"hello world"))',
     '{ var a: bytearray = "hello world"; a[-5..<(-2)] = bytearray("-"); return a }()'),
    ('bytearray(b"a value longer than sixteen bytes") * 2', 'try bytearray("a value longer than sixteen bytes") * 2'),
    ('b"a value longer than sixteen bytes" * 2', 'try b("a value longer than sixteen bytes") * 2'),
    # + and += across the 16-byte inline limit (bytes' own heap buffer, grown geometrically)
    ('b"0123456789abcdef" + b"g"', 'b("0123456789abcdef") + b("g")'),
    ('(lambda: [x := b""] and [x := x + b"0123456789" for _ in range(5)][-1])()',
     '{ var x = bytes(); for _ in 0..<5 { x += b("0123456789") }; return x }()'),
    ('(lambda x: [x := x + x for _ in range(3)][-1])(b"a value of 17 byte")',
     '{ var x = b("a value of 17 byte"); for _ in 0..<3 { x += x }; return x }()'),
    ('b" VALUE  key 0 5\\r\\n".split()', 'try b(" VALUE  key 0 5\\r\\n").split()'),
    ('b" a  b c ".split(None, 1)', 'try b(" a  b c ").split(nil, 1)'),
    # int(bytes)
    ('int(b"12")', 'try Int(b("12"))'),
    ('int(b"  -42\\r\\n")', 'try Int(b("  -42\\r\\n"))'),
    ('int(b"1_000_000")', 'try Int(b("1_000_000"))'),
    ('int(b"ff", 16)', 'try Int(b("ff"), 16)'),
    ('int(b"0x1F", 16)', 'try Int(b("0x1F"), 16)'),
    ('int(b"0x_1f", 0)', 'try Int(b("0x_1f"), 0)'),
    ('int(b"0o17", 0)', 'try Int(b("0o17"), 0)'),
    ('int(b"000", 0)', 'try Int(b("000"), 0)'),
    ('int(b"010", 0)', 'try Int(b("010"), 0)'),
    ('int(b"1__0")', 'try Int(b("1__0"))'),
    ('int(b"_1")', 'try Int(b("_1"))'),
    ('int(b"1_")', 'try Int(b("1_"))'),
    ('int(b"")', 'try Int(b(""))'),
    ('int(b"12x")', 'try Int(b("12x"))'),
    ('int(b"1a", 1)', 'try Int(b("1a"), 1)'),
    ('int(b"zz", 36)', 'try Int(b("zz"), 36)'),
    ('int(b"9223372036854775807")', 'try Int(b("9223372036854775807"))'),
    ('int(b"-9223372036854775808")', 'try Int(b("-9223372036854775808"))'),
    # codecs: names normalised as the registry does, decoding in one pass
    ('b"caf\\xc3\\xa9".decode("UTF-8")', 'try b([0x63, 0x61, 0x66, 0xc3, 0xa9]).decode("UTF-8")'),
    ('b"caf\\xc3\\xa9".decode("u8")', 'try b([0x63, 0x61, 0x66, 0xc3, 0xa9]).decode("u8")'),
    ('b"caf\\xe9".decode("Latin-1")', 'try b([0x63, 0x61, 0x66, 0xe9]).decode("Latin-1")'),
    ('b"caf\\xe9".decode("ISO8859-1")', 'try b([0x63, 0x61, 0x66, 0xe9]).decode("ISO8859-1")'),
    ('b"caf\\xe9".decode("latin-1")', 'try b([0x63, 0x61, 0x66, 0xe9]).decode("latin-1")'),
    ('b"plain".decode("ascii")', 'try b("plain").decode("ascii")'),
    ('b"caf\\xe9".decode("ascii")', 'try b([0x63, 0x61, 0x66, 0xe9]).decode("ascii")'),
    ('b"ab\\xff".decode("utf-8")', 'try b([0x61, 0x62, 0xff]).decode("utf-8")'),
    ('b"ab\\xed\\xa0\\x80".decode("utf-8")', 'try b([0x61, 0x62, 0xed, 0xa0, 0x80]).decode("utf-8")'),
    ('b"ab\\xff".decode("utf-8", "bogus")', 'try b([0x61, 0x62, 0xff]).decode("utf-8", "bogus")'),
    ('b"ab".decode("utf-8", "bogus")', 'try b("ab").decode("utf-8", "bogus")'),
    ('b"ab".decode("klingon")', 'try b("ab").decode("klingon")'),
    ('"h\\xe9llo".encode("utf-8")', 'try "h\\u{e9}llo".encode("utf-8")'),
    ('"h\\xe9llo".encode("Latin_1")', 'try "h\\u{e9}llo".encode("Latin_1")'),
    ('"hello".encode("US-ASCII")', 'try "hello".encode("US-ASCII")'),
    ('"h\\xe9llo".encode("ascii")', 'try "h\\u{e9}llo".encode("ascii")'),
]


def evaluate(expr):
    try:
        value = eval(expr)
    except Exception as e:
        return f"{type(e).__name__}: {e}"
    if isinstance(value, tuple):
        return "(" + ", ".join(repr(v) for v in value) + ")"
    return str(value)


def main():
    if sys.version_info[:2] != (3, 13):
        raise SystemExit("run this with CPython 3.13")
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    lines = [
        "// Generated by scripts/gen_bytes_cases.py with CPython %s: do not edit." % sys.version.split()[0],
        "// Each case: the Python expression, CPython's str() of its value (or 'Type: message'),",
        "// and the Swift spelling that ports it, evaluated by BytesProtocolTests.",
        "import PySocket",
        "",
        "/// A `bytes` from a literal, as Python's b\"...\" (keeps the cases short).",
        "func b(_ value: bytes) -> bytes { value }",
        "",
        "let bytesProtocolCases: [(python: String, expected: String, swift: @Sendable () throws -> Any)] = [",
    ]
    for py, sw in CASES:
        lines.append(f"    ({swift_string(py, ascii_only=True)}, {swift_string(evaluate(py), ascii_only=True)}, {{ {sw} }}),")
    lines.append("]")
    path = os.path.join(root, "Tests", "PySocketTests", "BytesProtocolCases+Generated.swift")
    with open(path, "w") as f:
        f.write("\n".join(lines) + "\n")
    print("wrote", path)


main()
