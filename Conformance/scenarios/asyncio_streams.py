"""asyncio's streams: open_connection/start_server, StreamReader's reads and limits, StreamWriter, EOF, reset, closing, Server.

Captured under asyncio's debug mode; replayed against PySocketAsync once per event-loop backend
(asyncio_streams_io_uring, _epoll, _poll). A server's handler is one of the `_`-functions below,
recorded by name: the replay runs its Swift twin (Sources/ConformanceKit/StreamReplay.swift), so
the two must do the same thing. What a scenario checks is the client's side.
"""
import asyncio
import socket

LINGER_RESET = b"\x01\x00\x00\x00\x00\x00\x00\x00"   # struct linger {1, 0}: close() sends a RST


# --- the servers' handlers (each has a Swift twin of the same name in the replay) ---

async def _echo_lines(reader, writer):
    """Echoes every line until the end of the stream, then closes."""
    async for line in reader:
        writer.write(line)
        await writer.drain()
    writer.close()
    await writer.wait_closed()


async def _upper_once(reader, writer):
    """Reads once (up to 100 bytes), answers in upper case, closes."""
    data = await reader.read(100)
    writer.write(data.upper())
    await writer.drain()
    writer.close()
    await writer.wait_closed()


async def _partial_then_close(reader, writer):
    """Sends a line and a half, then closes."""
    writer.write(b"hello\nwor")
    await writer.drain()
    writer.close()
    await writer.wait_closed()


async def _count_until_eof(reader, writer):
    """Reads until the end of the stream, answers with the count, closes."""
    data = await reader.read()
    writer.write(b"%d bytes" % len(data))
    await writer.drain()
    writer.close()
    await writer.wait_closed()


async def _reset(reader, writer):
    """Closes with SO_LINGER {1, 0}: the client gets a RST."""
    writer.get_extra_info("socket").setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, LINGER_RESET)
    writer.close()


async def _long_line(reader, writer):
    """Sends a 100-byte line and a short one, then closes."""
    writer.write(b"x" * 100 + b"\ntail\n")
    await writer.drain()
    writer.close()
    await writer.wait_closed()


async def _no_newline(reader, writer):
    """Sends 50 bytes with no newline, waits, then the newline and a last line."""
    writer.write(b"y" * 50)
    await writer.drain()
    await asyncio.sleep(0.1)
    writer.write(b"\nlast\n")
    await writer.drain()
    writer.close()
    await writer.wait_closed()


async def _silent(reader, writer):
    """Reads until the client's end of stream, then closes."""
    await reader.read()
    writer.close()


async def _raises(reader, writer):
    """Raises at once: asyncio closes the connection."""
    raise ValueError("handler failed")


# --- helpers ---

async def _serve(aio, handler, host="127.0.0.1", **kwargs):
    srv = await aio.start_server(handler, host, 0, **kwargs)
    port = srv.sockets[0].getsockname()[1]
    return srv, port


async def _close_server(srv):
    srv.close()
    await srv.wait_closed()


def _free_port(sk):
    h = sk.socket(sk.AF_INET, sk.SOCK_STREAM)
    h.bind(("127.0.0.1", 0))
    port = h.getsockname()[1]
    h.close()
    return port


# --- echo ---

async def echo_lines(sk, aio, t):
    """A line written comes back through start_server's handler; two lines in one write come back one by one."""
    srv, port = await _serve(aio, _echo_lines)
    reader, writer = await aio.open_connection("127.0.0.1", port)
    writer.write(b"hello\n")
    await writer.drain()
    await reader.readline()
    writer.writelines([b"a\n", b"b", b"\n"])
    await writer.drain()
    await reader.readline()
    await reader.readline()
    writer.close()
    await writer.wait_closed()
    writer.is_closing()
    await _close_server(srv)


async def echo_upper_ipv6(sk, aio, t):
    """Streams over ::1: the reply, and the 4-tuple addresses of get_extra_info."""
    srv, port = await _serve(aio, _upper_once, "::1")
    reader, writer = await aio.open_connection("::1", port)
    writer.get_extra_info("peername")
    writer.write(b"abc")
    await reader.read(100)
    await reader.read(100)
    reader.at_eof()
    writer.close()
    await writer.wait_closed()
    await _close_server(srv)


