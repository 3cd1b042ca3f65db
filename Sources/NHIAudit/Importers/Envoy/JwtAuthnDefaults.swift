/// What Envoy's `jwt_authn` filter does when a field is not written. Istio programs the same filter, so
/// RequestAuthentication shares these (Envoy docs: extensions.filters.http.jwt_authn.v3.JwtProvider).
enum JwtAuthnDefaults {
    /// jwt_verify_lib implements these for RSA, EC and OKP keys; `none` is always rejected.
    static let asymmetricAlgorithms = [
        "RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512", "EdDSA",
    ]

    static func algorithms(for keys: [JSONWebKey]?, path: String, at location: SourceLocation?, product: String)
        -> ListField
    {
        guard let keys else {
            return listDefault(asymmetricAlgorithms, path: path, at: location,
                note: "\(product) has no algorithm setting: it verifies RS*, PS*, ES* and EdDSA "
                    + "with the JWKS's keys, HS* only with oct keys, and always rejects alg none")
        }
        var names: [String] = []
        for key in keys {
            if let alg = key.alg.value {
                names.append(alg)
                continue
            }
            switch key.kty.value {
            case "RSA": names += ["RS256", "RS384", "RS512", "PS256", "PS384", "PS512"]
            case "EC": names += ["ES256", "ES384", "ES512"]
            case "OKP": names += ["EdDSA"]
            case "oct": names += ["HS256", "HS384", "HS512"]
            default: break
            }
        }
        var seen = Set<String>()
        let unique = names.filter { seen.insert($0).inserted }
        return listDefault(unique, path: path, at: location,
            note: "\(product) accepts the algorithms its inline keys allow (alg member, else every algorithm of the key type)")
    }

    static func listDefault(_ values: [String], path: String, at location: SourceLocation?, note: String) -> ListField {
        // Every item has the same path and note: intern them once (for the first item) instead of per item.
        let template = Field<String>.productDefault("", path: path, at: location, note: note)
        let items = values.map { value -> Field<String> in
            var item = template
            item.state = .known(value)
            return item
        }
        var field = ListField.productDefault(items, path: template.path, at: location, note: template.note ?? note)
        field.display = "[" + values.joined(separator: ", ") + "]"
        return field
    }

    /// Where tokens are read from, as configured: "header", "query" or "cookie", each cited at its own setting.
    struct ConfiguredTokenSource {
        var name: String
        var path: String
        var location: SourceLocation?
    }

    /// The token sources a provider or rule sets (keys differ in case between Envoy and Istio).
    static func configuredTokenSources(_ reader: FieldReader, headers: String, params: String, cookies: String)
        -> [ConfiguredTokenSource]
    {
        var configured: [ConfiguredTokenSource] = []
        if let node = reader.raw(headers), !node.items.isEmpty {
            configured.append(.init(name: "header", path: reader.fieldPath(headers), location: node.location))
        }
        for (key, name) in [(params, "query"), (cookies, "cookie")] {
            let list = reader.stringList(key)
            if !list.knownItems.isEmpty {
                configured.append(.init(name: name, path: list.path, location: list.location))
            }
        }
        return configured
    }

    /// The configured sources, or, when none is, the default cited at `defaultPath`: Envoy reads
    /// `Authorization: Bearer` and the `access_token` query parameter (JwtProvider docs, "from_headers").
    static func tokenSources(
        _ configured: [ConfiguredTokenSource], defaultPath: String, at location: SourceLocation?, product: String
    ) -> ListField {
        guard let first = configured.first else {
            return listDefault(["header", "query"], path: defaultPath, at: location,
                note: "\(product) default: the token is read from the Authorization header (Bearer) and from the "
                    + "access_token query parameter")
        }
        let items = configured.map { Field<String>.known($0.name, path: $0.path, at: $0.location ?? location) }
        return .known(items, path: first.path, at: first.location ?? location,
            display: "[" + configured.map(\.name).joined(separator: ", ") + "]")
    }

    /// Istio and Envoy check aud only when audiences are configured.
    static func audienceCheck(_ audiences: ListField, path: String, at location: SourceLocation, product: String)
        -> Field<Bool>
    {
        switch audiences.state {
        case .known(let items) where !items.isEmpty: return audiences.map { _ in true }
        case .placeholder, .invalid: return audiences.map { _ in true }
        default:
            return .productDefault(false, path: path, at: audiences.location ?? location,
                note: "\(product): without audiences the token's aud is not checked")
        }
    }

    static func noRevocation(path: String, at location: SourceLocation?, product: String) -> Field<String> {
        .productDefault("none", path: path, at: location,
            note: "\(product) has no revocation or introspection check")
    }

    static func noReplayProtection(path: String, at location: SourceLocation?, product: String) -> Field<Bool> {
        .productDefault(false, path: path, at: location, note: "\(product) does not track jti")
    }

    static func noTokenHeaderTrust(path: String, at location: SourceLocation?, product: String) -> Field<Bool> {
        .productDefault(false, path: path, at: location,
            note: "\(product) takes keys only from the configured JWKS, never from jku, x5u or jwk headers")
    }

    static func noTokenLogging(path: String, at location: SourceLocation?, product: String) -> Field<Bool> {
        .productDefault(false, path: path, at: location,
            note: "\(product) does not log token values by default")
    }

    static func noRefetchOnUnknownKid(path: String, at location: SourceLocation?, product: String) -> Field<Bool> {
        .productDefault(false, path: path, at: location,
            note: "\(product): a token with an unknown kid fails until the cached JWKS expires; no refetch on miss")
    }

    /// `true` for https, `false` for plain http; nil when the URI is not known.
    static func isTLS(_ uri: String?) -> Bool? {
        guard let uri = uri?.lowercased() else { return nil }
        if uri.hasPrefix("https://") { return true }
        if uri.hasPrefix("http://") { return false }
        return nil
    }
}

extension Field {
    /// An absent value with a note explaining what the product does instead.
    static func absent(_ path: String, at location: SourceLocation?, note: String) -> Field {
        Field(.absent, path: path, location: location, note: note)
    }
}
