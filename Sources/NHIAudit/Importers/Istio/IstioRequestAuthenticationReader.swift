/// Reads an Istio `RequestAuthentication` spec. Each `jwtRules[]` entry becomes its own Verifier: each rule
/// names one issuer with its own audiences, keys and token locations, and Envoy checks them independently.
/// Several rules are named `<namespace>/<name>/jwtRules[i]`.
struct IstioRequestAuthenticationReader {
    let spec: FieldReader
    let name: String
    let scope: WorkloadScope
    let sink: DiagnosticSink
    let metadata: (String) -> EntityMetadata

    static let product = "Istio (Envoy jwt_authn)"
    /// istiod refreshes remote JWKS every PILOT_JWT_PUB_KEY_REFRESH_INTERVAL (default 20m).
    static let jwksRefreshSeconds = 20 * 60

    init(spec: FieldReader, name: String, scope: WorkloadScope, sink: DiagnosticSink,
        metadata: @escaping (String) -> EntityMetadata)
    {
        self.spec = spec
        self.name = name
        self.scope = scope
        self.sink = sink
        self.metadata = metadata
    }

    func verifiers() -> ([Verifier], [KeySet]) {
        guard let rules = spec.raw("jwtRules"), !rules.isNull else {
            sink.add(.init(.unreadable, at: spec.anchor, field: "spec.jwtRules",
                "no jwtRules: this RequestAuthentication verifies nothing", severity: .low))
            return ([], [])
        }
        guard rules.isSequence else {
            sink.add(.init(.unreadable, at: rules.location, field: "spec.jwtRules", "expected a list of JWT rules"))
            return ([], [])
        }
        var verifiers: [Verifier] = []
        var keySets: [KeySet] = []
        for (index, rule) in rules.items.enumerated() {
            let ruleName = rules.items.count == 1 ? name : "\(name)/jwtRules[\(index)]"
            let (verifier, keySet) = read(rule, name: ruleName)
            verifiers.append(verifier)
            if let keySet { keySets.append(keySet) }
        }
        return (verifiers, keySets)
    }

    private func read(_ node: DocumentNode, name: String) -> (Verifier, KeySet?) {
        let rule = FieldReader(node, path: node.path, anchor: node.location, sink: sink)
        let at = node.location
        let product = Self.product
        let issuer = rule.string("issuer")
        if issuer.isAbsent {
            sink.add(.init(.unreadable, at: at, field: "\(rule.path).issuer",
                "issuer is required by Istio; istiod rejects this rule"))
        }
        let audiences = rule.stringList("audiences")
        let jwksURI = rule.string("jwksUri")
        let inline = readInlineKeys(rule, verifierName: name)
        let tokenSources = JwtAuthnDefaults.configuredTokenSources(
            rule, headers: "fromHeaders", params: "fromParams", cookies: "fromCookies")
        for key in ["outputPayloadToHeader", "outputClaimToHeaders", "timeout"] { _ = rule.raw(key) }
        var forward = rule.bool("forwardOriginalToken")
        if forward.isAbsent {
            forward = .productDefault(false, path: "\(rule.path).forwardOriginalToken", at: at,
                note: "Istio default: forwardOriginalToken false (the token is removed before forwarding)")
        }
        rule.reportUnknownKeys()

        var verifier = Verifier(
            metadata: metadata(name),
            trustedIssuers: .known(
                [Verifier.TrustedIssuer(issuer: issuer, jwksURI: effectiveJWKSURI(jwksURI, inline: inline, issuer: issuer),
                    location: at)], path: rule.path, at: at, display: issuer.display ?? "(no issuer)"),
            algorithms: JwtAuthnDefaults.algorithms(
                for: inline?.keys, path: "\(rule.path).jwks", at: at, product: product),
            validates: .init(
                signature: .productDefault(true, path: "\(rule.path).jwks", at: at,
                    note: "Istio always verifies the signature against the JWKS"),
                issuer: issuer.map { _ in true },
                audience: JwtAuthnDefaults.audienceCheck(audiences, path: "\(rule.path).audiences", at: at, product: product),
                expiration: .productDefault(true, path: "\(rule.path)", at: at,
                    note: "Istio (Envoy jwt_authn) rejects expired tokens; a token without exp is not rejected"),
                notBefore: .productDefault(true, path: "\(rule.path)", at: at,
                    note: "Istio (Envoy jwt_authn) rejects tokens before nbf")),
            audiences: audiences,
            maxTokenAge: .absent("\(rule.path)", at: at, note: "Istio has no maximum token age setting"),
            clockSkew: .productDefault(60, path: "\(rule.path)", at: at,
                note: "Istio leaves Envoy's clock_skew_seconds at its default of 60s"),
            jwks: .init(
                cacheTTL: inline == nil
                    ? .productDefault(Self.jwksRefreshSeconds, path: "\(rule.path).jwksUri", at: jwksURI.location ?? at,
                        note: "Istio: istiod fetches the JWKS and refreshes it every 20m (PILOT_JWT_PUB_KEY_REFRESH_INTERVAL)")
                    : .absent("\(rule.path).jwks", at: at, note: "keys are inline; nothing is fetched"),
                refreshOnUnknownKid: JwtAuthnDefaults.noRefetchOnUnknownKid(path: rule.path, at: at, product: product),
                tlsVerify: tlsVerify(jwksURI, inline: inline, issuer: issuer, path: rule.path, at: at)),
            trustsTokenHeaders: JwtAuthnDefaults.noTokenHeaderTrust(path: rule.path, at: at, product: product),
            tokenSources: JwtAuthnDefaults.tokenSources(
                tokenSources, defaultPath: "\(rule.path).fromHeaders", at: at, product: product),
            forwardsToken: forward,
            requiresToken: .productDefault(false, path: "spec", at: spec.anchor,
                note: "Istio: a RequestAuthentication rejects invalid tokens but lets requests without a token "
                    + "through unless an AuthorizationPolicy for the workload requires a request principal"),
            revocationCheck: JwtAuthnDefaults.noRevocation(path: rule.path, at: at, product: product),
            replayProtection: JwtAuthnDefaults.noReplayProtection(path: rule.path, at: at, product: product),
            logsTokenValues: JwtAuthnDefaults.noTokenLogging(path: rule.path, at: at, product: product),
            secrets: [])
        verifier.scope = scope
        guard let inline else { return (verifier, nil) }
        verifier.localKeys = "inline in jwks"
        let keySet = KeySet(
            metadata: metadata("\(name)/jwks"), origin: .verifierInline, keys: inline.keys, usedBy: verifier.ref,
            sourceURL: .absent("\(rule.path).jwksUri", at: at), shapeProblems: inline.problems)
        return (verifier, keySet)
    }

