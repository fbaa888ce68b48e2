// Gaps found porting the trialsync_ programs: bytearray's bytes methods, and bytes ordering (values from CPython 3.13).
import PySocket
import TestSupport
import Testing

@Suite(.fdBalanced) struct TrialSyncGapsTests {
    @Test func bytearrayMethods() throws {
        // buf = bytearray(b"\x00\xffab\ncd")
        // buf.hex(), buf.hex(":"), buf.hex("-", 2), repr(buf[2:].decode()), buf.find(b"cd"), buf.find(b"zz"),
        // b"\n" in buf, buf.startswith(b"\x00"), buf.endswith(b"cd"), buf.endswith(b"c")
        // -> 00ff61620a6364 00:ff:61:62:0a:63:64 00-ff61-620a-6364 'ab\ncd' 5 -1 True True True False
        var buf: bytearray = [0x00, 0xff, 0x61, 0x62, 0x0a, 0x63, 0x64]
        #expect(buf.hex() == "00ff61620a6364")
        #expect(try buf.hex(":") == "00:ff:61:62:0a:63:64")
        #expect(try buf.hex("-", 2) == "00-ff61-620a-6364")
        #expect(try buf[2...].decode() == "ab\ncd")
        #expect(buf.find("cd") == 5 && buf.find("zz") == -1)
        #expect(buf.contains("\n") && buf.startswith([0x00]) && buf.endswith("cd") && !buf.endswith("c"))
        // buf.extend(b"xy"); buf.extend([1, 2]) -> bytearray(b'\x00\xffab\ncdxy\x01\x02')
        buf.extend("xy" as bytes)
        buf.extend([1, 2] as [UInt8])
        #expect(buf.description == "bytearray(b'\\x00\\xffab\\ncdxy\\x01\\x02')")
        // bytearray(b"\xff").decode() -> UnicodeDecodeError 'utf-8' codec can't decode byte 0xff in position 0: invalid start byte
        do {
            _ = try bytearray([0xff]).decode()
            Issue.record("no error")
        } catch let e as UnicodeDecodeError {
            #expect(e.description == "'utf-8' codec can't decode byte 0xff in position 0: invalid start byte")
        }
    }

    @Test func bytesOrderAsPython() {
        // sorted([b"b", b"abc", b"ab", b"", b"\xff", b"a\x00"]) -> [b'', b'a\x00', b'ab', b'abc', b'b', b'\xff']
        let values: [bytes] = ["b", "abc", "ab", "", [0xff], [0x61, 0x00]]
        #expect(values.sorted().description == "[b'', b'a\\x00', b'ab', b'abc', b'b', b'\\xff']")
        // b"ab" < b"abc", b"b" > b"abc", max([b"x", b"xy"]), bytearray(b"a") < bytearray(b"b") -> True True b'xy' True
        #expect(bytes("ab") < bytes("abc") && bytes("b") > bytes("abc"))
        #expect(([bytes("x"), bytes("xy")].max()!).description == "b'xy'")
        #expect(bytearray("a") < bytearray("b"))
    }
}
