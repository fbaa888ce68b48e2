// The timeout model against the scripted kernel: EINTR storms, EAGAIN then ready, deadlines, connect.
import Testing
import TestSupport
#if canImport(Glibc)
import Glibc
#endif
@testable import PySocket

// Linux values of the constants these scripts speak in (checked in `constantsMatchLinux`).
private let EINTR: Int32 = 4, EAGAIN: Int32 = 11, EINPROGRESS: Int32 = 115, ECONNREFUSED: Int32 = 111
private let POLLIN = 1, POLLOUT = 4
private let F_GETFL: Int32 = 3, F_SETFL: Int32 = 4, O_NONBLOCK = 2048
private let ms: UInt64 = 1_000_000

/// A socket on fd 7 of `kernel`, created in blocking mode (`socket` then nothing else).
private func scriptedSocket(_ kernel: ScriptedKernel) throws -> socket {
    try socket.$interface.withValue(kernel) { try socket.socket() }
}

/// The script of creating a socket on fd 7 and putting it in timeout mode.
private let createWithTimeout: [Step] = [
    .ok("socket", 7), .ok("fcntl", 2), .ok("fcntl", 2 | O_NONBLOCK),
]

@Suite struct PerformTests {
    @Test func constantsMatchLinux() {
        #expect(Errno.EINTR.rawValue == EINTR)
        #expect(Errno.EAGAIN.rawValue == EAGAIN)
        #expect(Errno.EINPROGRESS.rawValue == EINPROGRESS)
        #expect(Int(NativeConstants.POLLIN) == POLLIN && Int(NativeConstants.POLLOUT) == POLLOUT)
        #expect(NativeConstants.F_GETFL == F_GETFL && NativeConstants.F_SETFL == F_SETFL)
        #expect(Int(NativeConstants.O_NONBLOCK) == O_NONBLOCK)
    }

    @Test func aSignalStormIsNeverAnError() throws {
        let storm = [Step](repeating: .fail("recv", EINTR), count: 1000)
        let kernel = ScriptedKernel([.ok("socket", 7)] + storm + [.ok("recv", 5)])
        let s = try scriptedSocket(kernel)
        #expect(try s.recv(10) == "xxxxx")
        #expect(kernel.mismatches.isEmpty)
        #expect(kernel.remaining.isEmpty)
        #expect(!kernel.log.contains { $0.hasPrefix("poll") })
        s.detach()
    }

    @Test func nonBlockingEAGAINIsBlockingIOErrorWithoutWaiting() throws {
        let kernel = ScriptedKernel([.ok("socket", 7), .ok("fcntl", 2), .ok("fcntl", 2 | O_NONBLOCK), .fail("recv", EAGAIN)])
        let s = try scriptedSocket(kernel)
        try s.setblocking(false)
        #expect(throws: BlockingIOError.self) { try s.recv(10) }
        #expect(kernel.log.last == "recv(7, 10)")
        #expect(kernel.mismatches.isEmpty)
        s.detach()
    }

    @Test func timeoutModeWaitsThenRetries() throws {
        let kernel = ScriptedKernel(createWithTimeout + [
            .fail("recv", EAGAIN), .ok("poll", POLLIN, elapsed: 20 * ms), .ok("recv", 3),
        ])
        let s = try scriptedSocket(kernel)
        try s.settimeout(0.5)
        #expect(try s.recv(10) == "xxx")
        #expect(kernel.log.suffix(3) == ["recv(7, 10)", "poll(fd=7, events=1, timeout=500)", "recv(7, 10)"])
        #expect(kernel.mismatches.isEmpty)
        s.detach()
    }

    @Test func anExpiredTimeoutSaysTimedOut() throws {
        let kernel = ScriptedKernel(createWithTimeout + [.fail("recv", EAGAIN), .ok("poll", 0)])
        let s = try scriptedSocket(kernel)
        try s.settimeout(0.25)
        let error = try #require(throws: TimeoutError.self) { try s.recv(1) }
        #expect(String(describing: error) == "timed out")
        #expect(error.errno == nil)
        #expect(kernel.mismatches.isEmpty)
        s.detach()
    }

    @Test func anInterruptedWaitResumesWithTheTimeLeft() throws {
        let kernel = ScriptedKernel(createWithTimeout + [
            .fail("recv", EAGAIN),
            .fail("poll", EINTR, elapsed: 30 * ms),
            .fail("poll", EINTR, elapsed: 45 * ms),
            .ok("poll", POLLIN),
            .ok("recv", 1),
        ])
        let s = try scriptedSocket(kernel)
        try s.settimeout(0.1)
        #expect(try s.recv(4) == "x")
        let polls = kernel.log.filter { $0.hasPrefix("poll") }
        #expect(polls == ["poll(fd=7, events=1, timeout=100)", "poll(fd=7, events=1, timeout=70)", "poll(fd=7, events=1, timeout=25)"])
        s.detach()
    }

    @Test func theWaitIsRoundedUpSoATimeoutNeverFiresEarly() throws {
        // 1.5 ms left must wait 2 ms, not 1: poll(2) takes whole milliseconds.
        let kernel = ScriptedKernel(createWithTimeout + [
            .fail("recv", EAGAIN), .fail("poll", EINTR, elapsed: 1 * ms / 2), .ok("poll", 0),
        ])
        let s = try scriptedSocket(kernel)
        try s.settimeout(0.002)
        #expect(throws: TimeoutError.self) { try s.recv(1) }
        #expect(kernel.log.filter { $0.hasPrefix("poll") }.last == "poll(fd=7, events=1, timeout=2)")
        s.detach()
    }

