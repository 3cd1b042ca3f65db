import Yams

/// A YAML or JSON node with the file it came from and its field path, so every value read keeps its location.
public struct DocumentNode {
    public let node: Node
    public let file: String
    /// Where the key that holds this node is written (nil for the root and list items).
    public var keyLocation: SourceLocation? { keyMark.map { locate($0) } }
    /// Moves marks of text embedded in another file (JSON inside a YAML string) to the file's lines.
    public let shift: Shift?
    /// Kept as a mark, not a location: a location holds the file name, one more reference to count per copy.
    private let keyMark: Mark?
    /// The path is built only when asked for: most children are looked up for their value alone.
    private let parentPath: String
    private let step: Step
    /// A mapping's or sequence's members and path, read once on the first lookup (nil for other nodes).
    private let members: Members?

    private enum Step {
        case whole
        case key(String)
        case item(Int)
    }

    /// A mapping's or sequence's members read out of Yams once: key texts (nil for a key that is not a scalar;
    /// none in a sequence), key marks, values, and the members' own caches, so a node looked up again (`metadata`
    /// for each label) is not read again. Yams' `mapping[index]` copies the key and value nodes on every call,
    /// and importers look up a dozen keys in the same mapping.
    private final class Members {
        private var read = false
        private(set) var texts: [String?] = []
        private(set) var keyMarks: [Mark?] = []
        private(set) var values: [Node] = []
        private var nested: [Members?] = []
        private var path: String?

        static func make(for node: Node) -> Members? {
            switch node {
            case .mapping, .sequence: return Members()
            case .scalar, .alias: return nil
            }
        }

        func path(_ build: () -> String) -> String {
            if let path { return path }
            let built = build()
            path = built
            return built
        }

        func load(_ node: Node) {
            guard !read else { return }
            read = true
            switch node {
            case .mapping(let mapping):
                texts.reserveCapacity(mapping.count)
                keyMarks.reserveCapacity(mapping.count)
                values.reserveCapacity(mapping.count)
                // By index: Yams' `Node.Mapping.makeIterator()` copies every pair into a new array.
                for index in mapping.indices {
                    let (key, value) = mapping[index]
                    if case .scalar(let scalar) = key {
                        texts.append(scalar.string)
                        keyMarks.append(scalar.mark)
                    } else {
                        texts.append(nil)
                        keyMarks.append(DocumentNode.mark(of: key))
                    }
                    values.append(value)
                }
            case .sequence(let sequence):
                values.reserveCapacity(sequence.count)
                for index in sequence.indices { values.append(sequence[index]) }
            case .scalar, .alias:
                break
            }
            nested = Array(repeating: nil, count: values.count)
        }

        /// The cache of the member at `position`, made on first use and kept for the next lookup.
        func members(at position: Int) -> Members? {
            if let cached = nested[position] { return cached }
            let made = Members.make(for: values[position])
            nested[position] = made
            return made
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

    public init(node: Node, file: String, path: String, shift: Shift? = nil) {
        self.init(
            node: node, file: file, parentPath: path, step: .whole, keyMark: nil, shift: shift,
            members: Members.make(for: node))
    }

    private init(
        node: Node, file: String, parentPath: String, step: Step, keyMark: Mark?, shift: Shift?, members: Members?
    ) {
        self.node = node
        self.file = file
        self.parentPath = parentPath
        self.step = step
        self.keyMark = keyMark
        self.shift = shift
        self.members = members
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
    private var mark: Mark? { Self.mark(of: node) }

    private static func mark(of node: Node) -> Mark? {
        switch node {
        case .scalar(let scalar): return scalar.mark
        case .mapping(let mapping): return mapping.mark
        case .sequence(let sequence): return sequence.mark
        case .alias(let alias): return alias.mark
        }
    }

    /// Where to point when a field inside this node is absent: the key that opens it, else the node.
    public var anchor: SourceLocation { locate(keyMark ?? mark) }

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

    public func child(_ key: String) -> DocumentNode? {
        guard let members else { return nil }
        members.load(node)
        guard let position = members.texts.firstIndex(where: { $0 == key }) else { return nil }
        return member(at: position, of: members, parentPath: members.path { path }, step: .key(key))
    }

    private func member(at position: Int, of members: Members, parentPath: String, step: Step) -> DocumentNode {
        DocumentNode(
            node: members.values[position], file: file, parentPath: parentPath, step: step,
            keyMark: members.keyMarks.isEmpty ? nil : members.keyMarks[position], shift: shift,
            members: members.members(at: position))
    }

    /// The mapping's keys that are scalars, in document order, without building a node per entry.
    public var keyTexts: [String] {
        guard let members else { return [] }
        members.load(node)
        return members.texts.compactMap { $0 }
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
        guard let members else { return [] }
        members.load(node)
        let parentPath = members.path { path }
        var entries: [(key: String, keyLocation: SourceLocation, value: DocumentNode)] = []
        entries.reserveCapacity(members.texts.count)
        for position in members.texts.indices {  // none for a sequence
            guard let key = members.texts[position] else { continue }
            entries.append(
                (key, locate(members.keyMarks[position]),
                 member(at: position, of: members, parentPath: parentPath, step: .key(key))))
        }
        return entries
    }

    public var items: [DocumentNode] {
        guard isSequence, let members else { return [] }
        members.load(node)
        let parentPath = members.path { path }
        return members.values.indices.map { member(at: $0, of: members, parentPath: parentPath, step: .item($0)) }
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
