/// Integers and fingerprints as JSON bytes, without the `String` that `String(n)` or `Result.id` makes
/// for each of hundreds of thousands of results.
enum JSONScalarBytes {
    /// `value` in decimal, as `String(value)` writes it.
    static func int(_ value: Int, into out: inout [UInt8]) {
        if value < 0 { out.append(0x2D) }
        var magnitude = value.magnitude
        if magnitude < 10 { return out.append(0x30 + UInt8(magnitude)) }
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { digits in
            var start = digits.count
            while magnitude > 0 {
                start -= 1
                digits[start] = 0x30 + UInt8(magnitude % 10)
                magnitude /= 10
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: digits[start...]))
        }
    }

    /// A result's `id` as a JSON string: its 20 hex digits straight from the stored bytes.
    static func fingerprint<Escaper: JSONStringEscaper>(
        _ id: StoredFingerprint, _ escaper: Escaper.Type, into out: inout [UInt8]
    ) {
        if let text = id.text { return Escaper.writeString(text, into: &out) }
        out.append(0x22)
        _ = id.appendHexDigits(into: &out)
        out.append(0x22)
    }
}
