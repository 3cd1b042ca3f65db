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

/// Whether a string needs a JSON escaper's attention, eight bytes at a time (`ByteWords`).
enum EscapeScan {
    @inline(__always)
    private static func jsonSpecial(_ word: UInt64) -> UInt64 {
        ByteWords.controls(word) | ByteWords.matches(0x22, word) | ByteWords.matches(0x5C, word)
    }

    /// A quote, a backslash or a control character.
    static func needsJSONEscaping(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        ByteWords.any(bytes, word: jsonSpecial) { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C }
    }

    /// Those, or `<`, `>`, `&` or the first byte of U+2028 and U+2029 (0xE2).
    static func needsScriptEscaping(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        ByteWords.any(bytes, word: {
            jsonSpecial($0) | ByteWords.matches(0x3C, $0) | ByteWords.matches(0x3E, $0) | ByteWords.matches(0x26, $0)
                | ByteWords.matches(0xE2, $0)
        }) { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C || $0 == 0x3C || $0 == 0x3E || $0 == 0x26 || $0 == 0xE2 }
    }
}
