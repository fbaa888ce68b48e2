#!/usr/bin/env python3
"""Fails on any public symbol of PySocket or PySocketAsync without a doc comment of its own, or
whose own doc comment has no `Python:` line, read from the compiler's symbol graphs (scripts/docs
writes them). Usage:
    scripts/check-doc-coverage.py SYMBOL_GRAPH_DIR [--list]   (--list: kept for old callers; the
                                                               comments without a `Python:` line are always named)

The rule, for every symbol in MODULE.symbols.json and MODULE@OTHER.symbols.json (extensions of
other modules' types) of the two modules, which the compiler emits at access level public and open:
  - it needs a doc comment written on its own declaration (the symbol graph's `docComment`), and
    that comment needs a line starting `Python:` (the template's `Python: ...  C: ...` paragraph;
    `Python: none (why Swift needs it).` for a name with no Python counterpart);
  - except a symbol the compiler synthesized (identifier containing `::SYNTHESIZED::`: a protocol
    extension's default implementation shown on a conforming type, documented where it is written);
  - except a member that implements a protocol requirement (its `memberOf` relationship carries a
    `sourceOrigin`, e.g. `description`, `==`, `makeIterator()`), overrides a superclass member, or
    is a default implementation (`overrides`, `defaultImplementationOf`): DocC shows the
    requirement's documentation for it. Such a member may still have its own, and most do.
"""
import json, pathlib, sys

MODULES = ("PySocket", "PySocketAsync")
directory = pathlib.Path(sys.argv[1])
total = documented = inherited = 0
missing = []
no_python_line = []
for path in sorted(directory.glob("*.symbols.json")):
    module = path.name.split(".")[0].split("@")[0]
    if module not in MODULES:
        continue
    graph = json.loads(path.read_text())
    exempt = {r["source"] for r in graph["relationships"]
              if r.get("sourceOrigin") or r["kind"] in ("overrides", "defaultImplementationOf")}
    for symbol in graph["symbols"]:
        precise = symbol["identifier"]["precise"]
        if "::SYNTHESIZED::" in precise or symbol["accessLevel"] not in ("public", "open"):
            continue
        total += 1
        doc = symbol.get("docComment")
        if doc and doc.get("lines") and doc.get("module", module) == module:
            documented += 1
            if not any(line["text"].lstrip().startswith("Python:") for line in doc["lines"]):
                no_python_line.append(".".join(symbol["pathComponents"]))
        elif precise in exempt:
            inherited += 1
        else:
            location = symbol.get("location", {})
            where = location.get("uri", "?").split("/Sources/")[-1]
            line = location.get("position", {}).get("line", -1) + 1
            missing.append(f"Sources/{where}:{line}: {module}.{'.'.join(symbol['pathComponents'])}")
for name in no_python_line:
    print("doc-coverage: no `Python:` line: " + name)
for line in missing:
    print("doc-coverage: undocumented public symbol " + line)
print(f"doc-coverage: {total} public symbols in {', '.join(MODULES)}: {documented} with their own doc comment, "
      f"{inherited} inheriting a protocol requirement's or superclass's, {len(missing)} undocumented; "
      f"{len(no_python_line)} of the documented have no `Python:` line")
sys.exit(1 if missing or no_python_line else 0)
