// The one conversion from PySocket's internal errors (Errno, CallError, AddressError, ResolveError) to Python's exceptions.

/// The Python exception for a failed system call: CPython's `PyErr_SetFromErrno(PyExc_OSError)`,
/// the subclass from the errno table, and the message `strerror(3)` gives (`Error` for 0).
package func pythonError(_ e: Errno) -> OSError {
    let code = Int(e.rawValue)
    let message = e.rawValue == 0 ? "Error" : NativeLibc.strerror(e.rawValue)
    return ErrnoMap.subclass(for: code).init(args: [.int(code), .str(message)])
}

/// The Python exception for a call under the timeout model: the errno's, or
/// `TimeoutError('timed out')` when the socket's timeout expired.
package func pythonError(_ e: CallError) -> any Error {
    switch e {
    case .errno(let code): return pythonError(code)
    case .timedOut: return timedOutError()
    }
}

/// The Python exception for an address that could not be encoded (CPython's `getsockaddrarg`).
package func pythonError(_ e: AddressError) -> any Error {
    switch e {
    case .type(let message): return TypeError(message)
    case .value(let message): return ValueError(message)
    case .overflow(let message): return OverflowError(message)
    case .os(let message): return OSError(message)
    case .errno(let code): return pythonError(code)
    case .resolver(let failure): return pythonError(failure)
    case .unsupportedFamily(let caller, let family):
        let name = String(reflecting: socket.AddressFamily(family))
        guard name.hasPrefix("<") else { return OSError("\(caller)(): bad family") }
        let member = name.dropFirst("<AddressFamily.".count).prefix { $0 != ":" }
        return OSError("\(caller)(): \(member) addresses are not supported by PySocket yet")
    }
}

/// The Python exception for a failed `getaddrinfo`/`getnameinfo` (CPython's `set_gaierror`):
/// `socket.gaierror(code, gai_strerror(code))`, except for `EAI_SYSTEM`, which CPython raises as
/// the errno's OSError (the errno read right after the call, in `failure`).
package func pythonError(_ failure: ResolveError) -> OSError {
    if Int(failure.code) == NativeConstants.EAI_SYSTEM { return pythonError(Errno(failure.errno)) }
    return socket.gaierror(args: [.int(Int(failure.code)), .str(NativeLibc.gaiStrerror(failure.code))])
}

/// `TimeoutError('timed out')`: what CPython raises when a socket's own timeout expires.
package func timedOutError() -> TimeoutError {
    TimeoutError("timed out")
}

/// Runs a call that does not wait (a Core function or a `Kernel` call that throws `Errno`) and
/// raises its errno as CPython's exception: the entry point for every such call of API/.
///
/// `try callNow(handle.bind(target))`: the call is an autoclosure, so its `Errno` stays typed.
@inline(__always)
package func callNow<R: ~Copyable>(_ body: @autoclosure () throws(Errno) -> R) throws -> R {
    do { return try body() } catch { throw pythonError(error) }
}

/// Runs a call under the timeout model (a Core function that throws `CallError`) and raises
/// its errno, or its expired timeout, as CPython's exception: the entry point for every such
/// call of API/.
///
/// `try callUnderTimeout(handle.recv(buffer, flags))`: the call is an autoclosure, so its
/// `CallError` stays typed.
@inline(__always)
package func callUnderTimeout<R: ~Copyable>(_ body: @autoclosure () throws(CallError) -> R) throws -> R {
    do { return try body() } catch { throw pythonError(error) }
}

/// Encodes a Python address for a socket of `family` (CPython's `getsockaddrarg`), raising
/// CPython's exception for one it rejects; `caller` names the method in messages.
package func encodeAddress(_ address: SocketAddress, family: Int, caller: String) throws -> Sockaddr {
    do { return try SockaddrCodec.encode(address, family: family, caller: caller) } catch { throw pythonError(error) }
}
