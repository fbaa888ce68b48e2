// collections, memoryview, print(*items), struct.Struct, array, os.pipe/read/write, str % tuple and sorted(pairs); expected values printed by CPython 3.13 (scripts/collections_expected.py).
import PyBuiltins
import PySocket
import Testing
import TestSupport

/// A named tuple of the tests.
private struct P: namedtuple {
    var host: String
    var port: Int
}

/// A named tuple of two ints, spread by `*`.
private struct Pair: namedtuple {
    var host: Int
    var port: Int
}

@Suite("collections, memoryview, *items, struct.Struct, array, os.pipe", .fdBalanced)
struct CollectionsTests {
    @Test("deque: maxlen, append/appendleft/extend, rotate, pop from an empty deque")
    func dequeBehaviour() {
        expectOutcome("deque([2, 3], maxlen=2)") { try deque([1, 2, 3], maxlen: 2) }
        expectOutcome("deque(['a'])") { deque(["a"]) }
        expectOutcome("ValueError: maxlen must be non-negative") { try deque([Int](), maxlen: -1) }
        expectOutcome("deque([3, 0, 1, 2])") {
            var q = deque<Int>()
            q.append(1); q.appendleft(0); q.extend([2, 3]); q.rotate(1)
            return q
        }
        expectOutcome("deque([2, 3, 1])") {
            var q: deque = [1, 2, 3]
            q.rotate(-4)
            return q
        }
        expectOutcome("IndexError: pop from an empty deque") { var q = deque<Int>(); return try q.popleft() }
        expectOutcome("IndexError: pop from an empty deque") { var q = deque<Int>(); return try q.pop() }
    }

    @Test("defaultdict: a read stores the factory's value; prints with the factory's class")
    func defaultdictBehaviour() {
        expectOutcome("defaultdict(<class 'int'>, {'a': 2, 'b': 0})") {
            var d = defaultdict<String, Int>(int)
            d["a"] += 2
            _ = d["b"]
            return d
        }
        expectOutcome("defaultdict(<class 'list'>, {'x': [1]})") {
            var d = defaultdict<String, [Int]>(list)
            d["x"].append(1)
            return d
        }
        expectOutcome("defaultdict(<class 'collections.deque'>, {'x': deque(['m'])})") {
            var d = defaultdict<String, deque<String>>(deque.self)
            d["x"].append("m")
            return d
        }
    }

    @Test("Counter: repr most common first, most_common(n), missing keys count 0 without being stored")
    func counterBehaviour() {
        expectOutcome("Counter({'a': 5, 'b': 2, 'r': 2, 'c': 1, 'd': 1})") { Counter("abracadabra") }
        expectOutcome("[('a', 5), ('b', 2)]") { Counter("abracadabra").most_common(2) }
        expectOutcome("Counter()") { Counter<String>() }
        expectOutcome("(0, 2, 3, ['a', 'b', 'b'], ['b', 'a'])") {
            let c = Counter(["b", "a", "b"])
            _ = c["z"]
            return (c["z"], len(c), c.total(), sorted(c.elements()), list(c))
        }
    }

    @Test("namedtuple and tuple print as Python's")
    func namedtupleAndTuple() {
        expectOutcome("P(host='h', port=80)") { P(host: "h", port: 80) }
        expectOutcome("('host', 'port')") { P(host: "h", port: 80)._fields }
        expectOutcome("{'host': 'h', 'port': 80}") { P(host: "h", port: 80)._asdict() }
        expectOutcome("(1,)") { tuple([1]) }
        expectOutcome("()") { tuple<Int>() }
        expectOutcome("b'\\x00\\x01\\x00\\x00\\x00\\x02'") { try `struct`.pack("!HI", *Pair(host: 1, port: 2)) }
    }

    @Test("memoryview: slices clamp as Python's, IndexError, read-only views refuse recv_into")
    func memoryviewBehaviour() throws {
        let view = memoryview(bytes("hello"))
        expectOutcome("b'el'") { bytes(view[1..<3]) }
        expectOutcome("b''") { view[10...].tobytes() }
        expectOutcome("b'lo'") { view[(-2)...].tobytes() }
        expectOutcome("b'hel'") { view[..<(-2)].tobytes() }
        expectOutcome("IndexError: index out of bounds on dimension 1") { try view[py: 9] }
        expectOutcome("111") { try view[py: -1] }
        expectOutcome("(True, False, '6162', [97, 98], 2)") {
            let ab = memoryview(bytes("ab"))
            return (ab.readonly, memoryview(try bytearray(2)).readonly, ab.hex(), ab.tolist(), ab.nbytes)
        }
        let (a, b) = try socket.socketpair()
        defer { a.close(); b.close() }
        _ = try a.send("xyz")
        expectOutcome("TypeError: recv_into() argument 1 must be read-write bytes-like object, not memoryview") {
            try b.recv_into(memoryview(bytes("abc")))
        }
    }

