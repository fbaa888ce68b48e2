// open(): Python's builtin for files on disk, text (UTF-8) or binary, with `with`, for programs that pass or log to files.
import PySocket

/// What a file from `open()` reads and writes: `String` (text mode, UTF-8) or `bytes` (`"b"` modes).
public protocol PyFileContent {
    /// Whether this is text mode's type.
    static var isText: Bool { get }
    /// The value of `data` read from the file.
    static func fromFile(_ data: [UInt8]) throws -> Self
    /// The bytes to write for this value.
    var fileBytes: [UInt8] { get }
    /// The length `write` returns: code points for text, bytes for binary.
    var writtenLength: Int { get }
}

extension String: PyFileContent {
    /// True: `String` is text mode's type.
    public static var isText: Bool { true }
    /// The text of UTF-8 `data` (CPython's `UnicodeDecodeError` otherwise).
    public static func fromFile(_ data: [UInt8]) throws -> String { try bytes(data).decode() }
    /// The UTF-8 bytes of the text.
    public var fileBytes: [UInt8] { Array(utf8) }
    /// The number of code points.
    public var writtenLength: Int { unicodeScalars.count }
}

extension bytes: PyFileContent {
    /// False: `bytes` is binary mode's type.
    public static var isText: Bool { false }
    /// The bytes as they are.
    public static func fromFile(_ data: [UInt8]) throws -> bytes { bytes(data) }
    /// The bytes as they are.
    public var fileBytes: [UInt8] { Array(self) }
    /// The number of bytes.
    public var writtenLength: Int { count }
}

/// `open(file, mode="r", encoding=None)`: a text file (UTF-8): `try open(path, "w").with { f in
/// try f.write("x\n") }`, `for line in try open(path)`.
///
/// Python: `open`. C: `open(2)` with O_CLOEXEC.
/// - Throws: CPython's `ValueError`s (`invalid mode: 'q'`, `must have exactly one of
///   create/read/write/append mode`), `FileNotFoundError` (`[Errno 2] No such
///   file or directory: 'x'`) and the other `OSError`s.
public func open(_ file: String, _ mode: String = "r", encoding: String? = nil) throws -> PyFile<String> {
    try PyFile(file, mode, encoding: encoding)
}

/// `open(file, "rb")` where the port states the type: `let f: PyFile<bytes> = try open(path, "rb")`.
///
/// Python: `open`. C: `open(2)` with O_CLOEXEC.
public func open<Content: PyFileContent>(_ file: String, _ mode: String = "r", encoding: String? = nil) throws -> PyFile<Content> {
    try PyFile(file, mode, encoding: encoding)
}

/// The file `open()` returns: `read`, `readline`, `readlines`, `for line in f`, `write`, `seek`,
/// `fileno`, `close`, `with`.
///
/// Python: `io.TextIOWrapper` / `io.BufferedReader`/`BufferedWriter`/`BufferedRandom`.
///
/// Differs from CPython: text is UTF-8 only, with `\n` line endings untranslated; writes go to the
/// file at once (no buffer, so `flush()` does nothing); `seek` takes byte offsets in both modes.
public final class PyFile<Content: PyFileContent>: Sequence, @unchecked Sendable {
    /// `f.name`: the path given to `open`.
    ///
    /// Python: `f.name`.
    public let name: String
    /// `f.mode`: the mode given to `open`.
    ///
    /// Python: `f.mode`.
    public let mode: String
    private var fd: Int32
    private let reading: Bool
    private let writing: Bool
    private var pending: [UInt8] = []
    private var atEnd = false

    init(_ file: String, _ mode: String, encoding: String?) throws {
        let letters = Set(mode)
        let kinds = mode.filter { "rwax".contains($0) }
        guard mode.allSatisfy({ "rwaxb+t".contains($0) }), letters.count == mode.count else {
            throw ValueError("invalid mode: '\(mode)'")
        }
        guard kinds.count == 1 else { throw ValueError("must have exactly one of create/read/write/append mode") }
        guard !(letters.contains("b") && letters.contains("t")) else {
            throw ValueError("can't have text and binary mode at once")
        }
        if letters.contains("b") {
            if encoding != nil { throw ValueError("binary mode doesn't take an encoding argument") }
            guard !Content.isText else { throw TypeError("open(\(pythonRepr(file)), \(pythonRepr(mode))) is binary: state the type, PyFile<bytes>") }
        } else {
            guard Content.isText else { throw TypeError("open(\(pythonRepr(file)), \(pythonRepr(mode))) is text: its type is PyFile<String>") }
            if let encoding, !["utf-8", "utf8", "UTF-8"].contains(encoding) {
                throw ValueError("PyBuiltins' open() reads and writes UTF-8 only, not \(pythonRepr(encoding))")
            }
        }
        let plus = letters.contains("+")
        let kind = kinds.first ?? "r"
        reading = kind == "r" || plus
        writing = kind != "r" || plus
        switch SystemFiles.open(file, reading: reading, writing: writing, create: kind != "r", truncate: kind == "w",
                                append: kind == "a", exclusive: kind == "x") {
        case .success(let fd): self.fd = fd
        case .failure(let error): throw os.failure(error, file)
        }
        self.name = file
        self.mode = mode
    }

    deinit { if fd >= 0 { _ = SystemFiles.close(Int(fd)) } }

    private func open() throws -> Int32 {
        guard fd >= 0 else { throw ValueError("I/O operation on closed file.") }
        return fd
    }

