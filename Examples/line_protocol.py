# A line protocol over TCP with makefile: each side reads and writes lines through a file object.
import socket
import threading


def serve(srv):
    conn, _ = srv.accept()
    f = conn.makefile("rwb")
    f.write(b"WELCOME\n")
    f.flush()
    while True:
        line = f.readline()
        if not line:
            break
        command, _, argument = line.strip().partition(b" ")
        if command == b"ECHO":
            f.write(argument + b"\n")
        elif command == b"UPPER":
            f.write(argument.upper() + b"\n")
        elif command == b"LEN":
            f.write(b"%d\n" % len(argument))
        elif command == b"QUIT":
            f.write(b"BYE\n")
            f.flush()
            break
        else:
            f.write(b"ERR unknown command " + command + b"\n")
        f.flush()
    f.close()
    conn.close()


srv = socket.create_server(("127.0.0.1", 0))
t = threading.Thread(target=serve, args=(srv,))
t.start()

sock = socket.create_connection(srv.getsockname())
f = sock.makefile("rwb")
print("server says", f.readline())
for command in [b"ECHO hello there", b"UPPER quiet words", b"LEN twelve chars", b"PING", b"QUIT"]:
    f.write(command + b"\n")
    f.flush()
    print(command.decode(), "->", f.readline())
print("after QUIT:", f.readline())
f.close()
sock.close()
t.join()
srv.close()