async def async_for_lines(sk, aio, t):
    """Iterating a reader gives each line until the end of the stream."""
    srv, port = await _serve(aio, _echo_lines)
    reader, writer = await aio.open_connection("127.0.0.1", port)
    writer.write(b"one\ntwo\n")
    writer.write_eof()
    await reader.__anext__()
    await reader.__anext__()
    await reader.__anext__()
    writer.close()
    await writer.wait_closed()
    await _close_server(srv)


# --- reading ---

async def read_sizes_and_eof(sk, aio, t):
    """read(n) gives what is there up to n; readline the rest of a line; at the end b'' every time."""
    srv, port = await _serve(aio, _partial_then_close)
    reader, writer = await aio.open_connection("127.0.0.1", port)
    await reader.read(3)
    await reader.read(0)
    await reader.readline()
    await reader.readline()
    await reader.readline()
    reader.at_eof()
    await reader.read()
    await reader.read(5)
    writer.close()
    await writer.wait_closed()
    await _close_server(srv)


async def read_all(sk, aio, t):
    """read() with no size reads until the end of the stream."""
    srv, port = await _serve(aio, _partial_then_close)
    reader, writer = await aio.open_connection("127.0.0.1", port)
    await reader.read()
    reader.at_eof()
    writer.close()
    await _close_server(srv)


async def readexactly_incomplete(sk, aio, t):
    """readexactly past the end raises IncompleteReadError with the partial bytes and the count expected."""
    srv, port = await _serve(aio, _partial_then_close)
    reader, writer = await aio.open_connection("127.0.0.1", port)
    await reader.readexactly(3)
    await reader.readexactly(0)
    await reader.readexactly(-1)
    await reader.readexactly(100)
    await reader.readexactly(1)
    reader.at_eof()
    writer.close()
    await _close_server(srv)


async def readuntil_incomplete(sk, aio, t):
    """readuntil returns through the separator; at the end without one, IncompleteReadError (expected None)."""
    srv, port = await _serve(aio, _partial_then_close)
    reader, writer = await aio.open_connection("127.0.0.1", port)
    await reader.readuntil(b"\n")
    await reader.readuntil(b"!")
    reader.at_eof()
    await reader.readuntil()
    writer.close()
    await _close_server(srv)


async def readuntil_separators(sk, aio, t):
    """A tuple of separators: the shortest result wins; empty separators are ValueError."""
    srv, port = await _serve(aio, _partial_then_close)
    reader, writer = await aio.open_connection("127.0.0.1", port)
    await reader.readuntil(b"")
    await reader.readuntil(())
    await reader.readuntil((b"lo", b"\n"))
    await reader.readuntil((b"wor", b"o\nw"))
    writer.close()
    await _close_server(srv)


async def readline_over_limit_drops_line(sk, aio, t):
    """readline over the limit raises ValueError and drops the line; the next line reads normally."""
    srv, port = await _serve(aio, _long_line)
    reader, writer = await aio.open_connection("127.0.0.1", port, limit=10)
    await reader.readline()
    await reader.readline()
    await reader.readline()
    writer.close()
    await _close_server(srv)


async def readline_over_limit_without_newline(sk, aio, t):
    """readline over the limit with no newline yet raises ValueError and drops the buffer."""
    srv, port = await _serve(aio, _no_newline)
    reader, writer = await aio.open_connection("127.0.0.1", port, limit=10)
    await reader.readline()
    await reader.readline()
    await reader.readline()
    await reader.readline()
    writer.close()
    await _close_server(srv)


async def readuntil_over_limit_keeps_data(sk, aio, t):
    """readuntil over the limit raises LimitOverrunError (with consumed) and keeps the data."""
    srv, port = await _serve(aio, _long_line)
    reader, writer = await aio.open_connection("127.0.0.1", port, limit=10)
    await reader.readuntil(b"\n")
    await reader.readexactly(101)
    await reader.readuntil(b"\n")
    writer.close()
    await _close_server(srv)


async def second_reader_while_waiting(sk, aio, t):
    """A read while another read waits raises RuntimeError; cancelling the waiting one gives CancelledError."""
    srv, port = await _serve(aio, _silent)
    reader, writer = await aio.open_connection("127.0.0.1", port)
    task = aio.create_task(reader.read(10))
    await aio.sleep(0.01)
    await reader.read(10)
    await reader.readline()
    task.cancel()
    await task
    writer.close()
    await writer.wait_closed()
    await _close_server(srv)


