import socket
import threading

def line_server(srv):
    conn, _ = srv.accept()
    with conn:
        f = conn.makefile("rwb")
        for line in f:
            cmd = line.strip()
            if cmd == b"QUIT":
                f.write(b"BYE\n")
                f.flush()
                break
            f.write(b"LEN " + str(len(cmd)).encode() + b"\n")
            f.flush()
        f.close()

srv = socket.socket(socket.AF_INET6, socket.SOCK_STREAM)
srv.bind(("::1", 0))
srv.listen()
name = srv.getsockname()
print("v6 name len", len(name), name[0], name[2], name[3])
t = threading.Thread(target=line_server, args=(srv,))
t.start()

c = socket.socket(socket.AF_INET6, socket.SOCK_STREAM)
c.connect(("::1", name[1]))
r = c.makefile("r")
w = c.makefile("wb")
for word in ["alpha", "be", "gamma delta"]:
    w.write(word.encode() + b"\n")
    w.flush()
    line = r.readline()
    print(repr(line), line.split())
w.write(b"QUIT\n")
w.flush()
print(r.readline().rstrip("\n"))
print("eof:", repr(r.readline()))
r.close()
w.close()
c.close()
t.join()
srv.close()

a, b = socket.socketpair()
fa = a.makefile("w")
fb = b.makefile("r", encoding="utf-8")
fa.write("one\ntwo\nthree")
fa.close()
a.close()
print(fb.readlines())
fb.close()
b.close()

x = socket.socket(socket.AF_INET6, socket.SOCK_STREAM)
try:
    x.connect(("::1", 1))
except OSError as e:
    print(type(e).__name__, e.errno, e)
x.close()
try:
    x.send(b"x")
except OSError as e:
    print(type(e).__name__, e.errno, e, repr(e))
