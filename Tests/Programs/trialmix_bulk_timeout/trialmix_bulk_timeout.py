# sendall of a large payload with progress prints, socket.timeout vs TimeoutError, half-close.
import hashlib
import socket
import threading
import time

TOTAL = 1 << 20
CHUNK = 64 * 1024
payload = bytes(range(256)) * (TOTAL // 256)
print('payload', len(payload), 'bytes, md5', hashlib.md5(payload).hexdigest())

listener = socket.create_server(('127.0.0.1', 0))
host, port = listener.getsockname()
listener.settimeout(0.05)
try:
    listener.accept()
except socket.timeout as e:
    print('accept timed out:', e, '| is TimeoutError:', isinstance(e, TimeoutError))
print('socket.timeout is TimeoutError:', socket.timeout is TimeoutError)
listener.settimeout(None)

received = []


def receiver():
    conn, _ = listener.accept()
    with conn:
        conn.settimeout(1.0)
        total = 0
        digest = hashlib.md5()
        while True:
            chunk = conn.recv(CHUNK)
            if not chunk:
                break
            total += len(chunk)
            digest.update(chunk)
        received.append((total, digest.hexdigest()))
        conn.sendall(b'OK %d' % total)


t = threading.Thread(target=receiver)
t.start()
sock = socket.create_connection((host, port), timeout=2)
print('client timeout:', sock.gettimeout())
sent = 0
start = time.monotonic()
view = memoryview(payload)
while sent < TOTAL:
    piece = view[sent:sent + 4 * CHUNK]
    sock.sendall(piece)
    sent += len(piece)
    print('progress: %3d%% (%d/%d)' % (sent * 100 // TOTAL, sent, TOTAL))
sock.shutdown(socket.SHUT_WR)
reply = sock.recv(100)
print('reply:', reply)
print('fast enough:', time.monotonic() - start < 2)
sock.settimeout(0.05)
try:
    more = sock.recv(10)
    print('after reply:', more)
except TimeoutError as e:
    print('unexpected timeout', e)
try:
    sock.send(b'x')
except OSError as e:
    print('send after SHUT_WR:', type(e).__name__, e.errno, e.strerror)
sock.close()
t.join()
print('received:', received[0][0], received[0][1] == hashlib.md5(payload).hexdigest())

a, b = socket.socketpair()
a.settimeout(0.02)
try:
    a.recv(1)
except TimeoutError as e:
    print('TimeoutError caught:', repr(e), e.args)
a.close()
b.close()
listener.close()