async def stream_reader_fed_by_hand(sk, aio, t):
    """A StreamReader fed with feed_data/feed_eof: its repr, reads, and the limit check."""
    r = aio.StreamReader(limit=10)
    t.repr(r)
    r.feed_data(b"ab\ncd")
    t.repr(r)
    await r.readline()
    r.feed_eof()
    t.repr(r)
    r.at_eof()
    await r.readexactly(5)
    r.at_eof()
    await r.read()
    r.exception()
    aio.StreamReader(limit=0)
    r2 = aio.StreamReader()
    r2.feed_data(b"x" * 5)
    t.repr(r2)


# --- writing ---

async def write_eof_then_write(sk, aio, t):
    """After write_eof, write raises RuntimeError even for b''; the peer sees the end and answers."""
    srv, port = await _serve(aio, _count_until_eof)
    reader, writer = await aio.open_connection("127.0.0.1", port)
    writer.can_write_eof()
    writer.write(b"abc")
    writer.write_eof()
    writer.write(b"")
    writer.write(b"x")
    writer.writelines([b"x"])
    writer.write_eof()
    await reader.read()
    writer.close()
    await writer.wait_closed()
    await _close_server(srv)


async def close_then_drain(sk, aio, t):
    """After close(): writes are dropped, drain raises ConnectionResetError('Connection lost') with no errno, reads see the end."""
    srv, port = await _serve(aio, _silent)
    reader, writer = await aio.open_connection("127.0.0.1", port)
    writer.close()
    writer.is_closing()
    writer.write(b"dropped")
    await writer.drain()
    await writer.drain()
    await writer.wait_closed()
    await writer.wait_closed()
    await reader.read()
    reader.at_eof()
    writer.close()
    await _close_server(srv)


async def writelines_after_close(sk, aio, t):
    """writelines after close() raises CPython's own TypeError (its write handler is gone)."""
    srv, port = await _serve(aio, _silent)
    reader, writer = await aio.open_connection("127.0.0.1", port)
    writer.close()
    writer.writelines([])
    writer.writelines([b"a"])
    await writer.wait_closed()
    await _close_server(srv)


async def transport_buffer_limits(sk, aio, t):
    """The write buffer's water marks: 64 KiB high, a quarter low; set_write_buffer_limits checks them."""
    srv, port = await _serve(aio, _silent)
    reader, writer = await aio.open_connection("127.0.0.1", port)
    tr = writer.transport
    tr.get_write_buffer_limits()
    tr.get_write_buffer_size()
    tr.set_write_buffer_limits(high=10)
    tr.get_write_buffer_limits()
    tr.set_write_buffer_limits(low=100)
    tr.get_write_buffer_limits()
    tr.set_write_buffer_limits(high=1, low=2)
    tr.is_reading()
    tr.can_write_eof()
    tr.is_closing()
    writer.close()
    tr.is_closing()
    tr.is_reading()
    await writer.wait_closed()
    await _close_server(srv)


async def extra_info(sk, aio, t):
    """get_extra_info: peername, sockname, socket (TCP_NODELAY set), an unknown name."""
    srv, port = await _serve(aio, _silent)
    reader, writer = await aio.open_connection("127.0.0.1", port)
    writer.get_extra_info("peername")
    writer.get_extra_info("sockname")
    writer.get_extra_info("nope")
    s = writer.get_extra_info("socket")
    s.getsockopt(sk.IPPROTO_TCP, sk.TCP_NODELAY)
    s.family
    s.type
    s.gettimeout()
    s.getpeername()
    writer.close()
    await writer.wait_closed()
    s.fileno()
    await _close_server(srv)


# --- reset and failures ---

async def reset_is_kept(sk, aio, t):
    """A reset: every later read, drain and wait_closed raise the same ConnectionResetError."""
    srv, port = await _serve(aio, _reset)
    reader, writer = await aio.open_connection("127.0.0.1", port)
    await reader.read(10)
    await reader.read(10)
    await reader.readline()
    await reader.readexactly(2)
    await writer.drain()
    await writer.wait_closed()
    writer.is_closing()
    writer.write(b"ignored")
    writer.close()
    await _close_server(srv)