    private func readInlineKeys(_ rule: FieldReader, verifierName: String) -> (keys: [JSONWebKey], problems: [String])? {
        guard let jwks = rule.raw("jwks"), let text = jwks.scalar, !jwks.isNull else { return nil }
        guard let parsed = JWKReader.parseEmbedded(text, scalar: jwks) else {
            sink.add(.init(.unreadable, at: jwks.location, field: jwks.path, "jwks is not valid JSON; no key is trusted"))
            return ([], ["jwks is not valid JSON"])
        }
        return JWKReader.readKeySet(parsed)
    }

    /// Without jwksUri or jwks, istiod finds the keys through the issuer's OpenID discovery document.
    private func effectiveJWKSURI(_ jwksURI: Field<String>, inline: (keys: [JSONWebKey], problems: [String])?,
        issuer: Field<String>) -> Field<String>
    {
        guard jwksURI.isAbsent else { return jwksURI }
        if inline != nil { return .absent(jwksURI.path, at: jwksURI.location, note: "keys are inline in jwks") }
        return .absent(jwksURI.path, at: jwksURI.location,
            note: "Istio: without jwksUri or jwks, istiod reads jwks_uri from <issuer>/.well-known/openid-configuration")
    }

    private func tlsVerify(_ jwksURI: Field<String>, inline: (keys: [JSONWebKey], problems: [String])?,
        issuer: Field<String>, path: String, at: SourceLocation) -> Field<Bool>
    {
        if inline != nil, jwksURI.isAbsent { return .absent("\(path).jwks", at: at, note: "keys are inline; nothing is fetched") }
        let source = jwksURI.isAbsent ? issuer : jwksURI
        if source.value == nil { return source.map { _ in false }.withState(source) }
        switch JwtAuthnDefaults.isTLS(source.value) {
        case true?:
            return .productDefault(true, path: source.path, at: source.location,
                note: "Istio: istiod fetches over https and verifies the certificate against its trust roots "
                    + "(JWKS_RESOLVER_INSECURE_SKIP_VERIFY default false)")
        case false?:
            return Field(.known(false), path: source.path, location: source.location, display: source.display,
                note: "fetched over plain http: anyone on the path can substitute keys")
        case nil:
            return Field(.invalid("not an http(s) URL"), path: source.path, location: source.location,
                display: source.display)
        }
    }
}

extension Field {
    /// Keeps this field's path and location but takes `other`'s unknown state (placeholder, absent, invalid).
    func withState<T>(_ other: Field<T>) -> Field {
        var copy = self
        switch other.state {
        case .known: break
        case .absent: copy.state = .absent
        case .placeholder(let text): copy.state = .placeholder(text)
        case .invalid(let reason): copy.state = .invalid(reason)
        }
        return copy
    }
}
