/// Reads `Issuer.spec` of the native format.
enum NativeIssuerReader {
    static func read(_ spec: FieldReader, metadata: EntityMetadata, sink: DiagnosticSink) -> Issuer {
        let signing = spec.nested("signing")
        let tokens = spec.nested("tokens")
        let revocation = spec.nested("revocation")
        let logging = spec.nested("logging")
        var secrets: [SecretMaterial] = []
        if let secretNode = signing.raw("secret"), !secretNode.isNull {
            secrets.append(
                SecretMaterial(
                    kind: "signing key material", value: secretNode.flowText,
                    path: secretNode.path, location: secretNode.location))
        }
        let issuer = Issuer(
            metadata: metadata,
            issuerURL: spec.string("issuer"),
            jwksURI: spec.string("jwksUri"),
            signing: .init(
                algorithm: signing.string("algorithm"),
                keyType: signing.choice("keyType", ["RSA", "EC", "OKP", "oct"]),
                keySize: signing.integer("keySize"),
                keyStorage: signing.choice("keyStorage", ["hsm", "kms", "file", "env", "memory", "inline"]),
                rotationPeriod: signing.duration("rotationPeriod"),
                keyCreated: signing.date("keyCreated")),
            tokens: .init(
                defaultTTL: tokens.duration("defaultTTL"),
                maxTTL: tokens.duration("maxTTL"),
                audiences: tokens.stringList("audiences"),
                includesJti: tokens.bool("includesJti"),
                senderConstraint: tokens.choice("senderConstraint", ["none", "mtls", "dpop"])),
            revocation: revocation.choice("method", ["none", "denylist", "introspection", "key-rollover"]),
            logging: .init(issuance: logging.bool("issuance"), includesTokenValues: logging.bool("includesTokenValues")),
            secrets: secrets)
        for reader in [signing, tokens, revocation, logging] { reader.reportUnknownKeys() }
        return issuer
    }
}
