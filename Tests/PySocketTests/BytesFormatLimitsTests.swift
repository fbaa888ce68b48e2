// bytes % at the limits of width and precision (behind the bytes fuzz target's timeout): CPython's errors, never a trap or a hang.
import PySocket
import Testing
import TestSupport

/// Each case's expected outcome was printed by CPython 3.13.0
/// (`b"%99999999999999999999d" % 1` and the rest, run with `python3.13 -c`; `UInt64.max` is
/// `2**64-1`, `Int.min` is `-2**63`).
@Suite("bytes % at the limits of width and precision", .fdBalanced)
struct BytesFormatLimitsTests {
    /// What a formatting call gave: its repr, or `Type: message`.
    func outcome(_ body: () throws -> bytes) -> String {
        do { return String(reflecting: try body()) } catch { return "\(type(of: error)): \(error)" }
    }

    @Test("width and precision digits past their C types raise CPython's ValueError")
    func digitsTooBig() {
        #expect(outcome { try b("%99999999999999999999d") % 1 } == "ValueError: width too big")
        #expect(outcome { try b("%.99999999999999999999d") % 1 } == "ValueError: prec too big")
        #expect(outcome { try b("%.2147483648d") % 1 } == "ValueError: prec too big")
    }

    @Test("a * precision is a C int; a * width of -2**63 pads nothing, as CPython's negation leaves it negative")
    func starArguments() {
        #expect(outcome { try b("%.*d") % (Int.max, 1) } == "OverflowError: Python int too large to convert to C int")
        #expect(outcome { try b("%.*d") % (Int.min, 1) } == "OverflowError: Python int too large to convert to C int")
        #expect(outcome { try b("%.*d") % (1 << 31, 1) } == "OverflowError: Python int too large to convert to C int")
        #expect(outcome { try b("%*d") % (Int.min, 1) } == "b'1'")
        #expect(outcome { try b("%*d") % (-5, 1) } == "b'1    '")
        #expect(outcome { try b("%*d") % (UInt64.max, 1) } == "OverflowError: Python int too large to convert to C ssize_t")
        #expect(outcome { try b("%.*d") % (UInt64.max, 1) } == "OverflowError: Python int too large to convert to C int")
    }

    @Test("a width no memory holds raises MemoryError at once instead of padding until the process dies")
    func hugeWidths() {
        #expect(outcome { try b("%9223372036854775807s") % b("x") } == "MemoryError: ")
        #expect(outcome { try b("%922337203685477580d") % 1 } == "MemoryError: ")
        #expect(outcome { try b("%-9223372036854775807d") % 1 } == "MemoryError: ")
        #expect(outcome { try b("%*d") % (Int.max, 1) } == "MemoryError: ")
    }

    @Test("wide fields are padded whole: in the stack buffer, and past it (the fuzz target's %6952040a timed out, a byte at a time)")
    func wideFields() throws {
        #expect(outcome { try b("%20s|%-20d|%020x|%-17a|") % (b("ab"), 7, 255, b("q")) }
                == #"b"                  ab|7                   |000000000000000000ff|b'q'             |""#)
        let wide = try b("%200000a") % b("x")
        #expect(wide.count == 200_000)
        #expect(wide[wide.count - 4, nil] == b("b'x'"))
        #expect(wide[0, 3] == b("   ") && wide[100_000, 100_003] == b("   "))
    }
}