    @Test("memoryview: a send loop over view[n...] and recv_into(view[got...]) fill the bytearray")
    func memoryviewLoops() throws {
        let (a, b) = try socket.socketpair()
        defer { a.close(); b.close() }
        expectOutcome("(10, bytearray(b'012345'))") {
            let buf = try bytearray(6)
            let view = memoryview(buf)
            var data = memoryview(bytes("0123456789"))
            var sent = 0
            while bool(data) {
                let n = try a.send(data[..<4])
                data = data[n...]
                sent += n
            }
            var got = 0
            while got < 6 {
                got += try b.recv_into(view[got...], 6 - got)
            }
            return (sent, buf)
        }
    }

    @Test("print(*items) spreads lists, strings and bytes as Python does")
    func printStar() {
        expectPrinted("1|a|None\nx y\na b 1\n") {
            print(*([1, "a", nil] as [Any?]), sep: "|")
            print("x", *[Int](), "y")
            print(*"ab", *bytes([1]))
        }
    }

    @Test("struct.Struct, struct.pack(*tuple)")
    func structStruct() throws {
        expectOutcome("(6, '!HI', b'\\x00\\x01\\x00\\x00\\x00\\x02', (1, 2))") {
            let h = try `struct`.Struct("!HI")
            let (x, y): (Int, Int) = try h.unpack(bytes([0, 1, 0, 0, 0, 2]))
            return (h.size, h.format, try h.pack(1, 2), (x, y))
        }
        expectOutcome("error: bad char in struct format") { try `struct`.Struct("!Z") }
        expectOutcome("b'\\x00\\x01\\x00\\x00\\x00\\x02'") { try `struct`.pack("!HI", *(1, 2)) }
    }

    @Test("array.array: repr, tobytes, frombytes, CPython's range errors")
    func arrayModule() {
        expectOutcome("array('i', [1, -2])") { try array.array("i", [1, -2]) }
        expectOutcome("b'\\x01\\x00\\x00\\x00\\xfe\\xff\\xff\\xff'") { try array.array("i", [1, -2]).tobytes() }
        expectOutcome("OverflowError: unsigned byte integer is greater than maximum") { try array.array("B", [256]) }
        expectOutcome("OverflowError: signed integer is greater than maximum") { try array.array("i", [1 << 31]) }
        expectOutcome("OverflowError: signed char is less than minimum") { try array.array("b", [-129]) }
        expectOutcome("OverflowError: unsigned short is less than minimum") { try array.array("H", [-1]) }
        expectOutcome("OverflowError: can't convert negative int to unsigned") { try array.array("Q", [-1]) }
        expectOutcome("ValueError: bad typecode (must be b, B, u, h, H, i, I, l, L, q, Q, f or d)") { try array.array("z") }
        expectOutcome("(array('i', [1, -1]), 2, 4, -1)") {
            var a = try array.array("i")
            try a.frombytes(bytes([1, 0, 0, 0, 0xff, 0xff, 0xff, 0xff]))
            return (a, len(a), a.itemsize, a[1])
        }
        expectOutcome("ValueError: bytes length not a multiple of item size") {
            var a = try array.array("h")
            try a.frombytes("abc")
            return a
        }
    }

    @Test("str % tuple is a str even where the result's type is free; sorted() of pairs")
    func percentAndSorted() {
        expectOutcome("'n=5'") { try "%s=%d" % ("n", 5) }
        expectOutcome("'bob (2)'") {
            let top = ("bob", 2)
            return try "%s (%d)" % top
        }
        expectOutcome("[('a', 3), ('b', 2), ('c', 1)]") { sorted((["b": 2, "a": 3, "c": 1] as dict<String, Int>).items()) }
        expectOutcome("[(1, 'b'), (1, 'a'), (0, 'z')]") { sorted([(1, "b"), (1, "a"), (0, "z")], reverse: true) }
    }

