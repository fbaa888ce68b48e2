# Printing the plain values socket calls return: None, booleans, floats, tuples, lists.
import socket

a, b = socket.socketpair()
print(a.gettimeout())
print(a.getblocking())
print(a.gettimeout() is None, socket.getdefaulttimeout())
values = []
for t in [0.0, 0.1, 1e-09, 100, 2.5, 1e9, 12345.678, 3600.0]:
    a.settimeout(t)
    values.append(a.gettimeout())
print(values)
print([a.getblocking(), a.gettimeout() == 3600])
print((a.family, a.type))
print(repr((a.family, a.type)))
print(str(a.family), repr(a.type), int(a.proto))
print(a.send(b"abc"), b.recv(1), b.recv(10))
print(len(b""), len(b"xyz"), bool(b""), bool(b"x"))
print({"sent": 3, "ok": True, "timeout": None})
print(("127.0.0.1", 80), [None, False, 1.5], [])
print(1 / 4, 10 / 2, float("inf"), -float("inf"), float("nan"))
print("a", "b", "c", sep="-", end="!\n")
print()
n, t = 1024, 0.5
print(f"{n} bytes in {t} s")
print(str(None), repr("it's"), repr('say "hi"'), repr("tab\tnew\n"))
print(socket.inet_aton("1.2.3.4"), [socket.inet_aton("0.0.0.0")])
print(type(None).__name__, type(1.0).__name__, type(b"").__name__, type(("a", 1)).__name__, type([]).__name__)
a.close()
b.close()
print(a)
