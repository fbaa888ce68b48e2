// The Swift side of scripts/format_fuzz.py: reads `kind<TAB>value<TAB>spec` lines, writes each outcome's UTF-8 in hex.
import PySocket
import PyBuiltins

// kind: i (an Int), f (a Double), s (a str) formatted by `spec`; p: `value % (Int(spec), 2.5, "x")`.
while let line = readLine() {
    let parts = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
    guard parts.count == 3 else { continue }
    let (kind, value, spec) = (parts[0], parts[1], parts[2])
    var out = "?"
    do {
        switch kind {
        case "i": if let number = Int(value) { out = try format(number, spec) }
        case "f": if let number = Double(value) { out = try format(number, spec) }
        case "s": out = try format(value, spec)
        case "p": if let number = Int(spec) { out = try value % (number, 2.5, "x") }
        default: break
        }
    } catch let e as BaseException {
        out = "\(type(e).__name__): \(e)"
    }
    print(out.utf8.map { String($0, radix: 16) }.joined(separator: " "))
}
