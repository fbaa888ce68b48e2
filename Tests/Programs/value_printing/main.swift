// Printing the plain values socket calls return: None, booleans, floats, tuples, lists.
import PySocket
import PyBuiltins

let (a, b) = try socket.socketpair()
print(a.gettimeout())
print(a.getblocking())
print(a.gettimeout() == nil, socket.getdefaulttimeout())
var values: [Double?] = []
for t in [0.0, 0.1, 1e-09, 100, 2.5, 1e9, 12345.678, 3600.0] {
    try a.settimeout(t)
    values.append(a.gettimeout())
}
print(values)
print([a.getblocking(), a.gettimeout() == 3600])
print((a.family, a.type))
print(repr((a.family, a.type)))
print(str(a.family), repr(a.type), Int(a.proto))
print(try a.send("abc"), try b.recv(1), try b.recv(10))
print(len(bytes("")), len(bytes("xyz")), bool(bytes("")), bool(bytes("x")))
print(["sent": 3, "ok": true, "timeout": nil] as dict<String, Any?>)
print(("127.0.0.1", 80), [nil, false, 1.5] as [Any?], [] as [Int])
print(1.0 / 4, 10.0 / 2, Double.infinity, -Double.infinity, Double.nan)
print("a", "b", "c", sep: "-", end: "!\n")
print()
let (n, t) = (1024, 0.5)
print("\(n) bytes in \(t) s")
print(str(nil as Any?), repr("it's"), repr("say \"hi\""), repr("tab\tnew\n"))
print(try socket.inet_aton("1.2.3.4"), [try socket.inet_aton("0.0.0.0")])
print(type(nil as Any?).__name__, type(1.0).__name__, type(bytes("")).__name__, type(("a", 1)).__name__, type([]).__name__)
a.close()
b.close()
print(a)
