#!/usr/bin/env python3
"""Checks the doc-comment template in every library target: a block's first paragraph (what DocC
shows as the abstract) is the summary alone; `Python: ... C: ...` starts a paragraph of its own,
after a blank `///` line. Usage: scripts/check-doc-template.py [repository root]"""
import pathlib, re, sys

root = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else pathlib.Path(__file__).resolve().parent.parent)
TOOLS = {"ConformanceKit", "conformance", "CPySocket"}
bad = []
for target in sorted((root / "Sources").iterdir()):
    if not target.is_dir() or target.name in TOOLS:
        continue
    for path in sorted(target.rglob("*.swift")):
        lines = path.read_text().split("\n")
        i = 0
        while i < len(lines):
            if re.match(r"\s*///", lines[i]):
                start = i
                block = []
                while i < len(lines) and re.match(r"\s*///", lines[i]):
                    block.append(re.sub(r"^\s*/// ?", "", lines[i]))
                    i += 1
                first = []
                for text in block:
                    if not text.strip():
                        break
                    first.append(text)
                if len(first) > 1 and any(t.startswith(("Python:", "C:")) for t in first[1:]):
                    bad.append(f"{path.relative_to(root)}:{start + 1}: `Python:`/`C:` in the summary paragraph (add a blank /// line)")
            else:
                i += 1
for line in bad:
    print("doc-template: " + line)
print(f"doc-template: {'ok' if not bad else str(len(bad)) + ' blocks glue Python:/C: to the summary'}")
sys.exit(1 if bad else 0)
