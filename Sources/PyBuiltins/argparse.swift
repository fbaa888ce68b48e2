// argparse: ArgumentParser for the --host/--port/-v command lines of socket scripts, with CPython's usage, help and error texts.
import PySocket

/// `import argparse`: command-line options, as a script's `--host`, `--port` and `-v`.
///
/// Python: `argparse`.
///
/// Differs from CPython: `type` is a Swift type (`Int.self`, `Double.self`, `String.self` or
/// one conforming to `argparse.ArgumentType`); positionals are matched after every option is
/// read (CPython matches them in runs between options: the same for the usual command lines);
/// no subparsers, groups, `parents`, `fromfile_prefix_chars` or `store_const`/`version`
/// actions; the help is wrapped to `$COLUMNS` (80 when unset), not the terminal's width.
public enum argparse {
    /// A type an argument's text converts to (`type=` in `add_argument`).
    ///
    /// Python: a callable given as `type=`.
    public protocol ArgumentType {
        /// Converts one command-line string; throwing `ValueError`/`TypeError` gives CPython's
        /// `invalid <name> value: 'text'` error.
        ///
        /// Python: `type(string)`.
        static func fromArgument(_ text: String) throws -> Any
        /// The name in the error (`int`, `float`).
        ///
        /// Python: `type.__name__`.
        static var argumentTypeName: String { get }
    }

    /// `argparse.ArgumentError`: raised by `parse_args` when the parser was made with
    /// `exit_on_error: false`.
    ///
    /// Python: `argparse.ArgumentError`.
    open class ArgumentError: Exception, @unchecked Sendable {}

    /// `nargs=`: `"?"`, `"*"`, `"+"` or a count.
    ///
    /// Python: `add_argument(nargs=...)`.
    public enum Nargs: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, Equatable, Sendable {
        case optional, zeroOrMore, oneOrMore, count(Int)
        /// `nargs="?"`, `"*"` or `"+"` (any other text is read as `"?"`).
        ///
        /// Python: `nargs='?'`.
        public init(stringLiteral value: String) {
            self = value == "*" ? .zeroOrMore : value == "+" ? .oneOrMore : .optional
        }
        /// `nargs=N`.
        ///
        /// Python: `nargs=N`.
        public init(integerLiteral value: Int) { self = .count(value) }
    }

    /// `argparse.Namespace`: the parsed values, read by name (`args.port`); prints
    /// `Namespace(host='127.0.0.1', port=8080)`.
    ///
    /// Python: `argparse.Namespace`.
    @dynamicMemberLookup
    public final class Namespace: CustomStringConvertible, CustomDebugStringConvertible, @unchecked Sendable {
        var names: [String] = []
        var values: [String: Any] = [:]

        /// `args.port` where a type is expected (`let port: Int = args.port`): the value as that
        /// type; nil for `None` where an Optional is asked for.
        ///
        /// Python: attribute access on a `Namespace`.
        ///
        /// Differs from CPython: a name that is not there, or a value of another type, stops the
        /// process (CPython raises `AttributeError` at the first, and has no static types).
        public subscript<T>(dynamicMember name: String) -> T {
            guard let stored = values[name] else { fatalError("AttributeError: 'Namespace' object has no attribute '\(name)'") }
            if let value = stored as? T { return value }
            fatalError("argparse.Namespace: '\(name)' holds \(render(stored, repr: true)), not a \(T.self)")
        }

        /// `args.port` where no type is asked for (as in `print(args.port)`): the value, nil for
        /// `None`.
        ///
        /// Python: attribute access on a `Namespace`.
        public subscript(dynamicMember name: String) -> Any? {
            guard let stored = values[name] else { return nil }
            if case Optional<Any>.none = stored { return nil }
            return stored
        }

        func set(_ name: String, _ value: Any) {
            if values[name] == nil { names.append(name) }
            values[name] = value
        }