    /// Reads more into `pending`; false at end of file.
    private func fill() throws -> Bool {
        let fd = try open()
        guard reading else { throw UnsupportedOperation("not readable") }
        var chunk = [UInt8](repeating: 0, count: 65536)
        let result = chunk.withUnsafeMutableBytes { SystemFiles.read(fd, $0) }
        switch result {
        case .success(let count):
            if count == 0 { atEnd = true; return false }
            pending += chunk[..<count]
            return true
        case .failure(let error): throw OSError.from(errno: error.code, SystemFiles.strerror(error.code))
        }
    }

    /// `f.read(size=-1)`: everything to the end, or up to `size` bytes (binary) or code points
    /// (text).
    ///
    /// Python: `read`. C: `read(2)`.
    public func read(_ size: Int = -1) throws -> Content {
        if size < 0 {
            while try fill() {}
            defer { pending = [] }
            return try Content.fromFile(pending)
        }
        if !Content.isText {
            while pending.count < size, try fill() {}
            let taken = Array(pending.prefix(size))
            pending.removeFirst(taken.count)
            return try Content.fromFile(taken)
        }
        var end = 0
        var scalars = 0
        while scalars < size {
            if end == pending.count, !(try fill()) { break }
            let byte = pending[end]
            if byte & 0xC0 != 0x80 { scalars += 1 }
            end += 1
            // The character's continuation bytes.
            while true {
                if end == pending.count, !(try fill()) { break }
                guard pending[end] & 0xC0 == 0x80 else { break }
                end += 1
            }
        }
        let taken = Array(pending[..<end])
        pending.removeFirst(end)
        return try Content.fromFile(taken)
    }

    /// `f.readline()`: one line with its `\n`, or what is left; empty at end of file.
    ///
    /// Python: `readline`. C: `read(2)`.
    public func readline() throws -> Content {
        var searched = 0
        while true {
            if let newline = pending[searched...].firstIndex(of: 0x0A) {
                let line = Array(pending[...newline])
                pending.removeFirst(newline + 1)
                return try Content.fromFile(line)
            }
            searched = pending.count
            if !(try fill()) {
                defer { pending = [] }
                return try Content.fromFile(pending)
            }
        }
    }

    /// `f.readlines()`: the remaining lines.
    ///
    /// Python: `readlines`.
    public func readlines() throws -> [Content] {
        var lines: [Content] = []
        while true {
            let line = try readline()
            if line.fileBytes.isEmpty { return lines }
            lines.append(line)
        }
    }

    /// `for line in f`: the lines until end of file (an error ends the loop).
    ///
    /// Python: `f.__iter__`.
    public func makeIterator() -> AnyIterator<Content> {
        AnyIterator { [self] in
            guard let line = try? self.readline(), !line.fileBytes.isEmpty else { return nil }
            return line
        }
    }

    /// `f.write(data)`: writes it all; the length written (code points for text).
    ///
    /// Python: `write`. C: `write(2)`.
    @discardableResult
    public func write(_ data: Content) throws -> Int {
        let fd = try open()
        guard writing else { throw UnsupportedOperation("not writable") }
        if !pending.isEmpty {
            _ = SystemFiles.lseek(fd, -pending.count, 1)
            pending = []
        }
        var remaining = data.fileBytes[...]
        while !remaining.isEmpty {
            let result = remaining.withUnsafeBytes { SystemFiles.write(fd, $0) }
            switch result {
            case .success(let count): remaining = remaining.dropFirst(count)
            case .failure(let error): throw OSError.from(errno: error.code, SystemFiles.strerror(error.code))
            }
        }
        return data.writtenLength
    }

    /// `f.seek(offset, whence=0)`: moves to a byte offset (0: from the start, 1: from here, 2:
    /// from the end); the new position.
    ///
    /// Python: `seek`. C: `lseek(2)`.
    @discardableResult
    public func seek(_ offset: Int, _ whence: Int = 0) throws -> Int {
        let fd = try open()
        guard let cWhence = Int32(exactly: whence), (0...2).contains(cWhence) else {
            throw ValueError("invalid whence (\(whence), should be 0, 1 or 2)")
        }
        let adjusted = cWhence == 1 ? offset - pending.count : offset
        pending = []
        atEnd = false
        switch SystemFiles.lseek(fd, adjusted, cWhence) {
        case .success(let position): return position
        case .failure(let error): throw OSError.from(errno: error.code, SystemFiles.strerror(error.code))
        }
    }

    /// `f.fileno()`: the descriptor, for `send_fds` or `os.fstat`.
    ///
    /// Python: `fileno`.
    public func fileno() throws -> Int32 { try open() }

    /// `f.flush()`: nothing to do (writes are not buffered); raises on a closed file.
    ///
    /// Python: `flush`.
    public func flush() throws { _ = try open() }

    /// `f.closed`.
    ///
    /// Python: `closed`.
    public var closed: Bool { fd < 0 }

    /// `f.close()`: closes the descriptor; harmless twice.
    ///
    /// Python: `close`. C: `close(2)`.
    public func close() {
        if fd >= 0 { _ = SystemFiles.close(Int(fd)) }
        fd = -1
    }

    /// `with open(...) as f:` as `try open(...).with { f in ... }`: closes however the body ends,
    /// and returns what it returns.
    ///
    /// Python: the `with` statement on a file.
    @discardableResult
    public func with<Result>(_ body: (PyFile) throws -> Result) rethrows -> Result {
        defer { close() }
        return try body(self)
    }
}
