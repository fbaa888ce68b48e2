// int() of text beyond Int: the OverflowError README's differences promise, never a ValueError or a trap.
import PyBuiltins
import PySocket
import Testing
import TestSupport

@Suite("int() of text beyond Int raises OverflowError", .fdBalanced)
struct IntRangeTests {
    @Test("past Int.max, past UInt.max, and negative past Int.min")
    func beyondInt() throws {
        #expect(try int("9223372036854775807") == Int.max)
        #expect(try int("-9223372036854775808") == Int.min)
        #expect(throws: OverflowError.self) { try int("9223372036854775808") }
        #expect(throws: OverflowError.self) { try int("99999999999999999999999999") }
        #expect(throws: OverflowError.self) { try int("-99999999999999999999999999") }
        #expect(throws: OverflowError.self) { try int("ffffffffffffffffffff", 16) }
        // An invalid digit is still CPython's ValueError, however long the text.
        #expect(throws: ValueError.self) { try int("9999999999999999999999999x") }
    }
}