        /// `repr(args)`: `Namespace(host='127.0.0.1', port=8080, verbose=False)`.
        ///
        /// Python: `Namespace.__repr__`.
        public var description: String {
            "Namespace(" + names.map { "\($0)=" + render(values[$0] as Any, repr: true) }.joined(separator: ", ") + ")"
        }

        /// `repr(args)`.
        ///
        /// Python: `Namespace.__repr__`.
        public var debugDescription: String { description }
    }

    /// One `add_argument`.
    final class Action {
        let option_strings: [String]
        let dest: String
        let action: String
        let nargs: Nargs?
        let type: (any ArgumentType.Type)?
        let defaultValue: Any?
        let choices: [Any]?
        let required: Bool
        let help: String?
        let metavar: String?

        init(option_strings: [String], dest: String, action: String, nargs: Nargs?, type: (any ArgumentType.Type)?,
             defaultValue: Any?, choices: [Any]?, required: Bool, help: String?, metavar: String?) {
            self.option_strings = option_strings
            self.dest = dest
            self.action = action
            self.nargs = nargs
            self.type = type
            self.defaultValue = defaultValue
            self.choices = choices
            self.required = required
            self.help = help
            self.metavar = metavar
        }

        var takesValue: Bool { !["store_true", "store_false", "count", "help"].contains(action) }
        var isPositional: Bool { option_strings.isEmpty }

        /// The name in errors: `-p/--port`, or the positional's metavar.
        var errorName: String { isPositional ? (metavar ?? dest) : option_strings.joined(separator: "/") }

        var defaultMetavar: String {
            if let metavar { return metavar }
            if let choices { return "{" + choices.map { render($0, repr: false) }.joined(separator: ",") + "}" }
            return isPositional ? dest : dest.uppercased()
        }

        /// `PORT`, `[X]`, `[X ...]`, `X [X ...]`.
        var argumentsText: String {
            let m = defaultMetavar
            switch nargs {
            case nil: return m
            case .optional: return "[\(m)]"
            case .zeroOrMore: return "[\(m) ...]"
            case .oneOrMore: return "\(m) [\(m) ...]"
            case .count(let n): return Array(repeating: m, count: n).joined(separator: " ")
            }
        }
    }

    /// `argparse.ArgumentParser(prog=None, description=None, epilog=None, add_help=True,
    /// exit_on_error=True)`: a command line's options and positionals.
    ///
    /// Python: `argparse.ArgumentParser`.
    open class ArgumentParser: @unchecked Sendable {
        /// `parser.prog`: the program's name in usage (`os.path.basename(sys.argv[0])` by default).
        ///
        /// Python: `ArgumentParser.prog`.
        public let prog: String
        /// `parser.description`: the text after the usage in the help.
        ///
        /// Python: `ArgumentParser.description`.
        public let description: String?
        /// `parser.epilog`: the text after the arguments in the help.
        ///
        /// Python: `ArgumentParser.epilog`.
        public let epilog: String?
        /// `parser.exit_on_error`: whether an error prints usage and exits with 2 (else
        /// `ArgumentError` is raised).
        ///
        /// Python: `ArgumentParser.exit_on_error`.
        public let exit_on_error: Bool
        var actions: [Action] = []

        /// `argparse.ArgumentParser(...)`.
        ///
        /// Python: `argparse.ArgumentParser(...)`.
        public init(prog: String? = nil, description: String? = nil, epilog: String? = nil, add_help: Bool = true,
                    exit_on_error: Bool = true) {
            self.prog = prog ?? (sys.argv.first.map { String($0.split(separator: "/", omittingEmptySubsequences: false).last ?? "") } ?? "")
            self.description = description
            self.epilog = epilog
            self.exit_on_error = exit_on_error
            if add_help {
                actions.append(Action(option_strings: ["-h", "--help"], dest: "help", action: "help", nargs: nil, type: nil,
                                      defaultValue: nil, choices: nil, required: false,
                                      help: "show this help message and exit", metavar: nil))
            }
        }

