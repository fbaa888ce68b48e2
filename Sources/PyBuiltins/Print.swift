// print(), str(), repr(): Python's builtins that turn values into text, and the streams print writes to.
import PySocket
import Synchronization

/// `print(*objects, sep=' ', end='\n', file=None, flush=False)`: writes `str()` of each object, as
/// Python does: `print("ok:", true)` writes `ok: True`, `print(nil)` writes `None`,
/// `print(("127.0.0.1", 80))` writes `('127.0.0.1', 80)`.
///
/// Importing PyBuiltins makes this `print` the one the file's unqualified `print` calls, also
/// beside `import Glibc` and `import Foundation` (its sibling below, with Swift's labels,
/// shadows `Swift.print`; `Swift.print` stays reachable by its full name). The objects are a
/// parameter pack, so an optional argument needs no `as Any` and draws no warning.
/// `sep: nil` and `end: nil` mean the defaults, as `None` does in Python.
///
/// Python: `print`. C: `fwrite(3)` to `stdout` (the buffer Swift's own `print` fills),
/// `fflush(3)` when `flush` is true.
///
/// Differs from CPython: `Void` prints `None` (Swift's `()` is no empty tuple); a Swift
/// `Dictionary` or `Set` prints in its own order (use `dict` for insertion order).
public func print<each Object>(
    _ objects: repeat each Object, sep: String? = " ", end: String? = "\n", file: TextIO? = nil, flush: Bool = false
) {
    var items: [Any] = []
    for object in repeat each objects {
        items.append(object)
    }
    write(items, sep: sep ?? " ", end: end ?? "\n", file: file, flush: flush)
}

/// `print(*objects)`: Python's `print` under Swift's labels, so that it shadows `Swift.print` in
/// every file that imports PyBuiltins: plain `print(a, b)` calls this one.
///
/// Python: `print(*objects, sep=separator, end=terminator)`. C: `fwrite(3)` to `stdout`.
public func print(_ objects: Any..., separator: String = " ", terminator: String = "\n") {
    write(objects, sep: separator, end: terminator, file: nil, flush: false)
}

/// The one place both spellings of `print` write through.
private func write(_ objects: [Any], sep: String, end: String, file: TextIO?, flush: Bool) {
    var line = ""
    for (index, object) in spreading(objects).enumerated() {
        if index > 0 { line += sep }
        line += render(object, repr: false)
    }
    line += end
    let stream = file ?? sys.stdout
    _ = stream.write(line)
    if flush { stream.flush() }
}

/// `str(object)`: the text `print(object)` writes: `str(true)` is `"True"`, `str(nil as Int?)` is
/// `"None"`, `str(1e16)` is `"1e+16"`, `str("a")` is `"a"`.
///
/// Python: `str(object)`.
public func str<Object>(_ object: Object) -> String {
    render(object, repr: false)
}

/// `repr(object)`: the text Python shows for a value inside a container: `repr("a")` is `"'a'"`,
/// `repr(["a", "b"])` is `"['a', 'b']"`, `repr(socket.AF_INET)` is `"<AddressFamily.AF_INET: 2>"`.
///
/// Python: `repr(object)`.
public func repr<Object>(_ object: Object) -> String {
    render(object, repr: true)
}

/// `io.TextIOWrapper` / `io.StringIO`: a text stream `print(..., file:)` writes to: `sys.stdout`,
/// `sys.stderr`, or an in-memory `io.StringIO()`.
///
/// Python: `io.TextIOBase`. C: `fwrite(3)` for the standard streams.
public final class TextIO: Sendable {
    private let stream: StandardStream?
    private let buffer = Mutex(Buffer())

    /// An in-memory stream's text, its length and the position, both in code points.
    struct Buffer {
        var text = ""
        var count = 0
        var position = 0
    }

    init(_ stream: StandardStream) {
        self.stream = stream
    }

    /// `io.StringIO()`: an empty in-memory text stream; `getvalue()` returns what was written.
    ///
    /// Python: `io.StringIO()`.
    public init() {
        self.stream = nil
    }

    /// `io.StringIO(initial_value)`: an in-memory text stream holding `initial_value`, positioned
    /// at its start (so `read()`/`readline()` read it, and `write` overwrites it).
    ///
    /// Python: `io.StringIO(initial_value)`.
    public init(_ initial_value: String) {
        self.stream = nil
        buffer.withLock { $0 = Buffer(text: initial_value, count: initial_value.unicodeScalars.count, position: 0) }
    }

    /// `f.write(s)`: writes the text and returns its length in code points, as Python does.
    ///
    /// Python: `TextIOBase.write`. C: `fwrite(3)` for the standard streams.
    @discardableResult
    public func write(_ text: String) -> Int {
        let n = text.unicodeScalars.count
        if let stream {
            stream.write(text)
            return n
        }
        buffer.withLock { b in
            if b.position == b.count {
                b.text += text
            } else {
                var scalars = Array(b.text.unicodeScalars)
                if b.position > scalars.count {
                    scalars += Array(repeating: "\0", count: b.position - scalars.count)
                }
                scalars.replaceSubrange(b.position..<min(b.position + n, scalars.count), with: text.unicodeScalars)
                var view = String.UnicodeScalarView()
                view.append(contentsOf: scalars)
                b.text = String(view)
                b.count = scalars.count
            }
            b.position += n
            b.count = max(b.count, b.position)
        }
        return n
    }

