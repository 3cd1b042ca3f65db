/// Escapes text and attribute values exactly as `XMLTextWriter` writes them into a document: characters
/// XML 1.0 forbids (section 2.2) become U+FFFD (`XMLTextWriter.clean`), then libxml2 2.9's rules apply.
/// Text (`xmlEncodeSpecialChars`): `<`, `>`, `&`, `"` and CR become references. Attributes
/// (`xmlBufAttrSerializeTxtContent`, the document declaring UTF-8 so other characters stay as they are):
/// the same plus LF and tab, which attribute-value normalization (XML 1.0 section 3.3.3) would turn into spaces.
enum XMLEscaping {
    static func text(_ value: String, into out: inout [UInt8]) {
        write(value, attribute: false, into: &out)
    }

    static func attribute(_ value: String, into out: inout [UInt8]) {
        write(value, attribute: true, into: &out)
    }

    /// Bytes below 0x40 that may need escaping or cleaning: C0 controls, `"`, `&`, `<`, `>`.
    private static let special: UInt64 = 0xFFFF_FFFF | 1 << 0x22 | 1 << 0x26 | 1 << 0x3C | 1 << 0x3E

    @inline(__always)
    private static func write(_ value: String, attribute: Bool, into out: inout [UInt8]) {
        let done: Void? = value.utf8.withContiguousStorageIfAvailable { write($0, attribute: attribute, into: &out) }
        if done == nil { Array(value.utf8).withUnsafeBufferPointer { write($0, attribute: attribute, into: &out) } }
    }

    private static func write(_ bytes: UnsafeBufferPointer<UInt8>, attribute: Bool, into out: inout [UInt8]) {
        var start = 0
        var index = 0
        while index < bytes.count {
            if index &+ 8 <= bytes.count, mayNeedEscaping(ByteWords.load(bytes.baseAddress!, index)) == 0 {
                index &+= 8
                continue
            }
            let byte = bytes[index]
            guard byte < 0x40 ? (special >> byte) & 1 != 0 : byte == 0xEF else {
                index += 1
                continue
            }
            let escape: StaticString
            var length = 1
            switch byte {
            case 0x3C: escape = "&lt;"
            case 0x3E: escape = "&gt;"
            case 0x26: escape = "&amp;"
            case 0x22: escape = "&quot;"
            case 0x0D: escape = "&#13;"
            case 0x0A:
                guard attribute else { index += 1; continue }
                escape = "&#10;"
            case 0x09:
                guard attribute else { index += 1; continue }
                escape = "&#9;"
            case 0x00..<0x20: escape = "\u{FFFD}"
            // U+FFFE and U+FFFF (EF BF BE, EF BF BF): 0xEF is never a continuation byte.
            case 0xEF where index + 2 < bytes.count && bytes[index + 1] == 0xBF && bytes[index + 2] >= 0xBE:
                escape = "\u{FFFD}"
                length = 3
            default:
                index += 1
                continue
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<index]))
            out.append(contentsOf: UnsafeBufferPointer(start: escape.utf8Start, count: escape.utf8CodeUnitCount))
            index += length
            start = index
        }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<bytes.count]))
    }

    /// Non-zero when a byte of `word` is below 0x20, `"`, `&`, `<`, `>` or 0xEF.
    @inline(__always)
    private static func mayNeedEscaping(_ word: UInt64) -> UInt64 {
        ByteWords.controls(word) | ByteWords.matches(0x22, word) | ByteWords.matches(0x26, word)
            | ByteWords.matches(0x3C, word) | ByteWords.matches(0x3E, word) | ByteWords.matches(0xEF, word)
    }
}
