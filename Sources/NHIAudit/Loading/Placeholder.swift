import Foundation

/// Recognises unresolved template expressions, so that values depending on them are `indeterminate`.
public enum Placeholder {
    /// Returns the placeholder text if `text` is (or contains) an unresolved template expression.
    /// Runs on every scalar read, so it scans bytes instead of calling Foundation's string search.
    public static func detect(_ text: String) -> String? {
        if containsTemplateMarker(text) { return text }
        let trimmed = trimmingWhitespace(text[...])
        // The bytes first: a Character comparison costs more than the rest of the detection, and a first
        // Character equal to `<` (or last to `>`) always starts (ends) with that byte.
        if trimmed.utf8.first == UInt8(ascii: "<"), trimmed.utf8.last == UInt8(ascii: ">"), trimmed.hasPrefix("<"),
            trimmed.hasSuffix(">"), trimmed.count > 2
        {
            return text
        }
        // Every marker below starts with one of these letters; most values can stop here, before upper-casing.
        if let first = trimmed.utf8.first, first < 0x80, !startsAMarker(first) { return nil }
        if isMarkerWord(trimmed) { return text }
        if isFillInName(trimmed) { return text }
        return nil
    }

    /// One of `PCRTYMEpcrtyme`, the first letters of the markers.
    private static func startsAMarker(_ byte: UInt8) -> Bool {
        switch byte | 0x20 {  // ASCII lower case
        case UInt8(ascii: "p"), UInt8(ascii: "c"), UInt8(ascii: "r"), UInt8(ascii: "t"), UInt8(ascii: "y"),
            UInt8(ascii: "m"), UInt8(ascii: "e"):
            return true
        default:
            return false
        }
    }

    private static let markerWords = ["PATCH_ME", "CHANGE_ME", "CHANGEME", "REPLACE_ME", "TODO", "TBD"]
    private static let markerPrefixes = ["PATCH_ME", "REPLACE_ME", "CHANGE_ME"]

    /// A marker word in any case, or text starting with one of the marker prefixes.
    private static func isMarkerWord(_ text: Substring) -> Bool {
        // Upper-casing allocates; ASCII text (almost every value) is compared byte by byte instead. Other text
        // keeps `uppercased()`, which can turn non-ASCII letters into ASCII ones (`ſ` becomes `S`).
        guard text.utf8.allSatisfy({ $0 < 0x80 }) else {
            let upper = text.uppercased()
            return markerWords.contains(upper) || markerPrefixes.contains { upper.hasPrefix($0) }
        }
        // Marker words have 3, 4 or 8 to 10 bytes, prefixes 8 or more: other lengths need no comparison.
        let length = text.utf8.count
        if length < 8, length != 3, length != 4 { return false }
        func startsWith(_ marker: String) -> Bool {
            text.utf8.count >= marker.utf8.count
                && zip(text.utf8, marker.utf8).allSatisfy { byte, upper in
                    (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z") ? byte - 32 : byte) == upper
                }
        }
        return markerWords.contains { $0.utf8.count == text.utf8.count && startsWith($0) }
            || markerPrefixes.contains(where: startsWith)
    }

    /// `${`, `{{`, `$(` or `%{` anywhere in the text.
    private static func containsTemplateMarker(_ text: String) -> Bool {
        var previous: UInt8 = 0
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "{"):
                if previous == UInt8(ascii: "$") || previous == UInt8(ascii: "{") || previous == UInt8(ascii: "%") { return true }
            case UInt8(ascii: "("):
                if previous == UInt8(ascii: "$") { return true }
            default:
                break
            }
            previous = byte
        }
        return false
    }

    private static let whitespace = CharacterSet.whitespaces

    /// Same as `trimmingCharacters(in: .whitespaces)`, without bridging the text to NSString.
    static func trimmingWhitespace(_ text: Substring) -> Substring {
        // Most values start and end with a visible ASCII character: answer from the bytes, as CharacterSet
        // lookups cost more than the rest of the detection (ASCII whitespace in `.whitespaces` is space and tab).
        if let first = text.utf8.first, let last = text.utf8.last, first < 0x80, last < 0x80, !isASCIIBlank(first),
            !isASCIIBlank(last)
        {
            return text
        }
        let scalars = text.unicodeScalars
        if let first = scalars.first, let last = scalars.last, !whitespace.contains(first), !whitespace.contains(last) {
            return text
        }
        guard let first = scalars.firstIndex(where: { !whitespace.contains($0) }),
            let last = scalars.lastIndex(where: { !whitespace.contains($0) })
        else { return "" }
        return Substring(scalars[first...last])
    }

    private static func isASCIIBlank(_ byte: UInt8) -> Bool { byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") }

    /// Samples write `YOUR_AUDIENCE`, `MY_CLIENT_ID`, `EXAMPLE_ISSUER` for "put yours here". Only the whole
    /// value in upper case with underscores counts, so real values such as `your-api` or `my_service` stay known.
    private static func isFillInName(_ text: Substring) -> Bool {
        guard let first = text.utf8.first, first == UInt8(ascii: "Y") || first == UInt8(ascii: "M") || first == UInt8(ascii: "E"),
            let prefix = ["YOUR_", "MY_", "EXAMPLE_"].first(where: text.hasPrefix)
        else { return false }
        let rest = text.dropFirst(prefix.count)
        return !rest.isEmpty && rest.allSatisfy { ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "_" }
    }
}