    @Test("os.pipe, os.read, os.write, and their errors")
    func osPipe() {
        expectOutcome("(b'pipe', b' data', b'')") {
            let (r, w) = try os.pipe()
            _ = try os.write(w, "pipe data")
            let d = try os.read(r, 4)
            let e = try os.read(r, 100)
            try os.close(w)
            let f = try os.read(r, 10)
            try os.close(r)
            return (d, e, f)
        }
        expectOutcome("OSError: [Errno 9] Bad file descriptor") { try os.read(-1, 1) }
        expectOutcome("OSError: [Errno 22] Invalid argument") {
            let (r, w) = try os.pipe()
            try os.close(r)
            try os.close(w)
            return try os.read(r, -1)
        }
    }

    @Test("enumerate over a socket file is lazy: each line is handled before the next arrives")
    func lazyEnumerate() throws {
        let (a, b) = try socket.socketpair()
        defer { a.close(); b.close() }
        let f = try b.makefile("r")
        try a.sendall("one\n")
        var seen: [String] = []
        for (i, line) in enumerate(f) {
            seen.append("\(i):\(line)")
            if i == 0 { try a.sendall("two\n"); a.close() }
        }
        try f.close()
        #expect(seen == ["0:one\n", "1:two\n"])
    }

    @Test("json.dumps and json.loads: CPython's text, separators, escapes and decode errors")
    func jsonModule() {
        expectOutcome("'{\"a\": 1, \"b\": [true, null], \"c\": \"\\\\u00e9\\\\n\\\\\"x\\\\\"\", \"d\": 1.5, \"e\": {}, \"f\": []}'") { try json.dumps(["a": 1, "b": [true, nil], "c": "é\n\"x\"", "d": 1.5, "e": [:] as dict<String, Int>, "f": [] as [Int]] as dict<String, Any?>) }
        expectOutcome("'{\\n  \"a\": [\\n    1,\\n    2\\n  ],\\n  \"b\": 1\\n}'") { try json.dumps(["b": 1, "a": [1, 2]] as dict<String, Any>, indent: 2, sort_keys: true) }
        expectOutcome("'[\"x\", 2]'") { try json.dumps(("x", 2)) }
        expectOutcome("TypeError: Object of type bytes is not JSON serializable") { try json.dumps(bytes("x")) }
        expectOutcome("'NaN'") { try json.dumps(Double.nan) }
        expectOutcome("'\"\\\\ud83d\\\\ude00\"'") { try json.dumps("😀") }
        expectOutcome("{'a': [1, 2.5, True, None, 'xé😀'], 'b': {}}") { try json.loads("{\"a\": [1, 2.5, true, null, \"x\\u00e9\\ud83d\\ude00\"], \"b\": {}}") }
        expectOutcome("JSONDecodeError: Expecting value: line 1 column 1 (char 0)") { try json.loads("") }
        expectOutcome("JSONDecodeError: Expecting ':' delimiter: line 1 column 6 (char 5)") { try json.loads("{\"a\" 1}") }
        expectOutcome("JSONDecodeError: Expecting ',' delimiter: line 1 column 6 (char 5)") { try json.loads("[1, 2") }
        expectOutcome("JSONDecodeError: Illegal trailing comma before end of array: line 1 column 3 (char 2)") { try json.loads("[1,]") }
        expectOutcome("JSONDecodeError: Expecting property name enclosed in double quotes: line 1 column 2 (char 1)") { try json.loads("{'a': 1}") }
        expectOutcome("JSONDecodeError: Extra data: line 1 column 3 (char 2)") { try json.loads("1 2") }
        expectOutcome("JSONDecodeError: Unterminated string starting at: line 1 column 1 (char 0)") { try json.loads("\"abc") }
        expectOutcome("JSONDecodeError: Expecting value: line 2 column 3 (char 3)") { try json.loads("\n  nope") }
    }

    @Test("logging: a named logger's levels, handler level and %-formats, as CPython writes them")
    func loggingModule() throws {
        let buf = io.StringIO()
        let log = logging.getLogger("tests.logging")
        log.propagate = false
        let h = logging.StreamHandler(buf)
        h.setFormatter(logging.Formatter("%(levelname)s:%(name)s:%(message)s|%(levelno)3d"))
        log.addHandler(h)
        log.setLevel(logging.INFO)
        try log.debug("no")
        try log.info("got %d bytes from %s", 5, ("127.0.0.1", 80))
        try log.warning("%s%%", 50)
        try log.log(25, "custom %r", "x")
        h.setLevel(logging.ERROR)
        try log.warning("filtered by the handler")
        try log.error("plain % sign")
        #expect(repr(buf.getvalue()) == "\"INFO:tests.logging:got 5 bytes from ('127.0.0.1', 80)| 20\\nWARNING:tests.logging:50%| 30\\nLevel 25:tests.logging:custom 'x'| 25\\nERROR:tests.logging:plain % sign| 40\\n\"")
    }

