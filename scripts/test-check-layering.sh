#!/usr/bin/env bash
# Tests scripts/check-layering.sh itself: it passes on this tree, and fails on each planted
# violation (in a scratch copy of the tree, one violation per copy).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
status=0

fresh() {  # a scratch copy of the checked files
    rm -rf "$scratch/tree" && mkdir -p "$scratch/tree"
    git ls-files -z Sources Package.swift scripts | (cd "$root" && xargs -0 cp --parents -t "$scratch/tree")
}

expect() {  # expect pass|fail <description> [SEAM_RULE value]
    local want=$1 what=$2 out
    if out=$(SEAM_RULE=${3:-on} "$root/scripts/check-layering.sh" "$scratch/tree" 2>&1); then got=pass; else got=fail; fi
    if [ "$got" = "$want" ]; then
        echo "test-check-layering: ok: $what ($got)"
    else
        echo "test-check-layering: FAILED: $what: expected $want, got $got"; echo "$out"; status=1
    fi
}

fresh; expect pass "the tree as committed"

fresh; printf '// planted\nimport CPySocket\nfunc planted() { _ = recv(0, nil, 0, 0); _ = getpid() }\n' > "$scratch/tree/Sources/PySocket/Core/Planted.swift"
expect fail "a Core file calling libc through import CPySocket"

fresh; printf '// planted\nimport Glibc\n' > "$scratch/tree/Sources/PySocket/Core/Planted.swift"
expect fail "import Glibc in Core/"

fresh; mkdir -p "$scratch/tree/Sources/PySocketAsync/Loop"
printf '// planted\n#if os(Linux)\nlet planted = 1\n#endif\n' > "$scratch/tree/Sources/PySocketAsync/Loop/Planted.swift"
expect fail "#if os(...) outside Platform/ in a new target (PySocketAsync)"

fresh; mkdir -p "$scratch/tree/Sources/PyBuiltins"
printf '// planted\nimport Foundation\n' > "$scratch/tree/Sources/PyBuiltins/Planted.swift"
expect fail "Foundation in a new library target (PyBuiltins)"

fresh; mkdir -p "$scratch/tree/Sources/PySocketAsync/API"
printf '// planted\nimport CPySocket\n' > "$scratch/tree/Sources/PySocketAsync/API/Planted.swift"
expect fail "import CPySocket in a new target's API/"

fresh; printf '// planted\nlet planted = 1\n#if os(Linux)\n#endif\n' > "$scratch/tree/Sources/PySocket/Platform/Linux/Planted.swift"
expect fail "a platform file not wrapped whole in its #if"

fresh; printf '// planted\nextension socket {\n    func planted(_ fd: Int32) throws { try kernel.recv(fd, UnsafeMutableRawBufferPointer(start: nil, count: 0), 0) }\n}\n' > "$scratch/tree/Sources/PySocket/API/Planted.swift"
expect fail "a seam call under API/" on

fresh; printf '// planted\npublic let AF_PLANTED = 1\n' > "$scratch/tree/Sources/PySocket/API/Planted.swift"
expect fail "a C-named constant at the top level"

fresh; sed -i 's/dependencies: \["CPySocket"\]/dependencies: ["CPySocket", .product(name: "X", package: "x")]/; s/products: \[/dependencies: [.package(path: "x")],\n    products: [/' "$scratch/tree/Package.swift"
expect fail "a package dependency in Package.swift"

exit $status
