// Tables of socket constants and addresses in every formatting style Python has.
import PySocket
import PyBuiltins

let names = ["AF_INET", "AF_INET6", "AF_UNIX", "SOCK_STREAM", "SOCK_DGRAM", "SOL_SOCKET", "SO_REUSEADDR", "MSG_PEEK"]
let values = dict(names.map { name in (name, try! getattr(socket.self, name) as Int) })
let width = try max(names.map { name in len(name) })

print(try "%-*s %5s %6s %s" % (width, "name", "dec", "hex", "bits"))
for name in sorted(values, key: { n in (int(values[n]!), n) }) {
    let v = int(values[name]!)
    print(try "%-*s %5d %#6x %s" % (width, name, v, v, bin(v)[2...].zfill(8)))
}

print(try "{:<14}|{:^10}|{:>8}".format("left", "mid", "right"))
print(try "{0}-{1}-{0}".format("a", "b"), try "{name}={value:04d}".format(name: "port", value: 80))
for name in names[..<3] {
    let v = socket.AddressFamily(try getattr(socket.self, name) as Int)
    print(try "\(name, ">12") = \(int(v), "<3d") \(repr(v)) \(str(v), ">4") \(v.name.lower())")
}

for t in [0.5, 1.0 / 3, 2.0, 1e-6, 12345.6789] {
    print(try "\(t, ".3f") \(t, "8.2f") \(t, "e") \(t, "g") \(t, ">10") \(t * 100, ".1f")% \(t, ".0%")")
}
print(try "\(1234567, ",") \(1234567, "_") \(-42, "+d") \(42, "+d") \(7, "03") \("x", "*^9") \(repr("abc"), ">8")")
print(try "%s %r %d%% %5.1f %-6s| %x %X %o %c" % ("str", "repr", 50, 2.25, "pad", 255, 255, 8, 65))
print(try "%(host)s:%(port)d" % (["host": "127.0.0.1", "port": 8080] as dict<String, Any>))

let (a, b) = try socket.socketpair()
let rows: [(String, Any?)] = [("fd", a.fileno() >= 0), ("family", a.family), ("type", a.type), ("timeout", a.gettimeout())]
for (key, value) in rows {
    print(try "\(key, ">8"): \(value)")
}
print(", ".join(rows.map { (k, v) in "\(k)=\(repr(v))" }))
print("|".join([1, "two", 3.0, nil, true].map { (x: Any?) in str(x).center(7) }))
print(str(1.5).rjust(6, "0"), "abc".ljust(5, ".") + "|", "  pad  ".strip(), try "x,y,,z".split(","), "a b  c".split())
a.close()
b.close()
