
/// JWK Sets (RFC 7517 section 5), and the malformed shapes found in the wild: a bare JWK, keys under another
/// member than `keys`, or JWKs nested in a map of named entries.
public struct JWKSImporter: DocumentImporter {
    public let format = "jwks"

    public init() {}

    public func recognizes(_ document: DocumentNode) -> Bool {
        if document["kty"]?.scalar != nil { return true }
        if let keys = document["keys"], keys.isSequence { return keys.items.allSatisfy(\.isMapping) }
        // Every document no earlier importer took reaches this check: look for a `kty` key on the raw nodes
        // before building entries and paths.
        guard Self.hasKtyKey(below: document, levels: 2) else { return false }
        return !nestedKeys(document).isEmpty
            || document.entries.contains { $0.value.isSequence && $0.value.items.contains { $0["kty"] != nil } }
    }

    public func importDocument(_ document: DocumentNode, into sink: ImportSink) {
        var (keys, problems) = JWKReader.readKeySet(document)
        if keys.isEmpty {
            let nested = nestedKeys(document)
            keys = nested.map(JWKReader.readKey)
            problems = nested.map {
                "a JWK nested at '\($0.path)' instead of a JWK Set: RFC 7517 consumers see no keys"
            }
        }
        let malformed = !problems.isEmpty
        sink.estate.keySets.append(KeySet(
            metadata: .unowned(name: document.file, format: format, at: document.location),
            origin: malformed ? .malformedJWKS : .jwksDocument, keys: keys, usedBy: nil,
            sourceURL: .absent("keys", at: document.location), shapeProblems: problems))
    }

    /// True when a mapping up to `levels` below `node` (through mapping values and sequence items) has a
    /// `kty` key: necessary for both nested shapes `recognizes` accepts.
    private static func hasKtyKey(below node: DocumentNode, levels: Int) -> Bool {
        guard levels > 0 else { return false }
        var found = false
        node.forEachChild { child in
            if !found, child.child("kty") != nil || hasKtyKey(below: child, levels: levels - 1) { found = true }
        }
        return found
    }

    /// JWKs one or two mappings deep (`{"name": {"privateJWK": {"kty": ...}}}`).
    private func nestedKeys(_ document: DocumentNode) -> [DocumentNode] {
        document.entries.flatMap { entry -> [DocumentNode] in
            guard entry.value.isMapping else { return [] }
            if entry.value["kty"]?.scalar != nil { return [entry.value] }
            return entry.value.entries.map(\.value).filter { $0.isMapping && $0["kty"]?.scalar != nil }
        }
    }
}