        /// `parser.add_argument(*name_or_flags, action='store', type=None, nargs=None,
        /// choices=None, default=None, required=False, help=None, metavar=None, dest=None)`.
        /// `action` is `"store"`, `"store_true"`, `"store_false"`, `"count"` or `"append"`.
        ///
        /// Python: `ArgumentParser.add_argument`.
        ///
        /// Differs from CPython: Swift takes the keywords in this order only.
        /// - Throws: `ValueError` with CPython's texts for a bad name or action.
        @discardableResult
        public func add_argument(
            _ name_or_flags: String..., action: String = "store", type: (any ArgumentType.Type)? = nil, nargs: Nargs? = nil,
            choices: [Any]? = nil, default: Any? = nil, required: Bool? = nil, help: String? = nil,
            metavar: String? = nil, dest: String? = nil
        ) throws -> String {
            guard let first = name_or_flags.first else { throw TypeError("add_argument() missing 1 required positional argument: 'dest'") }
            guard ["store", "store_true", "store_false", "count", "append"].contains(action) else {
                throw ValueError("unknown action \(repr(action))")
            }
            let positional = !first.hasPrefix("-")
            let name: String
            if positional {
                if name_or_flags.count > 1 { throw ValueError("invalid option string \(repr(name_or_flags[1])): must start with a character '-'") }
                if dest != nil { throw ValueError("dest supplied twice for positional argument, did you mean metavar?") }
                name = first
            } else {
                if let bad = name_or_flags.first(where: { !$0.hasPrefix("-") }) {
                    throw ValueError("invalid option string \(repr(bad)): must start with a character '-'")
                }
                let long = name_or_flags.first { $0.hasPrefix("--") } ?? first
                name = dest ?? String(long.drop { $0 == "-" }).replacing("-", with: "_")
            }
            var value = `default`
            if value == nil {
                switch action {
                case "store_true": value = false
                case "store_false": value = true
                default: break
                }
            }
            actions.append(Action(option_strings: positional ? [] : name_or_flags, dest: name, action: action, nargs: nargs,
                                  type: type, defaultValue: value, choices: choices,
                                  required: required ?? (positional && nargs != .optional && nargs != .zeroOrMore),
                                  help: help, metavar: metavar))
            return name
        }

        /// `parser.parse_args(args=None)`: parses `args` (`sys.argv[1:]` when nil) into a
        /// `Namespace`; on an error prints the usage and `prog: error: message` to stderr and
        /// exits with 2 (`-h` prints the help and exits with 0).
        ///
        /// Python: `ArgumentParser.parse_args`. C: `exit(3)`.
        /// - Throws: `ArgumentError` when made with `exit_on_error: false`; what an override of
        ///   `error` or `exit` throws.
        public func parse_args(_ args: [String]? = nil) throws -> Namespace {
            let (namespace, extras) = try parse_known_args(args)
            if !extras.isEmpty {
                try fail("unrecognized arguments: " + extras.joined(separator: " "))
            }
            return namespace
        }

        /// `parser.parse_known_args(args=None)`: `(namespace, the arguments not recognised)`.
        ///
        /// Python: `ArgumentParser.parse_known_args`.
        /// - Throws: as `parse_args`.
        public func parse_known_args(_ args: [String]? = nil) throws -> (Namespace, [String]) {
            do {
                return try parse(args ?? Array(sys.argv.dropFirst()))
            } catch let error as ArgumentError where exit_on_error {
                try self.error(str(error))
            }
        }

        /// Raises `ArgumentError(message)` (caught and given to `error` unless `exit_on_error` is
        /// false), or calls `error` for the errors CPython always exits on.
        func fail(_ message: String) throws -> Never {
            if exit_on_error { try error(message) }
            throw ArgumentError(message)
        }

