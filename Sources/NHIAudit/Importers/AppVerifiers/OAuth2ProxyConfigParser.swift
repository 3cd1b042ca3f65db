/// The TOML subset of oauth2-proxy's `--config` file: `key = value` with quoted strings, booleans, numbers and
/// (multi-line) arrays of strings, `#` comments. Lines it cannot read are returned as problems.
enum OAuth2ProxyConfigParser {
    struct Parsed {
        var entries: [FlatSettings.Entry] = []
        var problems: [(line: Int, reason: String)] = []
    }

    static func parse(_ text: String, file: String) -> Parsed {
        var parsed = Parsed()
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        var index = 0
        while index < lines.count {
            let lineNumber = index + 1
            let line = lines[index]
            index += 1
            let content = stripComment(line).trimmingCharacters(in: .whitespaces)
            if content.isEmpty { continue }
            guard let equals = content.firstIndex(of: "=") else {
                parsed.problems.append((lineNumber, "expected key = value"))
                continue
            }
            let key = content[..<equals].trimmingCharacters(in: .whitespaces)
            var value = content[content.index(after: equals)...].trimmingCharacters(in: .whitespaces)
            let column = (line.range(of: key).map { line.distance(from: line.startIndex, to: $0.lowerBound) } ?? 0) + 1
            let location = SourceLocation(file: file, line: lineNumber, column: column)
            if value.hasPrefix("[") {
                while !value.hasSuffix("]"), index < lines.count {
                    value += " " + stripComment(lines[index]).trimmingCharacters(in: .whitespaces)
                    index += 1
                }
                guard value.hasSuffix("]") else {
                    parsed.problems.append((lineNumber, "array is not closed with ]"))
                    continue
                }
                let items = value.dropFirst().dropLast().split(separator: ",")
                    .map { unquote($0.trimmingCharacters(in: .whitespaces)) }.filter { !$0.isEmpty }
                parsed.entries.append(.init(key: key, value: items.joined(separator: ","), location: location, items: items))
            } else {
                parsed.entries.append(.init(key: key, value: unquote(value), location: location))
            }
        }
        return parsed
    }

    /// Drops a `#` comment that is outside quotes.
    private static func stripComment(_ line: Substring) -> Substring {
        var quote: Character?
        for index in line.indices {
            let character = line[index]
            if let open = quote {
                if character == open { quote = nil }
            } else if character == "\"" || character == "'" {
                quote = character
            } else if character == "#" {
                return line[..<index]
            }
        }
        return line
    }

    private static func unquote(_ text: String) -> String {
        guard text.count >= 2, let first = text.first, first == "\"" || first == "'", text.last == first else { return text }
        return String(text.dropFirst().dropLast())
    }
}
