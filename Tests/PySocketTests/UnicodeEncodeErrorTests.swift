// UnicodeEncodeError keeps CPython's five arguments (found by the getaddrinfo fuzz target: its repr and args were the message alone).
import PySocket
import Testing
import TestSupport

/// Each expected value was printed by CPython 3.13.0 (`repr(e)`, `str(e)`, `e.args` of the
/// error each call raises, run with `python3.13 -c`).
@Suite("UnicodeEncodeError's arguments, str and repr as CPython's", .fdBalanced)
struct UnicodeEncodeErrorTests {
    /// The error `body` raises.
    func raised(_ body: () throws -> Void) -> UnicodeEncodeError? {
        do { try body() } catch let error as UnicodeEncodeError { return error } catch {}
        return nil
    }

    @Test("str.encode: repr and args are (encoding, object, start, end, reason); str names one character or a range")
    func encode() throws {
        let range = try #require(raised { _ = try "\u{e9}\u{20ac}x".encode("ascii") })
        #expect(String(reflecting: range) == "UnicodeEncodeError('ascii', 'é€x', 0, 2, 'ordinal not in range(128)')")
        #expect("\(range)" == "'ascii' codec can't encode characters in position 0-1: ordinal not in range(128)")
        #expect(String(reflecting: range.args) == "('ascii', 'é€x', 0, 2, 'ordinal not in range(128)')")
        let one = try #require(raised { _ = try "a\u{e9}\u{20ac}".encode("latin-1") })
        #expect(String(reflecting: one) == "UnicodeEncodeError('latin-1', 'aé€', 2, 3, 'ordinal not in range(256)')")
        #expect("\(one)" == #"'latin-1' codec can't encode character '\u20ac' in position 2: ordinal not in range(256)"#)
    }

    @Test("getaddrinfo's idna checks raise the codec's error with its arguments")
    func idna() throws {
        let numeric = socket.AI_NUMERICHOST
        let empty = try #require(raised { _ = try socket.getaddrinfo("x..bbb", 80, 0, 1, 0, numeric) })
        #expect(String(reflecting: empty) == "UnicodeEncodeError('idna', 'x..bbb', 2, 3, 'label empty')")
        #expect("\(empty)" == #"'idna' codec can't encode character '\x2e' in position 2: label empty"#)
        let long = try #require(raised { _ = try socket.getaddrinfo(String(repeating: "a", count: 64), 80, 0, 1, 0, numeric) })
        #expect(String(reflecting: long) == "UnicodeEncodeError('idna', '\(String(repeating: "a", count: 64))', 0, 64, 'label too long')")
        #expect("\(long)" == "'idna' codec can't encode characters in position 0-63: label too long")
    }
}
