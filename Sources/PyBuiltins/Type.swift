// type(x): the Python class a Swift value stands for, so that `type(x).__name__` prints Python's name.
import PySocket

/// `type(x)`: the Python class of a value: `type(x).__name__` is `'int'`, `'str'`, `'tuple'`,
/// `'socket'`, `'ConnectionRefusedError'`..., and `print(type(x))` prints `<class 'int'>`.
///
/// Python: `type`.
///
/// Differs from CPython: only the name, module and printed form; a `PyType` cannot construct
/// or test instances (compare `__name__`, or use Swift's `is`).
public struct PyType: Hashable, Sendable, CustomStringConvertible, CustomDebugStringConvertible {
    /// `cls.__name__`: the class's name, such as `int`, `socket`, `gaierror`.
    ///
    /// Python: `type.__name__`.
    public let __name__: String

    /// `cls.__module__`: the module that defines the class: `builtins`, `socket`, `io`, or
    /// `__main__` for the program's own types.
    ///
    /// Python: `type.__module__`.
    public let __module__: String

    /// How the class prints: `<class '...'>`, `<enum '...'>` (IntEnum) or `<flag '...'>` (IntFlag).
    let kind: String

    /// The Swift class of an exception type, whose superclasses give `__mro__`; nil for other types.
    /// Not part of `==`: a class is its name, module and kind.
    let exceptionClass: BaseException.Type?

    /// `cls.__qualname__`: the qualified name; the same as `__name__` for every class PyBuiltins
    /// knows.
    ///
    /// Python: `type.__qualname__`.
    public var __qualname__: String { __name__ }

    /// `PyType(name, module)`: a class named `name` in `module`.
    ///
    /// Python: a class object.
    public init(_ name: String, module: String = "builtins") {
        self.init(name, module: module, kind: "class")
    }

    init(_ name: String, module: String, kind: String, exceptionClass: BaseException.Type? = nil) {
        self.__name__ = name
        self.__module__ = module
        self.kind = kind
        self.exceptionClass = exceptionClass
    }

    /// `a == b`: the same Python class (name, module and kind).
    ///
    /// Python: `type.__eq__` (identity).
    public static func == (lhs: PyType, rhs: PyType) -> Bool {
        lhs.__name__ == rhs.__name__ && lhs.__module__ == rhs.__module__ && lhs.kind == rhs.kind
    }

    /// Hashes the name, module and kind, as `==` compares them.
    ///
    /// Python: `type.__hash__`.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(__name__)
        hasher.combine(__module__)
        hasher.combine(kind)
    }

    /// `str(cls)` `<class 'int'>`, `<class 'socket.socket'>`, `<enum 'AddressFamily'>`, `<flag
    /// 'MsgFlag'>`.
    ///
    /// Python: `type.__repr__`.
    public var description: String {
        if kind != "class" { return "<\(kind) '\(__name__)'>" }
        let qualified = __module__ == "builtins" ? __name__ : __module__ + "." + __name__
        return "<class '\(qualified)'>"
    }

    /// `repr(cls)`: the same text as `str(cls)`.
    ///
    /// Python: `type.__repr__`.
    public var debugDescription: String { description }
}

/// `type(object)`: the Python class the value stands for: `type(x).__name__` is the name Python
/// prints.
///
/// Python: `type(object)`.
///
/// Differs from CPython: Swift's `nil` and `Void` are both `NoneType`; a Swift array is a
/// `list`, a `Dictionary` or `dict` a `dict`, a `Set` a `set`, a Swift tuple a `tuple`;
/// Swift's `Float` is a `float`; another Swift type is `__main__.Name` (its Swift name); inside
/// a type with a `type` member (such as `socket`'s own extensions) write `PyBuiltins.type(x)`.
public func type<Object>(_ object: Object) -> PyType {
    pythonType(of: object)
}

