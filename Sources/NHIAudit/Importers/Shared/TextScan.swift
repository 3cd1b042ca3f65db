import Foundation

/// Byte-level pre-checks for text importers. Every input file reaches their `recognizes`, and on Linux one
/// `NSRegularExpression` search costs more than parsing the file: a file that lacks a pattern's keyword skips it.
enum TextScan {
    /// True when `keyword` occurs followed by whitespace (or by `next`, if given): necessary for patterns
    /// such as `keyword\s*\{` to match. Bytes of 0x80 and up count as possible Unicode whitespace.
    static func mayMatch(_ text: String, keyword: StaticString, orFollowedBy next: UInt8? = nil) -> Bool {
        var copy = text
        return copy.withUTF8 { haystack in
            let needle = UnsafeBufferPointer(start: keyword.utf8Start, count: keyword.utf8CodeUnitCount)
            guard let first = needle.first, haystack.count > needle.count else { return false }
            guard let base = haystack.baseAddress else { return false }
            let end = haystack.count - needle.count  // a match must leave a byte after it
            var index = 0
            // memchr finds candidate first bytes many at a time; most files hold the first byte rarely.
            while index < end, let found = memchr(base + index, Int32(first), end - index) {
                index = UnsafeRawPointer(found) - UnsafeRawPointer(base)
                if matches(haystack, at: index, needle) {
                    let following = haystack[index + needle.count]
                    if isPossibleWhitespace(following) || following == next { return true }
                }
                index += 1
            }
            return false
        }
    }

    private static func matches(_ haystack: UnsafeBufferPointer<UInt8>, at start: Int, _ needle: UnsafeBufferPointer<UInt8>) -> Bool {
        for offset in 1..<needle.count where haystack[start + offset] != needle[offset] { return false }
        return true
    }

    private static func isPossibleWhitespace(_ byte: UInt8) -> Bool { (0x09...0x0D).contains(byte) || byte == 0x20 || byte >= 0x80 }
}