    /// `f.read(size=-1)`: the text from the position on (at most `size` code points), moving the
    /// position past it; empty at the end.
    ///
    /// Python: `StringIO.read`.
    public func read(_ size: Int = -1) -> String {
        buffer.withLock { b in
            let start = min(b.position, b.count)
            let end = size < 0 ? b.count : min(b.count, start + size)
            b.position = max(b.position, end)
            return slice(b.text, start, end)
        }
    }

    /// `f.readline(size=-1)`: the text up to and including the next newline (or the end).
    ///
    /// Python: `StringIO.readline`.
    public func readline(_ size: Int = -1) -> String {
        buffer.withLock { b in
            let start = min(b.position, b.count)
            var end = start
            let scalars = b.text.unicodeScalars
            var index = scalars.index(scalars.startIndex, offsetBy: start)
            while index != scalars.endIndex && (size < 0 || end - start < size) {
                let c = scalars[index]
                end += 1
                index = scalars.index(after: index)
                if c == "\n" { break }
            }
            b.position = max(b.position, end)
            return slice(b.text, start, end)
        }
    }

    /// `f.readlines()`: the remaining lines, each with its newline.
    ///
    /// Python: `StringIO.readlines`.
    public func readlines() -> [String] {
        var lines: [String] = []
        while case let line = readline(), !line.isEmpty { lines.append(line) }
        return lines
    }

    /// `f.seek(pos)`: moves to code point `pos` and returns it.
    ///
    /// Python: `StringIO.seek(pos)`.
    /// - Throws: `ValueError('Negative seek position -1')`.
    @discardableResult
    public func seek(_ pos: Int) throws -> Int {
        if pos < 0 { throw ValueError("Negative seek position \(pos)") }
        buffer.withLock { $0.position = pos }
        return pos
    }

    /// `f.tell()`: the position, in code points.
    ///
    /// Python: `StringIO.tell`.
    public func tell() -> Int { buffer.withLock { $0.position } }

    /// `f.flush()`: hands buffered text to the system.
    ///
    /// Python: `TextIOBase.flush`. C: `fflush(3)`.
    public func flush() {
        stream?.flush()
    }

    /// `f.getvalue()`: everything written to an `io.StringIO()` so far (empty for a standard
    /// stream).
    ///
    /// Python: `StringIO.getvalue`.
    public func getvalue() -> String {
        buffer.withLock { $0.text }
    }
}

/// Code points `start..<end` of `text`.
private func slice(_ text: String, _ start: Int, _ end: Int) -> String {
    let scalars = text.unicodeScalars
    let from = scalars.index(scalars.startIndex, offsetBy: start)
    return String(scalars[from..<scalars.index(from, offsetBy: end - start)])
}

/// `import sys`: the standard streams of Python's `sys` module.
///
/// Python: `sys`.
public enum sys {
    /// `sys.stdout`: the stream `print` writes to. `sys.$stdout.withValue(io.StringIO()) { ... }`
    /// redirects it for the calls inside (in this task and its child tasks), like
    /// `contextlib.redirect_stdout`.
    ///
    /// Python: `sys.stdout`. C: `stdout`.
    ///
    /// Differs from CPython: redirected per task with `withValue`, not by assignment.
    @TaskLocal public static var stdout = TextIO(.output)

    /// `sys.stderr`: the error stream, as in `print("failed", file: sys.stderr)`; redirect it with
    /// `sys.$stderr.withValue(...)`.
    ///
    /// Python: `sys.stderr`. C: `stderr`.
    @TaskLocal public static var stderr = TextIO(.error)

    /// `sys.argv`: the program's command-line arguments, the program's path first.
    ///
    /// Python: `sys.argv`.
    public static var argv: [String] { CommandLine.arguments }

    /// `sys.platform`: the platform PyBuiltins was built for, as CPython names it (`linux`).
    ///
    /// Python: `sys.platform`.
    public static let platform = "linux"

    /// `sys.byteorder`: the machine's byte order, `"little"` or `"big"`, as `int.to_bytes` takes it.
    ///
    /// Python: `sys.byteorder`.
    public static let byteorder = 1.littleEndian == 1 ? "little" : "big"

    /// `sys.exit(status=0)`: flushes the standard streams and ends the process with `status` (the
    /// system keeps its low 8 bits, as for CPython: `sys.exit(256)` exits with 0).
    ///
    /// Python: `sys.exit(int)`. C: `exit(3)`.
    ///
    /// Differs from CPython: ends the process at once (CPython raises `SystemExit`, which
    /// `finally` blocks and `except BaseException` see); Swift's `defer` blocks do not run.
    public static func exit(_ status: Int = 0) -> Never {
        StandardStream.exitProcess(Int32(status & 0xFF))
    }

    /// `sys.exit(message)`: writes `message` and a newline to standard error and ends the process
    /// with status 1.
    ///
    /// Python: `sys.exit(str)`. C: `exit(3)`.
    ///
    /// Differs from CPython: ends the process at once, without raising `SystemExit`.
    public static func exit(_ message: String) -> Never {
        _ = sys.stderr.write(message + "\n")
        StandardStream.exitProcess(1)
    }
}

/// `import io`: the in-memory text stream of Python's `io` module.
///
/// Python: `io`.
public enum io {
    /// `io.StringIO()`: an in-memory text stream (`TextIO()`).
    ///
    /// Python: `io.StringIO`.
    public typealias StringIO = TextIO
}
