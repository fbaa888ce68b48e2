// logging: the parts of Python's logging module a socket server uses: levels, basicConfig, named loggers, stream handlers, %-style formats.
import PySocket
import Synchronization

/// `__name__`: the module's name, `"__main__"` for a program, so that
/// `logging.getLogger(__name__)` and `if __name__ == "__main__":` port as they are.
///
/// Python: `__name__`.
public let __name__ = "__main__"

/// `import logging`: leveled messages to standard error (or a stream): `logging.basicConfig(level:
/// logging.INFO, format: "%(levelname)s %(name)s: %(message)s")`, `logging.info("got %d bytes", n)`,
/// `let log = logging.getLogger(__name__)`, `log.warning(...)`. With no configuration, as in
/// CPython, a module-level call configures the root logger (`WARNING:root:message` on stderr) and a
/// named logger's warnings go to stderr as the bare message.
///
/// Python: `logging`.
///
/// Differs from CPython: a format may use `name`, `levelname`, `levelno`, `message`, `msg`,
/// `asctime`, `msecs`, `created`, `process`, `thread`-free `threadName` (always `MainThread`) and
/// `module`/`filename`/`funcName`/`lineno` as `__main__`/`main.py`/`<module>`/`0` (Swift cannot see
/// the Python source); no `exception()` tracebacks, filters, `{`/`$` styles or file handlers.
public enum logging {
    /// `logging.CRITICAL` (50).
    ///
    /// Python: `logging.CRITICAL`.
    public static let CRITICAL = 50
    /// `logging.ERROR` (40).
    ///
    /// Python: `logging.ERROR`.
    public static let ERROR = 40
    /// `logging.WARNING` (30), the root logger's level.
    ///
    /// Python: `logging.WARNING`.
    public static let WARNING = 30
    /// `logging.INFO` (20).
    ///
    /// Python: `logging.INFO`.
    public static let INFO = 20
    /// `logging.DEBUG` (10).
    ///
    /// Python: `logging.DEBUG`.
    public static let DEBUG = 10
    /// `logging.NOTSET` (0): a logger that takes its parent's level.
    ///
    /// Python: `logging.NOTSET`.
    public static let NOTSET = 0

    /// `logging.BASIC_FORMAT`: `basicConfig`'s default format.
    ///
    /// Python: `logging.BASIC_FORMAT`.
    public static let BASIC_FORMAT = "%(levelname)s:%(name)s:%(message)s"

    /// `logging.getLevelName(level)`: `'INFO'` for 20, `'Level 25'` for a number with no name.
    ///
    /// Python: `logging.getLevelName`.
    public static func getLevelName(_ level: Int) -> String {
        [50: "CRITICAL", 40: "ERROR", 30: "WARNING", 20: "INFO", 10: "DEBUG", 0: "NOTSET"][level] ?? "Level \(level)"
    }

    /// `logging.Formatter(fmt=None)`: turns a record into text with a %-style format.
    ///
    /// Python: `logging.Formatter`.
    public final class Formatter: Sendable {
        let fmt: String

        /// `logging.Formatter(fmt)`; the default format is `%(message)s`.
        ///
        /// Python: `logging.Formatter(fmt)`.
        public init(_ fmt: String? = nil) { self.fmt = fmt ?? "%(message)s" }

        /// `Formatter(fmt=...)` with the format given by keyword.
        ///
        /// Python: `logging.Formatter(fmt=...)`.
        public convenience init(fmt: String?) { self.init(fmt) }

        func format(_ name: String, _ level: Int, _ message: String) throws -> String {
            let now = time.time()
            var fields: dict<String, Any> = [
                "name": name, "levelname": getLevelName(level), "levelno": level, "message": message, "msg": message,
                "created": now, "msecs": (now - now.rounded(.down)) * 1000, "process": os.getpid(),
                "threadName": "MainThread", "module": "__main__", "filename": "main.py", "funcName": "<module>", "lineno": 0,
            ]
            if fmt.contains("%(asctime)") { fields["asctime"] = SystemClock.localTimestamp(now) }
            return try fmt % fields
        }
    }

