/// Reads one `JwtAuthentication` config: one Verifier per provider (each provider is an independent issuer
/// configuration; rules decide where it is required), named `<file>/<provider>`.
struct EnvoyJwtAuthnReader {
    let config: DocumentNode
    let namePrefix: String
    let clusters: EnvoyClusters
    let sink: DiagnosticSink

    static let product = "Envoy jwt_authn"
    /// JwtProvider.remote_jwks.cache_duration: "If not specified, default cache duration is 10 minutes."
    static let defaultCacheSeconds = 600

    func read() -> ([Verifier], [KeySet]) {
        let root = FieldReader(config, path: config.path, anchor: config.location, sink: sink)
        _ = root.raw("@type")
        for key in ["bypass_cors_preflight", "filter_state_rules", "stat_prefix", "strip_failure_response"] {
            _ = root.raw(key)
        }
        let providers = root.raw("providers")
        var requirements = EnvoyRequirements(root: root, sink: sink)
        root.reportUnknownKeys()
        guard let providers, providers.isMapping, !providers.entries.isEmpty else {
            sink.add(.init(.unreadable, at: providers?.location ?? config.location, field: "\(config.path).providers",
                "jwt_authn without providers: no token is verified"))
            return ([], [])
        }
        requirements.defined = Set(providers.entries.map(\.key))
        requirements.reportUndefined()
        var verifiers: [Verifier] = []
        var keySets: [KeySet] = []
        for entry in providers.entries {
            let (verifier, keySet) = readProvider(entry.value, name: entry.key, requirements: requirements)
            verifiers.append(verifier)
            if let keySet { keySets.append(keySet) }
        }
        return (verifiers, keySets)
    }