/// The Python class of a value seen through `Any`.
func pythonType(of value: Any) -> PyType {
    if let optional = value as? any PyOptionalValue {
        guard let wrapped = optional.pyWrapped else { return PyType("NoneType") }
        return pythonType(of: wrapped)
    }
    if Swift.type(of: value) == AnyHashable.self, let boxed = value as? AnyHashable {
        return pythonType(of: boxed.base)
    }
    switch value {
    case is String, is Substring, is Character: return PyType("str")
    case is Bool: return PyType("bool")
    case is any BinaryInteger: return PyType("int")
    case is Double, is Float: return PyType("float")
    case is bytes: return PyType("bytes")
    case let type as PyType: return type.kind == "class" ? PyType("type") : PyType("EnumType", module: "enum")
    case let metatype as Any.Type: return pythonType(of: pythonClass(metatype))
    case is any PyListValue: return PyType("list")
    case is any PyDictValue: return PyType("dict")
    case is any PySetValue: return PyType("set")
    case is socket: return PyType("socket", module: "socket")
    case is socket.SocketIO: return PyType("SocketIO", module: "socket")
    case is SocketFile<String>: return PyType("TextIOWrapper", module: "_io")
    case let file as SocketFile<bytes>:
        let name = file.mode.contains("r") ? (file.mode.contains("w") ? "BufferedRWPair" : "BufferedReader") : "BufferedWriter"
        return PyType(name, module: "_io")
    case let family as socket.AddressFamily: return enumType("AddressFamily", "enum", member: family)
    case let kind as socket.SocketKind: return enumType("SocketKind", "enum", member: kind)
    case let flag as socket.MsgFlag: return enumType("MsgFlag", "flag", member: flag)
    case let info as socket.AddressInfo: return enumType("AddressInfo", "flag", member: info)
    case let address as SocketAddress: return addressType(address)
    case is socket.NameInfo, is socket.HostInfo: return PyType("tuple")
    case let item as SocketAddress.Item:
        switch item {
        case .str: return PyType("str")
        case .int: return PyType("int")
        case .bytes: return PyType("bytes")
        case .tuple: return PyType("tuple")
        }
    case let argument as BaseException.Argument: return argumentType(argument)
    case let error as BaseException: return exceptionType(error)
    case is CancellationError: return PyType("CancelledError", module: "asyncio.exceptions")
    default: break
    }
    if let elements = tupleElements(value) {
        return elements.isEmpty ? PyType("NoneType") : PyType("tuple")
    }
    let swiftName = String(reflecting: Swift.type(of: value))
    if swiftName.hasPrefix("PySocket.socket.TupleList<") { return PyType("list") }
    // `e.args` (a tuple in CPython), whether PySocket models it as its own type or as an array.
    if swiftName == "PySocket.BaseException.Args" { return PyType("tuple") }
    // getnameinfo's and gethostbyname_ex's results: tuples in CPython, structs that print as them here.
    if value is socket.NameInfo || value is socket.HostInfo { return PyType("tuple") }
    let name = lastComponent(of: swiftName)
    if swiftName.hasPrefix("PySocketAsync.asyncio.") { return asyncioType(name) }
    if swiftName.hasPrefix("PySocket.") {
        // PySocket's other types: Python's builtins where CPython has one, else socket's.
        return PyType(name, module: ["bytearray", "memoryview"].contains(name) ? "builtins" : "socket")
    }
    return PyType(name, module: "__main__")
}

extension BaseException {
    /// `e.__class__`: the exception's Python class: `e.__class__.__name__` is
    /// `'ConnectionRefusedError'`.
    ///
    /// Python: `object.__class__`.
    public var __class__: PyType { pythonType(of: self) }

    /// `cls.__name__`: the Python name of the exception class: `socket.timeout.__name__` is
    /// `'TimeoutError'`, `socket.error.__name__` is `'OSError'`.
    ///
    /// Python: `type.__name__`.
    public class var __name__: String { pythonClass(self).__name__ }
}

/// An IntEnum/IntFlag value: its enum class, or `int` for a number that names no member
/// (CPython returns a plain int for those).
private func enumType<T: CustomDebugStringConvertible>(_ name: String, _ kind: String, member: T) -> PyType {
    member.debugDescription.hasPrefix("<") ? PyType(name, module: "socket", kind: kind) : PyType("int")
}

/// An address is the value CPython returns: a tuple, a `str` path, a `bytes` name, or None.
private func addressType(_ address: SocketAddress) -> PyType {
    switch address {
    case .unix: return PyType("str")
    case .unixBytes: return PyType("bytes")
    case .noAddress: return PyType("NoneType")
    default: return PyType("tuple")
    }
}

private func argumentType(_ argument: BaseException.Argument) -> PyType {
    switch argument {
    case .none: return PyType("NoneType")
    case .bool: return PyType("bool")
    case .int: return PyType("int")
    case .str: return PyType("str")
    case .bytes: return PyType("bytes")
    case .list: return PyType("list")
    case .error(let error): return pythonType(of: error)
    }
}

