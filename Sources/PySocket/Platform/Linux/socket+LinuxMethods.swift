// Socket-object methods CPython has on Linux only: sendmsg_afalg (AF_ALG's kernel crypto API).
#if os(Linux) && canImport(Glibc)

extension socket {
    /// `s.sendmsg_afalg([msg, ]*, op[, iv[, assoclen[, flags]]])`: sendmsg with the AF_ALG
    /// control messages for the operation, the IV and the AEAD associated-data length.
    ///
    /// Python: `socket.sendmsg_afalg()` (Linux). C: `sendmsg(2)` with `SOL_ALG` cmsgs.
    public func sendmsg_afalg(_ msg: [bytes] = [], op: Int, iv: bytes? = nil, assoclen: Int? = nil, flags: MsgFlag = 0) throws -> Int {
        guard family == socket.AF_ALG else { throw OSError("algset is only supported for AF_ALG") }
        if let assoclen, assoclen < 0 { throw TypeError("assoclen must be positive") }
        func u32(_ value: Int) -> [UInt8] { withUnsafeBytes(of: UInt32(truncatingIfNeeded: value)) { Array($0) } }
        var ancdata: [(Int, Int, bytes)] = [(socket.SOL_ALG, socket.ALG_SET_OP, bytes(u32(op)))]
        if let iv { ancdata.append((socket.SOL_ALG, socket.ALG_SET_IV, bytes(u32(iv.count) + iv.storage))) }
        if let assoclen { ancdata.append((socket.SOL_ALG, socket.ALG_SET_AEAD_ASSOCLEN, bytes(u32(assoclen)))) }
        return try sendmsg(msg, ancdata, flags)
    }
}
#endif
