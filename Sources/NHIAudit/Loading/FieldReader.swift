/// Reads typed fields from one mapping of a document, recording problems as INP-001 diagnostics.
/// Each reader also remembers the keys it was asked about, so `reportUnknownKeys` can flag typos
/// (a misspelt `maxTtl` would otherwise read as "not set").
public final class FieldReader {
    public let node: DocumentNode?
    /// Where an absent field is reported: the mapping if present, else its parent.
    public let anchor: SourceLocation
    public let path: String
    public let sink: DiagnosticSink
    /// In the order asked; an array, as a reader is asked a few keys and hashing each cost more than comparing.
    private var knownKeys: [String] = []
    private let paths: FieldPaths
    /// Looked up once per reader: a task-local read per value cost as much as the rest of interning it.
    private let interner: TextInterner?

    public convenience init(_ node: DocumentNode?, path: String, anchor: SourceLocation, sink: DiagnosticSink) {
        self.init(node, paths: TextInterner.fieldPaths(for: path), path: path, anchor: anchor, sink: sink)
    }

    private init(_ node: DocumentNode?, paths: FieldPaths, path: String, anchor: SourceLocation, sink: DiagnosticSink) {
        self.node = node
        self.paths = paths
        self.interner = TextInterner.current
        self.path = path
        self.anchor = node?.anchor ?? anchor
        self.sink = sink
        if let node, !node.isMapping, !node.isNull {
            sink.add(.init(.unreadable, at: node.location, field: path, "expected a mapping"))
        }
    }

    public func nested(_ key: String) -> FieldReader {
        knownKeys.append(key)
        let child = paths.child(key)
        return FieldReader(node?.child(key), paths: child, path: child.path, anchor: anchor, sink: sink)
    }

    public func raw(_ key: String) -> DocumentNode? {
        knownKeys.append(key)
        return node?.child(key)
    }

    public func string(_ key: String) -> Field<String> {
        read(key) { _, text in
            guard let text else { return .failure(ReadError("expected a text value")) }
            return .success(text)
        }
    }

    /// A value that must be one of `allowed` (case-sensitive, as documented).
    public func choice(_ key: String, _ allowed: [String]) -> Field<String> {
        read(key) { _, text in
            guard let text else { return .failure(ReadError("expected one of \(allowed.joined(separator: ", "))")) }
            guard allowed.contains(text) else {
                return .failure(ReadError("'\(text)' is not one of \(allowed.joined(separator: ", "))"))
            }
            return .success(text)
        }
    }

    public func bool(_ key: String) -> Field<Bool> {
        read(key) { node, _ in
            switch node.scalar?.lowercased() {
            case "true": return .success(true)
            case "false": return .success(false)
            default: return .failure(ReadError("expected true or false"))
            }
        }
    }

    public func integer(_ key: String) -> Field<Int> {
        read(key) { node, _ in
            guard let text = node.scalar, let value = Int(text), value >= 0 else {
                return .failure(ReadError("expected a non-negative whole number"))
            }
            return .success(value)
        }
    }

    /// `30s`, `15m`, `1h`, `90d` or an integer of seconds.
    public func duration(_ key: String) -> Field<Int> {
        read(key) { node, _ in
            guard let text = node.scalar, let seconds = DurationParser.seconds(from: text) else {
                return .failure(ReadError("expected a duration such as 30s, 15m, 1h, 90d or a number of seconds"))
            }
            return .success(seconds)
        }
    }

    public func date(_ key: String) -> Field<CalendarDate> {
        read(key) { node, _ in
            guard let text = node.scalar, let date = CalendarDate(iso: text) else {
                return .failure(ReadError("expected a date YYYY-MM-DD"))
            }
            return .success(date)
        }
    }

