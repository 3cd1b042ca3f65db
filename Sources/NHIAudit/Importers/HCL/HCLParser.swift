import Foundation

/// A small HCL (HashiCorp Configuration Language, native syntax) parser for the subset that SPIRE, Vault and
/// Terraform configuration files use. It reads structure; it never evaluates.
///
/// Supported: bodies of attributes (`name = value`) and blocks (`type "label" label2 { ... }`, also on one line);
/// quoted strings with escapes (`\n \t \" \\ \uNNNN \UNNNNNNNN`) and `${...}` / `%{...}` templates (kept as text,
/// marked interpolated; `$${` and `%%{` are literal); heredocs `<<EOF` and `<<-EOF` (indented; common indentation
/// removed); numbers, `true`, `false`, `null`; lists and objects (keys as names, strings or `(expressions)`, `=` or
/// `:`, separated by commas or newlines, trailing commas); comments `#`, `//`, `/* */`; function calls with their
/// arguments (`jsonencode({...})`); references and traversals (`var.x`, `module.x.y`, `data.a.b.json`, `x[0]`).
///
/// Not supported, kept as an unresolved `.expression` with its source text (never evaluated): operators,
/// conditionals (`a ? b : c`), `for` expressions (also listed in `unsupported` with their line), splats,
/// parenthesised expressions, indexes on call results. Not supported at all (syntax error with line and
/// column): HCL's JSON syntax (`.tf.json`, read those as JSON instead) and template directives outside strings.
///
/// The parser consumes at least one character in every loop step and bounds nesting depth, so no input can make
/// it hang or overflow the stack.
public struct HCLParser {
    public struct Parsed: Sendable {
        public var body: HCLBody
        /// Constructs kept as unresolved expressions that the importer should mention (e.g. `for` expressions).
        public var unsupported: [HCLSyntaxError]
    }

    /// Parses `text`. Locations are shifted by `lineOffset` lines and `columnOffset` columns on every line, for
    /// HCL embedded in another file (a YAML block scalar).
    public static func parse(_ text: String, file: String, lineOffset: Int = 0, columnOffset: Int = 0)
        -> Result<Parsed, HCLSyntaxError>
    {
        var parser = HCLParser(text: text, file: file, lineOffset: lineOffset, columnOffset: columnOffset)
        do {
            let body = try parser.parseBody(closedBy: nil)
            return .success(Parsed(body: body, unsupported: parser.unsupported))
        } catch let error as HCLSyntaxError {
            return .failure(error)
        } catch {
            return .failure(HCLSyntaxError(location: parser.location, reason: "\(error)"))
        }
    }

    private let scalars: [Unicode.Scalar]
    private let file: String
    private let lineOffset: Int
    private let columnOffset: Int
    private var index = 0
    private var line = 1
    private var column = 1
    private var depth = 0
    private var unsupported: [HCLSyntaxError] = []
    private static let maximumDepth = 64

    private init(text: String, file: String, lineOffset: Int, columnOffset: Int) {
        scalars = Array(text.unicodeScalars)
        self.file = file
        self.lineOffset = lineOffset
        self.columnOffset = columnOffset
    }

    // MARK: Bodies

