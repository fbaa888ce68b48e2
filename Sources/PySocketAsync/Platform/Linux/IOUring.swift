// The io_uring backend: the rings through raw system calls (no liburing), batched submissions, ASYNC_CANCEL.
#if os(Linux)
import Glibc
import CPySocket
import PySocket

/// Completions from an io_uring. Set up with `IORING_SETUP_SINGLE_ISSUER | DEFER_TASKRUN`
/// where the kernel has them (the loop thread is the only submitter and reaps completions only
/// when it waits), without SQPOLL; the opcodes it uses are probed first. Submissions queue in
/// the SQ ring and go to the kernel in one `io_uring_enter` per loop turn. A cancelled
/// operation is cancelled in the kernel (`IORING_OP_ASYNC_CANCEL`) and completes only when the
/// kernel has let go of it. If anything in the setup fails the selection chain falls back to
/// epoll.
///
/// C: `io_uring_setup(2)`, `io_uring_enter(2)`, `io_uring_register(2)`, `mmap(2)`.
final class IOUringBackend: IOBackend {
    let kind = asyncio.Backend.io_uring
    let completesIO = true
    let reentrantDelivery = true

    private let ring: Int32
    private let ringMemory: UnsafeMutableRawPointer
    private let ringSize: Int
    private let cqMemory: UnsafeMutableRawPointer?
    private let cqSize: Int
    private let sqes: UnsafeMutablePointer<io_uring_sqe>
    private let sqesSize: Int
    private let sqHead: UnsafeMutablePointer<UInt32>
    private let sqTail: UnsafeMutablePointer<UInt32>
    private let sqMask: UInt32
    private let sqEntries: UInt32
    private let cqHead: UnsafeMutablePointer<UInt32>
    private let cqTail: UnsafeMutablePointer<UInt32>
    private let cqMask: UInt32
    private let cqes: UnsafeMutablePointer<io_uring_cqe>
    /// What changes on every submission and completion, behind a pointer: a class's stored
    /// `var`s are checked for exclusive access at run time (swift_beginAccess and a thread-local
    /// access set, 5 times per echoed message); the pointer's are not.
    private struct Mutable {
        /// Where the next SQE goes, and how many are queued but not yet given to the kernel.
        var tail: UInt32 = 0
        var unsubmitted: UInt32 = 0
        /// Per slot (a token's low 32 bits): the operation in flight there, if any (`Flight`:
        /// one cache line per operation, not one per field); per descriptor its list head and
        /// readiness guess. Flat tables, not dictionaries, so that submitting and reaping hash nothing.
        var flights = FlatArray<Flight>(capacity: 256)
        var descriptors = FlatArray<DescriptorState>(capacity: 256)
        /// Completions reaped while the ring was full (before `wait` could deliver them).
        var completed: [(token: UInt64, result: Int32)] = []
        var delivering: [(token: UInt64, result: Int32)] = []

        mutating func release() {
            flights.release(); descriptors.release()
        }
    }
    private let m: UnsafeMutablePointer<Mutable>

    /// The operation in flight in one slot.
    struct Flight {
        /// Its token (`idle` when none).
        var token = IOUringBackend.idle
        /// Its descriptor (-1: in no descriptor's list).
        var fd: Int32 = -1
        /// The next and previous slot in flight on the same descriptor (index + 1; 0: none):
        /// what `cancelAll` walks, in O(1) per submission and completion.
        var next: UInt32 = 0
        var previous: UInt32 = 0
    }

    /// What the backend keeps per descriptor.
    struct DescriptorState {
        /// The first slot in flight on it (index + 1; 0: none).
        var head: UInt32 = 0
        /// What the backend guesses of its state as `Readiness` bits: worth trying the call
        /// before submitting it.
        var ready: UInt8 = Readiness.readable | Readiness.writable
    }
    /// Setup flags in force (for `loop.backend` diagnostics and tests).
    let setupFlags: UInt32

    private let wake: Int32
    private static let idle = UInt64.max
    /// Whether the kernel runs IORING_OP_ACCEPT and IORING_OP_CONNECT (probed at setup).
    private let acceptInKernel: Bool
    private let connectInKernel: Bool
    /// Whether RECV takes IORING_RECVSEND_POLL_FIRST (Linux 5.19; probed as 6.0's SEND_ZC).
    private let pollFirst: Bool

