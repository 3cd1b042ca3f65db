/// OpenID Connect Discovery 1.0 and RFC 8414 authorization server metadata (`.well-known/openid-configuration`).
public struct DiscoveryImporter: DocumentImporter {
    public let format = "oidc-discovery"

    public init() {}

    public func recognizes(_ document: DocumentNode) -> Bool {
        guard document["issuer"]?.scalar != nil else { return false }
        return ["jwks_uri", "token_endpoint", "authorization_endpoint", "response_types_supported"]
            .contains { document[$0] != nil }
    }

    public func importDocument(_ document: DocumentNode, into sink: ImportSink) {
        let reader = FieldReader(document, path: "", anchor: document.location, sink: sink.diagnostics)
        let issuer = reader.string("issuer")
        var endpoints: [Field<String>] = []
        var algorithmLists: [ListField] = []
        for entry in document.entries {
            if entry.key == "jwks_uri" || entry.key.hasSuffix("_endpoint") {
                endpoints.append(reader.string(entry.key))
            } else if entry.key.hasSuffix("_alg_values_supported") {
                algorithmLists.append(reader.stringList(entry.key))
            }
        }
        var secrets: [SecretMaterial] = []
        // A discovery document has no business holding keys; if one embeds a key set, read it as one.
        if let jwks = document["jwks"] {
            let (keys, problems) = JWKReader.readKeySet(jwks)
            secrets = keys.flatMap(\.secrets)
            sink.estate.keySets.append(KeySet(
                metadata: .unowned(name: "\(issuer.value ?? document.file)#jwks", format: format, at: jwks.location),
                origin: .jwksDocument, keys: keys, usedBy: nil, sourceURL: .absent("jwks_uri", at: jwks.location),
                shapeProblems: problems))
        }
        sink.estate.discoveryDocuments.append(DiscoveryDocument(
            metadata: .unowned(name: issuer.value ?? document.file, format: format, at: document.location),
            issuer: issuer, jwksURI: reader.string("jwks_uri"), endpoints: endpoints,
            algorithmLists: algorithmLists, secrets: secrets))
    }
}
