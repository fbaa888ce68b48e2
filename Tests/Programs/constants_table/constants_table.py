# Tables from numbers back to constant names, built from dir(socket) and getattr.
import socket

def table(prefix):
    names = {}
    for name in dir(socket):
        if name.startswith(prefix):
            value = getattr(socket, name)
            names.setdefault(int(value), name)
    return names

eai = table("EAI_")
print(len(eai) > 5)
for code in sorted(eai):
    print(code, eai[code])

shut = table("SHUT_")
print(shut)

sol = table("SOL_")
print(sol.get(socket.SOL_SOCKET), sol.get(socket.SOL_TCP))

so = table("SO_")
for option in [socket.SO_REUSEADDR, socket.SO_KEEPALIVE, socket.SO_RCVBUF, socket.SO_TYPE]:
    print(option, so[option])

msg = table("MSG_")
for flag in [socket.MSG_PEEK, socket.MSG_DONTWAIT, socket.MSG_TRUNC, socket.MSG_WAITALL]:
    print(int(flag), msg[flag], repr(flag))

try:
    socket.getaddrinfo("bad host name", None, flags=socket.AI_NUMERICHOST)
except socket.gaierror as e:
    print("gaierror", eai[e.errno])

print(hasattr(socket, "AF_INET6"), hasattr(socket, "AF_NO_SUCH_FAMILY"))
print(getattr(socket, "SOMAXCONN") >= 128)
print(getattr(socket, "AF_NOPE", None))
print(getattr(socket, "AF_INET"), getattr(socket, "SOCK_DGRAM"))
