// An IPv4 subnet calculator over inet_aton/inet_ntoa, struct and int.from_bytes.
import PySocket
import PyBuiltins


func to_int(_ dotted: String) throws -> Int {
    return try `struct`.unpack("!I", try socket.inet_aton(dotted))
}


func to_dotted(_ n: Int) throws -> String {
    return try socket.inet_ntoa(try `struct`.pack("!I", n))
}


func prefix_to_mask(_ prefix: Int) throws -> Int {
    if !(0 <= prefix && prefix <= 32) {
        throw ValueError("bad prefix \(prefix)")
    }
    return (0xFFFFFFFF << (32 - prefix)) & 0xFFFFFFFF
}


func describe(_ cidr: String) throws -> dict<String, Any?> {
    let (addr, _, plen) = try cidr.partition("/")
    let prefix = try int(plen)
    let mask = try prefix_to_mask(prefix)
    let ip = try to_int(addr)
    let network = ip & mask
    let broadcast = network | (~mask & 0xFFFFFFFF)
    let hosts = max(0, broadcast - network - 1)
    return [
        "network": try to_dotted(network),
        "mask": try to_dotted(mask),
        "broadcast": try to_dotted(broadcast),
        "hosts": hosts,
        "first": hosts != 0 ? try to_dotted(network + 1) : nil,
    ]
}


for cidr in ["192.168.1.77/24", "10.0.0.1/8", "172.16.5.4/30", "127.0.0.1/32", "0.0.0.0/0"] {
    let info = try describe(cidr)
    print(try "\(cidr, "<18") \(info["network"]!, ">15") \(info["mask"]!, ">15") \(info["broadcast"]!, ">15") \(info["hosts"]!, ">13,") \(info["first"]!)")
}

let ip = try to_int("192.168.1.77")
let packed = try socket.inet_aton("192.168.1.77")
print("ip=\(repr(ip))", try "ip=\(ip, "#x")", "packed=\(repr(packed))", "packed.hex()=\(repr(packed.hex()))")
print(try packed.hex(":"), try packed.hex("-", 2), try bytes.fromhex("c0a8 014d") == packed)
print(try Int.from_bytes(packed, "big"), try Int.from_bytes(packed, byteorder: "little"), try ip.to_bytes(4, "little"))
print(try socket.inet_ntoa(try ip.to_bytes(4, "big")), list(packed), tuple(packed[..<2].map { b in b }))
print(try socket.inet_pton(socket.AF_INET6, "2001:db8::1").hex(), try socket.inet_ntop(socket.AF_INET6, try bytes(count: 15) + [0x01]))
print(bin(try to_int("255.255.255.240")).count("1"), oct(8), hex(try to_int("10.0.0.255")))
for bad in ["1.2.3", "300.1.1.1", "a.b.c.d", ""] {
    do {
        print(repr(bad), "->", try socket.inet_aton(bad).hex())
    } catch let e as OSError {
        print(repr(bad), "->", type(e).__name__, e)
    }
}
for bad in ["10.0.0.1/33", "10.0.0.1/x"] {
    do {
        _ = try describe(bad)
    } catch let e as ValueError {
        print("\(bad): \(e)")
    }
}
for n in [1 << 32, -1] {
    do {
        _ = try n.to_bytes(4, "big")
    } catch let e as OverflowError {
        print(n, e)
    }
}
