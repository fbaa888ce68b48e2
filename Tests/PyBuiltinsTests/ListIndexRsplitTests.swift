// lst[i] with Python's negative index and IndexError (`lst[py: i]`), and str.rsplit: expected values from CPython 3.13.
import PyBuiltins
import PySocket
import Testing

@Suite struct ListIndexRsplitTests {
    @Test("lst[py: i] counts from the end and raises IndexError('list index out of range')")
    func listIndex() throws {
        // CPython 3.13: [1, 2, 3][-1] == 3; ['a'][0] == 'a'; [1][-2] raises IndexError('list index out of range').
        #expect(try [1, 2, 3][py: -1] == 3)
        #expect(try ["a"][py: 0] == "a")
        #expect(throws: IndexError.self) { try [1][py: -2] }
        do {
            _ = try [1][py: 1]
        } catch let e as IndexError {
            #expect(repr(e) == "IndexError('list index out of range')")
        }
    }

    @Test("str.rsplit splits from the right")
    func rsplit() throws {
        // CPython 3.13: ['/a/b', 'c'] ['a', ''] ['a', 'b', '', 'c'] ['x'] [''] ['a b', 'c'] ['hé', '']
        #expect(try "/a/b/c".rsplit("/", 1) == ["/a/b", "c"])
        #expect(try "aaa".rsplit("aa") == ["a", ""])
        #expect(try "a,b,,c".rsplit(",") == ["a", "b", "", "c"])
        #expect(try "x".rsplit(",", 0) == ["x"])
        #expect(try "".rsplit(",") == [""])
        #expect(try "a b c".rsplit(" ", maxsplit: 1) == ["a b", "c"])
        #expect(try "héé".rsplit("é", 1) == ["hé", ""])
        do {
            _ = try "x".rsplit("")
        } catch let e as ValueError {
            #expect(repr(e) == "ValueError('empty separator')")
        }
    }
}