    /// `logging.StreamHandler(stream=None)`: writes each formatted record and a newline to a
    /// stream, `sys.stderr` by default.
    ///
    /// Python: `logging.StreamHandler`.
    public final class StreamHandler: Sendable {
        let stream: TextIO?
        private let state = Mutex<(formatter: Formatter?, level: Int)>((nil, 0))

        /// `logging.StreamHandler(stream)`: `sys.stderr` when nil, read at each write.
        ///
        /// Python: `logging.StreamHandler(stream)`.
        public init(_ stream: TextIO? = nil) { self.stream = stream }

        /// `h.setFormatter(fmt)`.
        ///
        /// Python: `Handler.setFormatter`.
        public func setFormatter(_ formatter: Formatter) { state.withLock { $0.formatter = formatter } }

        /// `h.setLevel(level)`: records below `level` are dropped by this handler.
        ///
        /// Python: `Handler.setLevel`.
        public func setLevel(_ level: Int) { state.withLock { $0.level = level } }

        func handle(_ name: String, _ level: Int, _ message: String) throws {
            let (formatter, minimum) = state.withLock { ($0.formatter, $0.level) }
            guard level >= minimum else { return }
            let text = try (formatter ?? Formatter()).format(name, level, message)
            let out = stream ?? sys.stderr
            _ = out.write(text + "\n")
            out.flush()
        }
    }

    /// `logging.Logger`: what `getLogger(name)` returns.
    ///
    /// Python: `logging.Logger`.
    public final class Logger: Sendable {
        /// `log.name`: `root` for the root logger.
        ///
        /// Python: `Logger.name`.
        public let name: String
        private let state = Mutex<(level: Int, handlers: [StreamHandler], propagate: Bool)>((0, [], true))

        init(_ name: String, level: Int) {
            self.name = name
            state.withLock { $0.level = level }
        }

        /// `log.level`: the level set on this logger (0 when it takes its parent's).
        ///
        /// Python: `Logger.level`.
        public var level: Int { state.withLock { $0.level } }

        /// `log.propagate`: whether records also go to the root logger's handlers.
        ///
        /// Python: `Logger.propagate`.
        public var propagate: Bool {
            get { state.withLock { $0.propagate } }
            set { state.withLock { $0.propagate = newValue } }
        }

        /// `log.handlers`: the handlers added to this logger.
        ///
        /// Python: `Logger.handlers`.
        public var handlers: [StreamHandler] { state.withLock { $0.handlers } }

        /// `log.setLevel(level)`.
        ///
        /// Python: `Logger.setLevel`.
        public func setLevel(_ level: Int) { state.withLock { $0.level = level } }

        /// `log.addHandler(h)`.
        ///
        /// Python: `Logger.addHandler`.
        public func addHandler(_ handler: StreamHandler) {
            state.withLock { if !$0.handlers.contains(where: { $0 === handler }) { $0.handlers.append(handler) } }
        }

        /// `log.removeHandler(h)`.
        ///
        /// Python: `Logger.removeHandler`.
        public func removeHandler(_ handler: StreamHandler) { state.withLock { $0.handlers.removeAll { $0 === handler } } }

        /// `log.getEffectiveLevel()`: this logger's level, or the root's when it has none.
        ///
        /// Python: `Logger.getEffectiveLevel`.
        public func getEffectiveLevel() -> Int {
            let own = level
            return own != 0 || self === root ? own : root.level
        }

        /// `log.isEnabledFor(level)`.
        ///
        /// Python: `Logger.isEnabledFor`.
        public func isEnabledFor(_ level: Int) -> Bool { level >= getEffectiveLevel() }

        /// `log.log(level, msg, *args)`: `msg % args` (only when there are args) to the handlers of
        /// this logger and, while `propagate`, of the root; to stderr as the bare message when
        /// there is none and `level` is at least WARNING, as CPython's last resort does.
        ///
        /// Python: `Logger.log`.
        /// - Throws: what `msg % args` raises (CPython prints "--- Logging error ---" instead).
        public func log(_ level: Int, _ msg: Any, _ args: Any...) throws { try emit(level, msg, args) }

