// makefile in its different modes: text and binary, read sizes, readinto, iteration.
import PySocket
import PyBuiltins

var (a, b) = try socket.socketpair()
let w: SocketFile<bytes> = try a.makefile("wb")
_ = try w.write("first line\nsecond line\nthird")
try w.flush()
try a.shutdown(socket.SHUT_WR)
let r: SocketFile<bytes> = try b.makefile("rb")
print(try r.readline())
print(try r.read(3))
print(try r.readline())
var buf = try bytearray(4)
print(try r.readinto(&buf), buf)
print(try r.read())
print(try r.read(), try r.readline())
print(try r.readable(), try r.writable(), try w.writable(), r.closed)
try r.close()
try w.close()
print(r.closed, b.fileno() >= 0)
a.close()
b.close()

(a, b) = try socket.socketpair()
let wt = try a.makefile("w", encoding: "utf-8")
_ = try wt.write("héllo wörld\n")
_ = try wt.write("line two\n")
try wt.close()
a.close()
let rt = try b.makefile("r", encoding: "utf-8")
let lines = try rt.readlines()
print(lines, len(lines[0]))
try rt.close()
b.close()

(a, b) = try socket.socketpair()
try a.sendall("x\ny\nz\n")
a.close()
let f: SocketFile<bytes> = try b.makefile("rb")
print(f.map { line in line })
try f.close()
b.close()
do {
    let _: SocketFile<bytes> = try a.makefile("rb")
} catch let e as OSError {
    print("closed socket:", e)
}
let (b2, c2) = try socket.socketpair()
do {
    let _: SocketFile<bytes> = try b2.makefile("rx")
} catch let e as ValueError {
    print("bad mode:", e)
}
b2.close()
c2.close()
