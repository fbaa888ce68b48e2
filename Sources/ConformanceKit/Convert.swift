// PySocket results as Python values, so they compare with what CPython recorded.
import PySocket

/// Conversions from PySocket's Swift types to the trace's Python values.
public enum Py {
    public static func v(_ x: Int) -> PyValue { .int(x) }
    public static func v(_ x: Int32) -> PyValue { .int(Int(x)) }
    public static func v(_ x: Bool) -> PyValue { .bool(x) }
    public static func v(_ x: String) -> PyValue { .str(x) }
    public static func v(_ x: Double?) -> PyValue { x.map { .float($0) } ?? .none }
    public static func v(_ x: bytes) -> PyValue { .bytes(Array(x)) }
    public static func v(_ x: socket.AddressFamily) -> PyValue { .member(cls: "AddressFamily", value: x.rawValue, repr: String(reflecting: x)) }
    public static func v(_ x: socket.SocketKind) -> PyValue { .member(cls: "SocketKind", value: x.rawValue, repr: String(reflecting: x)) }
    public static func v(_ x: socket.MsgFlag) -> PyValue { .member(cls: "MsgFlag", value: x.value, repr: String(reflecting: x)) }
    public static func v(_ x: socket.AddressInfo) -> PyValue { .member(cls: "AddressInfo", value: x.value, repr: String(reflecting: x)) }
    public static func v(_ x: [String]) -> PyValue { .list(x.map { .str($0) }) }
    public static func v(_ x: Void) -> PyValue { .none }

    /// A socket result: a live object the comparison binds to the trace's ref.
    public static func v(_ s: socket, _ ctx: ScenarioContext) -> PyValue {
        ctx.adopt(s)
        return .object(s, type: "socket")
    }

    /// An address as CPython returns it: a tuple, a str path, bytes, or None.
    public static func v(_ a: SocketAddress) -> PyValue {
        switch a {
        case .inet(let host, let port): return .tuple([.str(host), .int(port)])
        case .inet6(let host, let port, let flowinfo, let scope): return .tuple([.str(host), .int(port), .int(flowinfo), .int(scope)])
        case .unix(let path): return .str(path)
        case .unixBytes(let b): return .bytes(Array(b))
        case .netlink(let pid, let groups): return .tuple([.int(pid), .int(groups)])
        case .packet(let ifname, let proto, let pkttype, let hatype, let addr):
            return .tuple([.str(ifname), .int(proto), .int(pkttype), .int(hatype), .bytes(Array(addr))])
        case .noAddress: return .none
        case .other(let family, let data): return .tuple([.int(family), .bytes(Array(data))])
        }
    }

    /// An exception as the trace records it.
    public static func exc(_ error: any Error) -> Exc {
        // asyncio.CancelledError is Swift's CancellationError.
        if error is CancellationError { return Exc(type: "CancelledError", errno: nil, str: .str(""), args: .str("()")) }
        guard let e = error as? BaseException else {
            return Exc(type: "Swift." + String(describing: type(of: error)), errno: nil, str: .str(String(describing: error)))
        }
        var errno: PyValue? = nil
        if let os = e as? OSError { errno = os.errno.map { .int($0) } ?? PyValue.none }
        var members: [Exc] = []
        if let group = e as? ExceptionGroup { members = group.exceptions.map(exc) }
        return Exc(type: String(describing: type(of: e)), errno: errno, str: .str(e.description), exceptions: members,
                   args: .str(String(describing: e.args)), attributes: streamAttributes(e))
    }
}
