# An address toolkit: getaddrinfo tables, getnameinfo, inet_pton/ntop/aton/ntoa, byte orders.
import socket

FAMILIES = {socket.AF_INET: "IPv4", socket.AF_INET6: "IPv6"}


def show_gai(host, port, **kw):
    infos = socket.getaddrinfo(host, port, **kw)
    print(f"getaddrinfo({host!r}, {port!r}, {', '.join(f'{k}={v!r}' for k, v in kw.items())}) -> {len(infos)}")
    print("  %-12s %-12s %-5s %s" % ("family", "type", "proto", "sockaddr"))
    for family, type_, proto, canon, sockaddr in sorted(infos, key=lambda i: (i[1], i[2])):
        print("  %-12s %-12s %-5d %s" % (family.name, type_.name, proto, sockaddr))


show_gai("127.0.0.1", 80)
show_gai("::1", "8080", type=socket.SOCK_DGRAM)
show_gai(None, 0, family=socket.AF_INET6, flags=socket.AI_PASSIVE, proto=socket.IPPROTO_TCP)

print()
print(f"{'text':<18}{'packed (hex)':<36}{'back':<18}{'len':>4}")
for fam, text in [(socket.AF_INET, "10.0.0.1"), (socket.AF_INET, "192.168.1.255"),
                  (socket.AF_INET6, "::1"), (socket.AF_INET6, "fe80::1:2"),
                  (socket.AF_INET6, "2001:db8:0:0:0:0:0:1"), (socket.AF_INET6, "::ffff:1.2.3.4")]:
    packed = socket.inet_pton(fam, text)
    back = socket.inet_ntop(fam, packed)
    print(f"{text:<18}{packed.hex(':'):<36}{back:<18}{len(packed):>4}")

print()
for text in ["1.2.3.4", "127.1", "0x7f.1", "255.255.255.255"]:
    packed = socket.inet_aton(text)
    as_int = int.from_bytes(packed, "big")
    print("%-16s -> %-16s %10d %08x" % (text, socket.inet_ntoa(packed), as_int, as_int))

for bad in ["1.2.3.256", "::g", "", "1.2.3.4.5"]:
    for fn in (socket.inet_aton, lambda t: socket.inet_pton(socket.AF_INET6, t)):
        try:
            fn(bad)
        except OSError as e:
            print(f"bad {bad!r}: {type(e).__name__}: {e}")

print()
for addr, flags in [(("127.0.0.1", 80), socket.NI_NUMERICHOST | socket.NI_NUMERICSERV),
                    (("::1", 443, 0, 0), socket.NI_NUMERICHOST | socket.NI_NUMERICSERV),
                    (("127.0.0.1", 22), socket.NI_NUMERICHOST)]:
    host, serv = socket.getnameinfo(addr, flags)
    print("getnameinfo", addr, "->", (host, serv))

values = [1, 0x1234, 0xfffe]
print([socket.htons(v) for v in values], [hex(socket.ntohl(v)) for v in values])
print({FAMILIES[f]: int(f) for f in FAMILIES}, sorted(FAMILIES.values(), reverse=True))
print(socket.AF_INET6 in FAMILIES, repr(socket.AF_INET6), str(socket.SOCK_RAW))
