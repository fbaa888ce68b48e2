"""C int arguments out of range: CPython's OverflowError for the flags of the data calls, raised
before any other argument is checked (PyArg_ParseTuple's "i" format, left to right)."""

BIG = 1 << 40


def recv_flags_out_of_c_int_range(sk):
    """recv/recv_into/recvfrom/recvfrom_into raise OverflowError for flags outside a C int."""
    a, b = sk.socketpair()
    b.send(b"xyz")
    a.recv(1, BIG)
    a.recv(1, -BIG)
    a.recv(1, 1 << 31)
    a.recv(1, -(1 << 31) - 1)
    a.recv_into(bytearray(4), 0, BIG)
    a.recvfrom(1, BIG)
    a.recvfrom_into(bytearray(4), 0, -BIG)
    a.recv(3)
    a.close()
    b.close()


def send_flags_out_of_c_int_range(sk):
    """send/sendall/sendto raise OverflowError for flags outside a C int, and send nothing."""
    a, b = sk.socketpair()
    a.send(b"y", BIG)
    a.sendall(b"y", -BIG)
    a.sendto(b"y", 1 << 31, "/nonexistent")
    a.setblocking(False)
    b.setblocking(False)
    b.recv(10)
    a.close()
    b.close()


def flags_are_checked_before_the_other_arguments(sk):
    """The flags' OverflowError comes before a negative size, a too-small buffer or a bad address."""
    a, b = sk.socketpair()
    a.recv(-1, BIG)
    a.recv_into(bytearray(4), -1, BIG)
    a.recv_into(bytearray(4), 10, BIG)
    a.recvfrom(-1, BIG)
    a.recvfrom_into(bytearray(4), 10, BIG)
    u = sk.socket(sk.AF_INET, sk.SOCK_DGRAM)
    u.sendto(b"y", BIG, ("127.0.0.1", 99999))
    u.close()
    a.close()
    b.close()