    /// user_data of the eventfd's poll, and of cancellation requests (their CQEs are ignored).
    private static let wakeMark = UInt64.max
    private static let cancelMark = UInt64.max - 1

    /// A ring, or nil when this kernel (or its sysctl, or seccomp) refuses one.
    static func open() -> (any IOBackend)? {
        if BackendTestHooks.failIOUringSetup.load(ordering: .relaxed) { return nil }
        return try? IOUringBackend()
    }

    init() throws(Errno) {
        var params = io_uring_params()
        params.flags = UInt32(IORING_SETUP_SINGLE_ISSUER) | UInt32(IORING_SETUP_DEFER_TASKRUN) | UInt32(IORING_SETUP_SUBMIT_ALL)
        var fd = cpy_io_uring_setup(4096, &params)
        if fd < 0 && Errno.current.rawValue == EINVAL {
            // An older kernel: without the flags it does not know.
            params = io_uring_params()
            fd = cpy_io_uring_setup(4096, &params)
        }
        if fd < 0 { throw Errno.current }
        var ok = false
        defer { if !ok { Glibc.close(fd) } }
        guard params.features & UInt32(IORING_FEAT_EXT_ARG) != 0,
              cpy_io_uring_supports(fd, UInt32(IORING_OP_POLL_ADD.rawValue)) != 0,
              cpy_io_uring_supports(fd, UInt32(IORING_OP_ASYNC_CANCEL.rawValue)) != 0,
              cpy_io_uring_supports(fd, UInt32(IORING_OP_RECV.rawValue)) != 0,
              cpy_io_uring_supports(fd, UInt32(IORING_OP_SEND.rawValue)) != 0 else {
            throw Errno(EINVAL)
        }
        acceptInKernel = cpy_io_uring_supports(fd, UInt32(IORING_OP_ACCEPT.rawValue)) != 0
        connectInKernel = cpy_io_uring_supports(fd, UInt32(IORING_OP_CONNECT.rawValue)) != 0
        pollFirst = cpy_io_uring_supports(fd, UInt32(IORING_OP_SEND_ZC.rawValue)) != 0
        let sqSize = Int(params.sq_off.array) + Int(params.sq_entries) * MemoryLayout<UInt32>.size
        let cqSize = Int(params.cq_off.cqes) + Int(params.cq_entries) * MemoryLayout<io_uring_cqe>.size
        let single = params.features & UInt32(IORING_FEAT_SINGLE_MMAP) != 0
        let mainSize = single ? max(sqSize, cqSize) : sqSize
        guard let main = IOUringBackend.map(fd, mainSize, offset: Int(IORING_OFF_SQ_RING)) else { throw Errno.current }
        var cqMap: UnsafeMutableRawPointer?
        if !single {
            guard let mapped = IOUringBackend.map(fd, cqSize, offset: Int(IORING_OFF_CQ_RING)) else {
                let error = Errno.current
                munmap(main, mainSize)
                throw error
            }
            cqMap = mapped
        }
        let sqesBytes = Int(params.sq_entries) * MemoryLayout<io_uring_sqe>.size
        guard let sqeMap = IOUringBackend.map(fd, sqesBytes, offset: Int(IORING_OFF_SQES)) else {
            let error = Errno.current
            munmap(main, mainSize)
            if let cqMap { munmap(cqMap, cqSize) }
            throw error
        }
        let wake: Int32
        do { wake = try System.eventfd() } catch {
            munmap(main, mainSize)
            if let cqMap { munmap(cqMap, cqSize) }
            munmap(sqeMap, sqesBytes)
            throw error
        }
        let cqBase = cqMap ?? main
        ring = fd
        ringMemory = main
        ringSize = mainSize
        cqMemory = cqMap
        self.cqSize = cqSize
        sqes = sqeMap.bindMemory(to: io_uring_sqe.self, capacity: Int(params.sq_entries))
        sqesSize = sqesBytes
        sqHead = (main + Int(params.sq_off.head)).assumingMemoryBound(to: UInt32.self)
        sqTail = (main + Int(params.sq_off.tail)).assumingMemoryBound(to: UInt32.self)
        sqMask = (main + Int(params.sq_off.ring_mask)).load(as: UInt32.self)
        sqEntries = params.sq_entries
        cqHead = (cqBase + Int(params.cq_off.head)).assumingMemoryBound(to: UInt32.self)
        cqTail = (cqBase + Int(params.cq_off.tail)).assumingMemoryBound(to: UInt32.self)
        cqMask = (cqBase + Int(params.cq_off.ring_mask)).load(as: UInt32.self)
        cqes = (cqBase + Int(params.cq_off.cqes)).bindMemory(to: io_uring_cqe.self, capacity: Int(params.cq_entries))
        // The SQ index array maps slot i to SQE i, once and for all.
        let array = (main + Int(params.sq_off.array)).assumingMemoryBound(to: UInt32.self)
        for index in 0..<Int(params.sq_entries) { array[index] = UInt32(index) }
        m = UnsafeMutablePointer<Mutable>.allocate(capacity: 1)
        m.initialize(to: Mutable(tail: sqTail.pointee))
        setupFlags = params.flags
        self.wake = wake
        ok = true
        armWakeup()
    }

