import Foundation

/// Text files of compact JWTs, one per line (also `.jwt` files). Tokens are decoded, never verified, and never
/// kept: each becomes a `TokenSample` whose only trace of the token is a `SecretMaterial` fingerprint.
public struct JWTSampleImporter: TextImporter {
    public let format = "jwt-samples"

    public init() {}

    /// A compact JWS: three base64url segments, the header starting `eyJ` (`{"`). The signature may be empty.
    static func isCompactJWT(_ text: Substring) -> Bool {
        let segments = text.split(separator: ".", omittingEmptySubsequences: false)
        guard segments.count == 3, text.hasPrefix("eyJ"), !segments[1].isEmpty else { return false }
        return segments.allSatisfy { $0.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") } }
    }

    /// The token on a line, after an optional `Bearer ` prefix, and its 1-based column.
    static func token(in line: Substring) -> (Substring, Int)? {
        let leading = line.prefix { $0 == " " || $0 == "\t" }
        var rest = line.dropFirst(leading.count)
        if rest.hasPrefix("Bearer ") { rest = rest.dropFirst(7) }
        let token = rest.prefix { !$0.isWhitespace }
        guard rest.dropFirst(token.count).allSatisfy(\.isWhitespace) else { return nil }
        return (token, line.distance(from: line.startIndex, to: token.startIndex) + 1)
    }

    /// False when the line's token cannot start with `eyJ` (what `isCompactJWT` requires): most first lines of
    /// other formats stop here, before `token(in:)` walks the whole line by characters.
    static func mayStartToken(_ line: Substring) -> Bool {
        var rest = line.drop { $0 == " " || $0 == "\t" }
        if rest.hasPrefix("Bearer ") { rest = rest.dropFirst(7) }
        return rest.hasPrefix("eyJ")
    }

    private static func isContent(_ line: Substring) -> Bool {
        let trimmed = Placeholder.trimmingWhitespace(line)
        return !trimmed.isEmpty && !trimmed.hasPrefix("#")
    }

    public func recognizes(_ source: SourceText) -> Bool {
        // Every text file reaches this check, so stop at the first line that is not a token.
        // Lines are cut one at a time: splitting the whole text first costs more than the check.
        var sawContent = false
        var rest = source.text[...]
        while true {
            let end = Self.lineEnd(in: rest)
            let line = rest[..<end]
            if Self.isContent(line) {
                if source.fileExtension == "jwt" { return true }
                guard Self.mayStartToken(line), Self.token(in: line).map({ Self.isCompactJWT($0.0) }) ?? false else {
                    return false
                }
                sawContent = true
            }
            guard end < rest.endIndex else { return sawContent }
            rest = rest[rest.index(after: end)...]
        }
    }

    /// Where `firstIndex(of: "\n")` would stop, found on the bytes: a line feed is a character of its own
    /// unless it follows a carriage return (CR LF is one character, which does not equal "\n").
    static func lineEnd(in text: Substring) -> Substring.Index {
        let bytes = text.utf8
        var index = bytes.startIndex
        while let found = bytes[index...].firstIndex(of: UInt8(ascii: "\n")) {
            if found == bytes.startIndex || bytes[bytes.index(before: found)] != UInt8(ascii: "\r") { return found }
            index = bytes.index(after: found)
        }
        return text.endIndex
    }

    public func importText(_ source: SourceText, into sink: ImportSink) {
        for (index, line) in source.text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
        where Self.isContent(line) {
            let lineNumber = index + 1
            guard let (token, column) = Self.token(in: line), Self.isCompactJWT(token) else {
                sink.report(.init(.unreadable, at: SourceLocation(file: source.path, line: lineNumber, column: 1),
                    "not a compact JWT (three base64url segments starting eyJ); the line is not assessed"))
                continue
            }
            let location = SourceLocation(file: source.path, line: lineNumber, column: column)
            switch JWTDecoder.decode(token, at: location) {
            case .success(let sample): sink.estate.tokenSamples.append(sample)
            case .failure(let problem): sink.report(.init(.unreadable, at: location, problem.reason))
            }
        }
    }
}
