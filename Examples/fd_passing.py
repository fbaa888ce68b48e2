# Hand a connection to another process: the parent accepts, a forked worker serves it (send_fds/recv_fds).
import os
import socket

parent_end, worker_end = socket.socketpair(socket.AF_UNIX, socket.SOCK_STREAM)
listener = socket.create_server(("127.0.0.1", 0))
port = listener.getsockname()[1]


def worker():
    while True:
        msg, fds, _, _ = socket.recv_fds(worker_end, 1024, 1)
        if not fds:
            break
        conn = socket.socket(fileno=fds[0])
        request = conn.recv(1024)
        conn.sendall(b"worker served " + msg + b": " + request)
        conn.close()


pid = os.fork()
if pid == 0:
    parent_end.close()
    listener.close()
    worker()
    os._exit(0)

worker_end.close()
for name in [b"first", b"second"]:
    client = socket.create_connection(("127.0.0.1", port))
    conn, _ = listener.accept()
    sent = socket.send_fds(parent_end, [name], [conn.fileno()])
    conn.close()
    print("passed", name, "in", sent, "bytes; the parent's copy is closed:", conn.fileno())
    client.sendall(b"hello")
    print(client.recv(1024))
    client.close()
socket.send_fds(parent_end, [b"done"], [])
_, status = os.waitpid(pid, 0)
print("worker exited with", os.waitstatus_to_exitcode(status))
parent_end.close()
listener.close()
