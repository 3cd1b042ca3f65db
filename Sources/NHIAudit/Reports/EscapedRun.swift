/// The escaped bytes of the last string written through it. Results come sorted by file, so a file path or an
/// entity name repeats over consecutive results: it is escaped once per run of equal strings, then copied.
struct EscapedRun {
    private var last: String?
    private var bytes: [UInt8] = []
    private let escape: (String, inout [UInt8]) -> Void

    init(_ escape: @escaping (String, inout [UInt8]) -> Void) { self.escape = escape }

    mutating func append(_ value: String, into out: inout [UInt8]) {
        if value != last {  // equal storage compares without reading the bytes
            bytes.removeAll(keepingCapacity: true)
            escape(value, &bytes)
            last = value
        }
        out.append(contentsOf: bytes)
    }
}

extension StoredFingerprint {
    /// The 20 lowercase hex digits `string` makes, written without making the string; false when the
    /// fingerprint is stored as text (then the caller escapes `string`).
    func appendHexDigits(into out: inout [UInt8]) -> Bool {
        guard text == nil else { return false }
        var digits: (UInt64, UInt64, UInt32) = (0, 0, 0)
        withUnsafeMutableBytes(of: &digits) { buffer in
            for position in 0..<20 {
                let nibble = position < 16 ? high >> (60 - 4 * position) & 0xF : UInt64(low) >> (76 - 4 * position) & 0xF
                buffer[position] = UInt8(truncatingIfNeeded: nibble < 10 ? 0x30 + nibble : 0x57 + nibble)
            }
            out.append(contentsOf: UnsafeRawBufferPointer(rebasing: buffer[..<20]))
        }
        return true
    }
}
