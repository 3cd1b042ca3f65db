/// oauth2-proxy settings as a `Verifier`. Defaults per the oauth2-proxy configuration reference
/// (https://oauth2-proxy.github.io/oauth2-proxy/configuration/overview). Keys are the cfg names; the alpha
/// YAML reader maps its names onto them.
enum OAuth2Proxy {
    static let docs = "https://oauth2-proxy.github.io/oauth2-proxy/configuration/overview"

    static func verifier(_ settings: FlatSettings, name: String, format: String, sink: DiagnosticSink) -> Verifier {
        let anchor = settings.anchor
        func note(_ text: String) -> String { "oauth2-proxy default: \(text) (\(docs))" }
        func flag(_ key: String, default value: Bool, _ meaning: String) -> Field<Bool> {
            let field = settings.bool(key, sink: sink)
            return field.isAbsent ? .productDefault(value, path: key, at: anchor, note: note("\(key) is \(value) (\(meaning))")) : field
        }
        let issuerURL = settings.string("oidc_issuer_url")
        let jwksURL = settings.string("oidc_jwks_url")
        let skipDiscovery = flag("skip_oidc_discovery", default: false, "keys are found through discovery")
        let jwksSource = jwksURL.isAbsent && skipDiscovery.value == false
            ? Field(.absent, path: jwksURL.path, location: issuerURL.location ?? anchor,
                note: "jwks_uri is read from the issuer's discovery document")
            : jwksURL
        var trusted: [Verifier.TrustedIssuer] = []
        if !issuerURL.isAbsent {
            trusted.append(.init(issuer: issuerURL, jwksURI: jwksSource, location: issuerURL.location ?? anchor))
        }
        // extra_jwt_issuers: "issuer=audience" pairs accepted for bearer tokens (skip_jwt_bearer_tokens).
        let extra = settings.list("extra_jwt_issuers")
        for item in extra.value ?? [] {
            let issuer = item.map { String($0.split(separator: "=", maxSplits: 1).first ?? "") }
            trusted.append(.init(issuer: issuer, jwksURI: Field(.absent, path: item.path, location: item.location,
                note: "jwks_uri is read from the issuer's discovery document"), location: item.location ?? anchor))
        }
        let skipIssuer = flag("insecure_oidc_skip_issuer_verification", default: false, "iss is verified")
        let skipTLS = flag("ssl_insecure_skip_verify", default: false, "TLS certificates are verified")
        let bearer = flag("skip_jwt_bearer_tokens", default: false, "only session cookies are accepted")
        let at = issuerURL.location ?? anchor
        // The session cookie is always read; cited at cookie_name when it is written.
        let cookieName = settings.string("cookie_name")
        var sources = [cookieName.isAbsent
            ? Field<String>.productDefault("cookie", path: "cookie_name", at: anchor,
                note: note("the session cookie _oauth2_proxy carries the session"))
            : .known("cookie", path: cookieName.path, at: cookieName.location, display: cookieName.display ?? "cookie")]
        if bearer.value == true { sources.append(.known("header", path: bearer.path, at: bearer.location)) }
        let forwarding = ["pass_access_token", "pass_authorization_header", "set_authorization_header"]
            .map { flag($0, default: false, "the token is not passed on") }
        let skipRoutes = ["skip_auth_routes", "skip_auth_regex"].compactMap { settings[$0] }
        var audienceItems = [settings.string("client_id")].filter { !$0.isAbsent }
        audienceItems += settings.list("oidc_extra_audiences").value ?? []
        let secrets = [("client_secret", "OAuth client secret (oauth2-proxy)"), ("cookie_secret", "cookie signing secret (oauth2-proxy)")]
            .compactMap { settings.secret($0.0, kind: $0.1) }
        return Verifier(
            metadata: .unowned(name: name, format: format, at: anchor),
            trustedIssuers: trusted.isEmpty ? .absent("oidc_issuer_url", at: anchor)
                : .known(trusted, path: issuerURL.path, at: at, display: issuerURL.display ?? "(no issuer)"),
            algorithms: .absent("oidc_signing_algs", at: anchor),
            validates: .init(
                signature: .productDefault(true, path: issuerURL.path, at: at, note: note("go-oidc verifies ID token signatures")),
                issuer: skipIssuer.map { !$0 },
                audience: .productDefault(true, path: "client_id", at: at,
                    note: note("the aud claim must hold client_id or one of oidc_extra_audiences")),
                expiration: .productDefault(true, path: issuerURL.path, at: at, note: note("go-oidc rejects expired tokens")),
                notBefore: .absent("oidc_issuer_url", at: at)),
            audiences: audienceItems.isEmpty ? .absent("client_id", at: anchor)
                : .known(audienceItems, path: audienceItems[0].path, at: audienceItems[0].location,
                    display: "[" + audienceItems.compactMap(\.display).joined(separator: ", ") + "]"),
            maxTokenAge: .absent("cookie_expire", at: anchor), clockSkew: .absent("oidc_issuer_url", at: at),
            jwks: .init(
                cacheTTL: .absent("oidc_jwks_url", at: at), refreshOnUnknownKid: .absent("oidc_jwks_url", at: at),
                tlsVerify: skipTLS.value == true ? skipTLS.map { !$0 }
                    : AppVerifierDefaults.tlsVerify(for: jwksURL.isAbsent ? issuerURL : jwksURL,
                        note: note("ssl_insecure_skip_verify is false, TLS certificates are verified"))),
            trustsTokenHeaders: .productDefault(false, path: "oidc_jwks_url", at: at,
                note: note("keys come only from the provider's JWKS; jku/x5u/jwk headers are ignored")),
            tokenSources: .known(sources, path: bearer.path, at: bearer.location,
                display: "[" + sources.compactMap(\.value).joined(separator: ", ") + "]",
                note: bearer.value == true ? nil : note("skip_jwt_bearer_tokens is false: only the session cookie")),
            forwardsToken: forwarding.first { $0.value == true } ?? forwarding.first { $0.value == nil } ?? forwarding[0],
            requiresToken: skipRoutes.isEmpty
                ? .productDefault(true, path: "skip_auth_routes", at: anchor,
                    note: note("every route requires an authenticated session unless skip_auth_routes exempts it"))
                : Field(.absent, path: skipRoutes[0].key, location: skipRoutes[0].location,
                    note: "\(skipRoutes[0].key) exempts some routes from authentication"),
            revocationCheck: .absent("revocationCheck", at: anchor), replayProtection: .absent("replayProtection", at: anchor),
            logsTokenValues: .absent("logsTokenValues", at: anchor), secrets: secrets)
    }
}
