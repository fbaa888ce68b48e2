"""Resolution without DNS: numeric hosts, 'localhost', services and protocols from /etc files."""


def getaddrinfo_numeric_ipv4(sk):
    """Numeric IPv4 host: one entry per socket type, sorted as glibc returns them."""
    sk.getaddrinfo("127.0.0.1", 80)
    sk.getaddrinfo("127.0.0.1", 80, sk.AF_INET, sk.SOCK_STREAM)
    sk.getaddrinfo("127.0.0.1", "80", type=sk.SOCK_DGRAM)
    sk.getaddrinfo("127.0.0.1", None, proto=sk.IPPROTO_TCP)
    sk.getaddrinfo("10.1.2.3", 0, sk.AF_INET, 0, 0, sk.AI_NUMERICHOST)


def getaddrinfo_numeric_ipv6(sk):
    """Numeric IPv6 host: 4-tuple sockaddrs."""
    sk.getaddrinfo("::1", 443)
    sk.getaddrinfo("::1", 443, sk.AF_INET6, sk.SOCK_STREAM)
    sk.getaddrinfo("fe80::1", 22, sk.AF_INET6, sk.SOCK_DGRAM)
    sk.getaddrinfo("::ffff:127.0.0.1", 7, sk.AF_INET6, sk.SOCK_STREAM)


def getaddrinfo_passive_and_none(sk):
    """host None with and without AI_PASSIVE gives the wildcard or loopback addresses."""
    sk.getaddrinfo(None, 8080, sk.AF_INET, sk.SOCK_STREAM)
    sk.getaddrinfo(None, 8080, sk.AF_INET, sk.SOCK_STREAM, 0, sk.AI_PASSIVE)
    sk.getaddrinfo(None, 8080, sk.AF_INET6, sk.SOCK_STREAM, 0, sk.AI_PASSIVE)
    sk.getaddrinfo(None, 8080, sk.AF_INET6, sk.SOCK_STREAM)
    sk.getaddrinfo(None, None)
    sk.getaddrinfo("", 80, sk.AF_INET, sk.SOCK_STREAM)


def getaddrinfo_localhost(sk):
    """'localhost' from /etc/hosts."""
    sk.getaddrinfo("localhost", 80, sk.AF_INET, sk.SOCK_STREAM)
    sk.getaddrinfo("localhost", 80, sk.AF_INET6, sk.SOCK_STREAM)
    sk.getaddrinfo("localhost", None, sk.AF_INET, sk.SOCK_DGRAM, 0, sk.AI_CANONNAME)


def getaddrinfo_services(sk):
    """Service names from /etc/services; unknown ones fail."""
    sk.getaddrinfo("127.0.0.1", "http", sk.AF_INET, sk.SOCK_STREAM)
    sk.getaddrinfo("127.0.0.1", "domain", sk.AF_INET, sk.SOCK_DGRAM)
    sk.getaddrinfo("127.0.0.1", "no-such-service", sk.AF_INET, sk.SOCK_STREAM)
    sk.getaddrinfo("127.0.0.1", "http", sk.AF_INET, sk.SOCK_STREAM, 0, sk.AI_NUMERICSERV)
    sk.getaddrinfo("127.0.0.1", b"80", sk.AF_INET, sk.SOCK_STREAM)
    sk.getaddrinfo(b"127.0.0.1", 80, sk.AF_INET, sk.SOCK_STREAM)


def getaddrinfo_errors(sk):
    """gaierror for bad hosts with AI_NUMERICHOST, bad families, bad flags, bad ports."""
    sk.getaddrinfo("not-an-ip", 80, 0, 0, 0, sk.AI_NUMERICHOST)
    sk.getaddrinfo("127.0.0.1", 80, 12345)
    sk.getaddrinfo("127.0.0.1", 80, sk.AF_INET, 12345)
    sk.getaddrinfo("127.0.0.1", 80, sk.AF_INET, sk.SOCK_STREAM, 0, 0x7FFFFFFF)
    sk.getaddrinfo("127.0.0.1", 70000)
    sk.getaddrinfo("127.0.0.1", -1)
    sk.getaddrinfo("::1", 80, sk.AF_INET, 0, 0, sk.AI_NUMERICHOST)
    sk.getaddrinfo(None, "http", 0, 0, 0, sk.AI_NUMERICSERV)


