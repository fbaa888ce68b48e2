"""Python text as a Swift string literal, for the scripts that generate Swift tests
(gen_format_tests.py, gen_bytes_cases.py)."""


def swift_string(text, ascii_only=False):
    """`text` as a double-quoted Swift literal: backslash, quote, \\n, \\r and \\t escaped, other
    control characters (and DEL) as \\u{..}; with `ascii_only`, every non-ASCII character too."""
    out = []
    for ch in text:
        if ch == "\\":
            out.append("\\\\")
        elif ch == '"':
            out.append('\\"')
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\t":
            out.append("\\t")
        elif ch == "\r":
            out.append("\\r")
        elif ord(ch) < 0x20 or ord(ch) == 0x7f or (ascii_only and ord(ch) > 0x7f):
            out.append("\\u{%x}" % ord(ch))
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'
