/// Directives of an NGINX configuration file: name, arguments, where it is written, and the blocks it sits
/// in (so inherited settings can be found). Handles quotes, escapes, `#` comments and nested blocks.
enum NginxConfigParser {
    struct Directive {
        var name: String
        var arguments: [String]
        var location: SourceLocation
        /// Ids of the enclosing blocks, outermost first.
        var scope: [Int]
    }

    struct Parsed {
        var directives: [Directive] = []
        var problems: [(SourceLocation, String)] = []
    }

    static func parse(_ text: String, file: String) -> Parsed {
        var parsed = Parsed()
        var words: [String] = []
        var start: SourceLocation?
        var scope: [Int] = []
        var nextBlock = 0
        var line = 1
        var column = 0
        var word: String?
        var quote: Character?
        var inComment = false
        var escaped = false
        func endWord() {
            if let finished = word { words.append(finished) }
            word = nil
        }
        for character in text {
            column += 1
            defer { if character == "\n" { line += 1; column = 0 } }
            if inComment {
                if character == "\n" { inComment = false }
                continue
            }
            if let open = quote {
                if escaped { word?.append(character); escaped = false } else if character == "\\" { escaped = true } else if character == open {
                    quote = nil
                } else { word?.append(character) }
                continue
            }
            switch character {
            case "#" where word == nil: inComment = true
            case "\"", "'":
                if word == nil { word = "" }
                if start == nil { start = SourceLocation(file: file, line: line, column: column) }
                quote = character
            case ";", "{":
                endWord()
                if let name = words.first, let at = start {
                    parsed.directives.append(.init(name: name, arguments: Array(words.dropFirst()), location: at, scope: scope))
                }
                if character == "{" { scope.append(nextBlock); nextBlock += 1 }
                words = []
                start = nil
            case "}":
                endWord()
                if !words.isEmpty, let at = start { parsed.problems.append((at, "directive '\(words[0])' has no terminating ;")) }
                words = []
                start = nil
                if scope.popLast() == nil {
                    parsed.problems.append((SourceLocation(file: file, line: line, column: column), "unexpected }"))
                }
            case " ", "\t", "\n", "\r": endWord()
            default:
                if word == nil { word = "" }
                if start == nil { start = SourceLocation(file: file, line: line, column: column) }
                word?.append(character)
            }
        }
        endWord()
        if let at = start, !words.isEmpty { parsed.problems.append((at, "directive '\(words[0])' has no terminating ;")) }
        if !scope.isEmpty { parsed.problems.append((SourceLocation(file: file, line: line, column: 1), "a block is not closed with }")) }
        return parsed
    }
}
