// The C standard streams under PyBuiltins' `print`: the one file of the module that imports libc.
#if canImport(Glibc)
import Glibc
#else
#error("PyBuiltins is written for Linux (glibc); add this platform's libc import here.")
#endif

/// The two standard streams `sys.stdout` and `sys.stderr` write to.
enum StandardStream: Sendable {
    case output
    case error

    /// Writes `text`: standard output through Swift's own `print` (C stdio's `stdout` buffer,
    /// so that both stay in order), standard error straight to descriptor 2 (C's `stderr` is
    /// unbuffered too).
    func write(_ text: String) {
        switch self {
        case .output:
            Swift.print(text, terminator: "")
        case .error:
            var text = text
            text.withUTF8 { utf8 in
                var offset = 0
                while offset < utf8.count, let base = utf8.baseAddress {
                    let written = Glibc.write(2, base + offset, utf8.count - offset)
                    if written > 0 {
                        offset += written
                    } else if written < 0 && errno == EINTR {
                        continue
                    } else {
                        return
                    }
                }
            }
        }
    }

    /// Flushes C's output buffers and ends the process with `status`.
    static func exitProcess(_ status: Int32) -> Never {
        exit(status)
    }

    /// `fflush(3)` of C's output buffers (standard error has none).
    func flush() {
        _ = fflush(nil)
    }
}
