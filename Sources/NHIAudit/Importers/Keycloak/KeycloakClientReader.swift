/// One Keycloak client (`clients[i]` of a realm export, or a client export on its own) as a `MachineClient`.
enum KeycloakClientReader {
    /// Clients every realm is created with; they serve people (consoles, account pages), not machines, so they
    /// are only assessed when someone enabled a service account on them.
    static let builtInClients: Set<String> = ["account", "account-console", "admin-cli", "broker", "realm-management",
        "security-admin-console"]
    /// Partial exports from the admin console mask secrets with this text.
    static let maskedSecret = "**********"
    static let docs = "Keycloak Server Administration Guide, OIDC clients (https://www.keycloak.org/docs/latest/server_admin/#_oidc_clients)"

    static func read(_ node: DocumentNode, realm: Field<String>, sink: DiagnosticSink) -> MachineClient? {
        let reader = FieldReader(node, path: node.path, anchor: node.location, sink: sink)
        let clientID = reader.string("clientId")
        let serviceAccounts = reader.bool("serviceAccountsEnabled")
        if let id = clientID.value, builtInClients.contains(id) || id.hasSuffix("-realm"), serviceAccounts.value != true {
            return nil
        }
        func flag(_ key: String, default value: Bool, _ meaning: String) -> Field<Bool> {
            let field = reader.bool(key)
            guard field.isAbsent else { return field }
            return .productDefault(
                value, path: field.path, at: node.location, note: "Keycloak default: \(key) is \(value) (\(meaning)); \(docs)")
        }
        var secrets: [SecretMaterial] = []
        if let secret = node["secret"], let text = secret.scalar, !text.isEmpty, text != maskedSecret,
            Placeholder.detect(text) == nil
        {
            secrets.append(SecretMaterial(kind: "Keycloak client secret", value: text, path: secret.path, location: secret.location))
        }
        let attributes = reader.nested("attributes")
        let lifespan = attributes.string("access.token.lifespan")
        let name = [realm.value, clientID.value ?? "client@\(node.location.line)"].compactMap { $0 }.joined(separator: "/")
        return MachineClient(
            metadata: .unowned(name: name, format: "keycloak/client", at: node.location), clientID: clientID,
            realm: realm,
            publicClient: flag("publicClient", default: false, "confidential client"),
            bearerOnly: flag("bearerOnly", default: false, "may request tokens"),
            serviceAccountsEnabled: serviceAccounts.isAbsent
                ? .productDefault(false, path: serviceAccounts.path, at: node.location,
                    note: "Keycloak default: serviceAccountsEnabled is false; \(docs)") : serviceAccounts,
            directAccessGrantsEnabled: flag("directAccessGrantsEnabled", default: false, "password grant off"),
            standardFlowEnabled: flag("standardFlowEnabled", default: true, "authorization code flow on"),
            fullScopeAllowed: flag("fullScopeAllowed", default: true, "tokens carry all realm roles"),
            accessTokenLifespan: seconds(lifespan, sink: sink), secrets: secrets)
    }

    /// Keycloak stores client attributes as text; the lifespan is seconds, and empty means "use the realm's".
    private static func seconds(_ field: Field<String>, sink: DiagnosticSink) -> Field<Int> {
        guard let text = field.value else { return field.map { _ in 0 } }
        if text.isEmpty { return .absent(field.path, at: field.location) }
        guard let value = Int(text), value >= 0 else {
            sink.add(.init(.unreadable, at: field.location ?? SourceLocation(file: "", line: 1, column: 1), field: field.path,
                "'\(text)' is not a number of seconds"))
            return Field(.invalid("'\(text)' is not a number of seconds"), path: field.path, location: field.location, display: text)
        }
        return .known(value, path: field.path, at: field.location, display: text)
    }
}
