#!/usr/bin/env python3
# The values CollectionsTests (Tests/PyBuiltinsTests) expects, as CPython 3.13 prints them: run with python3.13.
import collections, struct, array, io, contextlib, socket
from collections import deque, defaultdict, Counter, namedtuple
def o(f):
    try: r = repr(f())
    except Exception as e: r = type(e).__name__ + ": " + str(e)
    print(r)
o(lambda: deque([1, 2, 3], maxlen=2))
o(lambda: deque(["a"]))
o(lambda: deque([], maxlen=-1))
def f():
    q = deque(); q.append(1); q.appendleft(0); q.extend([2, 3]); q.rotate(1); return q
o(f)
def f():
    q = deque([1, 2, 3]); q.rotate(-4); return q
o(f)
o(lambda: deque().popleft())
o(lambda: deque().pop())
def f():
    d = defaultdict(int); d["a"] += 2; d["b"]; return d
o(f)
def f():
    d = defaultdict(list); d["x"].append(1); return d
o(f)
def f():
    d = defaultdict(deque); d["x"].append("m"); return d
o(f)
o(lambda: Counter("abracadabra"))
o(lambda: Counter("abracadabra").most_common(2))
o(lambda: Counter())
def f():
    c = Counter(["b", "a", "b"]); c["z"]; return (c["z"], len(c), c.total(), sorted(c.elements()), list(c))
o(f)
P = namedtuple("P", "host port")
o(lambda: P("h", 80))
o(lambda: P("h", 80)._fields)
o(lambda: P("h", 80)._asdict())
o(lambda: tuple([1]))
o(lambda: tuple([1, "a"]))
o(lambda: tuple())
o(lambda: bytes(memoryview(b"hello")[1:3]))
o(lambda: memoryview(b"hello")[10:].tobytes())
o(lambda: memoryview(b"hello")[-2:].tobytes())
o(lambda: memoryview(b"hello")[:-2].tobytes())
o(lambda: memoryview(b"hello")[9])
o(lambda: memoryview(b"hello")[-1])
o(lambda: (memoryview(b"hello").readonly, memoryview(bytearray(2)).readonly, memoryview(b"ab").hex(), memoryview(b"ab").tolist(), memoryview(b"ab").nbytes))
def f():
    a, b = socket.socketpair()
    try:
        a.send(b"xyz"); return b.recv_into(memoryview(b"abc"))
    finally: a.close(); b.close()
o(f)
def f():
    a, b = socket.socketpair()
    buf = bytearray(6); view = memoryview(buf)
    data = memoryview(b"0123456789")
    sent = 0
    while data:
        n = a.send(data[:4]); data = data[n:]; sent += n
    got = 0
    while got < 6:
        got += b.recv_into(view[got:], 6 - got)
    a.close(); b.close()
    return (sent, buf)
o(f)
s = io.StringIO()
with contextlib.redirect_stdout(s):
    print(*[1, "a", None], sep="|")
    print("x", *(), "y")
    print(*"ab", *b"\x01")
print(repr(s.getvalue()))
H = struct.Struct("!HI")
o(lambda: (H.size, H.format, H.pack(1, 2), H.unpack(b"\x00\x01\x00\x00\x00\x02")))
o(lambda: struct.Struct("!Z"))
o(lambda: struct.pack("!HI", *P(1, 2)))
o(lambda: array.array("i", [1, -2]))
o(lambda: array.array("i", [1, -2]).tobytes())
o(lambda: array.array("B", [256]))
o(lambda: array.array("i", [2**31]))
o(lambda: array.array("b", [-129]))
o(lambda: array.array("H", [-1]))
o(lambda: array.array("Q", [-1]))
o(lambda: array.array("z"))
def f():
    a = array.array("i"); a.frombytes(b"\x01\x00\x00\x00\xff\xff\xff\xff"); return (a, len(a), a.itemsize, a[1])
o(f)
def f():
    a = array.array("h"); a.frombytes(b"abc"); return a
o(f)
o(lambda: "%s=%d" % ("n", 5))
o(lambda: sorted({"b": 2, "a": 3, "c": 1}.items()))
o(lambda: sorted([(1, "b"), (1, "a"), (0, "z")], reverse=True))
import os
def f():
    r, w = os.pipe(); os.write(w, b"pipe data"); d = os.read(r, 4); e = os.read(r, 100); os.close(w); f_ = os.read(r, 10); os.close(r); return (d, e, f_)
