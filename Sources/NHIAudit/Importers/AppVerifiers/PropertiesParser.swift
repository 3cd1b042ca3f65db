/// Java `.properties` files (java.util.Properties#load): `key=value`, `key: value` or `key value`, `#`/`!`
/// comments, backslash line continuations and escapes. Unicode escapes (`\uXXXX`) are decoded.
enum PropertiesParser {
    static func parse(_ text: String, file: String) -> [FlatSettings.Entry] {
        var entries: [FlatSettings.Entry] = []
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var index = 0
        while index < lines.count {
            let startLine = index + 1
            var logical = lines[index].drop { $0 == " " || $0 == "\t" || $0 == "\u{0C}" }
            let column = lines[index].count - logical.count + 1
            index += 1
            if logical.isEmpty || logical.hasPrefix("#") || logical.hasPrefix("!") { continue }
            var joined = String(logical)
            while endsWithContinuation(joined), index < lines.count {
                joined.removeLast()
                logical = lines[index].drop { $0 == " " || $0 == "\t" }
                joined += logical
                index += 1
            }
            let (key, value) = split(joined)
            entries.append(.init(key: key, value: value, location: SourceLocation(file: file, line: startLine, column: column)))
        }
        return entries
    }

    /// An odd number of trailing backslashes continues the line.
    private static func endsWithContinuation(_ line: String) -> Bool {
        line.reversed().prefix { $0 == "\\" }.count % 2 == 1
    }

    private static func split(_ line: String) -> (String, String) {
        var key = ""
        var characters = Substring(line)
        while let character = characters.first {
            if character == "\\" {
                characters = characters.dropFirst()
                if let escaped = characters.first { key.append(unescape(escaped, &characters)) }
                continue
            }
            if character == "=" || character == ":" || character == " " || character == "\t" { break }
            key.append(character)
            characters = characters.dropFirst()
        }
        characters = characters.drop { $0 == " " || $0 == "\t" }
        if characters.first == "=" || characters.first == ":" { characters = characters.dropFirst() }
        characters = characters.drop { $0 == " " || $0 == "\t" }
        var value = ""
        while let character = characters.first {
            characters = characters.dropFirst()
            if character == "\\", let escaped = characters.first {
                value.append(unescape(escaped, &characters))
            } else {
                value.append(character)
            }
        }
        return (key, value)
    }

    /// Consumes the escaped character (and the 4 hex digits of `\u`) from `rest`.
    private static func unescape(_ escaped: Character, _ rest: inout Substring) -> String {
        rest = rest.dropFirst()
        switch escaped {
        case "t": return "\t"
        case "n": return "\n"
        case "r": return "\r"
        case "f": return "\u{0C}"
        case "u":
            let hex = rest.prefix(4)
            if hex.count == 4, let code = UInt32(hex, radix: 16), let scalar = Unicode.Scalar(code) {
                rest = rest.dropFirst(4)
                return String(Character(scalar))
            }
            return "u"
        default: return String(escaped)
        }
    }
}