    /// A list of text items; a single scalar is accepted as a one-item list.
    public func stringList(_ key: String) -> ListField {
        knownKeys.append(key)
        let childPaths = paths.child(key)
        let fieldPath = childPaths.path
        guard let child = node?.child(key), !child.isNull else { return Field(.absent, internedPath: fieldPath, location: anchor) }
        if child.scalar != nil {
            let item = scalarField(child, path: fieldPath)
            return Field(.known([item]), internedPath: fieldPath, location: child.location, display: child.scalar)
        }
        guard child.isSequence else {
            sink.add(.init(.unreadable, at: child.location, field: fieldPath, "expected a list"))
            return Field(.invalid("expected a list"), internedPath: fieldPath, location: child.location)
        }
        // Items' paths come from the shared paths when the list sits where this reader says it does (readers
        // may be given other paths than the document's).
        let listPaths = child.path == fieldPath ? childPaths : nil
        let items = child.items.enumerated().map { index, item -> Field<String> in
            let itemPath = listPaths?.item(index).path ?? TextInterner.intern(item.path, in: interner)
            guard item.scalar != nil else {
                sink.add(.init(.unreadable, at: item.location, field: itemPath, "expected a text item"))
                return Field(.invalid("expected a text item"), internedPath: itemPath, location: item.location)
            }
            return scalarField(item, path: itemPath)
        }
        let display = TextInterner.intern("[" + items.map { $0.display ?? "?" }.joined(separator: ", ") + "]", in: interner)
        return Field(.known(items), internedPath: fieldPath, location: child.location, display: display)
    }

    /// Flags keys this reader was never asked about. Call after reading every field.
    public func reportUnknownKeys() {
        // Most mappings have no unknown key: check the key text before building every entry's node and path.
        guard let node, node.containsKeyText(where: { !knownKeys.contains($0) }) else { return }
        for entry in node.entries where !knownKeys.contains(entry.key) {
            let suggestion = knownKeys.first { $0.lowercased() == entry.key.lowercased() }
            let hint = suggestion.map { " (did you mean '\($0)'?)" } ?? ""
            sink.add(
                .init(
                    .unreadable, at: entry.keyLocation, field: entry.value.path,
                    "unknown field '\(entry.key)'\(hint); it is ignored, so whatever it meant to set reads as unset"))
        }
    }

    /// `path.key`, interned: pass it to `Field(_:internedPath:...)`.
    func fieldPath(_ key: String) -> String { paths.child(key).path }

    /// `path` interned, as `fieldPath` gives.
    private func scalarField(_ node: DocumentNode, path: String) -> Field<String> {
        let text = TextInterner.intern(node.scalar ?? "", in: interner)
        if let placeholder = Placeholder.detect(text) {
            return Field(.placeholder(placeholder), internedPath: path, location: node.location, display: text)
        }
        return Field(.known(text), internedPath: path, location: node.location, display: text)
    }

    /// `convert` gets the node and its scalar text, interned.
    private func read<V>(_ key: String, _ convert: (DocumentNode, String?) -> Result<V, ReadError>) -> Field<V> {
        knownKeys.append(key)
        let fieldPath = fieldPath(key)
        guard let child = node?.child(key), !child.isNull else { return Field(.absent, internedPath: fieldPath, location: anchor) }
        let text = child.scalar.map { TextInterner.intern($0, in: interner) }
        let location = child.location
        if let text, let placeholder = Placeholder.detect(text) {
            return Field(.placeholder(placeholder), internedPath: fieldPath, location: location, display: text)
        }
        switch convert(child, text) {
        case .success(let value):
            return Field(.known(value), internedPath: fieldPath, location: location, display: text)
        case .failure(let error):
            sink.add(.init(.unreadable, at: location, field: fieldPath, error.reason))
            return Field(.invalid(error.reason), internedPath: fieldPath, location: location, display: text)
        }
    }
}

public struct ReadError: Error, ExpressibleByStringLiteral {
    public let reason: String
    public init(stringLiteral value: String) { reason = value }
    public init(_ reason: String) { self.reason = reason }
}

/// Collects diagnostics while one file is imported.
public final class DiagnosticSink {
    public private(set) var diagnostics: [InputDiagnostic] = []
    public init() {}
    public func add(_ diagnostic: InputDiagnostic) { diagnostics.append(diagnostic) }
}
