# socketpair between a parent and a forked child: the child squares the numbers the parent sends.
import os
import socket

parent_sock, child_sock = socket.socketpair()


def child():
    while True:
        data = child_sock.recv(64)
        if not data:
            break
        n = int(data.decode())
        child_sock.sendall(b"%d" % (n * n))
    child_sock.close()


pid = os.fork()
if pid == 0:
    parent_sock.close()
    child()
    os._exit(0)

child_sock.close()
print(parent_sock.family, parent_sock.type)
for n in [2, 3, 12, 1000]:
    parent_sock.sendall(b"%d" % n)
    print(n, "squared is", int(parent_sock.recv(64).decode()))
parent_sock.close()
done, status = os.waitpid(pid, 0)
print("child exited:", done == pid, os.waitstatus_to_exitcode(status))