        /// `parser.error(message)`: prints the usage and `prog: error: message` to stderr, then
        /// `exit(2)`. A subclass overrides it to raise instead.
        ///
        /// Python: `ArgumentParser.error`. C: `exit(3)`.
        open func error(_ message: String) throws -> Never {
            print_usage(sys.stderr)
            try exit(2, "\(prog): error: \(message)\n")
        }

        /// `parser.exit(status=0, message=None)`: writes `message` to stderr and ends the process.
        ///
        /// Python: `ArgumentParser.exit`. C: `exit(3)`.
        ///
        /// Differs from CPython: ends the process at once, as `sys.exit` does here (CPython raises
        /// `SystemExit`); a subclass may override it to throw.
        open func exit(_ status: Int = 0, _ message: String? = nil) throws -> Never {
            if let message { sys.stderr.write(message) }
            sys.stdout.flush()
            sys.exit(status)
        }

        /// `parser.format_usage()`: `usage: prog [-h] [--port PORT] count\n`.
        ///
        /// Python: `ArgumentParser.format_usage`.
        public func format_usage() -> String { usageText() + "\n" }

        /// `parser.print_usage(file=None)`: writes `format_usage()` (to stdout by default).
        ///
        /// Python: `ArgumentParser.print_usage`.
        public func print_usage(_ file: TextIO? = nil) { (file ?? sys.stdout).write(format_usage()) }

        /// `parser.print_help(file=None)`: writes `format_help()` (to stdout by default).
        ///
        /// Python: `ArgumentParser.print_help`.
        public func print_help(_ file: TextIO? = nil) { (file ?? sys.stdout).write(format_help()) }

        /// `parser.format_help()`: the usage, description, argument sections and epilog.
        ///
        /// Python: `ArgumentParser.format_help`.
        public func format_help() -> String {
            let width = textWidth
            let positionals = actions.filter(\.isPositional), optionals = actions.filter { !$0.isPositional }
            let invocations = actions.map(invocation)
            let longest = invocations.map { $0.count + 2 }.max() ?? 0
            let helpPosition = min(longest + 2, min(24, max(width - 20, 4)))
            var out = usageText() + "\n\n"
            if let description { out += fill(description, width, "") + "\n\n" }
            for (title, group) in [("positional arguments", positionals), ("options", optionals)] where !group.isEmpty {
                out += title + ":\n"
                for action in group { out += formatAction(action, helpPosition, width) }
                out += "\n"
            }
            if let epilog { out += fill(epilog, width, "") + "\n" }
            while out.hasSuffix("\n") { out.removeLast() }
            return out + "\n"
        }

        var textWidth: Int {
            let columns = SystemFiles.getenv("COLUMNS").flatMap { Int($0) } ?? 80
            return max(columns - 2, 11)
        }

        func invocation(_ action: Action) -> String {
            if action.isPositional { return action.defaultMetavar }
            let names = action.option_strings.joined(separator: ", ")
            return action.takesValue ? names + " " + action.argumentsText : names
        }

        func formatAction(_ action: Action, _ helpPosition: Int, _ width: Int) -> String {
            let header = invocation(action)
            let actionWidth = helpPosition - 2 - 2
            guard let help = action.help else { return "  " + header + "\n" }
            let text = help.replacing("%(default)s", with: render(action.defaultValue as Any, repr: false))
                .replacing("%(prog)s", with: prog).replacing("%%", with: "%")
            let lines = wrap(text, max(width - helpPosition, 11))
            var out: String
            if header.count <= actionWidth {
                out = "  " + header + String(repeating: " ", count: actionWidth - header.count) + "  " + (lines.first ?? "") + "\n"
            } else {
                out = "  " + header + "\n" + String(repeating: " ", count: helpPosition) + (lines.first ?? "") + "\n"
            }
            for line in lines.dropFirst() { out += String(repeating: " ", count: helpPosition) + line + "\n" }
            return out
        }