    private mutating func parseBody(closedBy closer: Unicode.Scalar?) throws -> HCLBody {
        try enter()
        defer { depth -= 1 }
        var body = HCLBody()
        while true {
            skipTrivia(newlines: true)
            guard let current = peek() else {
                if closer != nil { throw error("unexpected end of file: a block is not closed with '}'") }
                return body
            }
            if current == "}" {
                guard closer != nil else { throw error("'}' without a block to close") }
                advance()
                return body
            }
            let start = location
            guard let name = readIdentifier() else {
                throw error("expected an attribute name or a block type, found '\(current)'")
            }
            skipTrivia(newlines: false)
            if peek() == "=", peek(1) != "=" {
                advance()
                skipTrivia(newlines: false)
                let value = try parseExpression()
                body.attributes.append(HCLAttribute(name: name, nameIsExpression: false, nameLocation: start, value: value))
                try expectEndOfLine()
                continue
            }
            var labels: [String] = []
            while let next = peek(), next != "{" {
                if next == "\"" {
                    let label = try parseQuoted()
                    if case .string(let text, _) = label.kind { labels.append(text) }
                } else if let label = readIdentifier() {
                    labels.append(label)
                } else {
                    throw error("expected '=' after '\(name)', or a block label or '{'")
                }
                skipTrivia(newlines: false)
            }
            guard peek() == "{" else { throw error("expected '{' to open block '\(name)'") }
            advance()
            let blockBody = try parseBody(closedBy: "}")
            body.blocks.append(HCLBlock(type: name, labels: labels, location: start, body: blockBody))
            try expectEndOfLine()
        }
    }

    /// After an attribute or block: a newline, a comment, end of file, or the enclosing `}`.
    private mutating func expectEndOfLine() throws {
        skipTrivia(newlines: false)
        guard let next = peek() else { return }
        if next == "\n" || next == "}" { return }
        if next == "," || next == ";" {  // tolerated by SPIRE's HCL v1 parser
            advance()
            return
        }
        throw error("expected a new line after the value, found '\(next)'")
    }

    // MARK: Expressions

    private mutating func parseExpression() throws -> HCLValue {
        try enter()
        defer { depth -= 1 }
        let startIndex = index
        let start = location
        let primary = try parsePrimary()
        skipTrivia(newlines: false)
        guard let next = peek(), Self.continuesExpression(next, peek(1)) else { return primary }
        try skipRawExpression()
        let text = sourceText(from: startIndex).trimmingCharacters(in: .whitespaces)
        return HCLValue(kind: .expression(text), location: start, source: text)
    }

    /// Operators and postfix forms that make the value an expression this parser does not evaluate.
    private static func continuesExpression(_ next: Unicode.Scalar, _ after: Unicode.Scalar?) -> Bool {
        switch next {
        case "?", "+", "*", "/", "%", "<", ">", "!", "&", "|", ".", "[": return true
        case "-": return true
        case "=": return after == "="
        default: return false
        }
    }

    private mutating func parsePrimary() throws -> HCLValue {
        let start = location
        let startIndex = index
        guard let current = peek() else { throw error("expected a value, found end of file") }
        switch current {
        case "\"":
            return try parseQuoted()
        case "<" where peek(1) == "<":
            return try parseHeredoc()
        case "[":
            if isForExpression() { return try parseUnsupportedFor(start: start, startIndex: startIndex) }
            return try parseList()
        case "{":
            if isForExpression() { return try parseUnsupportedFor(start: start, startIndex: startIndex) }
            return try parseObject()
        case "(":
            try skipBalanced()
            let text = sourceText(from: startIndex)
            return HCLValue(kind: .expression(text), location: start, source: text)
        case "0"..."9":
            return try parseNumber()
        case "-" where peek(1).map { ("0"..."9").contains($0) } ?? false:
            return try parseNumber()
        case "-", "!":  // unary operators: kept as an unresolved expression
            advance()
            skipTrivia(newlines: false)
            _ = try parsePrimary()
            try skipRawExpression()
            let text = sourceText(from: startIndex).trimmingCharacters(in: .whitespaces)
            return HCLValue(kind: .expression(text), location: start, source: text)
        default:
            guard let name = readIdentifier() else { throw error("expected a value, found '\(current)'") }
            switch name {
            case "true": return HCLValue(kind: .bool(true), location: start, source: name)
            case "false": return HCLValue(kind: .bool(false), location: start, source: name)
            case "null": return HCLValue(kind: .null, location: start, source: name)
            default: break
            }
            if peek() == "(" { return try parseCall(name, start: start, startIndex: startIndex) }
            try skipTraversal()
            let text = sourceText(from: startIndex)
            return HCLValue(kind: .expression(text), location: start, source: text)
        }
    }

