# makefile in its different modes: text and binary, read sizes, readinto, iteration.
import socket

a, b = socket.socketpair()
w = a.makefile("wb")
w.write(b"first line\nsecond line\nthird")
w.flush()
a.shutdown(socket.SHUT_WR)
r = b.makefile("rb")
print(r.readline())
print(r.read(3))
print(r.readline())
buf = bytearray(4)
print(r.readinto(buf), buf)
print(r.read())
print(r.read(), r.readline())
print(r.readable(), r.writable(), w.writable(), r.closed)
r.close()
w.close()
print(r.closed, b.fileno() >= 0)
a.close()
b.close()

a, b = socket.socketpair()
wt = a.makefile("w", encoding="utf-8")
wt.write("héllo wörld\n")
wt.write("line two\n")
wt.close()
a.close()
rt = b.makefile("r", encoding="utf-8")
lines = rt.readlines()
print(lines, len(lines[0]))
rt.close()
b.close()

a, b = socket.socketpair()
a.sendall(b"x\ny\nz\n")
a.close()
f = b.makefile("rb")
print([line for line in f])
f.close()
b.close()
try:
    a.makefile("rb")
except OSError as e:
    print("closed socket:", e)
try:
    b2, c2 = socket.socketpair()
    b2.makefile("rx")
except ValueError as e:
    print("bad mode:", e)
finally:
    b2.close()
    c2.close()
