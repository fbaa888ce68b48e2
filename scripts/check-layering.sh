#!/usr/bin/env bash
# Checks the house rules a compiler cannot, in every library target under Sources/: platform code
# stays under Platform/, libc only through Platform/ (and a short allowlist), no Foundation, no
# package dependency. scripts/test-check-layering.sh plants a violation of each rule and checks
# that this script fails. Usage: scripts/check-layering.sh [repository root]
set -euo pipefail
cd "${1:-$(dirname "$0")/..}"
status=0
fail() { echo "layering: $1"; status=1; }

# Library targets: every Swift target under Sources/ except the conformance tooling (which may
# use Foundation). New targets (PySocketAsync, PyBuiltins...) are scanned without being named here.
TOOLS=" ConformanceKit conformance "
libraries=()
for dir in Sources/*/; do
    name=$(basename "$dir")
    [ "$name" = CPySocket ] && continue
    case "$TOOLS" in *" $name "*) continue;; esac
    libraries+=("Sources/$name")
done

# Core files that may import CPySocket: they name C types (sockaddr_storage, msghdr, cmsghdr),
# never its functions. Everything else reaches the C library through Platform/.
CPYSOCKET_ALLOWED="Sources/PySocket/Core/Cmsg.swift Sources/PySocket/Core/SockaddrCodec.swift Sources/PySocket/Core/Kernel.swift Sources/PySocket/Core/SocketHandle.swift"

# Rule 6 can be switched off (SEAM_RULE=off) only to see the other rules alone.
SEAM_RULE=${SEAM_RULE:-on}

# The seam's requirements (Platform/SocketInterface.swift): API/ never calls them itself.
seam=$(grep -oE '^\s*func [a-zA-Z]+\(' Sources/PySocket/Platform/SocketInterface.swift | sed -E 's/^\s*func ([a-zA-Z]+)\(/\1/' | paste -sd'|')

for lib in "${libraries[@]}"; do
    # 1. #if os/canImport and import Glibc/Darwin/Musl only under <target>/Platform/.
    while IFS= read -r hit; do
        fail "platform code outside Platform/: $hit"
    done < <(grep -rnE '^\s*(#if|#elseif).*(os\(|canImport\()|^\s*import\s+(Glibc|Darwin|Musl|ucrt|WinSDK)\b' "$lib" \
                | grep -v "^$lib/Platform/" || true)

    # 2. A file of a platform folder (<target>/Platform/<OS>/) is wrapped whole in one #if os/canImport:
    #    its first code line is that #if and its last is #endif.
    for file in "$lib"/Platform/*/*.swift; do
        [ -e "$file" ] || continue
        first=$(awk '!/^[[:space:]]*(\/\/.*)?$/ { print; exit }' "$file")
        last=$(awk '!/^[[:space:]]*(\/\/.*)?$/ { line = $0 } END { print line }' "$file")
        case "$first" in
            "#if os("*|"#if canImport("*) ;;
            *) fail "$file is not wrapped whole in one #if os(...)/canImport(...) (first code line: $first)";;
        esac
        [ "$last" = "#endif" ] || fail "$file does not end with the #endif of its platform #if (last code line: $last)"
    done

    # 3. No Foundation in a library.
    while IFS= read -r hit; do
        fail "a library imports Foundation: $hit"
    done < <(grep -rnE '^\s*(@_exported\s+)?import\s+(Foundation|FoundationEssentials)\b' "$lib" || true)

    # 4. import CPySocket (which re-exports the C library) only under Platform/ and the allowlist.
    while IFS= read -r hit; do
        file=${hit%%:*}
        case " $CPYSOCKET_ALLOWED " in *" $file "*) continue;; esac
        fail "import CPySocket outside Platform/ and the allowlist: $hit"
    done < <(grep -rnE '^\s*(@_exported\s+)?import\s+CPySocket\b' "$lib" | grep -v "^$lib/Platform/" || true)

    # 5. No C-named constant declared at a module's top level (they collide with Glibc's).
    while IFS= read -r hit; do
        fail "a C-named constant is declared at the top level: $hit"
    done < <(grep -rnE '^(public |package )?(let|var) [A-Z][A-Z0-9]*_[A-Z0-9_]+\b' "$lib" || true)

    # 6. API/ is the Python surface: no system call through the seam (kernel.recv, os.send...),
    #    no call of the native interface, no timeout loop of its own; it calls Core.
    if [ -d "$lib/API" ] && [ "$SEAM_RULE" = on ]; then
        while IFS= read -r hit; do
            fail "a seam call under API/ (call a Core function instead): $hit"
        done < <(grep -rnE "\\b(kernel|os|interface)\\s*\\.\\s*($seam)\\(|NativeSocketInterface\\(\\)\\.|\\bperform\\(" "$lib/API" \
                    | grep -vE '^[^:]+:[0-9]+:\s*///' || true)
    fi
done

# 7. No Foundation in the C target either.
if grep -rnE '#\s*import\s*<Foundation' Sources/CPySocket; then
    fail "the C target imports Foundation"
fi

# 8. Package.swift has no package dependencies.
if grep -nE '\.package\(' Package.swift; then
    fail "Package.swift names a package dependency"
fi

[ $status -eq 0 ] && echo "layering: ok (${#libraries[@]} library targets: ${libraries[*]})"
exit $status