    private mutating func parseCall(_ name: String, start: SourceLocation, startIndex: Int) throws -> HCLValue {
        advance()  // (
        var arguments: [HCLValue] = []
        while true {
            skipTrivia(newlines: true)
            guard let next = peek() else { throw error("unexpected end of file in the arguments of \(name)(...)") }
            if next == ")" {
                advance()
                break
            }
            arguments.append(try parseExpression())
            skipTrivia(newlines: true)
            if peek() == "." && peek(1) == "." && peek(2) == "." { advance(3) }
            skipTrivia(newlines: true)
            if peek() == "," { advance() } else if peek() != ")" {
                throw error("expected ',' or ')' in the arguments of \(name)(...)")
            }
        }
        let text = sourceText(from: startIndex)
        return HCLValue(kind: .call(name, arguments), location: start, source: text)
    }

    private mutating func parseList() throws -> HCLValue {
        let start = location
        let startIndex = index
        advance()  // [
        var items: [HCLValue] = []
        while true {
            skipTrivia(newlines: true)
            guard let next = peek() else { throw error("unexpected end of file: a list is not closed with ']'") }
            if next == "]" {
                advance()
                break
            }
            items.append(try parseExpression())
            skipTrivia(newlines: true)
            if peek() == "," { advance() } else if peek() != "]" { throw error("expected ',' or ']' in a list") }
        }
        return HCLValue(kind: .list(items), location: start, source: sourceText(from: startIndex))
    }

    private mutating func parseObject() throws -> HCLValue {
        let start = location
        let startIndex = index
        advance()  // {
        var members: [HCLAttribute] = []
        while true {
            skipTrivia(newlines: true)
            guard let next = peek() else { throw error("unexpected end of file: an object is not closed with '}'") }
            if next == "}" {
                advance()
                break
            }
            let keyLocation = location
            let key = try parseExpression()
            let name: String
            var isExpression = false
            switch key.kind {
            case .string(let text, let interpolated):
                name = text
                isExpression = interpolated
            case .expression(let text):
                name = text
                // A bare name is a literal key; `(expr)` and traversals are evaluated by Terraform.
                isExpression = text.hasPrefix("(") || text.contains(".")
            case .bool, .null, .number:
                name = key.source
            default:
                throw HCLSyntaxError(location: keyLocation, reason: "expected an object key")
            }
            skipTrivia(newlines: false)
            guard let separator = peek(), separator == "=" || separator == ":" else {
                throw error("expected '=' or ':' after the object key \(name)")
            }
            advance()
            skipTrivia(newlines: true)
            let value = try parseExpression()
            members.append(HCLAttribute(name: name, nameIsExpression: isExpression, nameLocation: keyLocation, value: value))
            skipTrivia(newlines: false)
            if peek() == "," { advance() } else if let after = peek(), after != "\n", after != "}" {
                throw error("expected ',', a new line or '}' after an object member")
            }
        }
        return HCLValue(kind: .object(members), location: start, source: sourceText(from: startIndex))
    }

    private mutating func parseNumber() throws -> HCLValue {
        let start = location
        let startIndex = index
        if peek() == "-" { advance() }
        while let next = peek() {
            if next.isASCII && ("0"..."9").contains(next) || next == "." {
                advance()
            } else if next == "e" || next == "E" {
                advance()
                if peek() == "+" || peek() == "-" { advance() }
            } else {
                break
            }
        }
        let text = sourceText(from: startIndex)
        return HCLValue(kind: .number(text), location: start, source: text)
    }

    // MARK: Strings

