# A makefile + json.dumps line protocol over AF_UNIX in a temp dir, with shutdown(SHUT_WR) half-close.
import json
import os
import socket
import tempfile
import threading

tmpdir = tempfile.mkdtemp()
path = os.path.join(tmpdir, 'rpc.sock')
srv = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
srv.bind(path)
srv.listen(1)
print('listening on', os.path.basename(srv.getsockname()))


def serve():
    conn, addr = srv.accept()
    print('server: peer address', repr(addr))
    with conn, conn.makefile('r', encoding='utf-8') as rfile, conn.makefile('w', encoding='utf-8') as wfile:
        count = 0
        for line in rfile:
            request = json.loads(line)
            count += 1
            if request['op'] == 'add':
                result = {'id': request['id'], 'result': sum(request['args'])}
            elif request['op'] == 'upper':
                result = {'id': request['id'], 'result': request['args'][0].upper()}
            else:
                result = {'id': request['id'], 'error': 'unknown op %r' % request['op']}
            wfile.write(json.dumps(result) + '\n')
            wfile.flush()
        print('server: EOF after', count, 'requests')
        wfile.write(json.dumps({'bye': True, 'count': count}) + '\n')


t = threading.Thread(target=serve)
t.start()

client = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
client.connect(path)
requests = [
    {'id': 1, 'op': 'add', 'args': [1, 2, 3]},
    {'id': 2, 'op': 'upper', 'args': ['héllo']},
    {'id': 3, 'op': 'mul', 'args': [2, 3]},
]
f = client.makefile('rw', encoding='utf-8')
for req in requests:
    f.write(json.dumps(req) + '\n')
    f.flush()
    reply = json.loads(f.readline())
    print('request', req['id'], '->', reply)
client.shutdown(socket.SHUT_WR)
last = f.readline()
print('final line:', last.rstrip('\n'))
print('after final:', repr(f.readline()))
f.close()
client.close()
t.join()
srv.close()
os.unlink(path)
os.rmdir(tmpdir)
print('cleaned up:', not os.path.exists(tmpdir))
