/// Eight-bytes-at-a-time tests shared by the hand-written report writers: nearly every string in a report needs
/// no escaping, and finding that out a word at a time is most of the cost of writing it. Each mask is non-zero
/// exactly when the word holds such a byte (Bit Twiddling Hacks, "Determine if a word has a zero byte" and
/// "has a byte less than n", n <= 128), so combined masks give no false positives or negatives.
enum ByteWords {
    private static let ones: UInt64 = 0x0101_0101_0101_0101
    private static let highs: UInt64 = 0x8080_8080_8080_8080

    /// Non-zero when a byte of `word` equals `byte`.
    @inline(__always)
    static func matches(_ byte: UInt8, _ word: UInt64) -> UInt64 {
        let difference = word ^ (ones &* UInt64(byte))
        return (difference &- ones) & ~difference & highs
    }

    /// Non-zero when a byte of `word` is a C0 control (below 0x20).
    @inline(__always)
    static func controls(_ word: UInt64) -> UInt64 { (word &- ones &* 0x20) & ~word & highs }

    /// Whether a byte of `bytes` needs attention: `word` rules out whole words first (the first 8 bytes of
    /// every full word), `byte` decides the tail.
    @inline(__always)
    static func any(
        _ bytes: UnsafeBufferPointer<UInt8>, word: (UInt64) -> UInt64, byte: (UInt8) -> Bool
    ) -> Bool {
        guard let base = bytes.baseAddress else { return false }
        var offset = 0
        while offset &+ 8 <= bytes.count {
            if word(load(base, offset)) != 0 { return true }
            offset &+= 8
        }
        while offset < bytes.count {
            if byte(bytes[offset]) { return true }
            offset &+= 1
        }
        return false
    }

    /// The 8 bytes at `offset`, unaligned.
    @inline(__always)
    static func load(_ base: UnsafePointer<UInt8>, _ offset: Int) -> UInt64 {
        UnsafeRawPointer(base + offset).loadUnaligned(as: UInt64.self)
    }

    /// A decimal integer, as `String(value)` writes it, without making the string.
    static func appendDecimal(_ value: Int, into out: inout [UInt8]) {
        if value < 0 { out.append(0x2D) }
        var magnitude = value.magnitude
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)  // 24 bytes: room for the 20 digits of UInt.max
        withUnsafeMutableBytes(of: &digits) { buffer in
            var position = buffer.count
            repeat {
                position -= 1
                buffer[position] = UInt8(truncatingIfNeeded: 0x30 + magnitude % 10)
                magnitude /= 10
            } while magnitude > 0
            out.append(contentsOf: UnsafeRawBufferPointer(rebasing: buffer[position...]))
        }
    }
}
