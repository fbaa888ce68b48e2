// Every constant PySocket declares has CPython 3.13's name, type and value on this platform, and
// every integer constant CPython has is declared. The expected values are the ones CPython
// reported, committed in scripts/data/cpython-3.13-linux-socket.json (scripts/gen_constants.py);
// the declared ones are read at run time from the C headers, so a header that disagrees with
// CPython fails here.
#if os(Linux)
import Foundation
import TestSupport
import Testing
@testable import PySocket

/// One constant as CPython 3.13 reported it.
private struct RecordedConstant: Decodable {
    let name: String
    let type: String
    let value: Int
    let repr: String?
}

private struct Capture: Decodable {
    let python: String
    let platform: String
    let constants: [RecordedConstant]
    let enums: [String: [[Either]]]

    /// A `[name, value]` pair of the enums table: a string or an int.
    enum Either: Decodable {
        case name(String)
        case value(Int)
        init(from decoder: Decoder) throws {
            let c = try decoder.singleValueContainer()
            if let i = try? c.decode(Int.self) { self = .value(i) } else { self = .name(try c.decode(String.self)) }
        }
    }
}

/// The committed capture, found beside this file.
private let capture: Capture = {
    let url = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("scripts/data/cpython-3.13-linux-socket.json")
    do {
        return try JSONDecoder().decode(Capture.self, from: Data(contentsOf: url))
    } catch {
        fatalError("cannot read \(url.path): \(error)")
    }
}()

@Suite("Constants are CPython 3.13's", .fdBalanced)
struct ConstantsTests {

    @Test("the capture is CPython 3.13 on Linux")
    func captureIsTheReference() {
        #expect(capture.python.hasPrefix("3.13"))
        #expect(capture.platform == "linux")
    }

    @Test("every integer constant of CPython's socket module is declared, and nothing else")
    func sameNames() {
        let recorded = Set(capture.constants.map(\.name)).subtracting(excludedConstants)
        let declared = Set(declaredConstants.map(\.name))
        #expect(declared.count == declaredConstants.count, "a name is declared twice")
        #expect(recorded.subtracting(declared).sorted() == [], "CPython has them, PySocket does not")
        #expect(declared.subtracting(recorded).sorted() == [], "PySocket has them, CPython does not")
    }

    @Test("every constant has CPython's value and type")
    func valuesAndTypes() {
        let recorded = Dictionary(uniqueKeysWithValues: capture.constants.map { ($0.name, $0) })
        var checked = 0
        for constant in declaredConstants {
            guard let python = recorded[constant.name] else { continue }
            #expect(constant.value == python.value, "socket.\(constant.name): PySocket \(constant.value), CPython \(python.value)")
            #expect(constant.type == python.type, "socket.\(constant.name): PySocket \(constant.type), CPython \(python.type)")
            checked += 1
        }
        #expect(checked == declaredConstants.count)
        #expect(checked > 300)
    }

    @Test("every enum-typed constant prints CPython's repr (aliases print the first name)")
    func enumReprs() {
        let recorded = Dictionary(uniqueKeysWithValues: capture.constants.map { ($0.name, $0) })
        for (name, repr) in declaredEnumReprs {
            #expect(repr == recorded[name]?.repr, "repr(socket.\(name))")
        }
        #expect(declaredEnumReprs.count == capture.constants.filter { $0.repr != nil }.count)
    }

    @Test("the enum types have exactly CPython's members")
    func enumMembers() {
        func members(_ type: String) -> [(String, Int)] {
            (capture.enums[type] ?? []).compactMap { pair in
                guard pair.count == 2, case .name(let n) = pair[0], case .value(let v) = pair[1] else { return nil }
                return (n, v)
            }
        }
        for (name, value) in members("AddressFamily") {
            #expect(socket.AddressFamily(value).name == socket.AddressFamily.table.names[value], "\(name)")
            #expect(socket.AddressFamily.table.names[value] != nil, "AddressFamily.\(name)")
        }
        #expect(Set(socket.AddressFamily.table.names.keys) == Set(members("AddressFamily").map(\.1)))
        #expect(Set(socket.SocketKind.table.names.keys) == Set(members("SocketKind").map(\.1)))
        #expect(Set(socket.MsgFlag.table.names.values) == Set(members("MsgFlag").map(\.0)))
        #expect(Set(socket.AddressInfo.table.names.values) == Set(members("AddressInfo").map(\.0)))
    }

    @Test("spot checks against CPython 3.13: types as Python types them")
    func spotChecks() {
        // repr(socket.AF_PACKET), socket.CAN_RAW, socket.AF_DECnet (a plain int in CPython)
        #expect(String(reflecting: socket.AF_PACKET) == "<AddressFamily.AF_PACKET: 17>")
        #expect(String(reflecting: socket.AF_ROUTE) == "<AddressFamily.AF_NETLINK: 16>")
        #expect(String(reflecting: socket.SOCK_NONBLOCK) == "<SocketKind.SOCK_NONBLOCK: 2048>")
        #expect(String(reflecting: socket.MSG_CMSG_CLOEXEC) == "<MsgFlag.MSG_CMSG_CLOEXEC: 1073741824>")
        let decnet: Int = socket.AF_DECnet
        #expect(decnet == 12)
        let canRaw: Int = socket.CAN_RAW
        #expect(canRaw == 1)
        #expect(socket.CAN_EFF_FLAG == 2147483648)
        #expect(socket.TIPC_WAIT_FOREVER == -1)
        #expect(socket.VMADDR_CID_ANY == 4294967295)
        #expect(socket.IOCTL_VM_SOCKETS_GET_LOCAL_CID == 1977)
        #expect(socket.CAN_BCM_TX_SETUP == 1)
    }
}
#endif
