import Yams

/// A YAML or JSON node with the file it came from and its field path, so every value read keeps its location.
/// A position in a `YAMLTree`: copying one costs two words, and the path is built only when asked for (most
/// nodes are looked up for their value alone).
public struct DocumentNode {
    let tree: YAMLTree
    let index: Int32

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

    init(tree: YAMLTree, index: Int32) {
        self.tree = tree
        self.index = index
    }

    /// The document's root.
    init(tree: YAMLTree) { self.init(tree: tree, index: tree.root) }

    /// A document parsed by Yams (embedded text, tests); nil past the expansion limit.
    public init?(node: Node, file: String, path: String, shift: Shift? = nil) {
        guard let tree = YAMLTree.fromYams(node, file: file, rootPath: path, shift: shift) else { return nil }
        self.init(tree: tree)
    }

    public var file: String { tree.file }
    public var shift: Shift? { tree.shift }
    private var entry: YAMLTree.Entry { tree.entries[Int(index)] }

    /// Field path from the document root, e.g. `spec.tokens.maxTTL` or `spec.audiences[1]`.
    public var path: String { tree.path(of: index) }

    public var location: SourceLocation { locate(entry) }

    /// Where the key that holds this node is written (nil for the root and list items).
    public var keyLocation: SourceLocation? { tree.keyIndex(of: index).map { locate(tree.entries[Int($0)]) } }

    /// Where to point when a field inside this node is absent: the key that opens it, else the node.
    public var anchor: SourceLocation { keyLocation ?? location }

    private func locate(_ entry: YAMLTree.Entry) -> SourceLocation {
        let line = Int(entry.line)
        let column = Int(entry.column)
        guard let shift = tree.shift else { return SourceLocation(file: tree.file, line: line, column: column) }
        return SourceLocation(
            file: tree.file, line: line + shift.lines,
            column: (line == 1 ? column + shift.firstLineColumns : column) + shift.allColumns)
    }

    public var isMapping: Bool { entry.kind == .mapping }
    public var isSequence: Bool { entry.kind == .sequence }
    public var isNull: Bool {
        let entry = entry
        guard entry.kind == .scalar, entry.style == .plain else { return false }
        switch tree.texts[Int(entry.start)] {
        case "", "~", "null", "Null", "NULL": return true
        default: return false
        }
    }

    /// The scalar text, or nil for mappings and sequences.
    public var scalar: String? { tree.text(of: index) }
    /// True when the scalar was written in quotes (so `"true"` is text, not a boolean).
    public var isQuoted: Bool { entry.kind == .scalar && (entry.style == .singleQuoted || entry.style == .doubleQuoted) }
    /// True for a block scalar (`|` or `>`), whose text starts on the line after its indicator.
    public var isBlockScalar: Bool { entry.kind == .scalar && (entry.style == .literal || entry.style == .folded) }

    public func child(_ key: String) -> DocumentNode? {
        let entry = entry
        guard entry.kind == .mapping else { return nil }
        let first = Int(entry.start)
        for pair in 0..<Int(entry.count) where tree.text(of: tree.members[first + 2 * pair]) == key {
            return DocumentNode(tree: tree, index: tree.members[first + 2 * pair + 1])
        }
        return nil
    }

    /// The mapping's keys that are scalars, in document order, without building a node per entry.
    public var keyTexts: [String] {
        let entry = entry
        guard entry.kind == .mapping else { return [] }
        return (0..<Int(entry.count)).compactMap { tree.text(of: tree.members[Int(entry.start) + 2 * $0]) }
    }

    /// Whether a scalar key of the mapping satisfies `predicate`, as `keyTexts.contains(where:)` without the array.
    func containsKeyText(where predicate: (String) -> Bool) -> Bool {
        let entry = entry
        guard entry.kind == .mapping else { return false }
        for pair in 0..<Int(entry.count) {
            if let key = tree.text(of: tree.members[Int(entry.start) + 2 * pair]), predicate(key) { return true }
        }
        return false
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
        let entry = entry
        guard entry.kind == .mapping else { return [] }
        var entries: [(key: String, keyLocation: SourceLocation, value: DocumentNode)] = []
        entries.reserveCapacity(Int(entry.count))
        for pair in 0..<Int(entry.count) {
            let keyIndex = tree.members[Int(entry.start) + 2 * pair]
            guard let key = tree.text(of: keyIndex) else { continue }
            entries.append(
                (key, locate(tree.entries[Int(keyIndex)]),
                 DocumentNode(tree: tree, index: tree.members[Int(entry.start) + 2 * pair + 1])))
        }
        return entries
    }

    /// The values of `entries` (a mapping) or the `items` (a sequence), in document order, without building
    /// keys, locations or an array: for walks over a whole document.
    func forEachChild(_ body: (DocumentNode) -> Void) {
        let entry = entry
        let first = Int(entry.start)
        switch entry.kind {
        case .mapping:
            for pair in 0..<Int(entry.count) where tree.entries[Int(tree.members[first + 2 * pair])].kind == .scalar {
                body(DocumentNode(tree: tree, index: tree.members[first + 2 * pair + 1]))
            }
        case .sequence:
            for item in 0..<Int(entry.count) { body(DocumentNode(tree: tree, index: tree.members[first + item])) }
        case .scalar:
            break
        }
    }

    public var items: [DocumentNode] {
        let entry = entry
        guard entry.kind == .sequence else { return [] }
        return (0..<Int(entry.count)).map { DocumentNode(tree: tree, index: tree.members[Int(entry.start) + $0]) }
    }

    /// The node's text: a scalar as written, a collection in flow style (`{a: 1, b: [x, y]}`), so a value that
    /// should be a scalar but is not still has a stable text to fingerprint and measure.
    public var flowText: String {
        if let scalar { return scalar }
        if isSequence { return "[" + items.map(\.flowText).joined(separator: ", ") + "]" }
        return "{" + entries.map { "\($0.key): \($0.value.flowText)" }.joined(separator: ", ") + "}"
    }

    static func join(_ path: String, _ key: String) -> String {
        guard !path.isEmpty else { return key }
        var joined = path
        joined.reserveCapacity(path.utf8.count + 1 + key.utf8.count)
        joined += "."
        joined += key
        return joined
    }

    /// `path[index]`, the path of a list's item.
    static func item(_ path: String, _ index: Int) -> String {
        let number = String(index)
        var indexed = path
        indexed.reserveCapacity(path.utf8.count + number.utf8.count + 2)
        indexed += "["
        indexed += number
        indexed += "]"
        return indexed
    }
}
