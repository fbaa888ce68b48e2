#!/usr/bin/env bash
# Checks the house rules a compiler cannot: platform code stays under Platform/, no Foundation
# in the library, and the library's Package.swift names no package dependency.
set -euo pipefail
cd "$(dirname "$0")/.."
status=0
fail() { echo "layering: $1"; status=1; }

# 1. #if os/canImport and import Glibc/Darwin/Musl only under Sources/PySocket/Platform/.
while IFS= read -r hit; do
    fail "platform code outside Platform/: $hit"
done < <(grep -rnE '^\s*(#if|#elseif).*(os\(|canImport\()|^\s*import\s+(Glibc|Darwin|Musl)\b' Sources/PySocket \
            | grep -v '^Sources/PySocket/Platform/' || true)

# 2. A platform file is wrapped whole in one #if (its first code line is the #if).
for file in Sources/PySocket/Platform/*/*.swift; do
    first=$(awk '!/^[[:space:]]*(\/\/.*)?$/ { print; exit }' "$file")
    case "$first" in
        "#if "*) ;;
        *) fail "$file is not wrapped whole in one #if (first code line: $first)";;
    esac
done

# 3. No Foundation anywhere in the library.
if grep -rnE '^\s*import\s+(Foundation|FoundationEssentials)\b' Sources/PySocket Sources/CPySocket Sources/PyBuiltins; then
    fail "the library imports Foundation"
fi

# 4. Package.swift has no package dependencies.
if grep -nE '\.package\(' Package.swift; then
    fail "Package.swift names a package dependency"
fi

# 5. No C-named constant declared at the module's top level (they collide with Glibc's).
if grep -rnE '^(public )?(let|var) [A-Z][A-Z0-9]*_[A-Z0-9_]+\b' Sources/PySocket; then
    fail "a C-named constant is declared at the top level"
fi

[ $status -eq 0 ] && echo "layering: ok"
exit $status