    @Test("int(bytes) reads ASCII digits as CPython does; queue.Queue get/put/task_done and their errors")
    func intOfBytesAndQueue() throws {
        expectOutcome("15") { try int(bytes(" 15\n")) }
        expectOutcome("ValueError: invalid literal for int() with base 10: b'x'") { try int(bytes("x")) }
        expectOutcome("255") { try int(bytes("ff"), 16) }
        expectOutcome("ValueError: invalid literal for int() with base 10: b'\\xff'") { try int(bytes([0xff])) }
        expectOutcome("10") { try int(bytes("1_0")) }
        expectOutcome("ValueError: invalid literal for int() with base 10: b''") { try int(bytes()) }
        expectOutcome("ValueError: invalid literal for int() with base 10: b'\\xa015'") { try int(bytes([0xa0, 0x31, 0x35])) }
        let q = queue.Queue<Int>(maxsize: 2)
        try q.put(1)
        try q.put(2)
        expectOutcome("Full: ") { try q.put_nowait(3) }
        expectOutcome("(1, 2, True)") { (try q.get(), try q.get(), q.empty()) }
        expectOutcome("Empty: ") { try q.get(timeout: 0.01) }
        expectOutcome("ValueError: 'timeout' must be a non-negative number") { try q.get(timeout: -1) }
        try q.task_done()
        try q.task_done()
        expectOutcome("ValueError: task_done() called too many times") { try q.task_done() }
        q.join()
    }

    @Test("open(): text and binary reads, append, seek, errors, and a file's fd passed with send_fds")
    func openFiles() throws {
        let d = try tempfile.mkdtemp()
        let p = os.path.join(d, "f.txt")
        let w = try open(p, "w")
        expectOutcome("(18, True, 'w', False)") { try w.with { f in (try f.write("héllo\nsecond line\n"), f.name == p, f.mode, f.closed) } }
        #expect(w.closed)
        expectOutcome("('héllo\\n', 'sec', 'ond line\\n', '')") {
            try open(p).with { f in (try f.readline(), try f.read(3), try f.read(), try f.read()) }
        }
        try open(p, "a").with { f in try f.write("third") }
        expectOutcome("['héllo\\n', 'second line\\n', 'third']") { try open(p).with { f in f.map { line in line } } }
        expectOutcome("(b'h\\xc3\\xa9l', [b'lo\\n', b'second line\\n', b'third'])") {
            try (open(p, "rb") as PyFile<bytes>).with { f in (try f.read(4), try f.readlines()) }
        }
        expectOutcome("b'hE\\xa9llo\\nsecond line\\nthird'") {
            try (open(p, "r+b") as PyFile<bytes>).with { f in
                try f.seek(1)
                try f.write("E")
                try f.seek(0)
                return try f.read()
            }
        }
        expectOutcome("FileNotFoundError: [Errno 2] No such file or directory: '\(d)/missing'") { try open(os.path.join(d, "missing")) }
        expectOutcome("ValueError: must have exactly one of create/read/write/append mode") { try open(p, "rw") }
        expectOutcome("ValueError: invalid mode: 'q'") { try open(p, "q") }
        expectOutcome("UnsupportedOperation: not readable") { try open(p, "w").with { f in try f.read() } }
        expectOutcome("ValueError: I/O operation on closed file.") {
            let f = try open(p)
            f.close()
            return try f.read()
        }
        let (a, b) = try socket.socketpair()
        defer { a.close(); b.close() }
        try open(p, "w+").with { f in
            try f.write("passed")
            try f.seek(0)
            _ = try socket.send_fds(a, ["f"], [try f.fileno()])
        }
        let (msg, fds, _, _) = try socket.recv_fds(b, 10, 1)
        expectOutcome("(b'f', b'passed')") { (msg, try os.read(fds[0], 100)) }
        try os.close(fds[0])
        try os.unlink(p)
        try os.rmdir(d)
    }
}