/// PySocket's exception classes are Python's built-in ones, except `socket.gaierror`,
/// `socket.herror` and `io.UnsupportedOperation`; a program's own subclasses are `__main__`'s.
private func exceptionType(_ error: BaseException) -> PyType {
    exceptionClass(Swift.type(of: error))
}

/// The Python class of an exception class, carrying the Swift class for `__mro__`.
private func exceptionClass(_ metatype: BaseException.Type) -> PyType {
    let named = exceptionClass(named: String(reflecting: metatype))
    return PyType(named.__name__, module: named.__module__, kind: named.kind, exceptionClass: metatype)
}

/// The Python class of an exception class, from its Swift name (`PySocket.socket.gaierror`).
private func exceptionClass(named swiftName: String) -> PyType {
    let name = lastComponent(of: swiftName)
    if swiftName == "PyBuiltins.struct.error" { return PyType(name, module: "struct") }
    if swiftName.hasPrefix("PySocketAsync.asyncio.") {
        return PyType(name, module: ["QueueEmpty", "QueueFull", "QueueShutDown"].contains(name) ? "asyncio.queues" : "asyncio.exceptions")
    }
    guard swiftName.hasPrefix("PySocket.") else { return PyType(name, module: "__main__") }
    switch name {
    case "gaierror", "herror": return PyType(name, module: "socket")
    case "UnsupportedOperation": return PyType(name, module: "io")
    default: return PyType(name)
    }
}

/// The Python class a Swift type stands for, as `print(ConnectionRefusedError.self)` shows it.
func pythonClass(_ metatype: Any.Type) -> PyType {
    switch metatype {
    case let exception as BaseException.Type: return exceptionClass(exception)
    case is socket.Type: return PyType("socket", module: "socket")
    case is Bool.Type: return PyType("bool")
    case is any BinaryInteger.Type: return PyType("int")
    case is Double.Type, is Float.Type: return PyType("float")
    case is String.Type, is Substring.Type, is Character.Type: return PyType("str")
    case is bytes.Type: return PyType("bytes")
    case is socket.AddressFamily.Type: return PyType("AddressFamily", module: "socket", kind: "enum")
    case is socket.SocketKind.Type: return PyType("SocketKind", module: "socket", kind: "enum")
    case is socket.MsgFlag.Type: return PyType("MsgFlag", module: "socket", kind: "flag")
    case is socket.AddressInfo.Type: return PyType("AddressInfo", module: "socket", kind: "flag")
    default: return PyType(lastComponent(of: String(reflecting: metatype)), module: "__main__")
    }
}

extension PyType {
    /// `type(x) is cls`: whether this is the Python class the Swift type stands for: `type(e) ==
    /// ConnectionRefusedError.self`.
    ///
    /// Python: `type(x) is cls`.
    public static func == (lhs: PyType, rhs: Any.Type) -> Bool {
        lhs == pythonClass(rhs)
    }

    /// `type(x) is not cls`: whether this is not the Python class the Swift type stands for.
    ///
    /// Python: `type(x) is not cls`.
    public static func != (lhs: PyType, rhs: Any.Type) -> Bool {
        lhs != pythonClass(rhs)
    }
}

/// `Name` of `Module.Outer.Name<Generic>`.
/// The Python class of a PySocketAsync type (matched by name: PyBuiltins does not import it):
/// the transports are CPython's selector transports.
private func asyncioType(_ name: String) -> PyType {
    switch name {
    case "Transport": return PyType("_SelectorSocketTransport", module: "asyncio.selector_events")
    case "DatagramTransport": return PyType("_SelectorDatagramTransport", module: "asyncio.selector_events")
    case "Future", "Task": return PyType(name, module: "_asyncio")
    case "Queue", "LifoQueue", "PriorityQueue": return PyType(name, module: "asyncio.queues")
    case "Event", "Lock", "Semaphore", "BoundedSemaphore", "Barrier", "Condition": return PyType(name, module: "asyncio.locks")
    case "StreamReader", "StreamWriter": return PyType(name, module: "asyncio.streams")
    case "Server": return PyType(name, module: "asyncio.base_events")
    default: return PyType(name, module: "asyncio")
    }
}

private func lastComponent(of swiftName: String) -> String {
    var name = Substring(swiftName)
    if let angle = name.firstIndex(of: "<") { name = name[..<angle] }
    if let dot = name.lastIndex(of: ".") { name = name[name.index(after: dot)...] }
    return String(name)
}