    private mutating func parseQuoted() throws -> HCLValue {
        try enter()
        defer { depth -= 1 }
        let start = location
        let startIndex = index
        advance()  // "
        var text = ""
        var interpolated = false
        while true {
            guard let current = peek(), current != "\n" else {
                throw HCLSyntaxError(location: start, reason: "string is not closed on its line")
            }
            if current == "\"" {
                advance()
                break
            }
            if current == "\\" {
                text.unicodeScalars.append(try parseEscape())
                continue
            }
            if (current == "$" || current == "%"), peek(1) == current, peek(2) == "{" {
                text.unicodeScalars.append(current)
                text += "{"
                advance(3)
                continue
            }
            if (current == "$" || current == "%"), peek(1) == "{" {
                interpolated = true
                let templateStart = index
                advance()
                try skipBalanced()
                text += sourceText(from: templateStart)
                continue
            }
            text.unicodeScalars.append(current)
            advance()
        }
        return HCLValue(kind: .string(text, interpolated: interpolated), location: start, source: sourceText(from: startIndex))
    }

    private mutating func parseEscape() throws -> Unicode.Scalar {
        let start = location
        advance()  // backslash
        guard let code = peek() else { throw error("unexpected end of file in an escape") }
        advance()
        switch code {
        case "n": return "\n"
        case "r": return "\r"
        case "t": return "\t"
        case "\"": return "\""
        case "\\": return "\\"
        case "u", "U":
            let length = code == "u" ? 4 : 8
            var hex = ""
            for _ in 0..<length {
                guard let digit = peek(), digit.properties.isASCIIHexDigit else { break }
                hex.unicodeScalars.append(digit)
                advance()
            }
            guard hex.count == length, let value = UInt32(hex, radix: 16), let scalar = Unicode.Scalar(value) else {
                throw HCLSyntaxError(location: start, reason: "invalid \\\(code) escape")
            }
            return scalar
        default:
            throw HCLSyntaxError(location: start, reason: "unknown escape '\\\(code)'")
        }
    }

    private mutating func parseHeredoc() throws -> HCLValue {
        let start = location
        advance(2)  // <<
        let indented = peek() == "-"
        if indented { advance() }
        guard let marker = readIdentifier() else { throw error("expected a heredoc marker after '<<'") }
        skipTrivia(newlines: false)
        guard peek() == "\n" else { throw error("expected a new line after the heredoc marker \(marker)") }
        advance()
        var lines: [String] = []
        while true {
            guard peek() != nil else {
                throw HCLSyntaxError(location: start, reason: "heredoc \(marker) is not closed")
            }
            let lineStart = index
            while let next = peek(), next != "\n" { advance() }
            let content = sourceText(from: lineStart)
            if content.trimmingCharacters(in: .whitespaces) == marker { break }
            lines.append(content)
            if peek() == "\n" { advance() }
        }
        let raw = lines.map { $0 + "\n" }.joined()
        var text = raw
        if indented {
            let indent = lines.filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
                .map { $0.prefix { $0 == " " || $0 == "\t" }.count }.min() ?? 0
            text = lines.map { String($0.dropFirst(min(indent, $0.count))) + "\n" }.joined()
        }
        let interpolated = Self.containsTemplate(text)
        return HCLValue(kind: .string(text, interpolated: interpolated), location: start, source: raw)
    }

    static func containsTemplate(_ text: String) -> Bool {
        let scalars = Array(text.unicodeScalars)
        for position in scalars.indices.dropLast() where (scalars[position] == "$" || scalars[position] == "%")
            && scalars[position + 1] == "{"
        {
            if position == 0 || scalars[position - 1] != scalars[position] { return true }
        }
        return false
    }

    // MARK: Unsupported forms, skipped as raw text

    private mutating func isForExpression() -> Bool {
        var probe = index + 1
        while probe < scalars.count, [" ", "\t", "\n"].contains(scalars[probe]) { probe += 1 }
        let word = scalars[probe..<min(probe + 4, scalars.count)].map(Character.init)
        return String(word) == "for " || String(word) == "for\t"
    }

