import Testing
import Glibc
import PySocket

func say(_ s: String) { var t = s + "\n"; t.withUTF8 { _ = write(2, $0.baseAddress, $0.count) } }

@Test func probeExit() async {
    let n = 5
    let r = await #expect(processExitsWith: .success, observing: [\.standardErrorContent]) { [n = n as Int] in
        #expect(n == 6, "inner")
        say("hello stderr")
        exit(0)
    }
    print(String(decoding: r?.standardErrorContent ?? [], as: UTF8.self))
}