    private static func map(_ fd: Int32, _ size: Int, offset: Int) -> UnsafeMutableRawPointer? {
        let address = mmap(nil, size, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_POPULATE, fd, off_t(offset))
        guard let address, address != MAP_FAILED else { return nil }
        return address
    }

    /// The next free SQE, after handing the queued ones to the kernel if the ring is full.
    private func nextSQE() -> UnsafeMutablePointer<io_uring_sqe> {
        while m.pointee.tail &- cpy_load_acquire(sqHead) >= sqEntries {
            // A full CQ ring makes the kernel refuse submissions (EBUSY): reap, then submit.
            if !enter(minComplete: 0, timeout: 0) { reap() }
            if m.pointee.tail &- cpy_load_acquire(sqHead) >= sqEntries { reap() }
        }
        let sqe = sqes + Int(m.pointee.tail & sqMask)
        m.pointee.tail &+= 1
        m.pointee.unsubmitted += 1
        return sqe
    }

    /// Publishes the SQEs written so far (the kernel reads them at the next enter).
    @inline(__always) private func publish() {
        cpy_store_release(sqTail, m.pointee.tail)
    }

    private func armWakeup() {
        cpy_io_uring_prep(nextSQE(), UInt8(IORING_OP_POLL_ADD.rawValue), wake, 0, 0, 0, UInt32(POLLIN), IOUringBackend.wakeMark)
        publish()
    }

    func supports(_ call: KernelCall) -> Bool {
        switch call {
        case .accept: return acceptInKernel
        case .connect: return connectInKernel
        }
    }

    func worthTrying(_ fd: Int32, _ event: PollEvent) -> Bool {
        let index = Int(fd)
        guard index >= 0, index < m.pointee.descriptors.count else { return true }
        return m.pointee.descriptors[index].ready & Readiness.bit(event) != 0
    }

    func wouldBlock(_ fd: Int32, _ event: PollEvent) {
        setReady(fd, Readiness.bit(event), false)
    }

    func transferred(_ fd: Int32, _ event: PollEvent, all: Bool) {
        // A full buffer: more may be waiting, try first next time; a short one: the socket is
        // likely drained, submit straight away (the kernel tries it at once anyway).
        setReady(fd, Readiness.bit(event), all)
    }

    func renew(_ fd: Int32) {
        setReady(fd, Readiness.readable | Readiness.writable, true)
    }

    @inline(__always) private func setReady(_ fd: Int32, _ bits: UInt8, _ on: Bool) {
        let index = Int(fd)
        guard index >= 0 else { return }
        if index >= m.pointee.descriptors.count {
            if on { return }
            m.pointee.descriptors.extend(through: index, with: DescriptorState())
        }
        if on { m.pointee.descriptors[index].ready |= bits } else { m.pointee.descriptors[index].ready &= ~bits }
    }

    /// Records slot `index` in flight on `fd` (first in `fd`'s list).
    @inline(__always) private func link(_ index: Int, _ fd: Int32) {
        let descriptor = Int(fd)
        if descriptor >= m.pointee.descriptors.count { m.pointee.descriptors.extend(through: descriptor, with: DescriptorState()) }
        let first = m.pointee.descriptors[descriptor].head
        m.pointee.flights[index].next = first
        m.pointee.flights[index].previous = 0
        if first != 0 { m.pointee.flights[Int(first) - 1].previous = UInt32(index + 1) }
        m.pointee.descriptors[descriptor].head = UInt32(index + 1)
        m.pointee.flights[index].fd = fd
    }

