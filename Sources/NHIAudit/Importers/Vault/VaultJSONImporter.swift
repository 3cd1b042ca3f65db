/// `vault read -format=json auth/<mount>/role/<name>` (a role) or `auth/<mount>/config` (a backend): the
/// settings are under `data`. A role is recognised by `user_claim` or `role_type`, a backend by its key source.
public struct VaultJSONImporter: DocumentImporter {
    public let format = VaultJWTReader.format
    public init() {}

    static let backendKeys = ["oidc_discovery_url", "jwks_url", "jwt_validation_pubkeys", "bound_issuer"]

    public func recognizes(_ document: DocumentNode) -> Bool {
        guard let data = document["data"], data.isMapping else { return false }
        return isRole(data) || Self.backendKeys.contains { data[$0] != nil }
    }

    private func isRole(_ data: DocumentNode) -> Bool { data["user_claim"] != nil || data["role_type"] != nil }

    public func importDocument(_ document: DocumentNode, into sink: ImportSink) {
        guard let data = document["data"] else { return }
        let settings = JSONVaultSettings(node: data, sink: sink.diagnostics)
        guard isRole(data) else {
            // A backend alone has no role to judge: its settings reach controls through the roles that use it.
            sink.report(
                .init(.unreadable, at: data.anchor, field: "data",
                      "Vault JWT auth backend configuration: read, but trusts are judged per role; "
                          + "export the roles (vault read -format=json auth/<mount>/role/<name>) next to it",
                      severity: .info))
            return
        }
        let name = data["role_name"]?.scalar ?? SourceText.fileName(of: document.file)
        VaultJWTReader.role(settings, name: name, backend: nil, backendReference: nil, sink: sink)
    }
}

struct JSONVaultSettings: VaultSettings {
    let node: DocumentNode
    let reader: FieldReader

    init(node: DocumentNode, sink: DiagnosticSink) {
        self.node = node
        reader = FieldReader(node, path: node.path, anchor: node.anchor, sink: sink)
    }

    var anchor: SourceLocation { node.anchor }
    func string(_ key: String) -> Field<String> { reader.string(key) }
    func bool(_ key: String) -> Field<Bool> { reader.bool(key) }
    /// Vault prints durations as integer seconds; input files may hold Go duration strings.
    func duration(_ key: String) -> Field<Int> {
        guard let text = node[key]?.scalar, let seconds = GoDuration.seconds(text) else { return reader.duration(key) }
        return Field(.known(seconds), internedPath: reader.fieldPath(key), location: node[key]?.location, display: text)
    }
    func stringList(_ key: String) -> ListField { reader.stringList(key) }
    func has(_ key: String) -> Bool { node[key].map { !$0.isNull } ?? false }

    func boundClaims() -> (claims: [(key: String, location: SourceLocation, values: ListField)], unresolved: Field<String>?) {
        guard let claims = node["bound_claims"], claims.isMapping else { return ([], nil) }
        return (claims.entries.map { entry in (entry.key, entry.keyLocation, PolicyTree(entry.value).listField()) }, nil)
    }
}
