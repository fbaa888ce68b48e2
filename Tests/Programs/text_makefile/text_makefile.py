# A line protocol over makefile in text mode: encodings, newline handling, write/flush, iteration.
import socket
import threading


def server(sock):
    with sock.makefile("r", encoding="utf-8", newline="") as rf, sock.makefile("w", encoding="utf-8") as wf:
        for lineno, line in enumerate(rf, start=1):
            text = line.rstrip("\r\n")
            if text == "QUIT":
                wf.write("BYE\n")
                wf.flush()
                break
            reply = f"{lineno}:{len(text)}:{text[::-1]}\n"
            wf.write(reply)
            wf.flush()
    sock.close()


a, b = socket.socketpair()
t = threading.Thread(target=server, args=(b,))
t.start()

wf = a.makefile("w", encoding="utf-8", newline="\r\n")
rf = a.makefile("r", encoding="utf-8")
print(type(wf).__name__, wf.mode, rf.encoding, wf.writable(), rf.readable(), wf.readable())
for text in ["hello", "naïve café", "", "tab\there", "ünï"]:
    n = wf.write(text + "\n")
    wf.flush()
    answer = rf.readline()
    print(n, repr(answer))
print(wf.write("QUIT\n"), end=" ")
wf.flush()
print(rf.readline(), end="")
print(repr(rf.readline()), repr(rf.read()))
t.join()
wf.close()
rf.close()
print(wf.closed, a.fileno() >= 0)

c, d = socket.socketpair()
d.sendall("line one\r\nline two\rline three\nend".encode("latin-1"))
d.close()
with c.makefile("r", encoding="latin-1", newline=None) as f:
    print(f.readlines())
c.close()

e, g = socket.socketpair()
g.sendall("ÿ".encode("latin-1") + b"\n" + "ü".encode("utf-8") + b"\n")
g.shutdown(socket.SHUT_WR)
with e.makefile("r", encoding="utf-8", errors="replace") as f:
    print([line for line in f])
with e.makefile("rb") as f:
    print(f.read())
e.close()
g.close()
