#!/usr/bin/env python3
"""Whole programs (Tests/Programs/NAME/) and examples (Examples/NAME.py beside Examples/NAME/): capture
CPython's output, check it is current, count port lines.

  scripts/programs.py [--examples] capture [NAME...]   run NAME.py under CPython 3.13 (twice: the output must not
                                          change) and write NAME.expected and captured.txt
  scripts/programs.py --check             both collections; no python3.13 needed: every program has its .py, its port
                                          (main.swift) and its .expected; captured.txt's hash of each
                                          .py is current; Package.swift lists every program; README's
                                          "Whole programs" table is what `count` prints
  scripts/programs.py [--examples] diff [NAME...]      run the built ports (swift build first) and show how each
                                          output differs from NAME.expected
  scripts/programs.py [--examples] count [NAME...]     the table: lines of each port, lines differing from the
                                          Python source beyond syntax (see py_tokens/swift_tokens);
                                          with names, the lines that differ

NAME.expected is stdout, then, only if not empty, a line `--- stderr ---` and stderr, then, only if
the exit status is not 0, a line `--- exit status N ---`. The Swift test (Tests/ProgramsTests) builds
the same text from the port's child process and compares byte for byte.

The two collections differ only in where NAME.py lives (beside main.swift in Tests/Programs/NAME/,
beside the folder NAME/ in Examples/), in the executable's prefix (program_/example_), in Package.swift's
list (`let programs`/`let examples`) and in README's table (under "Whole programs"/"Examples").
"""
import difflib
import hashlib
import os
import re
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


class Collection:
    """One directory of Python programs and their ports."""

    def __init__(self, directory, py_beside_folder, prefix, package_list, readme_heading):
        self.directory = os.path.join(ROOT, directory)
        self.py_beside_folder = py_beside_folder
        self.prefix = prefix
        self.package_list = package_list
        self.readme_heading = readme_heading
        self.manifest = os.path.join(self.directory, "captured.txt")

    def py(self, name):
        if self.py_beside_folder:
            return os.path.join(self.directory, name + ".py")
        return os.path.join(self.directory, name, name + ".py")

    def expected(self, name):
        return os.path.join(self.directory, name, name + ".expected")

    def port(self, name):
        return os.path.join(self.directory, name, "main.swift")

    def names(self):
        return sorted(d for d in os.listdir(self.directory)
                      if os.path.isdir(os.path.join(self.directory, d)) and os.path.isfile(self.py(d)))


PROGRAMS = Collection("Tests/Programs", False, "program_", "programs", "Whole programs")
EXAMPLES = Collection("Examples", True, "example_", "examples", "Examples")
C = PROGRAMS  # the collection a command works on (--examples selects EXAMPLES)
PYTHON = os.environ.get("PYTHON313") or os.path.join(
    os.popen("pyenv root 2>/dev/null").read().strip() or os.path.expanduser("~/.pyenv"),
    "versions", "3.13.0", "bin", "python3.13")


def names():
    return C.names()


