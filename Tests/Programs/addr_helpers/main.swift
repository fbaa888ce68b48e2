// Convert IPv4 and IPv6 addresses between text and packed form, and byte orders.
import PySocket
import PyBuiltins

for text in ["127.0.0.1", "10.1.2.3", "255.255.255.255", "1.2.3"] {
    let packed = try socket.inet_aton(text)
    print(text, "->", packed, len(packed), try socket.inet_ntoa(packed))
}

for bad in ["256.1.1.1", "hello", ""] {
    do {
        _ = try socket.inet_aton(bad)
    } catch let e as OSError {
        print("inet_aton", repr(bad), "failed:", e)
    }
}

for text in ["::1", "fe80::1", "2001:db8::ff00:42:8329", "::ffff:10.0.0.1"] {
    let packed = try socket.inet_pton(socket.AF_INET6, text)
    let back = try socket.inet_ntop(socket.AF_INET6, packed)
    print(repr(text), len(packed), repr(back), back == text)
}

print(try socket.inet_pton(socket.AF_INET, "192.168.0.1"))
print(try socket.inet_ntop(socket.AF_INET, "\u{7f}\u{00}\u{00}\u{01}"))

do {
    _ = try socket.inet_pton(socket.AF_INET6, "1:::2")
} catch let e as OSError {
    print("inet_pton failed:", e)
}

do {
    _ = try socket.inet_ntop(socket.AF_INET, "\u{01}\u{02}\u{03}")
} catch let e as ValueError {
    print("inet_ntop failed:", e)
}

for port in [80, 443, 8080, 65535] {
    print(port, try socket.htons(port), try socket.ntohs(socket.htons(port)))
}

print(try socket.htonl(1), try socket.ntohl(16777216), try socket.htonl(0x7f000001))

do {
    _ = try socket.htons(70000)
} catch let e as OverflowError {
    print("htons:", e)
}

do {
    _ = try socket.htonl(-1)
} catch let e as OverflowError {
    print("htonl:", e)
}
