// Tables from numbers back to constant names, built from dir(socket) and getattr.
import PySocket
import PyBuiltins

func table(_ prefix: String) throws -> dict<Int, String> {
    var names = dict<Int, String>()
    for name in dir(socket.self) {
        if name.hasPrefix(prefix) {
            let value = try getattr(socket.self, name)
            names.setdefault(value, name)
        }
    }
    return names
}

let eai = try table("EAI_")
print(len(eai) > 5)
for code in sorted(eai) {
    print(code, eai[code])
}

let shut = try table("SHUT_")
print(shut)

let sol = try table("SOL_")
print(sol.get(socket.SOL_SOCKET), sol.get(socket.SOL_TCP))

let so = try table("SO_")
for option in [socket.SO_REUSEADDR, socket.SO_KEEPALIVE, socket.SO_RCVBUF, socket.SO_TYPE] {
    print(option, so[option])
}

let msg = try table("MSG_")
for flag in [socket.MSG_PEEK, socket.MSG_DONTWAIT, socket.MSG_TRUNC, socket.MSG_WAITALL] {
    print(int(flag), msg[int(flag)], repr(flag))
}

do {
    _ = try socket.getaddrinfo("bad host name", nil, flags: socket.AI_NUMERICHOST)
} catch let e as socket.gaierror {
    print("gaierror", eai[e.errno!])
}

print(hasattr(socket.self, "AF_INET6"), hasattr(socket.self, "AF_NO_SUCH_FAMILY"))
print(try getattr(socket.self, "SOMAXCONN") >= 128)
print(getattr(socket.self, "AF_NOPE", nil))
print(try getattr(socket.self, "AF_INET"), try getattr(socket.self, "SOCK_DGRAM"))