    private func readProvider(_ node: DocumentNode, name provider: String, requirements: EnvoyRequirements)
        -> (Verifier, KeySet?)
    {
        let reader = FieldReader(node, path: node.path, anchor: node.anchor, sink: sink)
        let at = node.anchor
        let path = node.path
        let product = Self.product
        let name = "\(namePrefix)/\(provider)"
        let metadata = EntityMetadata.unowned(name: name, format: format, at: at)
        let issuer = reader.string("issuer")
        var audiences = reader.stringList("audiences")
        if audiences.knownItems.isEmpty, let ruleAudiences = requirements.audiences(for: provider) {
            audiences = ruleAudiences
        }
        let remote = reader.nested("remote_jwks")
        let httpURI = remote.nested("http_uri")
        let uri = httpURI.string("uri")
        let cluster = httpURI.string("cluster")
        if let text = uri.value, JwtAuthnDefaults.isTLS(text) == nil {
            sink.add(.init(.unreadable, at: uri.location ?? at, field: uri.path,
                "remote_jwks uri '\(text)' has no http:// or https:// scheme; Envoy expects a full URI and cannot fetch it"))
        }
        _ = httpURI.raw("timeout")
        let cacheDuration = EnvoyDuration.read(remote, "cache_duration", sink: sink)
        for key in ["async_fetch", "retry_policy"] { _ = remote.raw(key) }
        let local = reader.nested("local_jwks")
        let inline = readInlineKeys(local)
        let localFile = local.string("filename")
        _ = local.raw("inline_bytes")
        _ = local.raw("environment_variable")
        let tokenSources = JwtAuthnDefaults.configuredTokenSources(
            reader, headers: "from_headers", params: "from_params", cookies: "from_cookies")
        var forward = reader.bool("forward")
        if forward.isAbsent {
            forward = .productDefault(false, path: "\(path).forward", at: at,
                note: "Envoy default: forward false (the token is removed before the request is forwarded)")
        }
        var clockSkew = reader.integer("clock_skew_seconds")
        if clockSkew.isAbsent {
            clockSkew = .productDefault(60, path: "\(path).clock_skew_seconds", at: at,
                note: "Envoy default: clock_skew_seconds 60")
        }
        var requireExpiration = reader.bool("require_expiration")
        if requireExpiration.isAbsent {
            requireExpiration = .productDefault(false, path: "\(path).require_expiration", at: at,
                note: "Envoy default: require_expiration false, so a token without exp is accepted")
        }
        var maxLifetime = EnvoyDuration.read(reader, "max_lifetime", sink: sink)
        if maxLifetime.isAbsent {
            maxLifetime = .absent("\(path).max_lifetime", at: at, note: "Envoy: without max_lifetime the lifetime is not limited")
        }
        for key in [
            "forward_payload_header", "pad_forward_payload_header", "payload_in_metadata", "header_in_metadata",
            "failed_status_in_metadata", "normalize_payload_in_metadata", "claim_to_headers", "jwt_cache_config",
            "clear_route_cache", "subjects",
        ] { _ = reader.raw(key) }
        for child in [httpURI, remote, local, reader] { child.reportUnknownKeys() }

        let hasRemote = remote.node != nil
        if !hasRemote, inline == nil, localFile.isAbsent {
            sink.add(.init(.unreadable, at: at, field: path,
                "provider '\(provider)' has neither remote_jwks nor local_jwks; Envoy rejects it"))
        }
        let keysLocation = hasRemote ? remote.anchor : local.anchor
        let keysPath = hasRemote ? "\(path).remote_jwks" : "\(path).local_jwks"
        let jwksURI: Field<String> = hasRemote
            ? uri
            : .absent("\(path).remote_jwks", at: at,
                note: localFile.value.map { "keys are read from the local file \($0) at startup (not among the inputs)" }
                    ?? "keys are inline in local_jwks")
        var verifier = Verifier(
            metadata: metadata,
            trustedIssuers: .known([Verifier.TrustedIssuer(issuer: issuer, jwksURI: jwksURI, location: at)],
                path: path, at: at, display: issuer.display ?? "(no issuer)"),
            algorithms: localFile.value != nil && inline == nil
                ? .absent("\(path).local_jwks.filename", at: local.anchor,
                    note: "the key file is not among the inputs; its key types decide the algorithms")
                : JwtAuthnDefaults.algorithms(for: inline?.keys, path: keysPath, at: keysLocation, product: product),
            validates: .init(
                signature: .productDefault(true, path: path, at: at, note: "Envoy always verifies the signature"),
                issuer: issuer.isAbsent
                    ? .productDefault(false, path: "\(path).issuer", at: at,
                        note: "Envoy: without issuer the token's iss is not checked")
                    : issuer.map { _ in true },
                audience: JwtAuthnDefaults.audienceCheck(audiences, path: "\(path).audiences", at: at, product: product),
                expiration: requireExpiration.value == true
                    ? requireExpiration
                    : .productDefault(true, path: "\(path).require_expiration", at: requireExpiration.location ?? at,
                        note: "Envoy rejects expired tokens, but accepts a token without exp (require_expiration false)"),
                notBefore: .productDefault(true, path: path, at: at, note: "Envoy rejects tokens before nbf")),
            audiences: audiences,
            maxTokenAge: maxLifetime,
            clockSkew: clockSkew,
            jwks: .init(
                cacheTTL: hasRemote
                    ? (cacheDuration.isAbsent
                        ? .productDefault(Self.defaultCacheSeconds, path: "\(path).remote_jwks.cache_duration",
                            at: remote.anchor, note: "Envoy default: remote_jwks cache_duration 10 minutes")
                        : cacheDuration)
                    : .absent("\(path).local_jwks", at: keysLocation, note: "local keys; nothing is fetched"),
                refreshOnUnknownKid: JwtAuthnDefaults.noRefetchOnUnknownKid(path: path, at: at, product: product),
                tlsVerify: hasRemote
                    ? clusters.tlsVerify(cluster: cluster, uri: uri)
                    : .absent("\(path).local_jwks", at: keysLocation, note: "local keys; nothing is fetched")),
            trustsTokenHeaders: JwtAuthnDefaults.noTokenHeaderTrust(path: path, at: at, product: product),
            tokenSources: JwtAuthnDefaults.tokenSources(
                tokenSources, defaultPath: "\(path).from_headers", at: at, product: product),
            forwardsToken: forward,
            requiresToken: requirements.requiresToken(provider, at: config.anchor, rulesPath: "\(config.path).rules"),
            revocationCheck: JwtAuthnDefaults.noRevocation(path: path, at: at, product: product),
            replayProtection: JwtAuthnDefaults.noReplayProtection(path: path, at: at, product: product),
            logsTokenValues: JwtAuthnDefaults.noTokenLogging(path: path, at: at, product: product),
            secrets: [])
        if !hasRemote {
            verifier.localKeys = localFile.value.map { "read from the local file \($0)" } ?? "inline in local_jwks"
        }
        guard let inline else { return (verifier, nil) }
        let keySet = KeySet(
            metadata: .unowned(name: "\(name)/local_jwks", format: format, at: keysLocation), origin: .verifierInline,
            keys: inline.keys, usedBy: verifier.ref, sourceURL: .absent("\(path).remote_jwks", at: at),
            shapeProblems: inline.problems)
        return (verifier, keySet)
    }