o(f)
o(lambda: os.read(-1, 1))
def f():
    r, w = os.pipe(); os.close(r); os.close(w); return os.read(r, -1)
o(f)
x = 3; t = 0.5; n = None
print(f"{x=}", f"{t=:.2f}", f"{n = }", f"{'a'=}")
import json
def o(f):
    try: print(repr(f()))
    except Exception as e: print(type(e).__name__ + ": " + str(e))
o(lambda: json.dumps({"a": 1, "b": [True, None], "c": "é\n\"x\"", "d": 1.5, "e": {}, "f": []}))
o(lambda: json.dumps({"b": 1, "a": [1, 2]}, indent=2, sort_keys=True))
o(lambda: json.dumps(("x", 2)))
o(lambda: json.dumps(b"x"))
o(lambda: json.dumps(float("nan")))
o(lambda: json.dumps("😀"))
o(lambda: json.loads("{\"a\": [1, 2.5, true, null, \"x\\u00e9\\ud83d\\ude00\"], \"b\": {}}"))
o(lambda: json.loads(""))
o(lambda: json.loads("{\"a\" 1}"))
o(lambda: json.loads("[1, 2"))
o(lambda: json.loads("[1,]"))
o(lambda: json.loads("{'a': 1}"))
o(lambda: json.loads("1 2"))
o(lambda: json.loads("\"abc"))
o(lambda: json.loads("\n  nope"))

import logging, io
buf = io.StringIO()
log = logging.getLogger("tests.logging")
log.propagate = False
h = logging.StreamHandler(buf)
h.setFormatter(logging.Formatter("%(levelname)s:%(name)s:%(message)s|%(levelno)3d"))
log.addHandler(h)
log.setLevel(logging.INFO)
log.debug("no")
log.info("got %d bytes from %s", 5, ("127.0.0.1", 80))
log.warning("%s%%", 50)
log.log(25, "custom %r", "x")
h.setLevel(logging.ERROR)
log.warning("filtered by the handler")
log.error("plain % sign")
print(repr(buf.getvalue()))
import queue
for a in [(b' 15\n',), (b'x',), (b'ff', 16), (b'\xff',), (b'1_0',), (b'',), (b'\xa015',)]:
    o(lambda: int(*a))
q = queue.Queue(maxsize=2); q.put(1); q.put(2)
o(lambda: q.put_nowait(3))
o(lambda: (q.get(), q.get(), q.empty()))
o(lambda: q.get(timeout=0.01))
o(lambda: q.get(timeout=-1))
q.task_done(); q.task_done()
o(lambda: q.task_done())
import os, tempfile, socket
def o(f):
    try: print(repr(f()))
    except Exception as e: print(type(e).__name__ + ": " + str(e))
d = tempfile.mkdtemp()
p = os.path.join(d, "f.txt")
with open(p, "w") as f:
    print(f.write("héllo\nsecond line\n"), f.name == p, f.mode, f.closed)
print(f.closed)
with open(p) as f:
    print(repr(f.readline()), repr(f.read(3)), repr(f.read()), repr(f.read()))
with open(p, "a") as f:
    f.write("third")
with open(p) as f:
    print([line for line in f])
with open(p, "rb") as f:
    print(f.read(4), f.readlines())
with open(p, "r+b") as f:
    f.seek(1)
    f.write(b"E")
    f.seek(0)
    print(f.read())
o(lambda: open(os.path.join(d, "missing")))
o(lambda: open(p, "rw"))
o(lambda: open(p, "q"))
def g():
    with open(p, "w") as f:
        return f.read()
o(g)
def h():
    f = open(p); f.close(); return f.read()
o(h)
a, b = socket.socketpair()
with open(p, "w+") as f:
    f.write("passed")
    f.seek(0)
    socket.send_fds(a, [b"f"], [f.fileno()])
msg, fds, _, _ = socket.recv_fds(b, 10, 1)
print(msg, os.read(fds[0], 100))
os.close(fds[0]); a.close(); b.close()
os.unlink(p); os.rmdir(d)