        func usageText() -> String {
            let prefix = "usage: "
            var optionalParts: [String] = [], positionalParts: [String] = []
            for action in actions {
                if action.isPositional {
                    positionalParts.append(action.argumentsText)
                } else {
                    let part = action.takesValue ? action.option_strings[0] + " " + action.argumentsText : action.option_strings[0]
                    optionalParts.append(action.required ? part : "[" + part + "]")
                }
            }
            let whole = ([prog] + optionalParts + positionalParts).joined(separator: " ")
            let width = textWidth
            if prefix.count + whole.count <= width { return prefix + whole }
            // CPython's wrapping: parts on lines under the first part, or under a line of prog.
            func lines(_ parts: [String], _ indent: String, _ prefix: String? = nil) -> [String] {
                var result: [String] = [], line: [String] = []
                var length = prefix.map { $0.count - 1 } ?? indent.count - 1
                for part in parts {
                    if length + 1 + part.count > width && !line.isEmpty {
                        result.append(indent + line.joined(separator: " "))
                        line = []
                        length = indent.count - 1
                    }
                    line.append(part)
                    length += part.count + 1
                }
                if !line.isEmpty { result.append(indent + line.joined(separator: " ")) }
                if prefix != nil, !result.isEmpty { result[0] = String(result[0].dropFirst(indent.count)) }
                return result
            }
            var result: [String]
            if Double(prefix.count + prog.count) <= 0.75 * Double(width) {
                let indent = String(repeating: " ", count: prefix.count + prog.count + 1)
                if !optionalParts.isEmpty {
                    result = lines([prog] + optionalParts, indent, prefix) + lines(positionalParts, indent)
                } else {
                    result = lines([prog] + positionalParts, indent, prefix)
                }
            } else {
                let indent = String(repeating: " ", count: prefix.count)
                result = [prog] + lines(optionalParts + positionalParts, indent)
                if optionalParts.count + positionalParts.count > 0 {
                    result = [prog] + lines(optionalParts, indent) + lines(positionalParts, indent)
                }
            }
            return prefix + result.joined(separator: "\n")
        }

        // MARK: parsing

        func looksNegative(_ s: String) -> Bool {
            let body = s.dropFirst()
            guard s.hasPrefix("-"), !body.isEmpty else { return false }
            let parts = body.split(separator: ".", omittingEmptySubsequences: false)
            return parts.count <= 2 && parts.last.map { !$0.isEmpty } == true
                && parts.allSatisfy { $0.allSatisfy { $0.isASCII && $0.isNumber } }
        }

        func isOption(_ s: String) -> Bool { s.count > 1 && s.hasPrefix("-") && !looksNegative(s) }

        /// The action an option string names, its attached value, or nil for an unknown option.
        func match(_ arg: String) throws -> (Action, String?)? {
            let optionals = actions.filter { !$0.isPositional }
            if let exact = optionals.first(where: { $0.option_strings.contains(arg) }) { return (exact, nil) }
            if arg.hasPrefix("--"), let eq = arg.firstIndex(of: "=") {
                let name = String(arg[..<eq])
                if let action = optionals.first(where: { $0.option_strings.contains(name) }) {
                    return (action, String(arg[arg.index(after: eq)...]))
                }
            }
            if !arg.hasPrefix("--"), arg.count > 2 {
                let name = String(arg.prefix(2))
                if let action = optionals.first(where: { $0.option_strings.contains(name) }) {
                    return (action, String(arg.dropFirst(2)))
                }
            }
            if arg.hasPrefix("--") {
                let name = arg.firstIndex(of: "=").map { String(arg[..<$0]) } ?? arg
                var candidates: [(Action, String)] = []
                for action in optionals {
                    for option in action.option_strings where option.hasPrefix("--") && option.hasPrefix(name) {
                        candidates.append((action, option))
                    }
                }
                if candidates.count > 1 {
                    try fail("ambiguous option: \(name) could match " + candidates.map(\.1).joined(separator: ", "))
                }
                if let (action, _) = candidates.first {
                    return (action, arg.firstIndex(of: "=").map { String(arg[arg.index(after: $0)...]) })
                }
            }
            return nil
        }

