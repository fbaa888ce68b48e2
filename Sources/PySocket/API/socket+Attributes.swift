// dir(socket.self), getattr(socket.self, name) and hasattr: the module's names and integer constants, looked up by name.

/// `dir(socket)`: the module's public names, sorted: CPython 3.13's `dir(socket)` on Linux without
/// the names README's "Not API" lists (dunder and private names, `os`, `IntEnum`...).
///
/// Swift needs `.self` to pass a type as a value: `dir(socket.self)`. Programs build tables of
/// names from it: `dir(socket.self).filter { $0.hasPrefix("EAI_") }`.
///
/// Python: `dir(socket)`. C: none.
///
/// Differs from CPython: the list is CPython's, captured once (scripts/gen_socket_names.py), and
/// `dir()` of other objects is not provided.
public func dir(_ module: socket.Type) -> [String] {
    NativeConstants.moduleNames
}

/// `getattr(socket, name)`: the value of the module's integer constant `name`
/// (`getattr(socket.self, "EAI_NONAME")` is `-2`), so that a program can build a code -> name
/// table; raises `AttributeError` for a name the module does not have.
///
/// Python: `getattr(socket, name)`. C: none.
///
/// Differs from CPython: only integer constants (an IntEnum member such as `AF_INET` as its
/// number, `2`); any other module name (a function, a class) raises `TypeError`.
public func getattr(_ module: socket.Type, _ name: String) throws -> Int {
    if let value = NativeConstants.integerConstants[name] { return value }
    if NativeConstants.moduleNames.contains(name) {
        throw TypeError("socket.\(name) is not an integer constant: getattr(socket.self, name) returns only those")
    }
    throw AttributeError("module 'socket' has no attribute '\(name)'")
}

/// `getattr(socket, name)` as an IntEnum/IntFlag: the module's integer constant `name` as the type
/// the context asks for: `try socket.socket(getattr(socket.self, "AF_" + family))`, or `let kind:
/// socket.SocketKind = try getattr(socket.self, "SOCK_DGRAM")`.
///
/// Python: `getattr(socket, name)`. C: none.
///
/// Differs from CPython: the member is made from the number whatever its name's prefix (CPython
/// returns the constant's own type).
public func getattr<Member: RawRepresentable>(_ module: socket.Type, _ name: String) throws -> Member
where Member.RawValue == Int {
    let value: Int = try getattr(module, name)
    guard let member = Member(rawValue: value) else {
        throw ValueError("\(value) is not a valid \(Member.self)")
    }
    return member
}

/// `getattr(socket, name, default)`: the value of the module's integer constant `name`, or
/// `default` when the module has no integer constant of that name (`getattr(socket.self,
/// "SO_REUSEPORT", nil)`).
///
/// Python: `getattr(socket, name, default)`. C: none.
///
/// Differs from CPython: only integer constants; any other name gives `default`.
public func getattr(_ module: socket.Type, _ name: String, _ default: Int?) -> Int? {
    NativeConstants.integerConstants[name] ?? `default`
}

/// `hasattr(socket, name)`: whether the module has the public name `name` (`hasattr(socket.self,
/// "AF_UNIX")`).
///
/// Python: `hasattr(socket, name)`. C: none.
public func hasattr(_ module: socket.Type, _ name: String) -> Bool {
    NativeConstants.moduleNames.contains(name)
}