    private var format: String { "envoy/jwt_authn" }

    private func readInlineKeys(_ local: FieldReader) -> (keys: [JSONWebKey], problems: [String])? {
        guard let node = local.raw("inline_string"), let text = node.scalar, !node.isNull else { return nil }
        if Placeholder.detect(text) != nil, !text.contains("{\"") {
            return ([], ["inline_string is the unresolved placeholder \(text)"])
        }
        guard let parsed = JWKReader.parseEmbedded(text, scalar: node) else {
            sink.add(.init(.unreadable, at: node.location, field: node.path, "inline_string is not valid JSON; no key is trusted"))
            return ([], ["inline_string is not valid JSON"])
        }
        return JWKReader.readKeySet(parsed)
    }
}

/// google.protobuf.Duration as written in YAML: `"300s"` (proto3 JSON) or `{seconds: 300, nanos: 0}`.
enum EnvoyDuration {
    static func read(_ reader: FieldReader, _ key: String, sink: DiagnosticSink) -> Field<Int> {
        guard let node = reader.raw(key), !node.isNull else { return .absent("\(reader.path).\(key)", at: reader.anchor) }
        let path = node.path
        if node.isMapping {
            let inner = FieldReader(node, path: path, anchor: node.anchor, sink: sink)
            let seconds = inner.integer("seconds")
            _ = inner.raw("nanos")
            inner.reportUnknownKeys()
            return seconds.isAbsent ? .known(0, path: path, at: node.location, display: "0s") : seconds
        }
        guard let text = node.scalar else { return .invalid("expected a duration", path: path, at: node.location) }
        if let placeholder = Placeholder.detect(text) {
            return Field(.placeholder(placeholder), path: path, location: node.location, display: text)
        }
        // A protobuf Duration spans at most 315,576,000,000 s (google/protobuf/duration.proto); the bound also
        // keeps `1e999s` (infinity) and other huge values from trapping in Int(_:).
        if text.hasSuffix("s"), let value = Double(text.dropLast()), value >= 0, value <= 315_576_000_000 {
            return .known(Int(value.rounded(.up)), path: path, at: node.location, display: text)
        }
        sink.add(.init(.unreadable, at: node.location, field: path, "expected a duration such as 300s or {seconds: 300}"))
        return .invalid("expected a duration", path: path, at: node.location)
    }
}

extension Field {
    static func invalid(_ reason: String, path: String, at location: SourceLocation?) -> Field {
        Field(.invalid(reason), path: path, location: location)
    }
}
