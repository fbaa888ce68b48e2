// isinstance() follows the exception tree as Python's does (CPython 3.13's answers).
import PyBuiltins
import PySocket
import Testing
import TestSupport

@Suite("isinstance() answers as CPython's", .fdBalanced)
struct IsInstanceTests {
    @Test("an exception is an instance of its class and its bases, not of its siblings")
    func exceptions() {
        // python3.13 -c 'e = ConnectionRefusedError(111, "x"); print(isinstance(e, ConnectionError),
        //   isinstance(e, OSError), isinstance(e, TimeoutError), isinstance(TimeoutError(), OSError))'
        // True True False True
        let e: ConnectionRefusedError = ConnectionRefusedError(111, "x")
        #expect(isinstance(e, ConnectionError.self))
        #expect(isinstance(e, OSError.self))
        #expect(!isinstance(e, TimeoutError.self))
        #expect(isinstance(TimeoutError(), OSError.self))
    }

    @Test("plain values")
    func values() {
        #expect(isinstance(1, Int.self))
        #expect(!isinstance("1", Int.self))
        #expect(isinstance(bytes("x"), bytes.self))
    }
}
