# A line protocol over a socket with makefile: a tiny key-value server.
import socket
import threading

server_side, client_side = socket.socketpair()

def serve():
    store = {}
    rfile = server_side.makefile("r", encoding="utf-8", newline="\n")
    wfile = server_side.makefile("w", encoding="utf-8", newline="\n")
    for line in rfile:
        parts = line.split()
        if parts[0] == "SET":
            store[parts[1]] = parts[2]
            wfile.write("OK\n")
        elif parts[0] == "GET":
            wfile.write(store.get(parts[1], "MISSING") + "\n")
        elif parts[0] == "QUIT":
            wfile.write(f"BYE {len(store)}\n")
            wfile.flush()
            break
        else:
            wfile.write("ERR unknown command\n")
        wfile.flush()
    rfile.close()
    wfile.close()
    server_side.close()

t = threading.Thread(target=serve)
t.start()

f = client_side.makefile("rwb")
for command in [b"SET color blue", b"SET size 10", b"GET color", b"GET shape", b"HELLO", b"QUIT"]:
    f.write(command + b"\n")
    f.flush()
    reply = f.readline()
    print(command.decode(), "->", reply)
print(f.readline())
f.close()
t.join()
client_side.close()
print(client_side.fileno())
