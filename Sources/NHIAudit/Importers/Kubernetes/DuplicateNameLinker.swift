/// Keeps entity names unique per kind for the Istio, Envoy and Kubernetes importers: the same
/// `<namespace>/<name>` in two files (base and overlay, two clusters) gets ` @<file>:<line>:<column>` appended to each
/// copy, so results never merge two different documents.
public struct DuplicateNameLinker: EstateLinker {
    public init() {}

    static let formats = ["istio/", "envoy/", "kubernetes/"]

    public func link(_ estate: inout Estate, diagnostics: DiagnosticSink) {
        let renamed = Self.disambiguate(&estate.verifiers, metadata: \.metadata)
        for index in estate.keySets.indices {
            guard let user = estate.keySets[index].usedBy else { continue }
            let file = estate.keySets[index].metadata.location.file
            if let newName = renamed[Key(name: user.name, file: file)] {
                estate.keySets[index].usedBy = EntityRef(kind: user.kind, name: newName)
            }
        }
        _ = Self.disambiguate(&estate.keySets, metadata: \.metadata)
        _ = Self.disambiguate(&estate.accessPolicies, metadata: \.metadata)
        _ = Self.disambiguate(&estate.workloads, metadata: \.metadata)
        _ = Self.disambiguate(&estate.serviceAccounts, metadata: \.metadata)
        _ = Self.disambiguate(&estate.serviceAccountTokenSecrets, metadata: \.metadata)
    }

    struct Key: Hashable {
        var name: String
        var file: String
    }

    /// Renames duplicates of this importer family's entities; returns old name + file → new name.
    private static func disambiguate<E: Entity>(_ entities: inout [E], metadata: WritableKeyPath<E, EntityMetadata>) -> [Key: String] {
        var counts: [String: Int] = [:]
        // Read through `Entity.metadata` by index: a key path or a for-in loop copies every entity first.
        for index in entities.indices { counts[entities[index].metadata.name, default: 0] += 1 }
        var renamed: [Key: String] = [:]
        for index in entities.indices {
            let meta = entities[index].metadata
            guard counts[meta.name, default: 0] > 1, formats.contains(where: meta.format.hasPrefix) else { continue }
            let newName = "\(meta.name) @\(meta.location)"
            renamed[Key(name: meta.name, file: meta.location.file)] = newName
            entities[index][keyPath: metadata].name = newName
        }
        return renamed
    }
}
