# getaddrinfo over families and socket types, every field printed, numeric hosts only.
import socket

queries = [
    ("127.0.0.1", 80, socket.AF_UNSPEC, 0),
    ("::1", "8080", socket.AF_INET6, socket.SOCK_STREAM),
    (None, 53, socket.AF_INET, socket.SOCK_DGRAM),
    ("127.0.0.1", None, socket.AF_INET, socket.SOCK_RAW),
]
for host, port, family, kind in queries:
    print(f"query host={host!r} port={port!r} family={family!r}")
    infos = socket.getaddrinfo(host, port, family, kind, 0, socket.AI_NUMERICHOST | socket.AI_PASSIVE)
    for i, (fam, typ, proto, canon, sockaddr) in enumerate(sorted(infos, key=lambda t: (t[1], t[2]))):
        print(f"  [{i}] {fam.name:<9} {typ.name:<12} proto={proto:<3} canon={canon!r} addr={sockaddr}")
        print("      family=%d type=%d %s" % (fam, typ, type(sockaddr).__name__))

infos = socket.getaddrinfo("127.0.0.1", 0, type=socket.SOCK_STREAM, flags=socket.AI_NUMERICHOST)
family, kind, proto, _, sockaddr = infos[0]
s = socket.socket(family, kind, proto)
s.bind(sockaddr)
print(str(family), int(kind), proto, s.getsockname()[0], len(infos))
s.close()

by_family = {}
for fam, typ, proto, canon, addr in socket.getaddrinfo(None, 9, flags=socket.AI_PASSIVE):
    by_family.setdefault(fam.name, set()).add(typ.name)
print({k: sorted(v) for k, v in sorted(by_family.items())})

for bad in ["256.1.1.1", "::g", "1.2.3"]:
    try:
        socket.getaddrinfo(bad, 80, flags=socket.AI_NUMERICHOST)
    except socket.gaierror as e:
        print(f"{bad:>10}: errno={e.errno} {e.strerror!r} {e.args}")
    else:
        print(f"{bad:>10}: resolved")
