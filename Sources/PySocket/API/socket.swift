// The one type that is both Python's `socket` module (static members) and `socket.socket` (instances).
import Synchronization

/// `socket.socket(family=AF_INET, type=SOCK_STREAM, proto=0, fileno=None)`: a socket object,
/// and, through its static members, Python's `socket` module.
///
/// Static members are the module's names (`socket.AF_INET`, `socket.create_connection`);
/// instance members are the socket object's (`s.recv(1024)`); `socket.socket(...)` constructs.
/// The descriptor is closed by `close()` or, at the latest, when the object is deinitialised.
///
/// Python: `socket` and `socket.socket`. C: `socket(2)`.
public final class socket: @unchecked Sendable {
    /// `socket.socket`: this type, so that `socket.socket(...)` constructs one.
    public typealias socket = PySocket.socket
    /// `socket.SocketType`: the type of socket objects.
    public typealias SocketType = PySocket.socket

    /// The mutable state, behind a lock that is never held across a blocking call.
    struct State {
        /// The descriptor, -1 once closed or detached.
        var fd: Int32
        /// nil: blocking; 0: non-blocking; > 0: timeout mode (seconds).
        var timeout: Double?
        /// True once `close()` ran (what `repr` shows as `[closed]`).
        var closed: Bool
        /// Open `makefile()` objects; the descriptor outlives `close()` while any remain.
        var ioRefs: Int = 0
    }

    let state: Mutex<State>
    /// The system-call implementation this socket was created with.
    let os: any SocketInterface
    /// `s.family`.
    public let family: AddressFamily
    /// `s.type`, without the SOCK_NONBLOCK and SOCK_CLOEXEC bits.
    public let type: SocketKind
    /// `s.proto`.
    public let proto: Int

    /// Wraps an fd that this object now owns.
    init(owning fd: Int32, family: AddressFamily, type: SocketKind, proto: Int, timeout: Double?, os: any SocketInterface) {
        self.state = Mutex(State(fd: fd, timeout: timeout, closed: false))
        self.os = os
        self.family = family
        self.type = type
        self.proto = proto
    }

    deinit {
        let fd = state.withLock { $0.fd }
        if fd >= 0 { try? os.close(fd) }
    }
}
