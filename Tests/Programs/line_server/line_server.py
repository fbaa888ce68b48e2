# A threaded line-protocol server without socketserver: makefile("rw") on both ends.
import socket
import threading

def handle(conn, name):
    with conn, conn.makefile("rw", encoding="utf-8", newline="\n") as f:
        f.write(f"HELLO {name}\n")
        f.flush()
        for line in f:
            line = line.strip()
            if not line:
                continue
            cmd, _, rest = line.partition(" ")
            if cmd == "ADD":
                total = sum(int(x) for x in rest.split(","))
                f.write(f"SUM {total}\n")
            elif cmd == "UPPER":
                f.write(rest.upper() + "\n")
            elif cmd.startswith("Q"):
                f.write("BYE\n")
                f.flush()
                return
            else:
                f.write(f"ERR {cmd!r}\n")
            f.flush()

def server(srv, count):
    workers = []
    for i in range(count):
        conn, _ = srv.accept()
        t = threading.Thread(target=handle, args=(conn, f"client{i}"))
        t.start()
        workers.append(t)
    for t in workers:
        t.join()

with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as srv:
    srv.bind(("127.0.0.1", 0))
    srv.listen()
    host, port = srv.getsockname()
    st = threading.Thread(target=server, args=(srv, 2))
    st.start()
    for script in (["ADD 1,2,3", "UPPER quiet", "", "NOPE", "QUIT"], ["ADD 40,2", "Q"]):
        with socket.create_connection((host, port)) as c:
            f = c.makefile("rw", encoding="utf-8", newline="\n")
            print("<", f.readline().rstrip("\n"))
            for line in script:
                f.write(line + "\n")
                f.flush()
                if not line:
                    continue
                reply = f.readline()
                print(f"> {line:<12}| {reply.strip():>10} |")
            f.close()
    st.join()
print("done")
