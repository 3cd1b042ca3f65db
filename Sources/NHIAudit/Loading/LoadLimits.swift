import Yams

/// Limits that keep one hostile or huge file from exhausting memory, stack or time. Each breach is an
/// INP-001 result naming the limit, and the run goes on.
public struct LoadLimits: Sendable {
    /// Largest file read, in bytes.
    public var maxFileBytes = 8 * 1024 * 1024
    /// Longest line, in bytes (minified JSON is one long line, so this is generous).
    public var maxLineBytes = 2 * 1024 * 1024
    /// Deepest nesting of flow collections (`[`, `{`) before parsing; the YAML composer recurses per level.
    public var maxNestingDepth = 200
    /// Most nodes a document may expand to once aliases are followed (billion laughs).
    public var maxExpandedNodes = 2_000_000
    /// Most YAML documents read from one file.
    public var maxDocumentsPerFile = 10_000
    /// Most files one scan reads.
    public var maxFiles = 1_000_000

    public init() {}

    public static let standard = LoadLimits()

    /// What one pass over the raw text found: the first breach, and whether an alias (`*name`) may be present.
    struct TextCheck {
        var breach: (line: Int, reason: String)?
        /// Any `*` byte: without one a document cannot use an alias, so the expansion walk can be skipped.
        var hasAsterisk: Bool
    }

    /// Checks the raw text before it reaches the parser: the line and reason of the first breach, if any.
    /// Brackets inside quoted scalars are not structure; a quote only opens where YAML lets a quoted
    /// scalar start (line start, after space or `[{,:`), and quote state ends with the line, so a stray
    /// apostrophe cannot hide nesting (over-counting only risks a false INP-001, never a crash).
    func scanText(_ text: String) -> TextCheck {
        var text = text
        return text.withUTF8(scan)
    }

    /// The bytes that change the scan's state (`*` only marks a possible alias): every other byte only ends an
    /// escape inside quotes.
    private static let stateBytes: [Bool] = (0...255).map { byte in
        "\n\"'[{]}\\*".utf8.contains(UInt8(byte))
    }

    /// Runs on every byte read: runs of bytes that change no state (most of any file) are passed over in a
    /// table-driven inner loop before any other test.
    private func scan(_ bytes: UnsafeBufferPointer<UInt8>) -> TextCheck {
        Self.stateBytes.withUnsafeBufferPointer { changesState in scan(bytes, changesState: changesState) }
    }

    private func scan(_ bytes: UnsafeBufferPointer<UInt8>, changesState: UnsafeBufferPointer<Bool>) -> TextCheck {
        var depth = 0
        var line = 1
        var lineStart = 0
        var quote: UInt8 = 0  // 0: outside quotes
        var escaped = false
        var hasAsterisk = false
        var offset = 0  // bytes consumed, the current one included
        while offset < bytes.count {
            if !changesState[Int(bytes[offset])] {
                repeat { offset += 1 } while offset < bytes.count && !changesState[Int(bytes[offset])]
                if quote != 0 { escaped = false }
                continue
            }
            let byte = bytes[offset]
            offset += 1
            if byte == UInt8(ascii: "*") { hasAsterisk = true }
            if byte == UInt8(ascii: "\n") {
                if offset - lineStart > maxLineBytes {
                    return TextCheck(
                        breach: (line, "line is \(offset - lineStart) bytes, over the limit of \(maxLineBytes)"),
                        hasAsterisk: hasAsterisk)
                }
                line += 1
                lineStart = offset
                quote = 0
                continue
            }
            if quote != 0 {
                if escaped {
                    escaped = false
                } else if quote == UInt8(ascii: "\"") && byte == UInt8(ascii: "\\") {
                    escaped = true
                } else if byte == quote {
                    quote = 0
                }
                continue
            }
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "'"):
                if Self.quoteMayOpen(after: offset >= 2 ? bytes[offset - 2] : UInt8(ascii: "\n")) { quote = byte }
            case UInt8(ascii: "["), UInt8(ascii: "{"):
                depth += 1
                if depth > maxNestingDepth {
                    return TextCheck(breach: (line, "nesting deeper than \(maxNestingDepth) levels"), hasAsterisk: hasAsterisk)
                }
            case UInt8(ascii: "]"), UInt8(ascii: "}"):
                depth = max(0, depth - 1)
            default:
                break
            }
        }
        if offset - lineStart > maxLineBytes {
            return TextCheck(
                breach: (line, "line is \(offset - lineStart) bytes, over the limit of \(maxLineBytes)"),
                hasAsterisk: hasAsterisk)
        }
        return TextCheck(breach: nil, hasAsterisk: hasAsterisk)
    }

    private static func quoteMayOpen(after byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "\n"), UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "["), UInt8(ascii: "{"),
            UInt8(ascii: ","), UInt8(ascii: ":"), UInt8(ascii: "-"):
            return true
        default:
            return false
        }
    }

    /// Counts the nodes a document expands to (aliases followed), stopping at the limit.
    func exceedsExpansion(_ node: Node) -> Bool {
        var remaining = maxExpandedNodes
        var stack: [Node] = [node]
        while let current = stack.popLast() {
            remaining -= 1
            if remaining < 0 { return true }
            switch current {
            case .mapping(let mapping):
                for index in mapping.indices {  // by index: Yams' mapping iterator copies every pair first
                    stack.append(mapping[index].key)
                    stack.append(mapping[index].value)
                }
            case .sequence(let sequence): stack.append(contentsOf: sequence)
            case .scalar, .alias: break
            }
        }
        return false
    }
}
