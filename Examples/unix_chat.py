# A chat over an AF_UNIX stream socket between two processes: the parent listens, a forked child connects.
import os
import socket
import tempfile

directory = tempfile.mkdtemp()
path = os.path.join(directory, "chat.sock")
server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
server.bind(path)
server.listen(1)


def bob():
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    sock.connect(path)
    for answer in [b"hi alice", b"fine, and you?", b"bye"]:
        sock.recv(1024)
        sock.sendall(answer)
    sock.close()


pid = os.fork()
if pid == 0:
    server.close()
    bob()
    os._exit(0)

conn, addr = server.accept()
print("bob connected from", repr(addr), "to", server.getsockname() == path)
for line in [b"hello bob", b"how are you?", b"see you"]:
    conn.sendall(line)
    print("alice:", line.decode())
    print("bob:", conn.recv(1024).decode())
print("bob left:", conn.recv(1024))
conn.close()
server.close()
_, status = os.waitpid(pid, 0)
print("bob exited with", os.waitstatus_to_exitcode(status))
os.unlink(path)
os.rmdir(directory)
