/// How a direct writer escapes the inside of JSON strings: as report.json does, or also for a `<script>`
/// element, so the HTML report's rows need no second pass over their bytes.
protocol JSONStringEscaper {
    static func writeEscaped(_ text: String, into out: inout [UInt8])
    /// JSON already written with plain escaping (a rare part written from its tree).
    static func writeEncoded(_ json: [UInt8], into out: inout [UInt8])
}

extension JSONStringEscaper {
    static func writeString(_ text: String, into out: inout [UInt8]) {
        out.append(0x22)
        writeEscaped(text, into: &out)
        out.append(0x22)
    }
}

/// RFC 8259 escaping (`FastJSON.writeEscaped`).
enum PlainJSONEscaper: JSONStringEscaper {
    @inline(__always)
    static func writeEscaped(_ text: String, into out: inout [UInt8]) { FastJSON.writeEscaped(text, into: &out) }

    static func writeEncoded(_ json: [UInt8], into out: inout [UInt8]) { out.append(contentsOf: json) }
}

/// `FastJSON.writeEscaped`, then `ScriptSafeContentTypes.escapeJSONForScript`, in one pass for strings that need
/// neither (almost all).
enum ScriptJSONEscaper: JSONStringEscaper {
    static func writeEscaped(_ text: String, into out: inout [UInt8]) {
        var text = text
        let plain = text.withUTF8 { bytes in
            guard !EscapeScan.needsScriptEscaping(bytes) else { return false }
            out.append(contentsOf: bytes)
            return true
        }
        if plain { return }
        var escaped: [UInt8] = []
        FastJSON.writeEscaped(text, into: &escaped)
        ScriptSafeContentTypes.escapeJSONForScript(escaped, into: &out)
    }

    static func writeEncoded(_ json: [UInt8], into out: inout [UInt8]) {
        ScriptSafeContentTypes.escapeJSONForScript(json, into: &out)
    }
}

/// Finds the bytes a string escaper must look at eight at a time (SWAR: a byte of `x` is zero or below `n`
/// exactly when `(x - 0x01…01 * n) & ~x & 0x80…80` has its high bit, for n <= 0x80), since nearly every string
/// in a report needs no escaping and this scan is most of the cost of writing it.
enum EscapeScan {
    private static let ones: UInt64 = 0x0101_0101_0101_0101
    private static let highs: UInt64 = 0x8080_8080_8080_8080

    @inline(__always)
    private static func hasByte(_ word: UInt64, _ byte: UInt8) -> Bool {
        let x = word ^ (ones &* UInt64(byte))
        return (x &- ones) & ~x & highs != 0
    }

    @inline(__always)
    private static func jsonSpecial(_ word: UInt64) -> Bool {
        (word &- ones &* 0x20) & ~word & highs != 0 || hasByte(word, 0x22) || hasByte(word, 0x5C)
    }

    /// A quote, a backslash or a control character.
    static func needsJSONEscaping(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        scan(bytes, word: jsonSpecial) { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C }
    }

    /// Those, or `<`, `>`, `&` or the first byte of U+2028 and U+2029 (0xE2).
    static func needsScriptEscaping(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        scan(bytes, word: {
            jsonSpecial($0) || hasByte($0, 0x3C) || hasByte($0, 0x3E) || hasByte($0, 0x26) || hasByte($0, 0xE2)
        }) { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C || $0 == 0x3C || $0 == 0x3E || $0 == 0x26 || $0 == 0xE2 }
    }

    @inline(__always)
    private static func scan(
        _ bytes: UnsafeBufferPointer<UInt8>, word: (UInt64) -> Bool, byte: (UInt8) -> Bool
    ) -> Bool {
        guard let base = bytes.baseAddress else { return false }
        let raw = UnsafeRawPointer(base)
        var offset = 0
        while offset + 8 <= bytes.count {
            if word(UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self))) { return true }
            offset += 8
        }
        while offset < bytes.count {
            if byte(bytes[offset]) { return true }
            offset += 1
        }
        return false
    }
}
