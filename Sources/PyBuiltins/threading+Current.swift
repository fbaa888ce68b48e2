// threading.current_thread() and threading.main_thread(): which Thread object the caller runs on.
import PySocket
import Synchronization

/// The Thread objects running now, by the POSIX thread each runs on (set by `Thread.run`).
let runningThreads = Mutex<[UInt: threading.Thread]>([:])

/// The one object standing for the process's first thread.
private let mainThreadObject = threading.Thread(target: {}, name: "MainThread")

/// The main thread of a forked child: the thread that called `os.fork()` (CPython's `_after_fork`).
private let forkedMainThread = Mutex<threading.Thread?>(nil)

/// In a child `os.fork()` made: the calling thread becomes the main thread and the only one running.
func threadingAfterFork() {
    let current = threading.current_thread()
    forkedMainThread.withLock { $0 = current }
    runningThreads.withLock { $0 = [SystemClock.currentThreadID(): current] }
}

/// The object standing for a thread PyBuiltins did not start (CPython's `_DummyThread`).
private let dummyThreads = Mutex<[UInt: threading.Thread]>([:])

extension threading {
    /// `threading.current_thread()`: the Thread object of the caller: the one `start()` ran it
    /// on, or `main_thread()` on the process's first thread, so `current_thread() is
    /// main_thread()` ports as `threading.current_thread() === threading.main_thread()`.
    ///
    /// Python: `threading.current_thread()`. C: `pthread_self(3)`, `gettid(2)`.
    ///
    /// Differs from CPython: a thread that PyBuiltins did not start gets a `Dummy-N` Thread
    /// object that `is_alive()` reports as not started.
    public static func current_thread() -> Thread {
        let id = SystemClock.currentThreadID()
        if let thread = runningThreads.withLock({ $0[id] }) { return thread }
        if SystemClock.isMainThread() { return mainThreadObject }
        return dummyThreads.withLock { dummies in
            if let thread = dummies[id] { return thread }
            let thread = Thread(target: {}, name: "Dummy-\(dummies.count + 1)", daemon: true)
            dummies[id] = thread
            return thread
        }
    }

    /// `threading.main_thread()`: the Thread object of the process's first thread, named
    /// `MainThread`; in a child of `os.fork()`, the thread that forked, as in CPython.
    ///
    /// Python: `threading.main_thread()`.
    ///
    /// Differs from CPython: its `is_alive()` is false (it was not started by `start()`).
    public static func main_thread() -> Thread { forkedMainThread.withLock { $0 } ?? mainThreadObject }
}