    @Test func sendallSpendsOneDeadlineAcrossTheWholeCall() throws {
        let kernel = ScriptedKernel(createWithTimeout + [
            .ok("send", 4, elapsed: 10 * ms),
            .fail("send", EAGAIN), .ok("poll", POLLOUT, elapsed: 50 * ms),
            .ok("send", 2),
            .fail("send", EAGAIN), .ok("poll", 0),
        ])
        let s = try scriptedSocket(kernel)
        try s.settimeout(0.1)
        #expect(throws: TimeoutError.self) { try s.sendall("0123456789") }
        let polls = kernel.log.filter { $0.hasPrefix("poll") }
        #expect(polls == ["poll(fd=7, events=4, timeout=90)", "poll(fd=7, events=4, timeout=40)"])
        #expect(kernel.log.filter { $0.hasPrefix("send") } == ["send(7, 10)", "send(7, 6)", "send(7, 6)", "send(7, 4)"])
        #expect(kernel.remaining.isEmpty)
        s.detach()
    }

    @Test func connectWithTimeoutReadsSOError() throws {
        let kernel = ScriptedKernel(createWithTimeout + [
            .fail("connect", EINPROGRESS), .ok("poll", POLLOUT), .ok("getsockopt", Int(ECONNREFUSED)),
        ])
        let s = try scriptedSocket(kernel)
        try s.settimeout(1)
        let error = try #require(throws: ConnectionRefusedError.self) { try s.connect(("127.0.0.1", 9)) }
        #expect(String(describing: error) == "[Errno 111] Connection refused")
        #expect(kernel.log.contains("poll(fd=7, events=4, timeout=1000)"))
        s.detach()
    }

    @Test func connectExReportsATimeoutAsEWOULDBLOCK() throws {
        let kernel = ScriptedKernel(createWithTimeout + [.fail("connect", EINPROGRESS), .ok("poll", 0)])
        let s = try scriptedSocket(kernel)
        try s.settimeout(0.01)
        #expect(try s.connect_ex(("127.0.0.1", 9)) == Int(EAGAIN))
        s.detach()
    }

    @Test func blockingConnectInterruptedBySignalWaitsForTheOutcome() throws {
        let kernel = ScriptedKernel([.ok("socket", 7), .fail("connect", EINTR), .ok("poll", POLLOUT), .ok("getsockopt", 0)])
        let s = try scriptedSocket(kernel)
        try s.connect(("127.0.0.1", 9))
        #expect(kernel.log.contains("poll(fd=7, events=4, timeout=-1)"))
        #expect(kernel.remaining.isEmpty && kernel.mismatches.isEmpty)
        s.detach()
    }

    // The default timeout is process-global (as in Python), so the tests that change it run in
    // a child process of their own (an exit test) and cannot disturb tests running in parallel.
    @Test func aFailedSetupClosesTheNewDescriptor() async {
        await #expect(processExitsWith: .success) {
            try socket.setdefaulttimeout(1)
            let kernel = ScriptedKernel([.ok("socket", 7), .fail("fcntl", 9), .ok("close")])
            do {
                _ = try socket.$interface.withValue(kernel) { try socket.socket() }
                exit(1)
            } catch is OSError {}
            if kernel.log.last != "close(7)" || !kernel.remaining.isEmpty { exit(2) }
        }
    }

    @Test func aFailedAcceptSetupClosesTheAcceptedDescriptor() async {
        await #expect(processExitsWith: .success) {
            let kernel = ScriptedKernel([.ok("socket", 7), .ok("accept", 8), .fail("fcntl", 24), .ok("close")])
            let listener = try socket.$interface.withValue(kernel) { try socket.socket() }
            try socket.setdefaulttimeout(1)
            do {
                _ = try listener.accept()
                exit(1)
            } catch is OSError {}
            if kernel.log.last != "close(8)" { exit(2) }
            listener.detach()
        }
    }

    @Test func deinitClosesAndCloseIsIdempotent() throws {
        let kernel = ScriptedKernel([.ok("socket", 7), .ok("close"), .ok("socket", 8), .ok("close")])
        do { _ = try scriptedSocket(kernel) }
        #expect(kernel.log == ["socket(2, 1, 0)", "close(7)"])
        let s = try scriptedSocket(kernel)
        s.close()
        s.close()
        #expect(kernel.log.suffix(2) == ["socket(2, 1, 0)", "close(8)"])
        #expect(s.fileno() == -1)
    }
}

@Suite struct KernelDispatchTests {
    @Test func theNativeInterfaceIsCalledDirectlyAndAnInjectedOneThroughItself() throws {
        #expect(Kernel(NativeSocketInterface()).isNative)
        #expect(!Kernel(ScriptedKernel([])).isNative)
        // A socket made under an injected interface makes every call on it, none on the kernel.
        let kernel = ScriptedKernel([.ok("socket", 7), .ok("send", 3), .ok("recv", 2)])
        let s = try scriptedSocket(kernel)
        #expect(!s.kernel.isNative)
        #expect(try s.send(bytes("abc")) == 3)
        #expect(try s.recv(5) == "xx")
        #expect(kernel.mismatches.isEmpty)
        #expect(kernel.remaining.isEmpty)
    }

    @Test func timeoutsRoundTripThroughTheirAtomicBits() {
        for value: Double? in [nil, 0, 0.001, 1.5, 1e-9, 9.2e9, .greatestFiniteMagnitude] {
            #expect(Timeout.value(Timeout.bits(value)) == value)
        }
        // The blocking pattern is a NaN, a value parseTimeout never lets through.
        #expect(Double(bitPattern: Timeout.blocking).isNaN)
    }
}