    /// Takes slot `index` out of its descriptor's list (if it is in one).
    @inline(__always) private func unlink(_ index: Int) {
        let fd = m.pointee.flights[index].fd
        guard fd >= 0 else { return }
        let next = m.pointee.flights[index].next, previous = m.pointee.flights[index].previous
        if previous != 0 { m.pointee.flights[Int(previous) - 1].next = next } else { m.pointee.descriptors[Int(fd)].head = next }
        if next != 0 { m.pointee.flights[Int(next) - 1].previous = previous }
        m.pointee.flights[index].fd = -1
    }

    func submit(_ token: UInt64, _ request: IORequest) throws(Errno) {
        let sqe = nextSQE()
        let fd: Int32
        switch request {
        case .poll(let descriptor, let event):
            fd = descriptor
            let mask = event == .readable ? UInt32(POLLIN) : UInt32(POLLOUT)
            cpy_io_uring_prep(sqe, UInt8(IORING_OP_POLL_ADD.rawValue), fd, 0, 0, 0, mask, token)
        case .recv(let descriptor, let buffer, let flags):
            fd = descriptor
            cpy_io_uring_prep(sqe, UInt8(IORING_OP_RECV.rawValue), fd, UInt64(UInt(bitPattern: buffer.baseAddress)),
                              UInt32(clamping: buffer.count), 0, UInt32(bitPattern: flags), token)
            // The loop submits a receive only after EAGAIN or a short read (the socket likely
            // drained): the kernel arms its poll at once instead of failing a first attempt
            // (a socket that is ready after all is found so by the poll and read at once).
            if pollFirst { sqe.pointee.ioprio = UInt16(IORING_RECVSEND_POLL_FIRST) }
        case .send(let descriptor, let buffer, let flags):
            fd = descriptor
            cpy_io_uring_prep(sqe, UInt8(IORING_OP_SEND.rawValue), fd, UInt64(UInt(bitPattern: buffer.baseAddress)),
                              UInt32(clamping: buffer.count), 0, UInt32(bitPattern: flags | Int32(MSG_NOSIGNAL)), token)
        case .accept(let descriptor, let address):
            fd = descriptor
            cpy_io_uring_prep(sqe, UInt8(IORING_OP_ACCEPT.rawValue), fd, UInt64(UInt(bitPattern: address.pointer)), 0,
                              UInt64(UInt(bitPattern: address.length)), UInt32(SOCK_CLOEXEC.rawValue) | UInt32(SOCK_NONBLOCK.rawValue), token)
        case .connect(let descriptor, let address):
            fd = descriptor
            cpy_io_uring_prep(sqe, UInt8(IORING_OP_CONNECT.rawValue), fd, UInt64(UInt(bitPattern: address.pointer)), 0,
                              UInt64(address.length.pointee), 0, token)
        }
        publish()
        let index = Int(UInt32(truncatingIfNeeded: token))
        if index >= m.pointee.flights.count { m.pointee.flights.extend(through: index, with: Flight()) }
        m.pointee.flights[index].token = token
        link(index, fd)
    }

    func cancel(_ token: UInt64, fd: Int32) -> Bool {
        let index = Int(UInt32(truncatingIfNeeded: token))
        guard index < m.pointee.flights.count, m.pointee.flights[index].token == token else { return true }
        cpy_io_uring_prep(nextSQE(), UInt8(IORING_OP_ASYNC_CANCEL.rawValue), -1, token, 0, 0, 0, IOUringBackend.cancelMark)
        publish()
        return false
    }

