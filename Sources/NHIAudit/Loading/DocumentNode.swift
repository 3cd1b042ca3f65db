import Yams

/// A YAML or JSON node with the file it came from and its field path, so every value read keeps its location.
public struct DocumentNode {
    public let node: Node
    public let file: String
    /// Where the key that holds this node is written (nil for the root and list items).
    public let keyLocation: SourceLocation?
    /// Moves marks of text embedded in another file (JSON inside a YAML string) to the file's lines.
    public let shift: Shift?
    /// The path is built only when asked for: most children are looked up for their value alone.
    private let parentPath: String
    private let step: Step
    /// A mapping's key texts and path, built once on the first lookup (nil for other nodes).
    private let keys: MappingKeys?

    private enum Step {
        case whole
        case key(String)
        case item(Int)
    }

    /// Key texts of a mapping in order (nil for a key that is not a scalar). Importers look up a dozen keys in
    /// the same mapping; comparing texts here spares copying every key and value node per lookup.
    private final class MappingKeys {
        private var texts: [String?]?
        private var path: String?

        func path(_ build: () -> String) -> String {
            if let path { return path }
            let built = build()
            path = built
            return built
        }

        func texts(of node: Node) -> [String?] {
            if let texts { return texts }
            var read: [String?] = []
            if case .mapping(let mapping) = node {
                read.reserveCapacity(mapping.count)
                // By index: Yams' `Node.Mapping.makeIterator()` copies every pair into a new array.
                for index in mapping.indices { read.append(mapping[index].key.scalar?.string) }
            }
            texts = read
            return read
        }
    }

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
        self.init(node: node, file: file, parentPath: path, step: .whole, keyLocation: keyLocation, shift: shift)
    }

    private init(node: Node, file: String, parentPath: String, step: Step, keyLocation: SourceLocation?, shift: Shift?) {
        self.node = node
        self.file = file
        self.parentPath = parentPath
        self.step = step
        self.keyLocation = keyLocation
        self.shift = shift
        if case .mapping = node { keys = MappingKeys() } else { keys = nil }
    }

    /// Field path from the document root, e.g. `spec.tokens.maxTTL` or `spec.audiences[1]`.
    public var path: String {
        switch step {
        case .whole: return parentPath
        case .key(let key): return Self.join(parentPath, key)
        case .item(let index): return "\(parentPath)[\(index)]"
        }
    }

    public var location: SourceLocation { locate(mark) }

    // Yams' accessors (`node.mark`, `node.scalar`, `node.mapping`) are opaque calls that copy the whole payload,
    // weak anchor reference included; matching the cases here reads only what is needed.
    private var mark: Mark? {
        switch node {
        case .scalar(let scalar): return scalar.mark
        case .mapping(let mapping): return mapping.mark
        case .sequence(let sequence): return sequence.mark
        case .alias(let alias): return alias.mark
        }
    }

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

    public var isMapping: Bool {
        if case .mapping = node { return true }
        return false
    }
    public var isSequence: Bool {
        if case .sequence = node { return true }
        return false
    }
    public var isNull: Bool {
        guard case .scalar(let scalar) = node, scalar.style == .plain else { return false }
        switch scalar.string {
        case "", "~", "null", "Null", "NULL": return true
        default: return false
        }
    }

    /// The scalar text, or nil for mappings and sequences.
    public var scalar: String? {
        if case .scalar(let scalar) = node { return scalar.string }
        return nil
    }
    /// True when the scalar was written in quotes (so `"true"` is text, not a boolean).
    public var isQuoted: Bool {
        guard case .scalar(let scalar) = node else { return false }
        return scalar.style == .singleQuoted || scalar.style == .doubleQuoted
    }

    // Yams' `Node.Mapping.makeIterator()` copies every pair into a new array, so mappings are walked by index.
    public func child(_ key: String) -> DocumentNode? {
        guard let keys, let position = keys.texts(of: node).firstIndex(where: { $0 == key }),
            case .mapping(let mapping) = node
        else { return nil }
        let (keyNode, value) = mapping[mapping.startIndex + position]
        return DocumentNode(
            node: value, file: file, parentPath: keys.path { path }, step: .key(key), keyLocation: locate(keyNode.mark), shift: shift)
    }

    /// The mapping's keys that are scalars, in document order, without building a node per entry.
    public var keyTexts: [String] { keys?.texts(of: node).compactMap { $0 } ?? [] }

    /// Follows a dotted path of mapping keys.
    public func descendant(_ keys: String...) -> DocumentNode? {
        var current: DocumentNode? = self
        for key in keys { current = current?.child(key) }
        return current
    }

    public subscript(key: String) -> DocumentNode? { child(key) }

    /// Mapping entries in document order (keys that are not scalars are skipped: no format here uses them).
    public var entries: [(key: String, keyLocation: SourceLocation, value: DocumentNode)] {
        guard case .mapping(let mapping) = node else { return [] }
        let parentPath = path
        return mapping.indices.compactMap { index in
            let (keyNode, value) = mapping[index]
            guard let key = keyNode.scalar?.string else { return nil }
            let keyLocation = locate(keyNode.mark)
            return (
                key, keyLocation,
                DocumentNode(
                    node: value, file: file, parentPath: parentPath, step: .key(key), keyLocation: keyLocation,
                    shift: shift)
            )
        }
    }

    public var items: [DocumentNode] {
        guard case .sequence(let sequence) = node else { return [] }
        let parentPath = path
        return sequence.enumerated().map { index, item in
            DocumentNode(node: item, file: file, parentPath: parentPath, step: .item(index), keyLocation: nil, shift: shift)
        }
    }

    static func join(_ path: String, _ key: String) -> String {
        guard !path.isEmpty else { return key }
        var joined = path
        joined.reserveCapacity(path.utf8.count + 1 + key.utf8.count)
        joined += "."
        joined += key
        return joined
    }
}
