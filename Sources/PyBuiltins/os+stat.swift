// os.path.getsize and os.path.isfile: what a file-transfer program asks of a path before sending it.
import PySocket

extension os.path {
    /// `os.path.getsize(path)`: the size of the file in bytes.
    ///
    /// Python: `os.path.getsize`. C: `stat(2)`.
    /// - Throws: `FileNotFoundError` (`[Errno 2] No such file or directory: 'x'`) and the other
    ///   `OSError`s, with the path as `filename`.
    public static func getsize(_ path: String) throws -> Int {
        switch SystemFiles.size(path) {
        case .success(let size): return size
        case .failure(let error): throw os.failure(error, path)
        }
    }

    /// `os.path.isfile(path)`: whether the path is a regular file (False when it does not exist).
    ///
    /// Python: `os.path.isfile`. C: `stat(2)`.
    public static func isfile(_ path: String) -> Bool { SystemFiles.isFile(path) }
}
