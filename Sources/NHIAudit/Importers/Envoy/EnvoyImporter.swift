/// Envoy bootstrap / static configuration with the `envoy.filters.http.jwt_authn` HTTP filter (v3, and the
/// removed v2 `config:` / v2alpha form, read with a deprecation diagnostic).
public struct EnvoyImporter: DocumentImporter {
    public let format = "envoy/jwt_authn"

    public init() {}

    /// An Envoy bootstrap: `static_resources` (or `dynamic_resources`) at the top level.
    public func recognizes(_ document: DocumentNode) -> Bool {
        document["static_resources"]?.isMapping == true || document["dynamic_resources"]?.isMapping == true
    }

    public func importDocument(_ document: DocumentNode, into sink: ImportSink) {
        let filters = EnvoyFilterFinder.jwtFilters(in: document)
        guard !filters.isEmpty else {
            sink.report(.init(.unreadable, at: document.location,
                "Envoy configuration without an envoy.filters.http.jwt_authn filter: it verifies no tokens, nothing "
                    + "to assess", severity: .info))
            return
        }
        let clusters = EnvoyClusters(document: document, sink: sink.diagnostics)
        let fileName = String(document.file.split(separator: "/").last ?? "envoy")
        for (index, filter) in filters.enumerated() {
            if filter.isV2 {
                sink.report(.init(.unreadable, at: filter.configLocation, field: filter.config.path,
                    "Envoy v2 API (config: / v2alpha jwt_authn) was removed in Envoy 1.18; current Envoy rejects this "
                        + "file. It is read as the equivalent v3 JwtAuthentication", severity: .low))
            }
            let prefix = filters.count == 1 ? fileName : "\(fileName)/jwt_authn[\(index)]"
            let reader = EnvoyJwtAuthnReader(
                config: filter.config, namePrefix: prefix, clusters: clusters, sink: sink.diagnostics)
            let (verifiers, keySets) = reader.read()
            sink.estate.verifiers.append(contentsOf: verifiers)
            sink.estate.keySets.append(contentsOf: keySets)
        }
    }
}

/// Finds jwt_authn filters anywhere in a bootstrap (listeners, filter chains, nested typed configs).
enum EnvoyFilterFinder {
    struct Found {
        var config: DocumentNode
        var configLocation: SourceLocation
        var isV2: Bool
    }

    static let names: Set<String> = ["envoy.filters.http.jwt_authn", "envoy.http.jwt_authn"]

    static func jwtFilters(in node: DocumentNode) -> [Found] {
        var found: [Found] = []
        visit(node, into: &found)
        return found
    }

    private static func visit(_ node: DocumentNode, into found: inout [Found]) {
        if node.isMapping, let match = match(node) {
            found.append(match)
            return
        }
        node.forEachChild { visit($0, into: &found) }
    }

    private static func match(_ node: DocumentNode) -> Found? {
        let typeURL = node["typed_config"]?["@type"]?.scalar ?? ""
        let named = names.contains(node["name"]?.scalar ?? "")
        // Most mappings of a config have no @type: skip Foundation's search of an empty text.
        if let typed = node["typed_config"], (!typeURL.isEmpty && typeURL.contains("jwt_authn")) || (named && typed.isMapping) {
            return Found(config: typed, configLocation: typed.anchor, isV2: typeURL.contains(".v2"))
        }
        if named, let config = node["config"] {
            return Found(config: config, configLocation: config.anchor, isV2: true)
        }
        return nil
    }
}