def sha(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def expected_text(stdout, stderr, status):
    text = stdout
    if stderr:
        text += b"--- stderr ---\n" + stderr
    if status != 0:
        text += b"--- exit status %d ---\n" % status
    return text


def run_python(name):
    with tempfile.TemporaryDirectory() as cwd:
        proc = subprocess.run([PYTHON, C.py(name)], cwd=cwd,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=60,
                              env={"PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "PYTHONHASHSEED": "0"})
    return expected_text(proc.stdout, proc.stderr, proc.returncode)


def run_port(name):
    binary = os.path.join(subprocess.run(["swift", "build", "--show-bin-path"], cwd=ROOT,
                                         capture_output=True, text=True).stdout.strip(), C.prefix + name)
    with tempfile.TemporaryDirectory() as cwd:
        proc = subprocess.run([binary], cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              timeout=60, env={"PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"})
    if proc.returncode < 0:
        return proc.stdout + (b"--- stderr ---\n" + proc.stderr if proc.stderr else b"") + \
            b"--- killed by signal %d ---\n" % -proc.returncode
    return expected_text(proc.stdout, proc.stderr, proc.returncode)


def diff(selected):
    failed = 0
    for name in selected or names():
        expected = open(C.expected(name), "rb").read()
        actual = run_port(name)
        if actual == expected:
            print(f"{name}: matched")
            continue
        failed += 1
        print(f"{name}: DIFFERS")
        sys.stdout.writelines(difflib.unified_diff(
            expected.decode(errors="replace").splitlines(True), actual.decode(errors="replace").splitlines(True),
            "CPython", "port"))
    sys.exit(1 if failed else 0)


def capture(selected):
    version = subprocess.run([PYTHON, "--version"], capture_output=True, text=True).stdout.strip()
    manifest = read_manifest(C)
    for name in selected or names():
        first, second = run_python(name), run_python(name)
        if first != second:
            sys.exit(f"{name}: the output changed between two runs; make the program deterministic")
        with open(C.expected(name), "wb") as f:
            f.write(first)
        manifest[name] = (sha(C.py(name)), version)
        print(f"captured {name} ({len(first)} bytes) with {version}")
    with open(C.manifest, "w") as f:
        f.write("# scripts/programs.py capture: sha256 of NAME.py when NAME.expected was captured\n")
        for name in sorted(manifest):
            f.write(f"{name} {manifest[name][0]} {manifest[name][1]}\n")


def read_manifest(collection):
    manifest = {}
    if os.path.exists(collection.manifest):
        for line in open(collection.manifest):
            if line.strip() and not line.startswith("#"):
                name, digest, version = line.split(" ", 2)
                manifest[name] = (digest, version.strip())
    return manifest


# ---- counting lines that differ beyond syntax ----------------------------------------------

# Python spelling -> the Swift spelling it is syntax for.
WORDS = {"True": "true", "False": "false", "None": "nil", "and": "&&", "or": "||", "not": "!",
         "elif": "else if", "def": "func", "except": "catch", "raise": "throw", "while": "while"}
# Tokens that are only Swift syntax: declarations, effects, braces, `do`, inout `&`, the labels
# of arguments that Python passes by keyword (`timeout=` vs `timeout:`) are normalized below.
SWIFT_ONLY = {"let", "var", "try", "try?", "try!", "do", "{", "}", "&", "in", "await", "_"}
TOKEN = re.compile(r'''[bf]?"(?:\\.|[^"\\])*"|[bf]?'(?:\\.|[^'\\])*'|\\\(|[A-Za-z_][A-Za-z_0-9]*|\.\.\.|\.\.<|\d+(?:\.\d+)?\w*|==|!=|<=|>=|->|&&|\|\||\.\.\.|\.\.<|\S''')


def string_value(tok):
    """A string literal's text without prefix and quotes; f-string {x} and Swift \\(x) alike."""
    body = tok.lstrip("bf")[1:-1]
    return "STR:" + body.replace("\\'", "'").replace('\\"', '"')


def fstring_field(match):
    """An f-string's {x}, {x!r}, {x:spec} or {x!r:spec} as the Swift interpolation it ports to:
    \\(x), \\(repr(x)), and \\(x:spec) for Swift's \\(x, "spec") (see swift_tokens)."""
    field = match.group(1)
    expr, _, spec = field.partition(":")
    if expr.endswith("!r") or expr.endswith("!s"):
        expr = ("repr(" if expr.endswith("!r") else "str(") + expr[:-2] + ")"
    return "\\(" + expr + (":" + spec if spec else "") + ")"


def py_tokens(line):
    line = re.sub(r"\s+#.*$|^\s*#.*$", "", line).rstrip()
    if line.endswith(":"):
        line = line[:-1]
    line = re.sub(r"\brange\((\w+)\)", r"0..<\1", line)          # for i in range(n)
    line = re.sub(r"\[(\w+):\]", r"[\1...]", line)                 # slices
    line = re.sub(r"\[:(\w+)\]", r"[..<\1]", line)
    line = re.sub(r"^(\s*for .+ in )\((.*)\)$", r"\1[\2]", line)         # for s in (a, b): a tuple
    line = re.sub(r"\bis not None\b", "!= None", line)
    line = re.sub(r"\bis None\b", "== None", line)
    line = re.sub(r"\bexcept (\S+) as (\w+)", r"except let \2 as \1", line)
    line = re.sub(r"^(\s*)async def ", r"\1def ", line)                  # async def: Swift says `async` after
    line = re.sub(r"\bawait (\w+)$", r"await \1.value", line)           # await task: Swift awaits its .value
    line = re.sub(r"(\w)=(?!=)", r"\1:", line)       # keyword arguments are Swift labels
    out = []
    for tok in TOKEN.findall(line):
        if tok[0] in "'\"" or tok[:2] in ("b'", 'b"', "f'", 'f"'):
            out.append(string_value(re.sub(r"\{([^}]*)\}", fstring_field, tok) if tok[0] == "f" else tok))
        elif tok == "try":
            out.append("do")
        elif tok in WORDS:
            out.extend(WORDS[tok].split())
        elif tok in ("import", "pass"):
            return []
        else:
            out.append(tok)
    return [t for t in out if t not in SWIFT_ONLY and t != ":"]


def swift_tokens(line):
    line = re.sub(r"^\s*//.*$|\s+//.*$", "", line).rstrip()
    if line.startswith("import "):
        return []
    line = re.sub(r"^(\s*)_ = ", r"\1", line)                        # a discarded result
    line = re.sub(r"\brange\((\w+)\)", r"0..<\1", line)              # PyBuiltins' range(n), as py_tokens reads it
    line = re.sub(r"\bnonisolated\(unsafe\) ", "", line)              # concurrency annotation
    line = re.sub(r"^(\s*)@Sendable (?=func )", r"\1", line)            # concurrency annotation of a nested async def
    line = re.sub(r"`(\w+)`", r"\1", line)                          # `struct`: a keyword in backquotes
    line = re.sub(r"\b(let|var) \((.*?)\): \([^=]*\) =", r"\2 =", line)  # let (a, b): (Int, Int) = ...
    line = re.sub(r"\b(let|var) \((.*?)\) =", r"\2 =", line)          # let (a, b) = ...
    line = re.sub(r"\bfor \((.*?)\) in\b", r"for \1 in", line)        # for (a, b) in ...
    line = re.sub(r"\b(let|var|for) (\w+): [^=]+?( =| in\b|$)", r"\1 \2\3", line)  # type annotations
    line = re.sub(r"\bcatch is\b", "catch", line)
    line = re.sub(r"(?<![\w)\]])\(try ([\w.]+\([^()]*\))\)", r"\1", line)  # a == (try f()): parens for try
    line = re.sub(r"^(\s*)\((.*?)\) = ", r"\1\2 = ", line)              # (a, b) = ... reassigns
    line = re.sub(r"(?<=[\w)\]])!(?!=)", "", line)                    # x! unwraps an optional
    line = re.sub(r"\b(\w+)\.self\b", r"\1", line)                    # socket.self names the module
    line = re.sub(r"([A-Za-z_)\]])\.(\d)\b", r"\1[\2]", line)             # t.4 is Python's t[4]

    if re.match(r"\s*func ", line):                                  # a signature: names only
        line = re.sub(r"\b_ (\w+)", r"\1", line)
        line = re.sub(r"(\w+): [^,)]+", r"\1", line)
        line = re.sub(r"\)\s*(async)?\s*(throws)?\s*(->\s*[^{]+)?\{?$", ")", line)
    line = re.sub(r"\\u\{0?([0-9a-fA-F]{2})\}", r"\\x\1", line)        # "\u{7f}" is b"\x7f"
    line = re.sub(r'\\\(((?:[^()"]|\((?:[^()"]|"[^"]*")*\))*?), "([^"]*)"\)', r"\\(\1:\2)", line)  # \(x, ">8") is f"{x:>8}"
    line = re.sub(r'\bbytes\(("(?:\\.|[^"\\])*")\)', r"\1", line)     # bytes("%d") types a b"%d" literal
    line = re.sub(r"\bcatch let (\w+) as ([\w.]+)", r"catch let \1 as \2", line)
    line = re.sub(r"(\w):\s*(?=[^\s])", r"\1:", line)
    out = []
    for tok in TOKEN.findall(line):
        if tok[0] == '"':
            out.append(string_value(tok))
        else:
            out.append(tok)
    return [t for t in out if t not in SWIFT_ONLY and t != ":"]


def count(name, show=False, collection=None):
    """(lines of the port, lines of the port that differ from the Python source beyond syntax)."""
    collection = collection or C
    py = [" ".join(t) for t in map(py_tokens, open(collection.py(name))) if t]
    sw_source = [l.rstrip("\n") for l in open(collection.port(name))]
    sw = [(" ".join(t), l) for t, l in zip(map(swift_tokens, sw_source), sw_source) if t]
    total = len([l for l in sw_source if l.strip()])
    matcher = difflib.SequenceMatcher(a=py, b=[n for n, _ in sw], autojunk=False)
    matched = set()
    for block in matcher.get_matching_blocks():
        matched.update(range(block.b, block.b + block.size))
    if show:
        for i, (normal, line) in enumerate(sw):
            if i not in matched:
                print(f"  {line.strip()}\n      as: {normal}")
    return total, len(sw) - len(matched)


def excluded():
    """The executables ProgramsTests leaves out (its `excluded` table: program_NAME, example_NAME), with their reasons."""
    text = open(os.path.join(ROOT, "Tests", "ProgramsTests", "ProgramsTests.swift")).read()
    block = text[text.index("private let excluded"):]
    block = block[:block.index("]\n")]
    return dict(re.findall(r'"(\w+)": "((?:[^"\\]|\\.)*)"', block))


def table(collection):
    left_out = excluded()
    rows = ["| program | lines (port) | lines differing beyond syntax | matches CPython in `swift test` |",
            "|---|---|---|---|"]
    for name in collection.names():
        total, differ = count(name, collection=collection)
        target = collection.prefix + name
        matched = f"no: {left_out[target]}" if target in left_out else "yes"
        rows.append(f"| `{name}` | {total} | {differ} | {matched} |")
    return "\n".join(rows)


def package_list(package, collection):
    """The names in Package.swift's `let programs = [...]` (or `let examples`)."""
    block = package[package.index(f"let {collection.package_list} = ["):]
    return set(re.findall(r'"(\w+)"', block[:block.index("]")]))


def check_collection(collection):
    problems = []
    manifest = read_manifest(collection)
    listed = package_list(open(os.path.join(ROOT, "Package.swift")).read(), collection)
    flag = " --examples" if collection is EXAMPLES else ""
    for name in collection.names():
        for path in (collection.expected(name), collection.port(name)):
            if not os.path.exists(path):
                problems.append(f"{name}: {os.path.relpath(path, ROOT)} is missing")
        if manifest.get(name, ("",))[0] != sha(collection.py(name)):
            problems.append(f"{name}: {name}.py changed since its output was captured "
                            f"(scripts/programs.py{flag} capture {name})")
        if name not in listed:
            problems.append(f"{name}: not listed in Package.swift's {collection.package_list}")
    readme = open(os.path.join(ROOT, "README.md")).read()
    for name in collection.names() if collection is EXAMPLES else []:  # README's pair is current
        for label, path in ((f"<code>Examples/{name}.py</code>", collection.py(name)),
                            (f"<code>Examples/{name}/main.swift</code>", collection.port(name))):
            if label in readme and open(path).read().rstrip("\n") not in readme:
                problems.append(f"{name}: README shows an old {os.path.relpath(path, ROOT)}")
    if table(collection) not in readme:
        problems.append(f"README's \"{collection.readme_heading}\" table is not current (scripts/programs.py{flag} count)")
    for p in problems:
        print(p)
    print(f"{len(collection.names())} {collection.package_list}: " +
          ("PROBLEMS above" if problems else "captured outputs current, listed, README table current"))
    return not problems


def check():
    if not all([check_collection(PROGRAMS), check_collection(EXAMPLES)]):
        sys.exit(1)


if __name__ == "__main__":
    args = sys.argv[1:]
    if args[:1] == ["--examples"]:
        C = EXAMPLES
        args = args[1:]
    if args[:1] == ["capture"]:
        capture(args[1:])
    elif args[:1] == ["--check"]:
        check()
    elif args[:1] == ["diff"]:
        diff(args[1:])
    elif args[:1] == ["count"] and len(args) > 1:
        for name in args[1:]:
            print(name, count(name, show=True))
    elif args[:1] == ["count"]:
        print(table(C))
    else:
        sys.exit(__doc__)