    func cancelAll(fd: Int32, _ body: (UInt64, Bool) -> Void) {
        let descriptor = Int(fd)
        guard descriptor >= 0, descriptor < m.pointee.descriptors.count else { return }
        // Unlinked now (the descriptor number may be reused before their completions come).
        while m.pointee.descriptors[descriptor].head != 0 {
            let index = Int(m.pointee.descriptors[descriptor].head) - 1
            unlink(index)
            let token = m.pointee.flights[index].token
            cpy_io_uring_prep(nextSQE(), UInt8(IORING_OP_ASYNC_CANCEL.rawValue), -1, token, 0, 0, 0, IOUringBackend.cancelMark)
            body(token, false)
        }
        publish()
        // Hand the cancellations to the kernel before the descriptor is closed.
        _ = enter(minComplete: 0, timeout: 0)
    }

    /// `io_uring_enter`: submits what is queued and waits for `minComplete` completions or the
    /// timeout (nil: none). Returns false when interrupted.
    @discardableResult
    private func enter(minComplete: UInt32, timeout: UInt64?) -> Bool {
        var flags = UInt32(IORING_ENTER_GETEVENTS)
        var result: Int32
        if let timeout, minComplete > 0 {
            var spec = __kernel_timespec(tv_sec: Int64(timeout / 1_000_000_000), tv_nsec: Int64(timeout % 1_000_000_000))
            result = withUnsafeMutablePointer(to: &spec) { pointer in
                var argument = io_uring_getevents_arg()
                argument.ts = UInt64(UInt(bitPattern: pointer))
                flags |= UInt32(IORING_ENTER_EXT_ARG)
                return cpy_io_uring_enter(ring, m.pointee.unsubmitted, minComplete, flags, &argument, MemoryLayout<io_uring_getevents_arg>.size)
            }
        } else {
            result = cpy_io_uring_enter(ring, m.pointee.unsubmitted, minComplete, flags, nil, 0)
        }
        if result >= 0 {
            m.pointee.unsubmitted -= min(m.pointee.unsubmitted, UInt32(result))
            return true
        }
        return false
    }

    func wait(timeout: UInt64?, _ deliver: (UInt64, Int32) -> Void) throws(Errno) {
        let ready = cpy_load_acquire(cqTail) != cqHead.pointee || !m.pointee.completed.isEmpty
        let waitFor: UInt32 = ready || timeout == 0 ? 0 : 1
        if !enter(minComplete: waitFor, timeout: timeout) {
            let error = Errno.current.rawValue
            // ETIME: the timeout passed; EINTR: a signal; EBUSY/EAGAIN: reap first, then retry.
            if error != ETIME && error != EINTR && error != EBUSY && error != EAGAIN { throw Errno(error) }
        }
        if !m.pointee.completed.isEmpty {
            swap(&m.pointee.completed, &m.pointee.delivering)
            for (token, result) in m.pointee.delivering { deliver(token, result) }
            m.pointee.delivering.removeAll(keepingCapacity: true)
        }
        reap(deliver)
    }

    /// Moves every completion from the CQ ring to `completed` (the ring is full: `wait` delivers them).
    private func reap() {
        reap { token, result in m.pointee.completed.append((token, result)) }
    }

    /// Hands every completion in the CQ ring to `deliver`. The head is published before each
    /// is handled, so a reap reached meanwhile (re-arming the wakeup with the SQ ring full)
    /// does not see it again.
    @inline(__always)
    private func reap(_ deliver: (UInt64, Int32) -> Void) {
        var head = cqHead.pointee
        while head != cpy_load_acquire(cqTail) {
            let cqe = cqes[Int(head & cqMask)]
            head &+= 1
            cpy_store_release(cqHead, head)
            switch cqe.user_data {
            case IOUringBackend.wakeMark:
                System.drain(eventfd: wake)
                armWakeup()
            case IOUringBackend.cancelMark:
                continue
            case let token:
                let index = Int(UInt32(truncatingIfNeeded: token))
                if index < m.pointee.flights.count, m.pointee.flights[index].token == token {
                    m.pointee.flights[index].token = IOUringBackend.idle
                    unlink(index)
                }
                deliver(token, cqe.res)
            }
            head = cqHead.pointee
        }
    }

    func wakeup() {
        System.signal(eventfd: wake)
    }

    deinit {
        m.pointee.release()
        m.deinitialize(count: 1)
        m.deallocate()
    }

    func close() {
        munmap(sqes, sqesSize)
        if let cqMemory { munmap(cqMemory, cqSize) }
        munmap(ringMemory, ringSize)
        Glibc.close(ring)
        System.close(wake)
    }
}
#endif
