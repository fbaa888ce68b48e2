// format() of a 128-bit integer: within 64 bits as CPython formats the int, beyond them OverflowError, never a trap.
import PyBuiltins
import PySocket
import Testing
import TestSupport

@Suite("format() of 128-bit integers", .fdBalanced)
struct FormatWideIntegerTests {
    @Test("within 64 bits: CPython 3.13's format(5, '03d') and format(-(2**63), 'x')")
    func withinSixtyFourBits() throws {
        #expect(try format(UInt128(5), "03d") == "005")
        #expect(try format(Int128(Int64.min), "x") == "-8000000000000000")
    }

    @Test("beyond 64 bits: OverflowError instead of a trap")
    func beyondSixtyFourBits() {
        #expect(throws: OverflowError.self) { try format(UInt128.max, "d") }
        #expect(throws: OverflowError.self) { try format(Int128.min, "x") }
    }
}
