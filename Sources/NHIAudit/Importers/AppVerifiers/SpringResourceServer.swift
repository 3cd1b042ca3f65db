/// Spring Boot OAuth2 resource server settings (`spring.security.oauth2.resourceserver.jwt.*`) as a `Verifier`.
/// Defaults per Spring Security reference, "OAuth 2.0 Resource Server JWT"
/// (https://docs.spring.io/spring-security/reference/servlet/oauth2/resource-server/jwt.html).
enum SpringResourceServer {
    static let prefix = "spring.security.oauth2.resourceserver."
    static let jwt = prefix + "jwt."
    static let docs = "https://docs.spring.io/spring-security/reference/servlet/oauth2/resource-server/jwt.html"

    /// Spring Boot relaxed binding: `issuer-uri`, `issuerUri` and `issuer_uri` are one property.
    static func canonical(_ key: String) -> String {
        var result = ""
        for character in key {
            if character == "_" { result.append("-") } else if character.isUppercase {
                result += "-" + character.lowercased()
            } else {
                result.append(character)
            }
        }
        return result
    }

    static func isResourceServer(_ settings: FlatSettings) -> Bool {
        settings.entries.contains { $0.key.hasPrefix(prefix) }
    }

    static func verifier(_ settings: FlatSettings, name: String, format: String, sink: DiagnosticSink) -> Verifier {
        let anchor = settings.anchor
        func note(_ text: String) -> String { "Spring Security default: \(text) (\(docs))" }
        let issuerURI = settings.string(jwt + "issuer-uri")
        let jwkSetURI = settings.string(jwt + "jwk-set-uri")
        let publicKey = settings.string(jwt + "public-key-location")
        let audiences = settings.list(jwt + "audiences")
        let algorithmKey = settings[jwt + "jws-algorithms"] != nil ? "jws-algorithms" : "jws-algorithm"
        var algorithms = settings.list(jwt + algorithmKey)
        if algorithms.isAbsent {
            algorithms = .productDefault([.known("RS256", path: jwt + "jws-algorithms", at: anchor)],
                path: jwt + "jws-algorithms", at: anchor, note: note("jws-algorithms is RS256"))
        }
        let hasIssuer = !issuerURI.isAbsent
        var trusted: Field<[Verifier.TrustedIssuer]> = .absent(jwt + "issuer-uri", at: anchor)
        if hasIssuer || !jwkSetURI.isAbsent || !publicKey.isAbsent {
            let keySource = jwkSetURI.isAbsent && !publicKey.isAbsent
                ? Field(.absent, path: jwkSetURI.path, location: publicKey.location,
                    note: "keys come from the local file in public-key-location")
                : jwkSetURI
            // Cited by the setting that makes the trust: absent settings sit at the document's start, so
            // `issuerURI.location ?? ...` would never reach the key source actually written.
            let written = hasIssuer ? issuerURI : (jwkSetURI.isAbsent ? publicKey : jwkSetURI)
            let location = written.location ?? anchor
            trusted = .known([.init(issuer: issuerURI, jwksURI: keySource, location: location)],
                path: written.path, at: location, display: written.display ?? "(no issuer)",
                note: hasIssuer ? nil : "no issuer-uri: any issuer's token signed by these keys is accepted")
        }
        let at = issuerURI.location ?? jwkSetURI.location ?? anchor
        return Verifier(
            metadata: .unowned(name: name, format: format, at: anchor), trustedIssuers: trusted, algorithms: algorithms,
            validates: .init(
                signature: .productDefault(true, path: jwt + "jws-algorithms", at: at,
                    note: note("NimbusJwtDecoder verifies every token's signature")),
                issuer: .productDefault(hasIssuer, path: issuerURI.path, at: issuerURI.location ?? at,
                    note: hasIssuer ? note("issuer-uri adds JwtIssuerValidator")
                        : note("iss is validated only when issuer-uri is set; with jwk-set-uri alone any issuer is accepted")),
                audience: .productDefault(!audiences.isAbsent, path: audiences.path, at: audiences.location ?? at,
                    note: audiences.isAbsent ? note("aud is validated only when audiences is set") : note("audiences adds an aud validator")),
                expiration: .productDefault(true, path: jwt + "issuer-uri", at: at,
                    note: note("JwtTimestampValidator checks exp with 60s clock skew")),
                notBefore: .productDefault(true, path: jwt + "issuer-uri", at: at,
                    note: note("JwtTimestampValidator checks nbf with 60s clock skew"))),
            audiences: audiences, maxTokenAge: .absent(jwt + "max-token-age", at: anchor),
            clockSkew: .productDefault(60, path: jwt + "clock-skew", at: at,
                note: note("JwtTimestampValidator allows 60 seconds of clock skew")),
            jwks: .init(
                cacheTTL: .absent(jwt + "jwk-set-uri", at: at),
                refreshOnUnknownKid: .absent(jwt + "jwk-set-uri", at: at),
                tlsVerify: AppVerifierDefaults.tlsVerify(for: jwkSetURI.isAbsent ? issuerURI : jwkSetURI,
                    note: "the JVM validates TLS certificates against its trust store by default")),
            trustsTokenHeaders: .productDefault(false, path: jwt + "jwk-set-uri", at: at,
                note: note("keys come only from the configured JWK Set or public key; jku/x5u/jwk headers are ignored")),
            tokenSources: .productDefault([.known("header", path: "tokenSources[0]", at: at)], path: "tokenSources", at: at,
                note: note("DefaultBearerTokenResolver reads only the Authorization header; query and form parameters are off")),
            forwardsToken: .absent("forwardsToken", at: anchor),
            requiresToken: Field(.absent, path: "requiresToken", location: anchor,
                note: "whether a token is required is decided by the application's SecurityFilterChain, not by these properties"),
            revocationCheck: .productDefault("none", path: "revocationCheck", at: at,
                note: note("self-contained JWTs are not introspected")),
            replayProtection: .productDefault(false, path: "replayProtection", at: at, note: note("jti is not tracked")),
            logsTokenValues: .absent("logsTokenValues", at: anchor),
            secrets: settings.entries.compactMap { entry in
                guard entry.key.hasPrefix("spring.security.oauth2."), entry.key.hasSuffix("client-secret")
                    || entry.key.hasSuffix("password")
                else { return nil }
                return settings.secret(entry.key, kind: "OAuth client secret (Spring)")
            })
    }
}

/// Defaults shared by the application verifier readers.
enum AppVerifierDefaults {
    /// TLS verification when keys are fetched from `url`: none over plain http, the product's default over https.
    static func tlsVerify(for url: Field<String>, note: String) -> Field<Bool> {
        guard let text = url.value else { return url.map { _ in false } }
        if text.lowercased().hasPrefix("http://") {
            return .known(false, path: url.path, at: url.location, display: text, note: "keys are fetched over plain http")
        }
        guard URLMatching.isHTTPS(text) else { return Field(.absent, path: url.path, location: url.location) }
        return .productDefault(true, path: url.path, at: url.location, note: note)
    }
}