def getaddrinfo_port_text_and_ipv6_text(sk):
    """An int port reaches C as its decimal text (extremes too); IPv6 answers print as inet_ntop prints them."""
    sk.getaddrinfo("127.0.0.1", 0, sk.AF_INET, sk.SOCK_STREAM)
    sk.getaddrinfo("127.0.0.1", 65535, sk.AF_INET, sk.SOCK_STREAM)
    sk.getaddrinfo("127.0.0.1", 2**63 - 1, sk.AF_INET, sk.SOCK_STREAM)
    sk.getaddrinfo("127.0.0.1", -2**63, sk.AF_INET, sk.SOCK_STREAM)
    sk.getaddrinfo("::ffff:1.2.3.4", 80, sk.AF_INET6, sk.SOCK_STREAM, 0, sk.AI_NUMERICHOST)
    sk.getaddrinfo("::1.2.3.4", 80, sk.AF_INET6, sk.SOCK_STREAM, 0, sk.AI_NUMERICHOST)
    sk.getaddrinfo("0:0:0:0:0:ffff:0:1", 80, sk.AF_INET6, sk.SOCK_STREAM, 0, sk.AI_NUMERICHOST)
    sk.getaddrinfo("2001:DB8:0:0:1:0:0:1", 80, sk.AF_INET6, sk.SOCK_STREAM, 0, sk.AI_NUMERICHOST)
    sk.getaddrinfo("1:0:0:2:0:0:0:3", 80, sk.AF_INET6, sk.SOCK_STREAM, 0, sk.AI_NUMERICHOST)
    sk.getaddrinfo("1:2:3:4:5:6:7::", 80, sk.AF_INET6, sk.SOCK_STREAM, 0, sk.AI_NUMERICHOST)
    sk.getaddrinfo("1:2:3:4:5:6::1.2.3.4", 80, sk.AF_INET6, sk.SOCK_STREAM, 0, sk.AI_NUMERICHOST)


def getaddrinfo_keywords(sk):
    """All keyword arguments."""
    sk.getaddrinfo(host="127.0.0.1", port=5, family=sk.AF_INET, type=sk.SOCK_STREAM, proto=0, flags=sk.AI_NUMERICHOST)
    sk.getaddrinfo("127.0.0.1", 5, family=sk.AF_INET, flags=sk.AI_NUMERICHOST | sk.AI_NUMERICSERV)


def getnameinfo_numeric(sk):
    """getnameinfo with NI_NUMERICHOST and NI_NUMERICSERV, and 'localhost'."""
    sk.getnameinfo(("127.0.0.1", 80), sk.NI_NUMERICHOST | sk.NI_NUMERICSERV)
    sk.getnameinfo(("127.0.0.1", 80), sk.NI_NUMERICHOST)
    sk.getnameinfo(("127.0.0.1", 80), sk.NI_NUMERICSERV)
    sk.getnameinfo(("127.0.0.1", 53), sk.NI_NUMERICHOST | sk.NI_DGRAM)
    sk.getnameinfo(("::1", 80, 0, 0), sk.NI_NUMERICHOST | sk.NI_NUMERICSERV)
    sk.getnameinfo(("127.0.0.1", 12345), sk.NI_NUMERICHOST)


def getnameinfo_errors(sk):
    """Bad sockaddrs and flags."""
    sk.getnameinfo(("127.0.0.1",), 0)
    sk.getnameinfo(("127.0.0.1", 70000), 0)
    sk.getnameinfo(("not-an-ip", 80), sk.NI_NUMERICHOST)
    sk.getnameinfo(("::1", 80, 0, 0, 0), 0)
    sk.getnameinfo(("::1", 80, 2 ** 20, 0), 0)
    sk.getnameinfo(("127.0.0.1", 80), sk.NI_NAMEREQD | sk.NI_NUMERICHOST)


def gethostbyname_numeric_and_localhost(sk):
    """gethostbyname of IPv4 literals and 'localhost'; IPv6 fails."""
    sk.gethostbyname("127.0.0.1")
    sk.gethostbyname("10.20.30.40")
    sk.gethostbyname("localhost")
    sk.gethostbyname("")
    sk.gethostbyname("::1")
    sk.gethostbyname("1.2.3")


def gethostbyname_ex_forms(sk):
    """gethostbyname_ex returns (name, aliases, addresses)."""
    sk.gethostbyname_ex("127.0.0.1")
    sk.gethostbyname_ex("localhost")
    sk.gethostbyname_ex("192.0.2.5")


def gethostbyaddr_loopback(sk, t):
    """gethostbyaddr of loopback addresses (answered from /etc/hosts)."""
    sk.gethostbyaddr("127.0.0.1")
    t.loose()
    sk.gethostbyaddr("::1")
    t.loose()
    sk.gethostbyaddr("not an address!")


def hostname_calls(sk, t):
    """gethostname and getfqdn depend on the machine: only their types are compared."""
    sk.gethostname()
    t.loose()
    sk.getfqdn("localhost")
    sk.getfqdn("127.0.0.1")
    sk.getfqdn("1.2.3.4.in-addr-bogus.invalid")
    t.loose()


def services(sk):
    """getservbyname/getservbyport from /etc/services."""
    sk.getservbyname("http")
    sk.getservbyname("http", "tcp")
    sk.getservbyname("domain", "udp")
    sk.getservbyname("ssh")
    sk.getservbyname("no-such-service")
    sk.getservbyname("http", "sctp-nope")
    sk.getservbyport(80)
    sk.getservbyport(80, "tcp")
    sk.getservbyport(53, "udp")
    sk.getservbyport(22)
    sk.getservbyport(65000)
    sk.getservbyport(70000)
    sk.getservbyport(-1)


def protocols(sk):
    """getprotobyname from /etc/protocols."""
    sk.getprotobyname("tcp")
    sk.getprotobyname("udp")
    sk.getprotobyname("icmp")
    sk.getprotobyname("ipv6-icmp")
    sk.getprotobyname("no-such-proto")


def sethostname_needs_privilege_or_changes(sk, t):
    """sethostname with the current name is harmless (root) or PermissionError."""
    name = t.loose(sk.gethostname())
    sk.sethostname(name)
