// Two pointer-sized slots per thread (POSIX thread-specific data), where `bytes` keeps the last buffers it made for reuse; a thread's slots release what they hold when it exits.
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import CPySocket

/// Per-thread storage of two retained Swift object references (their addresses as `UInt`, 0 for
/// none), for caches that must not be shared between threads.
enum ThreadSlots {
    /// The key of the slots, made once; nil when the system has no key left (then no caching).
    static let key: pthread_key_t? = {
        var key = pthread_key_t()
        // At a thread's exit: release what the slots hold, free them.
        let made = pthread_key_create(&key) { raw in
            guard let raw else { return }
            let slots = raw.assumingMemoryBound(to: UInt.self)
            for i in 0..<ThreadSlots.count {
                if let object = UnsafeRawPointer(bitPattern: slots[i]) { Unmanaged<AnyObject>.fromOpaque(object).release() }
            }
            slots.deallocate()
        }
        return made == 0 ? key : nil
    }()

    /// How many slots a thread has.
    @inline(__always) static var count: Int { 2 }

    /// This thread's slots (made, all 0, on its first call), or nil when they cannot be had.
    /// Each non-zero slot is a retained (+1) object reference owned by the slots.
    @inline(__always)
    static func current() -> UnsafeMutablePointer<UInt>? {
        guard let key else { return nil }
        if let raw = pthread_getspecific(key) { return raw.assumingMemoryBound(to: UInt.self) }
        return make(key)
    }

    /// Makes this thread's slots.
    @inline(never)
    static func make(_ key: pthread_key_t) -> UnsafeMutablePointer<UInt>? {
        let slots = UnsafeMutablePointer<UInt>.allocate(capacity: count)
        slots.initialize(repeating: 0, count: count)
        if pthread_setspecific(key, slots) != 0 {
            slots.deallocate()
            return nil
        }
        return slots
    }

    /// Whether the native Swift object at `address` (kept alive by the caller: a slot's own
    /// reference) has no other strong reference: the runtime's check behind
    /// `isKnownUniquelyReferenced`, with no retain and release around it and no generic call
    /// in a debug build.
    @inline(__always)
    static func isUnique(_ address: UInt) -> Bool {
        cpy_is_uniquely_referenced(UnsafeRawPointer(bitPattern: address))
    }
}
