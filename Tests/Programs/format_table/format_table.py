# Tables of socket constants and addresses in every formatting style Python has.
import socket

names = ["AF_INET", "AF_INET6", "AF_UNIX", "SOCK_STREAM", "SOCK_DGRAM", "SOL_SOCKET", "SO_REUSEADDR", "MSG_PEEK"]
values = {name: getattr(socket, name) for name in names}
width = max(len(name) for name in names)

print("%-*s %5s %6s %s" % (width, "name", "dec", "hex", "bits"))
for name in sorted(values, key=lambda n: (int(values[n]), n)):
    v = int(values[name])
    print("%-*s %5d %#6x %s" % (width, name, v, v, bin(v)[2:].zfill(8)))

print("{:<14}|{:^10}|{:>8}".format("left", "mid", "right"))
print("{0}-{1}-{0}".format("a", "b"), "{name}={value:04d}".format(name="port", value=80))
for name in names[:3]:
    v = values[name]
    print(f"{name:>12} = {int(v):<3d} {v!r} {str(v):>4} {v.name.lower()!s}")

for t in [0.5, 1 / 3, 2.0, 1e-6, 12345.6789]:
    print(f"{t:.3f} {t:8.2f} {t:e} {t:g} {t:>10} {t * 100:.1f}% {t:.0%}")
print(f"{1234567:,} {1234567:_} {-42:+d} {42:+d} {7:03} {'x':*^9} {'abc'!r:>8}")
print("%s %r %d%% %5.1f %-6s| %x %X %o %c" % ("str", "repr", 50, 2.25, "pad", 255, 255, 8, 65))
print("%(host)s:%(port)d" % {"host": "127.0.0.1", "port": 8080})

a, b = socket.socketpair()
rows = [("fd", a.fileno() >= 0), ("family", a.family), ("type", a.type), ("timeout", a.gettimeout())]
for key, value in rows:
    print(f"{key:>8}: {value}")
print(", ".join(f"{k}={v!r}" for k, v in rows))
print("|".join(str(x).center(7) for x in (1, "two", 3.0, None, True)))
print(str(1.5).rjust(6, "0"), "abc".ljust(5, ".") + "|", "  pad  ".strip(), "x,y,,z".split(","), "a b  c".split())
a.close()
b.close()
