// The pieces the async target reuses: the classifier, the owned sockaddr buffer, and what an injected interface receives.
import Testing
import TestSupport
#if canImport(Glibc)
import Glibc
#endif
@testable import PySocket

@Suite struct CoreSurfaceTests {
    // CPython's sock_call_ex: EINTR retries in every mode; EAGAIN waits only in timeout mode.
    @Test func theClassifierIsCPythonsDecision() {
        for timeout: Double? in [nil, 0, 2.5] {
            #expect(classify(.EINTR, timeout: timeout, waitingFor: .readable) == .retry)
            #expect(classify(.ECONNRESET, timeout: timeout, waitingFor: .readable) == .fail)
        }
        #expect(classify(.EAGAIN, timeout: 2.5, waitingFor: .readable) == .wait(.readable))
        #expect(classify(.EWOULDBLOCK, timeout: 2.5, waitingFor: .writable) == .wait(.writable))
        #expect(classify(.EAGAIN, timeout: 0, waitingFor: .readable) == .fail)
        #expect(classify(.EAGAIN, timeout: nil, waitingFor: .readable) == .fail)
        #expect(classify(.EINPROGRESS, timeout: 2.5, waitingFor: .writable) == .fail)
    }

    @Test func anOwnedSockaddrBufferHoldsAnEncodedAddressAndDecodesIt() throws {
        let address = try encodeAddress(.inet(host: "127.0.0.1", port: 8080), family: socket.AF_INET.rawValue, caller: "connect")
        let buffer = SockaddrBuffer(address)
        let pointer = buffer.pointer
        #expect(buffer.length.pointee == address.length)
        #expect(String(reflecting: buffer.decoded()) == "('127.0.0.1', 8080)")
        #expect(buffer.pointer == pointer)
        #expect(String(reflecting: buffer.sockaddr.decoded()) == "('127.0.0.1', 8080)")
        let empty = SockaddrBuffer()
        #expect(empty.length.pointee == UInt32(MemoryLayout<sockaddr_storage>.size))
    }

    // Platform policy (close-on-exec, MSG_NOSIGNAL) is the Linux conformer's: an injected
    // interface gets exactly what the Python caller passed.
    @Test func anInjectedInterfaceGetsTheCallersFlagsAndTypeUnchanged() throws {
        let kernel = ScriptedKernel([.ok("socket", 7), .ok("send", 3), .ok("recv", 2), .ok("close")])
        let s = try socket.$interface.withValue(kernel) { try socket.socket() }
        #expect(try s.send(bytes("abc"), socket.MSG_OOB) == 3)
        #expect(try s.recv(5, socket.MSG_PEEK) == "xx")
        s.close()
        #expect(kernel.log == ["socket(2, 1, 0)", "send(7, 3, flags=1)", "recv(7, 5, flags=2)", "close(7)"])
    }

    // python3.13: a.recv(1, 1 << 40) -> OverflowError: signed integer is greater than maximum,
    // before any system call.
    @Test func flagsOutsideACIntRaiseBeforeAnySystemCall() throws {
        let kernel = ScriptedKernel([.ok("socket", 7), .ok("close")])
        let s = try socket.$interface.withValue(kernel) { try socket.socket() }
        #expect(throws: OverflowError.self) { try s.recv(1, socket.MsgFlag(rawValue: 1 << 40)) }
        #expect(throws: OverflowError.self) { try s.send(bytes("y"), socket.MsgFlag(rawValue: -(1 << 40))) }
        do { _ = try s.recv(-1, socket.MsgFlag(rawValue: 1 << 31)); Issue.record("no throw") }
        catch { #expect("\(type(of: error)): \(error)" == "OverflowError: signed integer is greater than maximum") }
        s.close()
        #expect(kernel.log == ["socket(2, 1, 0)", "close(7)"])
    }
}