        func convert(_ action: Action, _ text: String) throws -> Any {
            var value: Any = text
            if let type = action.type {
                do {
                    value = try type.fromArgument(text)
                } catch is ValueError {
                    throw ArgumentError("argument \(action.errorName): invalid \(type.argumentTypeName) value: \(repr(text))")
                } catch is TypeError {
                    throw ArgumentError("argument \(action.errorName): invalid \(type.argumentTypeName) value: \(repr(text))")
                }
            }
            if let choices = action.choices, !choices.contains(where: { render($0, repr: true) == render(value, repr: true) }) {
                let list = choices.map { render($0, repr: true) }.joined(separator: ", ")
                throw ArgumentError("argument \(action.errorName): invalid choice: \(render(value, repr: true)) (choose from \(list))")
            }
            return value
        }

        func store(_ action: Action, _ values: [String], into namespace: Namespace) throws {
            let converted = try values.map { try convert(action, $0) }
            let value: Any
            switch action.nargs {
            case nil, .optional?: value = converted.first ?? (action.defaultValue as Any)
            default: value = converted
            }
            if action.action == "append" {
                var list = (namespace.values[action.dest] as? [Any]) ?? []
                list.append(value)
                namespace.set(action.dest, list)
            } else {
                namespace.set(action.dest, value)
            }
        }

        func parse(_ args: [String]) throws -> (Namespace, [String]) {
            let namespace = Namespace()
            for action in actions where action.action != "help" {
                var value = action.defaultValue
                if let text = value as? String, action.type != nil, action.takesValue { value = try convert(action, text) }
                namespace.set(action.dest, value as Any)
            }
            var extras: [String] = [], chunk: [String] = [], seen: Set<String> = []
            var positionals = actions.filter(\.isPositional)
            // CPython's consume_positionals: as many of the waiting positionals as the strings
            // before the next option can fill, each taking as many as it can; the strings
            // left over are unrecognised.
            func consumePositionals() throws {
                var matched = 0, need = 0
                for action in positionals {
                    need += minimum(action)
                    if need > chunk.count { break }
                    matched += 1
                }
                var index = 0
                for (k, action) in positionals.prefix(matched).enumerated() {
                    let rest = positionals[(k + 1)..<matched].reduce(0) { $0 + minimum($1) }
                    let take = min(maximum(action), chunk.count - index - rest)
                    let values = Array(chunk[index..<(index + take)]).filter { $0 != "--" }
                    index += take
                    seen.insert(action.dest)
                    if values.isEmpty && (action.nargs == .optional || action.nargs == .zeroOrMore) { continue }
                    try store(action, values, into: namespace)
                }
                positionals.removeFirst(matched)
                extras += chunk[index...]
                chunk = []
            }
            var i = 0
            var optionsEnded = false
            while i < args.count {
                let arg = args[i]
                i += 1
                if optionsEnded || !isOption(arg) {
                    chunk.append(arg)
                    continue
                }
                if arg == "--" {
                    optionsEnded = true
                    if positionals.isEmpty { chunk.append(arg) }
                    continue
                }
                if !chunk.isEmpty { try consumePositionals() }
                guard var (action, attached) = try match(arg) else {
                    extras.append(arg)
                    continue
                }
                while true {
                    seen.insert(action.dest)
                    if !action.takesValue {
                        if action.action == "help" {
                            print_help()
                            try exit()
                        }
                        if let more = attached, !arg.hasPrefix("--"), !more.isEmpty {
                            // -vq: more single-letter flags
                            guard let (next, rest) = try match("-" + more) else {
                                throw ArgumentError("argument \(action.errorName): ignored explicit argument \(repr(more))")
                            }
                            apply(action, namespace)
                            (action, attached) = (next, rest)
                            continue
                        }
                        if let more = attached {
                            throw ArgumentError("argument \(action.errorName): ignored explicit argument \(repr(more))")
                        }
                        apply(action, namespace)
                        break
                    }
                    var values: [String] = attached.map { [$0] } ?? []
                    let wanted = minimum(action)...maximum(action)
                    if attached == nil {
                        while values.count < wanted.upperBound, i < args.count, optionsEnded || !isOption(args[i]), args[i] != "--" {
                            values.append(args[i])
                            i += 1
                        }
                    }
                    if !wanted.contains(values.count) {
                        let expected: String
                        switch action.nargs {
                        case .optional?: expected = "expected at most one argument"
                        case .oneOrMore?: expected = "expected at least one argument"
                        case .count(let n)?: expected = "expected \(n) argument" + (n == 1 ? "" : "s")
                        default: expected = "expected one argument"
                        }
                        throw ArgumentError("argument \(action.errorName): \(expected)")
                    }
                    try store(action, values, into: namespace)
                    break
                }
            }
            try consumePositionals()
            let missing = actions.filter { $0.required && !seen.contains($0.dest) }
            if !missing.isEmpty {
                try fail("the following arguments are required: " + missing.map(\.errorName).joined(separator: ", "))
            }
            return (namespace, extras)
        }