async def handler_that_raises_closes(sk, aio, t):
    """A handler that raises: asyncio closes its connection, the client reads the end."""
    srv, port = await _serve(aio, _raises)
    reader, writer = await aio.open_connection("127.0.0.1", port)
    await reader.read()
    reader.at_eof()
    writer.close()
    await _close_server(srv)


async def connect_refused(sk, aio, t):
    """open_connection to a closed port: ConnectionRefusedError with asyncio's message."""
    port = _free_port(sk)
    await aio.open_connection("127.0.0.1", port)
    await aio.open_unix_connection(t.path("none.sock"))


async def argument_errors(sk, aio, t):
    """The ValueErrors of missing or conflicting arguments, and of a limit <= 0."""
    await aio.open_connection("127.0.0.1", 9, limit=0)
    await aio.open_connection()
    await aio.open_unix_connection()
    await aio.start_server(_echo_lines)
    await aio.start_unix_server(_echo_lines)
    a, b = sk.socketpair()
    await aio.open_connection("127.0.0.1", 9, sock=a)
    await aio.open_unix_connection(t.path("x.sock"), sock=a)
    a.close()
    b.close()


async def stream_over_socketpair(sk, aio, t):
    """open_connection(sock=...) over a socketpair: lines both ways, the end when the peer closes."""
    loop = aio.get_running_loop()
    a, b = sk.socketpair()
    b.setblocking(False)
    reader, writer = await aio.open_connection(sock=a)
    b.send(b"hi\n")
    await reader.readline()
    writer.write(b"yo")
    await writer.drain()
    await loop.sock_recv(b, 10)
    writer.get_extra_info("peername")
    b.close()
    await reader.read()
    reader.at_eof()
    writer.close()
    await writer.wait_closed()


# --- servers ---

async def server_close(sk, aio, t):
    """close() stops serving and empties sockets; a second close is harmless; the port refuses."""
    srv, port = await _serve(aio, _echo_lines)
    srv.is_serving()
    srv.sockets
    srv.close()
    srv.is_serving()
    srv.sockets
    srv.close()
    await srv.wait_closed()
    await srv.wait_closed()
    await aio.open_connection("127.0.0.1", port)
    await srv.serve_forever()
    t.repr(srv)


async def server_start_serving_later(sk, aio, t):
    """start_serving=False: not serving until start_serving(); then it answers."""
    srv = await aio.start_server(_upper_once, "127.0.0.1", 0, start_serving=False)
    srv.is_serving()
    await srv.start_serving()
    srv.is_serving()
    port = srv.sockets[0].getsockname()[1]
    reader, writer = await aio.open_connection("127.0.0.1", port)
    writer.write(b"late")
    await reader.read(100)
    writer.close()
    await _close_server(srv)


async def server_wait_closed_waits_for_clients(sk, aio, t):
    """wait_closed returns only once the server is closed and its connections are gone."""
    srv, port = await _serve(aio, _silent)
    reader, writer = await aio.open_connection("127.0.0.1", port)
    await aio.sleep(0.01)
    srv.close()
    task = aio.create_task(srv.wait_closed())
    await aio.sleep(0.02)
    task.done()
    writer.close()
    await task
    task.done()


async def serve_forever_cancelled(sk, aio, t):
    """Cancelling serve_forever closes the server and raises CancelledError."""
    srv = await aio.start_server(_echo_lines, "127.0.0.1", 0, start_serving=False)
    task = aio.create_task(srv.serve_forever())
    await aio.sleep(0.01)
    srv.is_serving()
    task.cancel()
    await task
    srv.is_serving()
    srv.sockets


async def serve_forever_ended_by_close(sk, aio, t):
    """close() ends a serve_forever with CancelledError."""
    srv = await aio.start_server(_echo_lines, "127.0.0.1", 0)
    task = aio.create_task(srv.serve_forever())
    await aio.sleep(0.01)
    srv.close()
    await task
    await srv.wait_closed()


async def bind_in_use(sk, aio, t):
    """A second server on a port in use: OSError with asyncio's message."""
    srv, port = await _serve(aio, _echo_lines)
    await aio.start_server(_echo_lines, "127.0.0.1", port)
    await _close_server(srv)