    private mutating func parseUnsupportedFor(start: SourceLocation, startIndex: Int) throws -> HCLValue {
        try skipBalanced()
        let text = sourceText(from: startIndex)
        unsupported.append(HCLSyntaxError(location: start, reason: "a 'for' expression is not evaluated; its value is unresolved"))
        return HCLValue(kind: .expression(text), location: start, source: text)
    }

    /// Skips the rest of an operator expression: up to a new line, ',' or a closing bracket at depth 0.
    private mutating func skipRawExpression() throws {
        while let next = peek() {
            switch next {
            case "\n", ",", ")", "]", "}": return
            case "(", "[", "{": try skipBalanced()
            case "\"": _ = try parseQuoted()
            case "#": return
            case "/" where peek(1) == "/" || peek(1) == "*": return
            default: advance()
            }
        }
    }

    /// Skips from an opening bracket to its matching closer, across strings and nested brackets.
    private mutating func skipBalanced() throws {
        let start = location
        var stack: [Unicode.Scalar] = []
        repeat {
            guard let current = peek() else {
                throw HCLSyntaxError(location: start, reason: "bracket is not closed before the end of file")
            }
            switch current {
            case "(": stack.append(")"); advance()
            case "[": stack.append("]"); advance()
            case "{": stack.append("}"); advance()
            case ")", "]", "}":
                guard current == stack.last else {
                    throw error("'\(current)' does not match the bracket opened at \(start.line):\(start.column)")
                }
                stack.removeLast()
                advance()
            case "\"": _ = try parseQuoted()
            default: advance()
            }
        } while !stack.isEmpty
    }

    private mutating func skipTraversal() throws {
        while let next = peek() {
            if next == ".", let after = peek(1), after == "*" || Self.isIdentifierStart(after) {
                advance()
                if peek() == "*" { advance() } else { _ = readIdentifier() }
            } else if next == "[" {
                try skipBalanced()
            } else {
                return
            }
        }
    }

    // MARK: Characters

    private var location: SourceLocation {
        SourceLocation(file: file, line: line + lineOffset, column: column + columnOffset)
    }

    private func peek(_ ahead: Int = 0) -> Unicode.Scalar? {
        index + ahead < scalars.count ? scalars[index + ahead] : nil
    }

    private mutating func advance(_ count: Int = 1) {
        for _ in 0..<count where index < scalars.count {
            if scalars[index] == "\n" {
                line += 1
                column = 1
            } else {
                column += 1
            }
            index += 1
        }
    }

    private func sourceText(from start: Int) -> String {
        var text = ""
        text.unicodeScalars.append(contentsOf: scalars[start..<index])
        return text
    }

    private static func isIdentifierStart(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "_" || scalar.properties.isAlphabetic
    }

    private mutating func readIdentifier() -> String? {
        guard let first = peek(), Self.isIdentifierStart(first) else { return nil }
        let start = index
        while let next = peek(), Self.isIdentifierStart(next) || next == "-" || next.properties.numericType != nil {
            advance()
        }
        return sourceText(from: start)
    }

    /// Skips spaces, tabs, comments and (when asked) new lines.
    private mutating func skipTrivia(newlines: Bool) {
        while let current = peek() {
            if current == " " || current == "\t" || current == "\r" || (newlines && current == "\n") {
                advance()
            } else if current == "#" || (current == "/" && peek(1) == "/") {
                while let next = peek(), next != "\n" { advance() }
            } else if current == "/" && peek(1) == "*" {
                advance(2)
                while peek() != nil, !(peek() == "*" && peek(1) == "/") { advance() }
                advance(2)  // at end of file an unclosed comment simply ends the input
            } else {
                return
            }
        }
    }

    private mutating func enter() throws {
        depth += 1
        if depth > Self.maximumDepth { throw error("nested deeper than \(Self.maximumDepth) levels") }
    }

    private func error(_ reason: String) -> HCLSyntaxError { HCLSyntaxError(location: location, reason: reason) }
}
