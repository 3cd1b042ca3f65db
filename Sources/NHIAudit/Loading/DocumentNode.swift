import Yams

/// A YAML or JSON node with the file it came from and its field path, so every value read keeps its location.
public struct DocumentNode {
    public let node: Node
    public let file: String
    /// Field path from the document root, e.g. `spec.tokens.maxTTL` or `spec.audiences[1]`.
    public let path: String
    /// Where the key that holds this node is written (nil for the root and list items).
    public let keyLocation: SourceLocation?
    /// Moves marks of text embedded in another file (JSON inside a YAML string) to the file's lines.
    public let shift: Shift?

    public struct Shift: Sendable {
        public var lines: Int
        /// Added to columns on the embedded text's first line only.
        public var firstLineColumns: Int
        /// Added to columns on every line (a block scalar's indentation, which YAML strips from its text).
        public var allColumns: Int

        public init(lines: Int, firstLineColumns: Int, allColumns: Int = 0) {
            self.lines = lines
            self.firstLineColumns = firstLineColumns
            self.allColumns = allColumns
        }
    }

    public init(node: Node, file: String, path: String, keyLocation: SourceLocation? = nil, shift: Shift? = nil) {
        self.node = node
        self.file = file
        self.path = path
        self.keyLocation = keyLocation
        self.shift = shift
    }

    public var location: SourceLocation { locate(node.mark) }

    /// Where to point when a field inside this node is absent: the key that opens it, else the node.
    public var anchor: SourceLocation { keyLocation ?? location }

    private func locate(_ mark: Mark?) -> SourceLocation {
        let line = mark?.line ?? 1
        let column = mark?.column ?? 1
        guard let shift else { return SourceLocation(file: file, line: line, column: column) }
        return SourceLocation(
            file: file, line: line + shift.lines,
            column: (line == 1 ? column + shift.firstLineColumns : column) + shift.allColumns)
    }

    public var isMapping: Bool { node.mapping != nil }
    public var isSequence: Bool { node.sequence != nil }
    public var isNull: Bool { node.scalar.map { Self.nullScalars.contains($0.string) && $0.style == .plain } ?? false }
    private static let nullScalars: Set<String> = ["", "~", "null", "Null", "NULL"]

    /// The scalar text, or nil for mappings and sequences.
    public var scalar: String? { node.scalar?.string }
    /// True when the scalar was written in quotes (so `"true"` is text, not a boolean).
    public var isQuoted: Bool {
        guard let style = node.scalar?.style else { return false }
        return style == .singleQuoted || style == .doubleQuoted
    }

    // Yams' `Node.Mapping.makeIterator()` copies every pair into a new array, so mappings are walked by index.
    public func child(_ key: String) -> DocumentNode? {
        guard let mapping = node.mapping else { return nil }
        for index in mapping.indices {
            let (keyNode, value) = mapping[index]
            guard keyNode.scalar?.string == key else { continue }
            return DocumentNode(node: value, file: file, path: join(key), keyLocation: locate(keyNode.mark), shift: shift)
        }
        return nil
    }

    /// Follows a dotted path of mapping keys.
    public func descendant(_ keys: String...) -> DocumentNode? {
        var current: DocumentNode? = self
        for key in keys { current = current?.child(key) }
        return current
    }

    public subscript(key: String) -> DocumentNode? { child(key) }

    /// Mapping entries in document order (keys that are not scalars are skipped: no format here uses them).
    public var entries: [(key: String, keyLocation: SourceLocation, value: DocumentNode)] {
        guard let mapping = node.mapping else { return [] }
        return mapping.indices.compactMap { index in
            let (keyNode, value) = mapping[index]
            guard let key = keyNode.scalar?.string else { return nil }
            let keyLocation = locate(keyNode.mark)
            return (key, keyLocation, DocumentNode(node: value, file: file, path: join(key), keyLocation: keyLocation, shift: shift))
        }
    }

    public var items: [DocumentNode] {
        guard let sequence = node.sequence else { return [] }
        return sequence.enumerated().map { index, item in
            DocumentNode(node: item, file: file, path: "\(path)[\(index)]", shift: shift)
        }
    }

    private func join(_ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }
}
