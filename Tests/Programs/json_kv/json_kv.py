# A key-value store speaking newline-delimited JSON over TCP; the client checks every reply.
import json
import socket
import threading

store = {}
lock = threading.Lock()


def handle(conn):
    with conn, conn.makefile("rwb") as f:
        for raw in f:
            try:
                req = json.loads(raw)
            except json.JSONDecodeError as e:
                reply = {"ok": False, "error": f"bad json: {e.msg} at {e.pos}"}
            else:
                op = req.get("op")
                with lock:
                    if op == "set":
                        store[req["key"]] = req["value"]
                        reply = {"ok": True}
                    elif op == "get":
                        reply = {"ok": req["key"] in store, "value": store.get(req["key"])}
                    elif op == "keys":
                        reply = {"ok": True, "keys": sorted(store)}
                    else:
                        reply = {"ok": False, "error": "unknown op %r" % op}
            f.write(json.dumps(reply).encode() + b"\n")
            f.flush()


srv = socket.create_server(("127.0.0.1", 0))
t = threading.Thread(target=lambda: handle(srv.accept()[0]))
t.start()

requests = [
    {"op": "set", "key": "name", "value": "pysocket"},
    {"op": "set", "key": "ports", "value": [80, 443]},
    {"op": "set", "key": "nested", "value": {"a": 1.5, "b": None, "ü": True}},
    {"op": "get", "key": "ports"},
    {"op": "get", "key": "missing"},
    {"op": "keys"},
    {"op": "drop"},
]
with socket.create_connection(srv.getsockname()) as c:
    f = c.makefile("rwb")
    for req in requests:
        line = json.dumps(req)
        f.write(line.encode() + b"\n")
        f.flush()
        reply = json.loads(f.readline())
        print(f"{req['op']:>4} {len(line):3d} -> {reply}")
    f.write(b"{not json}\n")
    f.flush()
    print("bad ->", json.loads(f.readline()))
    f.close()
t.join()
srv.close()
print(json.dumps(store, indent=2, sort_keys=True))
print(json.dumps([1, "two", None, 3.0, [], {}]), json.loads("[1e2, -0.5, \"\\u00e9\"]"))
