/// Keycloak realm exports (`kc.sh export`, admin console partial export) and single-client exports.
/// Defaults are those of the Keycloak Server Administration Guide (https://www.keycloak.org/docs/latest/server_admin/).
public struct KeycloakImporter: DocumentImporter {
    public let format = "keycloak"

    public init() {}

    static let realmKeys = ["accessTokenLifespan", "clients", "components", "keycloakVersion", "ssoSessionMaxLifespan",
        "defaultSignatureAlgorithm", "sslRequired", "roles", "users"]
    static let clientKeys = ["publicClient", "serviceAccountsEnabled", "directAccessGrantsEnabled", "bearerOnly",
        "redirectUris", "fullScopeAllowed", "standardFlowEnabled"]

    /// A full server export (`standalone.sh -Dkeycloak.migration.action=export` single file) is a list of realms.
    public func recognizes(_ document: DocumentNode) -> Bool {
        if document.isSequence { return !document.items.isEmpty && document.items.allSatisfy(recognizes) }
        if document["realm"]?.scalar != nil, Self.realmKeys.contains(where: { document[$0] != nil }) { return true }
        return document["clientId"]?.scalar != nil && Self.clientKeys.contains { document[$0] != nil }
    }

    public func importDocument(_ document: DocumentNode, into sink: ImportSink) {
        if document.isSequence { return document.items.forEach { importDocument($0, into: sink) } }
        if document["realm"]?.scalar != nil {
            KeycloakRealmReader(document: document, sink: sink).read()
        } else {
            let realm = Field<String>.absent("realm", at: document.location)
            if let client = KeycloakClientReader.read(document, realm: realm, sink: sink.diagnostics) {
                sink.estate.machineClients.append(client)
            }
        }
    }
}
