// Port of trial_addrtools.py: address helpers, byte order, services and their errors.
import PySocket
import PyBuiltins

func show_ipv4(_ addr: String) throws {
    let packed = try socket.inet_aton(addr)
    let num = try Int.from_bytes(packed, "big")
    print(try "\(addr, ">15") -> \(repr(packed)) -> \(num) -> \(socket.inet_ntoa(packed))")
}

for a in ["127.0.0.1", "10.0.0.255", "192.168.1.20"] {
    try show_ipv4(a)
}

for a in ["::1", "fe80::1", "2001:db8::ff00:42:8329", "::ffff:127.0.0.1"] {
    let packed = try socket.inet_pton(socket.AF_INET6, a)
    print(a, len(packed), packed.hex(), try socket.inet_ntop(socket.AF_INET6, packed))
}

print("pton v4:", try socket.inet_pton(socket.AF_INET, "127.0.0.1"))
print("ntop v4:", try socket.inet_ntop(socket.AF_INET, [0x7f, 0x00, 0x00, 0x01]))

for port in [80, 443, 8080, 65535] {
    print(port, try socket.htons(port), try socket.ntohs(try socket.htons(port)), hex(try socket.htonl(port)))
}

print("http/tcp ->", try socket.getservbyname("http", "tcp"))
print("https ->", try socket.getservbyname("https"))
print("port 22 ->", try socket.getservbyport(22, "tcp"))

let bad_inputs = ["256.1.1.1", "hello", ""]
for b in bad_inputs {
    do {
        _ = try socket.inet_aton(b)
        print("accepted", repr(b))
    } catch let e as OSError {
        print("inet_aton", repr(b), "failed:", type(e).__name__, e)
    }
}

for b in ["1.2.3", "::zz", "1::2::3"] {
    do {
        _ = try socket.inet_pton(socket.AF_INET6, b)
    } catch let e as OSError {
        print("inet_pton", repr(b), type(e).__name__, e.errno, e)
    }
}

do {
    _ = try socket.inet_ntoa([0x01, 0x02, 0x03])
} catch let e as OSError {
    print("ntoa short:", repr(e))
}

do {
    _ = try socket.getservbyname("no-such-service", "tcp")
} catch let e as OSError {
    print("getservbyname:", type(e).__name__, e)
}

do {
    _ = try socket.getservbyport(70000)
} catch let e as OverflowError {
    print("getservbyport:", type(e).__name__, e)
}

do {
    _ = try socket.htons(-1)
} catch let e as OverflowError {
    print("htons(-1):", type(e).__name__, e)
} catch let e as ValueError {
    print("htons(-1):", type(e).__name__, e)
}
