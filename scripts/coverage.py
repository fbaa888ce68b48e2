#!/usr/bin/env python3
"""API coverage: every public name of CPython's `socket` module, and of `socket.socket` objects,
that PySocket lacks.

CPython's names come from the committed capture scripts/data/cpython-3.13-linux-socket.json
(`dir(socket)`, `dir(socket.socket)`; made by scripts/gen_constants.py with python3.13), so this
runs with any python3 >= 3.8 and needs no CPython 3.13.

PySocket's names come from a scan of Sources/PySocket/**.swift, keeping static and instance apart:
  module names  (`socket.NAME`) : `public static let/var/func NAME`, `public typealias NAME` and
                                   nested `public class/struct/enum/actor/protocol NAME`, declared
                                   directly inside `extension socket` / `class socket`;
  object members (`s.NAME`)     : `public let/var/func NAME` (not static) directly inside them.

Exit status 1 if a name is missing that is not in KNOWN_MISSING, or if KNOWN_MISSING lists a
name that is no longer missing (keep the list true); 0 otherwise.
"""
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "scripts/data/cpython-3.13-linux-socket.json"
SOURCES = ROOT / "Sources/PySocket"

# THE list of names in `dir(socket)` that are not API (the README's "Not API" section repeats it).
# Besides these, dunder names (`__all__`...) and private `_names` are never API.
NOT_API = {
    # Python's enum base classes, which socket.py imports to build AddressFamily and friends.
    "IntEnum", "IntFlag",
    # Modules socket.py imports for its own use.
    "os", "sys", "io", "selectors", "array", "errno",
    # Names socket.py imports from `errno` (PySocket has them as `errno.EBADF`...).
    "EBADF", "EAGAIN", "EWOULDBLOCK",
    # The PyCapsule through which C extension modules reach `_socket`'s C API.
    "CAPI",
}

# Names that PySocket does not have yet. Each entry is a known gap, to be removed when the name
# lands (the script fails on a stale entry). Module names as `NAME`, object members as `s.NAME`.
KNOWN_MISSING: set = set()


def is_api(name):
    return not name.startswith("_") and name not in NOT_API


def strip_comments_and_strings(text):
    """Source text with comments and string literals blanked, so braces can be counted."""
    out = []
    i, n = 0, len(text)
    while i < n:
        if text.startswith("//", i):
            j = text.find("\n", i)
            i = n if j < 0 else j
        elif text.startswith("/*", i):
            depth, i = 1, i + 2
            while i < n and depth:
                if text.startswith("/*", i):
                    depth, i = depth + 1, i + 2
                elif text.startswith("*/", i):
                    depth, i = depth - 1, i + 2
                else:
                    out.append("\n" if text[i] == "\n" else "")
                    i += 1
        elif text.startswith('"""', i):
            j = text.find('"""', i + 3)
            j = n if j < 0 else j + 3
            out.append('""' + "\n" * text.count("\n", i, j))
            i = j
        elif text[i] == '"':
            j = i + 1
            while j < n and text[j] not in '"\n':
                j += 2 if text[j] == "\\" else 1
            out.append('""')
            i = j + 1
        else:
            out.append(text[i])
            i += 1
    return "".join(out)


SOCKET_SCOPE = re.compile(r"\b(?:extension|class|struct|enum|actor)\s+(?:PySocket\.)?socket\b(?!\s*\.)")
DECL = re.compile(
    r"(?:@\w+(?:\([^)]*\))?\s+)*(?:public|open)\s+"
    r"((?:(?:final|static|class|nonisolated|override|mutating|convenience|required|dynamic|lazy|indirect)\s+)*)"
    r"(let|var|func|typealias|class|struct|enum|actor|protocol)\s+`?(\w+)`?")


def scan(path):
    """(module names, object members) declared directly inside `socket` in one Swift file."""
    text = strip_comments_and_strings(path.read_text())
    statics, members = set(), set()
    stack = []          # one entry per open brace: True if it opens a `socket` scope
    segment_start = 0   # where the current line or statement began
    for i, ch in enumerate(text):
        if ch not in "{};\n":
            continue
        segment = text[segment_start:i]
        segment_start = i + 1
        if stack and stack[-1]:
            m = DECL.search(segment)
            if m:
                mods, kind, name = m.group(1).split(), m.group(2), m.group(3)
                if kind in ("let", "var", "func") and not ("static" in mods or "class" in mods):
                    members.add(name)
                else:
                    statics.add(name)
        if ch == "{":
            stack.append(bool(SOCKET_SCOPE.search(segment))
                         and not re.search(r"\b(func|var|let|init|subscript)\b", segment))
        elif ch == "}" and stack:
            stack.pop()
    return statics, members


def pysocket_names():
    statics, members = set(), set()
    for path in sorted(SOURCES.rglob("*.swift")):
        s, m = scan(path)
        statics |= s
        members |= m
    return statics, members


def missing_names(data):
    statics, members = pysocket_names()
    module = sorted(n for n in data["module"] if is_api(n) and n not in statics)
    objects = sorted("s." + n for n in data["socket_members"] if is_api(n) and n not in members)
    return module, objects


def main():
    data = json.loads(DATA.read_text())
    module, objects = missing_names(data)
    missing = module + objects
    api_module = [n for n in data["module"] if is_api(n)]
    api_objects = [n for n in data["socket_members"] if is_api(n)]
    print("coverage: CPython {} socket module: {} public names, {} missing; socket objects: {} "
          "public members, {} missing".format(data["python"], len(api_module), len(module),
                                              len(api_objects), len(objects)))
    for n in missing:
        kind = data["module"].get(n) if not n.startswith("s.") else data["socket_members"].get(n[2:])
        note = "  (known, allowlisted)" if n in KNOWN_MISSING else ""
        print("  missing: {:<40} {}{}".format(n, kind, note))
    unexpected = [n for n in missing if n not in KNOWN_MISSING]
    stale = sorted(KNOWN_MISSING - set(missing))
    for n in stale:
        print("  now present, remove it from KNOWN_MISSING in scripts/coverage.py: " + n)
    if unexpected or stale:
        print("coverage: FAILED ({} missing beyond the allowlist, {} stale allowlist entries)".format(
            len(unexpected), len(stale)))
        return 1
    print("coverage: ok" + (" ({} known gaps allowlisted)".format(len(missing)) if missing else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main())
