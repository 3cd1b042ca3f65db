/// Reads `Verifier.spec` of the native format.
enum NativeVerifierReader {
    static func read(_ spec: FieldReader, metadata: EntityMetadata, sink: DiagnosticSink) -> Verifier {
        let validates = spec.nested("validates")
        let jwks = spec.nested("jwks")
        let logging = spec.nested("logging")
        let verifier = Verifier(
            metadata: metadata,
            trustedIssuers: trustedIssuers(spec, sink: sink),
            algorithms: spec.stringList("algorithms"),
            validates: .init(
                signature: validates.bool("signature"), issuer: validates.bool("issuer"),
                audience: validates.bool("audience"), expiration: validates.bool("expiration"),
                notBefore: validates.bool("notBefore")),
            audiences: spec.stringList("audiences"),
            maxTokenAge: spec.duration("maxTokenAge"),
            clockSkew: spec.duration("clockSkew"),
            jwks: .init(
                cacheTTL: jwks.duration("cacheTTL"), refreshOnUnknownKid: jwks.bool("refreshOnUnknownKid"),
                tlsVerify: jwks.bool("tlsVerify")),
            trustsTokenHeaders: spec.bool("trustsTokenHeaders"),
            tokenSources: spec.stringList("tokenSources"),
            forwardsToken: spec.bool("forwardsToken"),
            requiresToken: spec.bool("requiresToken"),
            revocationCheck: spec.choice("revocationCheck", ["none", "introspection", "denylist"]),
            replayProtection: spec.bool("replayProtection"),
            logsTokenValues: logging.bool("tokenValues"),
            secrets: [])
        for reader in [validates, jwks, logging] { reader.reportUnknownKeys() }
        for source in verifier.tokenSources.value ?? [] {
            if let value = source.value, !["header", "query", "cookie"].contains(value) {
                sink.add(.init(.unreadable, at: source.location ?? metadata.location, field: source.path,
                    "'\(value)' is not one of header, query, cookie"))
            }
        }
        return verifier
    }

    private static func trustedIssuers(_ spec: FieldReader, sink: DiagnosticSink) -> Field<[Verifier.TrustedIssuer]> {
        let path = spec.path.isEmpty ? "trustedIssuers" : "\(spec.path).trustedIssuers"
        guard let list = spec.raw("trustedIssuers"), !list.isNull else { return .absent(path, at: spec.anchor) }
        guard list.isSequence else {
            sink.add(.init(.unreadable, at: list.location, field: path, "expected a list of {issuer, jwksUri}"))
            return Field(.invalid("expected a list"), path: path, location: list.location)
        }
        let entries = list.items.map { item -> Verifier.TrustedIssuer in
            let reader = FieldReader(item, path: item.path, anchor: item.location, sink: sink)
            defer { reader.reportUnknownKeys() }
            return Verifier.TrustedIssuer(
                issuer: reader.string("issuer"), jwksURI: reader.string("jwksUri"), location: item.location)
        }
        return Field(.known(entries), path: path, location: list.location, display: counted(entries.count, "issuer"))
    }
}