async def reuse_port_servers(sk, aio, t):
    """Two servers on one port with reuse_port=True."""
    srv, port = await _serve(aio, _upper_once, reuse_port=True)
    srv2 = await aio.start_server(_upper_once, "127.0.0.1", port, reuse_port=True)
    srv2.sockets[0].getsockopt(sk.SOL_SOCKET, sk.SO_REUSEPORT)
    await _close_server(srv2)
    await _close_server(srv)


# --- AF_UNIX ---

async def unix_echo_and_cleanup(sk, aio, t):
    """An AF_UNIX server: echo, the addresses, and the path removed on close."""
    path = t.path("echo.sock")
    srv = await aio.start_unix_server(_echo_lines, path)
    srv.sockets[0].getsockname()
    reader, writer = await aio.open_unix_connection(path)
    writer.get_extra_info("peername")
    writer.get_extra_info("sockname")
    writer.write(b"unix\n")
    await reader.readline()
    writer.close()
    await writer.wait_closed()
    await _close_server(srv)
    await aio.open_unix_connection(path)


async def unix_stale_socket_replaced(sk, aio, t):
    """A stale socket file at the path is removed before binding."""
    path = t.path("stale.sock")
    s = sk.socket(sk.AF_UNIX, sk.SOCK_STREAM)
    s.bind(path)
    s.close()
    srv = await aio.start_unix_server(_upper_once, path)
    reader, writer = await aio.open_unix_connection(path)
    writer.write(b"fresh")
    await reader.read(100)
    writer.close()
    await _close_server(srv)


# --- more reading, resolution ---

async def reader_pauses_transport(sk, aio, t):
    """Past twice the limit the transport stops reading; reading the buffer down to the limit resumes it."""
    a, b = sk.socketpair()
    reader, writer = await aio.open_connection(sock=a, limit=10)
    tr = writer.transport
    tr.is_reading()
    b.send(b"x" * 100)
    await aio.sleep(0.02)
    tr.is_reading()
    await reader.read(80)
    tr.is_reading()
    await reader.read(15)
    tr.is_reading()
    b.close()
    await reader.read()
    writer.close()
    await writer.wait_closed()


async def own_close_wakes_waiting_read(sk, aio, t):
    """A read waiting when the writer closes its own connection returns b''."""
    srv, port = await _serve(aio, _silent)
    reader, writer = await aio.open_connection("127.0.0.1", port)
    task = aio.create_task(reader.read(10))
    await aio.sleep(0.01)
    writer.close()
    await task
    reader.at_eof()
    await writer.wait_closed()
    await _close_server(srv)


async def localhost_tries_each_address(sk, aio, t):
    """open_connection('localhost') tries every address getaddrinfo gives until one connects."""
    srv, port = await _serve(aio, _upper_once)
    reader, writer = await aio.open_connection("localhost", port)
    writer.write(b"any")
    await reader.read(100)
    writer.close()
    await _close_server(srv)


async def localhost_refused_everywhere(sk, aio, t):
    """Refused on every address: one OSError listing them all, or with all_errors an ExceptionGroup."""
    port = _free_port(sk)
    await aio.open_connection("localhost", port)
    await aio.open_connection("localhost", port, all_errors=True)


async def server_close_clients(sk, aio, t):
    """get_loop is the running loop; close_clients closes the server's connections (the client reads the end)."""
    loop = aio.get_running_loop()
    srv, port = await _serve(aio, _silent)
    srv.get_loop()
    reader, writer = await aio.open_connection("127.0.0.1", port)
    await aio.sleep(0.01)
    srv.close_clients()
    await reader.read()
    reader.at_eof()
    writer.close()
    await _close_server(srv)


async def abort_drops_buffer(sk, aio, t):
    """transport.abort() closes at once: the buffer is dropped, wait_closed returns, reads see the end."""
    a, b = sk.socketpair()
    reader, writer = await aio.open_connection(sock=a)
    writer.write(b"x" * 1000000)
    tr = writer.transport
    tr.abort()
    tr.is_closing()
    tr.get_write_buffer_size()
    await writer.wait_closed()
    await reader.read()
    await writer.drain()
    b.close()
