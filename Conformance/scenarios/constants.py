"""Module constants: every int constant this CPython's socket module has, by family of names."""

import socket as _socket


def _read(sk, prefixes, exclude=()):
    for name in sorted(dir(_socket)):
        value = getattr(_socket, name)
        if name.startswith(prefixes) and not name.startswith(exclude) and isinstance(value, int) and not isinstance(value, bool):
            getattr(sk, name)


def address_families(sk):
    """AF_* and PF_* (AddressFamily members where CPython makes them)."""
    _read(sk, ("AF_", "PF_"))


def socket_kinds(sk):
    """SOCK_* (SocketKind members)."""
    _read(sk, ("SOCK_",))


def message_flags(sk):
    """MSG_* (MsgFlag members)."""
    _read(sk, ("MSG_",))


def resolver_constants(sk):
    """AI_* (AddressInfo), EAI_* and NI_*."""
    _read(sk, ("AI_", "EAI_", "NI_"))


def socket_level_options(sk):
    """SOL_*, SO_*, SCM_*, SOMAXCONN, SHUT_*."""
    _read(sk, ("SOL_", "SO_", "SCM_", "SOMAXCONN", "SHUT_"))


def ip_constants(sk):
    """IPPROTO_*, IP_*, IPV6_*, INADDR_*, IPPORT_*."""
    _read(sk, ("IPPROTO_", "IP_", "IPV6_", "INADDR_", "IPPORT_"))


def tcp_and_udp_options(sk):
    """TCP_* and UDPLITE_*."""
    _read(sk, ("TCP_", "UDPLITE_"))


def linux_families_constants(sk):
    """CAN_*, TIPC_*, J1939_*, ALG_*, NETLINK_*, PACKET_*, ETH*, VM sockets and the rest."""
    _read(sk, ("CAN_", "TIPC_", "J1939_", "ALG_", "NETLINK_", "PACKET_", "ETH", "VM", "SO_VM", "IOCTL_", "BDADDR_",
               "BTPROTO_", "HCI_", "RDS_", "SIO_", "RCVALL_", "LOCAL_", "SYSPROTO_", "HV_", "IPX_", "BLUETOOTH"))


def everything_else(sk):
    """Constants no other scenario of this area reads."""
    _read(sk, tuple("ABCDEFGHIJKLMNOPQRSTUVWXYZ"),
          exclude=("AF_", "PF_", "SOCK_", "MSG_", "AI_", "EAI_", "NI_", "SOL_", "SO_", "SCM_", "SOMAXCONN", "SHUT_",
                   "IPPROTO_", "IP_", "IPV6_", "INADDR_", "IPPORT_", "TCP_", "UDPLITE_", "CAN_", "TIPC_", "J1939_",
                   "ALG_", "NETLINK_", "PACKET_", "ETH", "VM", "IOCTL_", "BDADDR_", "BTPROTO_", "HCI_", "RDS_", "SIO_",
                   "RCVALL_", "LOCAL_", "SYSPROTO_", "HV_", "IPX_", "BLUETOOTH", "EBADF", "EAGAIN", "EWOULDBLOCK"))
