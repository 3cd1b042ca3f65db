/// A Keycloak realm export as an `Issuer` (the realm mints the tokens) plus its machine clients.
struct KeycloakRealmReader {
    let document: DocumentNode
    let sink: ImportSink
    static let docs = "Keycloak Server Administration Guide (https://www.keycloak.org/docs/latest/server_admin/)"
    static let keyProviderType = "org.keycloak.keys.KeyProvider"

    func read() {
        let diagnostics = sink.diagnostics
        let root = FieldReader(document, path: "", anchor: document.location, sink: diagnostics)
        let realm = root.string("realm")
        let realmName = realm.value ?? "realm@\(document.location.line)"
        let clients = document["clients"]?.items.compactMap {
            KeycloakClientReader.read($0, realm: realm, sink: diagnostics)
        } ?? []
        sink.estate.machineClients.append(contentsOf: clients)

        let lifespan = defaulted(root.integer("accessTokenLifespan"), 300,
            "Keycloak default: accessTokenLifespan is 300 seconds (5 minutes); \(Self.docs)#_timeouts")
        let algorithm = defaulted(root.string("defaultSignatureAlgorithm"), "RS256",
            "Keycloak default: defaultSignatureAlgorithm is RS256; \(Self.docs)#realm_keys")
        let providers = keyProviders()
        let signingProvider = providers.first { $0.providerID.hasPrefix("rsa") || $0.providerID.hasPrefix("ecdsa") }
        var secrets = providers.flatMap(\.secrets)
        secrets.append(contentsOf: userPasswords())
        let issuer = Issuer(
            metadata: .unowned(name: realmName, format: "keycloak/realm", at: document.location),
            issuerURL: Field(.absent, path: "realm", location: realm.location ?? document.location,
                note: "a realm export does not record the server's URL: iss is {server}/realms/\(realmName)"),
            jwksURI: .absent("realm", at: document.location),
            signing: .init(
                algorithm: algorithm,
                keyType: signingProvider.map { .known($0.keyType, path: $0.path, at: $0.location) }
                    ?? .productDefault("RSA", path: "components", at: document.location,
                        note: "Keycloak default: a realm gets an rsa-generated key provider; \(Self.docs)#realm_keys"),
                keySize: signingProvider?.keySize
                    ?? .productDefault(2048, path: "components", at: document.location,
                        note: "Keycloak default: rsa-generated keys are 2048 bits; \(Self.docs)#realm_keys"),
                keyStorage: signingProvider.map { .known($0.storage, path: $0.path, at: $0.location) }
                    ?? .productDefault("database", path: "components", at: document.location,
                        note: "Keycloak default: generated realm keys are stored in Keycloak's database; \(Self.docs)#realm_keys"),
                rotationPeriod: .absent("components", at: document.location),
                keyCreated: .absent("components", at: document.location)),
            tokens: .init(
                defaultTTL: lifespan, maxTTL: maxLifespan(realm: lifespan, clients: clients),
                audiences: .absent("clients", at: document.location),
                includesJti: .productDefault(true, path: "accessTokenLifespan", at: document.location,
                    note: "Keycloak always sets a jti claim in the tokens it issues"),
                senderConstraint: .productDefault("none", path: "clients", at: document.location,
                    note: "Keycloak default: access tokens are bearer tokens unless a client enables OAuth 2.0 Mutual TLS certificate bound tokens; \(Self.docs)#_mtls-client-certificate-bound-tokens")),
            revocation: .productDefault("introspection", path: "realm", at: document.location,
                note: "Keycloak serves RFC 7662 token introspection at /protocol/openid-connect/token/introspect"),
            logging: .init(
                issuance: defaulted(root.bool("eventsEnabled"), false,
                    "Keycloak default: user events are not saved (eventsEnabled false); \(Self.docs)#auditing-and-events"),
                includesTokenValues: .absent("eventsEnabled", at: document.location)),
            secrets: secrets)
        sink.estate.issuers.append(issuer)
    }

    private func defaulted<V>(_ field: Field<V>, _ value: V, _ note: String) -> Field<V> {
        field.isAbsent ? .productDefault(value, path: field.path, at: document.location, note: note) : field
    }

    /// The longest lifetime any client gets: the realm's, or a client's `access.token.lifespan` override.
    private func maxLifespan(realm: Field<Int>, clients: [MachineClient]) -> Field<Int> {
        let overrides = clients.map(\.accessTokenLifespan).filter { $0.value != nil }
        return ([realm] + overrides).max { ($0.value ?? 0) < ($1.value ?? 0) } ?? realm
    }

    struct KeyProvider {
        var providerID: String
        var path: String
        var location: SourceLocation
        var keyType: String
        var keySize: Field<Int>?
        var storage: String
        var secrets: [SecretMaterial]
    }

    /// `components["org.keycloak.keys.KeyProvider"]`: committed private keys and HMAC/AES secrets.
    private func keyProviders() -> [KeyProvider] {
        guard let list = document["components"]?[Self.keyProviderType] else { return [] }
        return list.items.map { component in
            let providerID = component["providerId"]?.scalar ?? ""
            let config = component["config"]
            var secrets: [SecretMaterial] = []
            for (member, kind) in [("privateKey", "Keycloak realm private key (\(providerID))"),
                ("secret", "Keycloak realm symmetric key (\(providerID))")]
            {
                if let value = config.flatMap({ Self.configValue($0, member) }), let text = value.scalar, !text.isEmpty,
                    Placeholder.detect(text) == nil
                {
                    secrets.append(SecretMaterial(kind: kind, value: text, path: value.path, location: value.location))
                }
            }
            let size = config.flatMap { Self.configValue($0, "keySize") }
            let keySize: Field<Int>? = size.flatMap { node in
                node.scalar.flatMap(Int.init).map { .known($0, path: node.path, at: node.location) }
            }
            let storage: String
            switch providerID {
            case "java-keystore": storage = "file"
            case _ where !secrets.isEmpty: storage = "inline"
            default: storage = "database"
            }
            return KeyProvider(
                providerID: providerID, path: component.path, location: component.location,
                keyType: providerID.hasPrefix("ecdsa") ? "EC" : (providerID.hasPrefix("rsa") ? "RSA" : "oct"),
                keySize: keySize, storage: storage, secrets: secrets)
        }
    }

    /// Keycloak writes component config values as one-item lists (`"secret": ["..."]`).
    static func configValue(_ config: DocumentNode, _ key: String) -> DocumentNode? {
        guard let value = config[key] else { return nil }
        return value.isSequence ? value.items.first : value
    }

    /// `users[].credentials[].value`: plaintext passwords in hand-written realm files.
    private func userPasswords() -> [SecretMaterial] {
        (document["users"]?.items ?? []).flatMap { user in
            (user["credentials"]?.items ?? []).compactMap { credential in
                guard let value = credential["value"], let text = value.scalar, !text.isEmpty else { return nil }
                return SecretMaterial(kind: "Keycloak user password", value: text, path: value.path, location: value.location)
            }
        }
    }
}
