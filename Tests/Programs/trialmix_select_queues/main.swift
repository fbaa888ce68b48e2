// PyMOTW-3 select echo server with message queues, plus its client, in one process.
import PySocket
import PyBuiltins

let server = try socket.socket(socket.AF_INET, socket.SOCK_STREAM)
try server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
try server.setblocking(0)
let server_address = ("127.0.0.1", 0)
try server.bind(server_address)
try server.listen(5)
let port: Int = try server.getsockname()[1]
print("starting up on", try server.getsockname()[0], "port", port > 0)

var inputs = [server]
var outputs: [socket] = []
var message_queues: [socket: queue.Queue<bytes>] = [:]
let messages = [
    "This is the message. ",
    "It will be sent ",
    "in parts.",
]
let done = threading.Event()
nonisolated(unsafe) var log: [String] = []


func client() throws {
    let socks = [
        try socket.socket(socket.AF_INET, socket.SOCK_STREAM),
        try socket.socket(socket.AF_INET, socket.SOCK_STREAM),
    ]
    for s in socks {
        try s.connect(("127.0.0.1", port))
    }
    for message in messages {
        let outgoing_data = message.encode()
        for (i, s) in enumerate(socks) {
            _ = try s.send(outgoing_data)
            var got: bytes = ""
            while len(got) < len(outgoing_data) {
                got += try s.recv(1024)
            }
            log.append(try "client %d received %r" % (i, got))
        }
    }
    for s in socks {
        s.close()
    }
    done.set()
}


let t = threading.Thread(target: client)
try t.start()

var closed = 0
var stopped_watching = 0
while !inputs.isEmpty {
    let (readable, writable, exceptional) = try select.select(inputs, outputs, inputs, 2.0)
    if !(!readable.isEmpty || !writable.isEmpty || !exceptional.isEmpty) {
        print("timed out")
        break
    }
    for s in readable {
        if s === server {
            let (connection, client_address) = try s.accept()
            print("new connection from", try client_address[0])
            try connection.setblocking(0)
            inputs.append(connection)
            message_queues[connection] = queue.Queue()
        } else {
            let data = try s.recv(1024)
            if !data.isEmpty {
                print(try "received {!r}".format(data))
                try message_queues[s]!.put(data)
                if !outputs.contains(s) {
                    outputs.append(s)
                }
            } else {
                print("closing after reading no data")
                if outputs.contains(s) {
                    try outputs.remove(s)
                }
                try inputs.remove(s)
                s.close()
                message_queues[s] = nil
                closed += 1
                if closed == 2 {
                    try inputs.remove(server)
                }
            }
        }
    }
    for s in writable {
        if message_queues[s] == nil {
            continue
        }
        let next_msg: bytes
        do {
            next_msg = try message_queues[s]!.get_nowait()
        } catch is queue.Empty {
            stopped_watching += 1  // when this happens depends on timing: counted, not printed
            try outputs.remove(s)
            continue
        }
        print(try "  sending {!r}".format(next_msg))
        _ = try s.send(next_msg)
    }
    for s in exceptional {
        print("handling exceptional condition")
        try inputs.remove(s)
        if outputs.contains(s) {
            try outputs.remove(s)
        }
        s.close()
        message_queues[s] = nil
    }
}

try t.join()
server.close()
print("client done:", done.is_set())
for line in sorted(log) {
    print(line)
}
print("queues left:", len(message_queues), "stopped watching:", stopped_watching > 0)
