// dict's compact layout: keys compared in order up to 8, an index past 8, removals across that edge (CPython 3.13's values).
import PyBuiltins
import PySocket
import Testing
import TestSupport

@Suite("dict keeps CPython's order and lookups on both sides of its 8-key scan limit", .fdBalanced)
struct DictLayoutTests {
    /// The Python program whose output (CPython 3.13) each line below is:
    ///
    ///     d = {}
    ///     for i in range(12):
    ///         d[b"k%d" % i] = i
    ///         out.append(repr((len(d), d.get(b"k0"), d.get(b"k%d" % i), b"k%d" % (i + 1) in d)))
    ///     out.append(repr(d))
    ///     d[b"k3"] = 33
    ///     out.append(repr(list(d.items())[:5]))
    ///     for k in [b"k0", b"k5", b"k11", b"k7", b"k8"]:
    ///         out.append(repr((d.pop(k), len(d), k in d, d.get(b"k9"), d.get(b"k1"))))
    ///     out.append(repr(d))
    ///     d[b"k0"] = 100
    ///     d[b"transfer-encoding-long-key"] = -1
    ///     out.append(repr((list(d.keys()), list(d.values()))))
    ///     out.append(repr((d.setdefault(b"k2", 0), d.setdefault(b"new", 7), len(d))))
    ///     e = {b"new": 7}
    ///     for k, v in d.items():
    ///         e[k] = v
    ///     out.append(repr((e == d, list(e.keys())[0], d == {b"k0": 100})))
    ///     del d[b"transfer-encoding-long-key"]
    ///     out.append(repr((b"transfer-encoding-long-key" in d, d.get(b"transfer-encoding-long-key"), len(d))))
    ///     d.clear()
    ///     out.append(repr((len(d), d, d.get(b"k1"))))
    static let expected = """
        (1, 0, 0, False)
        (2, 0, 1, False)
        (3, 0, 2, False)
        (4, 0, 3, False)
        (5, 0, 4, False)
        (6, 0, 5, False)
        (7, 0, 6, False)
        (8, 0, 7, False)
        (9, 0, 8, False)
        (10, 0, 9, False)
        (11, 0, 10, False)
        (12, 0, 11, False)
        {b'k0': 0, b'k1': 1, b'k2': 2, b'k3': 3, b'k4': 4, b'k5': 5, b'k6': 6, b'k7': 7, b'k8': 8, b'k9': 9, b'k10': 10, b'k11': 11}
        [(b'k0', 0), (b'k1', 1), (b'k2', 2), (b'k3', 33), (b'k4', 4)]
        (0, 11, False, 9, 1)
        (5, 10, False, 9, 1)
        (11, 9, False, 9, 1)
        (7, 8, False, 9, 1)
        (8, 7, False, 9, 1)
        {b'k1': 1, b'k2': 2, b'k3': 33, b'k4': 4, b'k6': 6, b'k9': 9, b'k10': 10}
        ([b'k1', b'k2', b'k3', b'k4', b'k6', b'k9', b'k10', b'k0', b'transfer-encoding-long-key'], [1, 2, 33, 4, 6, 9, 10, 100, -1])
        (2, 7, 10)
        (True, b'new', False)
        (False, None, 9)
        (0, {}, None)
        """

    @Test("insertions, lookups, pops, setdefault, ==, del and clear across the scan limit")
    func operations() throws {
        var out: [String] = []
        var d: dict<bytes, Int> = [:]
        for i in 0..<12 {
            d[try "k%d" % i] = i
            out.append(repr((d.count, d.get("k0"), d.get(try "k%d" % i), d.contains(try "k%d" % (i + 1)))))
        }
        out.append(repr(d))
        d["k3"] = 33
        out.append(repr(Array(d.items().prefix(5))))
        for k: bytes in ["k0", "k5", "k11", "k7", "k8"] {
            out.append(repr((try d.pop(k), d.count, d.contains(k), d.get("k9"), d.get("k1"))))
        }
        out.append(repr(d))
        d["k0"] = 100
        d["transfer-encoding-long-key"] = -1
        out.append(repr((d.keys(), d.values())))
        out.append(repr((d.setdefault("k2", 0), d.setdefault("new", 7), d.count)))
        var e: dict<bytes, Int> = ["new": 7]
        for (k, v) in d.items() {
            e[k] = v
        }
        out.append(repr((e == d, e.keys()[0], d == ["k0": 100])))
        d["transfer-encoding-long-key"] = nil
        out.append(repr((d.contains("transfer-encoding-long-key"), d.get("transfer-encoding-long-key"), d.count)))
        d.clear()
        out.append(repr((d.count, d, d.get("k1"))))
        #expect(out.joined(separator: "\n") == Self.expected)
    }

    @Test("a str-keyed dict past 8 keys finds every key (the generic path)")
    func strKeys() {
        // python3.13 -c 'd = {str(i): i * i for i in range(20)}; print(sum(d[str(i)] for i in range(20)), "19" in d, "20" in d)'
        // 2470 True False
        var d: dict<String, Int> = [:]
        for i in 0..<20 { d[String(i)] = i * i }
        var total = 0
        for i in 0..<20 { total += d[String(i)] ?? -1000 }
        #expect(total == 2470)
        #expect(d.contains("19") && !d.contains("20"))
    }
}
