# PyMOTW-3 select echo server with message queues, plus its client, in one process.
import queue
import select
import socket
import threading

server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
server.setblocking(0)
server_address = ('127.0.0.1', 0)
server.bind(server_address)
server.listen(5)
port = server.getsockname()[1]
print('starting up on', server.getsockname()[0], 'port', port > 0)

inputs = [server]
outputs = []
message_queues = {}
messages = [
    'This is the message. ',
    'It will be sent ',
    'in parts.',
]
done = threading.Event()
log = []


def client():
    socks = [
        socket.socket(socket.AF_INET, socket.SOCK_STREAM),
        socket.socket(socket.AF_INET, socket.SOCK_STREAM),
    ]
    for s in socks:
        s.connect(('127.0.0.1', port))
    for message in messages:
        outgoing_data = message.encode()
        for i, s in enumerate(socks):
            s.send(outgoing_data)
            got = b''
            while len(got) < len(outgoing_data):
                got += s.recv(1024)
            log.append('client %d received %r' % (i, got))
    for s in socks:
        s.close()
    done.set()


t = threading.Thread(target=client)
t.start()

closed = 0
stopped_watching = 0
while inputs:
    readable, writable, exceptional = select.select(inputs, outputs, inputs, 2.0)
    if not (readable or writable or exceptional):
        print('timed out')
        break
    for s in readable:
        if s is server:
            connection, client_address = s.accept()
            print('new connection from', client_address[0])
            connection.setblocking(0)
            inputs.append(connection)
            message_queues[connection] = queue.Queue()
        else:
            data = s.recv(1024)
            if data:
                print('received {!r}'.format(data))
                message_queues[s].put(data)
                if s not in outputs:
                    outputs.append(s)
            else:
                print('closing after reading no data')
                if s in outputs:
                    outputs.remove(s)
                inputs.remove(s)
                s.close()
                del message_queues[s]
                closed += 1
                if closed == 2:
                    inputs.remove(server)
    for s in writable:
        if s not in message_queues:
            continue
        try:
            next_msg = message_queues[s].get_nowait()
        except queue.Empty:
            stopped_watching += 1  # when this happens depends on timing: counted, not printed
            outputs.remove(s)
        else:
            print('  sending {!r}'.format(next_msg))
            s.send(next_msg)
    for s in exceptional:
        print('handling exceptional condition')
        inputs.remove(s)
        if s in outputs:
            outputs.remove(s)
        s.close()
        del message_queues[s]

t.join()
server.close()
print('client done:', done.is_set())
for line in sorted(log):
    print(line)
print('queues left:', len(message_queues), 'stopped watching:', stopped_watching > 0)
