// handling(e) { ... }: exceptions raised in an except block get e as __context__, as CPython records it.
import PyBuiltins
import PySocket
import Testing
import TestSupport

@Suite("handling(e): the implicit __context__ of a raise inside except", .fdBalanced)
struct HandlingTests {
    /// What a `catch` caught, for the assertions.
    private func caught(_ body: () throws -> Void) -> BaseException? {
        do { try body() } catch let error as BaseException { return error } catch {}
        return nil
    }

    private func inner() throws { throw OSError("inner") }

    // The Python program whose output the expectations are (python3.13):
    //   try:
    //       try: raise ValueError("a")
    //       except ValueError as e: raise KeyError("b")
    //   except KeyError as k: print(repr(k.__context__), k.__suppress_context__, repr(k.__cause__))
    //   -> ValueError('a') False None
    //   (the same with inner() raising OSError("inner") in the handler)  -> ValueError('a')
    //   (a handler inside the handler: try: raise TypeError("t") except TypeError: raise KeyError("k"))
    //   -> TypeError('t') ValueError('a')
    //   (a bare raise in the handler)  -> None
    //   (raise KeyError("b") from None)  -> ValueError('a') True None
    @Test("raise in the handler, in a function it calls, in a nested handler; re-raise; from None")
    func contexts() {
        let k = caught {
            do { throw ValueError("a") } catch let e as ValueError { try handling(e) { throw KeyError("b") } }
        }
        #expect(repr(k?.__context__) == "ValueError('a')")
        #expect(k?.__suppress_context__ == false)
        #expect(repr(k?.__cause__) == "None")

        let o = caught {
            do { throw ValueError("a") } catch let e as ValueError { try handling(e) { try inner() } }
        }
        #expect(repr(o?.__context__) == "ValueError('a')")

        let nested = caught {
            do { throw ValueError("a") } catch let e as ValueError {
                try handling(e) {
                    do { throw TypeError("t") } catch let t as TypeError { try handling(t) { throw KeyError("k") } }
                }
            }
        }
        #expect(repr(nested?.__context__) == "TypeError('t')")
        #expect(repr((nested?.__context__ as? BaseException)?.__context__) == "ValueError('a')")

        let again = caught {
            do { throw ValueError("a") } catch let e as ValueError { try handling(e) { throw e } }
        }
        #expect(repr(again?.__context__) == "None")

        let suppressed = caught {
            do { throw ValueError("a") } catch let e as ValueError { try handling(e) { throw KeyError("b").from(nil) } }
        }
        #expect(repr(suppressed?.__context__) == "ValueError('a')")
        #expect(suppressed?.__suppress_context__ == true)
        #expect(repr(suppressed?.__cause__) == "None")
    }
}