        func minimum(_ a: Action) -> Int {
            switch a.nargs {
            case nil, .oneOrMore?: 1
            case .optional?, .zeroOrMore?: 0
            case .count(let n)?: n
            }
        }

        func maximum(_ a: Action) -> Int {
            switch a.nargs {
            case nil, .optional?: 1
            case .zeroOrMore?, .oneOrMore?: Int.max
            case .count(let n)?: n
            }
        }

        func apply(_ action: Action, _ namespace: Namespace) {
            switch action.action {
            case "store_true": namespace.set(action.dest, true)
            case "store_false": namespace.set(action.dest, false)
            default: namespace.set(action.dest, ((namespace.values[action.dest] as? Int) ?? 0) + 1)
            }
        }
    }
}

extension Int: argparse.ArgumentType {
    /// `int(text)`, for `type=int`.
    ///
    /// Python: `int(str)`.
    public static func fromArgument(_ text: String) throws -> Any { try int(text) }
    /// `int`.
    ///
    /// Python: `int.__name__`.
    public static var argumentTypeName: String { "int" }
}

extension Double: argparse.ArgumentType {
    /// `float(text)`, for `type=float`.
    ///
    /// Python: `float(str)`.
    public static func fromArgument(_ text: String) throws -> Any { try float(text) }
    /// `float`.
    ///
    /// Python: `float.__name__`.
    public static var argumentTypeName: String { "float" }
}

extension String: argparse.ArgumentType {
    /// The text itself, for `type=str`.
    ///
    /// Python: `str(str)`.
    public static func fromArgument(_ text: String) throws -> Any { text }
    /// `str`.
    ///
    /// Python: `str.__name__`.
    public static var argumentTypeName: String { "str" }
}

/// Greedy word wrapping of whitespace-collapsed text, as `textwrap.wrap` for plain words.
private func wrap(_ text: String, _ width: Int) -> [String] {
    var lines: [String] = [], line = ""
    for word in text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" }) {
        if line.isEmpty {
            line = String(word)
        } else if line.count + 1 + word.count <= width {
            line += " " + word
        } else {
            lines.append(line)
            line = String(word)
        }
    }
    if !line.isEmpty { lines.append(line) }
    return lines
}

private func fill(_ text: String, _ width: Int, _ indent: String) -> String {
    wrap(text, width - indent.count).map { indent + $0 }.joined(separator: "\n")
}

/// `vars(args)`: the parsed values by name, in the order they were set (`None` as nil).
///
/// Python: `vars(namespace)`.
public func vars(_ namespace: argparse.Namespace) -> dict<String, Any> {
    dict(namespace.names.map { ($0, namespace.values[$0] as Any) })
}
