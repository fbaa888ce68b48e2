// A file that imports PySocket but not PyBuiltins: its unqualified print is Swift's own.
import PySocket

/// Prints with Swift's `print`: `true nil ["a"]`.
func printWithoutPyBuiltins() {
    let none: Int? = nil
    print(true, none as Any, ["a"])
}