        /// `log.debug(msg, *args)`.
        ///
        /// Python: `Logger.debug`.
        public func debug(_ msg: Any, _ args: Any...) throws { try emit(DEBUG, msg, args) }
        /// `log.info(msg, *args)`.
        ///
        /// Python: `Logger.info`.
        public func info(_ msg: Any, _ args: Any...) throws { try emit(INFO, msg, args) }
        /// `log.warning(msg, *args)`.
        ///
        /// Python: `Logger.warning`.
        public func warning(_ msg: Any, _ args: Any...) throws { try emit(WARNING, msg, args) }
        /// `log.error(msg, *args)`.
        ///
        /// Python: `Logger.error`.
        public func error(_ msg: Any, _ args: Any...) throws { try emit(ERROR, msg, args) }
        /// `log.critical(msg, *args)`.
        ///
        /// Python: `Logger.critical`.
        public func critical(_ msg: Any, _ args: Any...) throws { try emit(CRITICAL, msg, args) }

        func emit(_ level: Int, _ msg: Any, _ args: [Any]) throws {
            guard isEnabledFor(level) else { return }
            let text = str(msg)
            let message = args.isEmpty ? text : try percentFormat(text, arguments: spreading(args))
            var chain = handlers
            if self !== root && propagate { chain += root.handlers }
            if chain.isEmpty {
                if level >= WARNING { try StreamHandler().handle(name, level, message) }
                return
            }
            for handler in chain { try handler.handle(name, level, message) }
        }
    }

    /// `logging.root`: the root logger, at level WARNING.
    ///
    /// Python: `logging.root`.
    public static let root = Logger("root", level: WARNING)

    private static let loggers = Mutex<[String: Logger]>([:])

    /// `logging.getLogger(name=None)`: the logger of that name (the same object each time), the
    /// root logger for nil or `"root"`.
    ///
    /// Python: `logging.getLogger`.
    public static func getLogger(_ name: String? = nil) -> Logger {
        guard let name, name != "root" else { return root }
        return loggers.withLock { table in
            if let known = table[name] { return known }
            let made = Logger(name, level: NOTSET)
            table[name] = made
            return made
        }
    }

    /// `logging.basicConfig(level=None, format=None, stream=None, force=False)`: gives the root
    /// logger a stream handler (stderr by default) with `format` (`BASIC_FORMAT` by default) and
    /// sets its level; does nothing when the root already has a handler, unless `force`.
    ///
    /// Python: `logging.basicConfig`.
    public static func basicConfig(level: Int? = nil, format: String? = nil, stream: TextIO? = nil, force: Bool = false) {
        if force { for handler in root.handlers { root.removeHandler(handler) } }
        guard root.handlers.isEmpty else { return }
        let handler = StreamHandler(stream)
        handler.setFormatter(Formatter(format ?? BASIC_FORMAT))
        root.addHandler(handler)
        if let level { root.setLevel(level) }
    }

    /// `logging.log(level, msg, *args)` on the root logger, configuring it first if it has no
    /// handler, as CPython does.
    ///
    /// Python: `logging.log`.
    public static func log(_ level: Int, _ msg: Any, _ args: Any...) throws { try rootEmit(level, msg, args) }
    /// `logging.debug(msg, *args)` on the root logger.
    ///
    /// Python: `logging.debug`.
    public static func debug(_ msg: Any, _ args: Any...) throws { try rootEmit(DEBUG, msg, args) }
    /// `logging.info(msg, *args)` on the root logger.
    ///
    /// Python: `logging.info`.
    public static func info(_ msg: Any, _ args: Any...) throws { try rootEmit(INFO, msg, args) }
    /// `logging.warning(msg, *args)` on the root logger.
    ///
    /// Python: `logging.warning`.
    public static func warning(_ msg: Any, _ args: Any...) throws { try rootEmit(WARNING, msg, args) }
    /// `logging.error(msg, *args)` on the root logger.
    ///
    /// Python: `logging.error`.
    public static func error(_ msg: Any, _ args: Any...) throws { try rootEmit(ERROR, msg, args) }
    /// `logging.critical(msg, *args)` on the root logger.
    ///
    /// Python: `logging.critical`.
    public static func critical(_ msg: Any, _ args: Any...) throws { try rootEmit(CRITICAL, msg, args) }

    private static func rootEmit(_ level: Int, _ msg: Any, _ args: [Any]) throws {
        if root.handlers.isEmpty { basicConfig() }
        try root.emit(level, msg, args)
    }
}
