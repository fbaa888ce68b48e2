// The loop's table of task hooks (open addressing, deletion by backward shift) against a dictionary.
@testable import PySocketAsync
import Testing

@Suite struct HookTableTests {
    /// Task addresses are 16-byte aligned and cluster: many land on neighbouring slots, which is
    /// what exercises probing runs, wrap-around and the backward shift of `remove`.
    @Test func matchesADictionaryUnderRandomInsertsAndRemoves() {
        var table = HookTable()
        defer { table.release() }
        let hooks = (0..<64).map { _ in TaskHook() }
        var model: [UInt: Int] = [:]
        var state: UInt64 = 0x2545_F491_4F6C_DD1D
        func next() -> UInt64 {
            state ^= state << 13
            state ^= state >> 7
            state ^= state << 17
            return state
        }
        for step in 0..<20_000 {
            let task = UInt(0x1000 + (next() % 300) * 16)
            if next() % 3 == 0 {
                table.remove(task)
                model[task] = nil
            } else {
                let which = Int(next() % 64)
                let previous = table.insert(task, Unmanaged.passUnretained(hooks[which]))
                #expect(previous.map { $0.toOpaque() } == model[task].map { Unmanaged.passUnretained(hooks[$0]).toOpaque() })
                model[task] = which
            }
            if step % 97 == 0 {
                for probe in 0..<300 {
                    let key = UInt(0x1000 + probe * 16)
                    #expect(table.find(key).map { $0.toOpaque() } == model[key].map { Unmanaged.passUnretained(hooks[$0]).toOpaque() })
                }
            }
        }
        withExtendedLifetime(hooks) {}
    }

    @Test func anUnknownTaskHasNoHook() {
        var table = HookTable()
        defer { table.release() }
        let hook = TaskHook()
        #expect(table.insert(0x4000, Unmanaged.passUnretained(hook)) == nil)
        #expect(table.find(0x4010) == nil)
        table.remove(0x4010)
        #expect(table.find(0x4000)?.toOpaque() == Unmanaged.passUnretained(hook).toOpaque())
        withExtendedLifetime(hook) {}
        table.remove(0x4000)
        #expect(table.find(0x4000) == nil)
    }
}
