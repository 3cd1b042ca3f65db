/// The settings of a Vault JWT/OIDC auth role or backend, whether read from `vault read -format=json` output
/// or from Terraform `vault_jwt_auth_backend(_role)` blocks.
protocol VaultSettings {
    var anchor: SourceLocation { get }
    func string(_ key: String) -> Field<String>
    func bool(_ key: String) -> Field<Bool>
    func duration(_ key: String) -> Field<Int>
    func stringList(_ key: String) -> ListField
    /// `bound_claims` entries, or the unresolved expression that computes them.
    func boundClaims() -> (claims: [(key: String, location: SourceLocation, values: ListField)], unresolved: Field<String>?)
    func has(_ key: String) -> Bool
}

/// What a backend (`auth/jwt/config`, `vault_jwt_auth_backend`) contributes to its roles.
struct VaultBackend {
    var issuer: Field<String>
    var keySource: Field<String>
    var algorithms: ListField
    var defaultLeaseTTL: Field<Int>
    var maxLeaseTTL: Field<Int>
    /// A committed `oidc_client_secret` (fingerprint only); carried by the roles' verifiers.
    var secrets: [SecretMaterial]
    /// Keys are the static `jwt_validation_pubkeys`: nothing is fetched.
    var staticKeys = false
}

/// Maps Vault JWT/OIDC auth roles to `FederationTrust` and `Verifier`.
///
/// Defaults are Vault's documented ones (developer.hashicorp.com/vault/api-docs/auth/jwt, "Create/Update
/// role", and the token fields): role_type oidc, bound_claims_type string, clock_skew_leeway 60s,
/// expiration_leeway 150s, verbose_oidc_logging false; token_ttl and token_max_ttl 0 mean the mount's or the
/// system's lease TTLs, 768h (32 days) unless tuned.
enum VaultJWTReader {
    static let format = "vault/jwt-auth"
    static let docs = "developer.hashicorp.com/vault/api-docs/auth/jwt"
    static let systemDefaultTTL = 768 * 3600

    static func backend(_ settings: VaultSettings, tune: (defaultTTL: Field<Int>, maxTTL: Field<Int>)?) -> VaultBackend {
        var issuer = settings.string("bound_issuer")
        if issuer.isAbsent, settings.has("oidc_discovery_url") {
            issuer = settings.string("oidc_discovery_url")
            issuer.note = "issuer is the discovery URL's issuer (Vault checks the ID token against it)"
        }
        var keySource = settings.string("jwks_url")
        let discoversKeys = keySource.isAbsent && settings.has("oidc_discovery_url")
        if discoversKeys {
            // Keys come from whatever the discovery document names: not a URL the role pins.
            let discovery = settings.string("oidc_discovery_url")
            keySource = Field(
                .absent, path: discovery.path, location: discovery.location,
                note: "keys are found through OIDC discovery at \(discovery.display ?? "oidc_discovery_url")")
        }
        let staticKeys = keySource.isAbsent && !discoversKeys && settings.has("jwt_validation_pubkeys")
        if staticKeys {
            let keys = settings.stringList("jwt_validation_pubkeys")
            keySource = Field(.absent, path: keys.path, location: keys.location, display: "jwt_validation_pubkeys",
                note: "static public keys in the configuration; nothing is fetched")
        }
        var secrets: [SecretMaterial] = []
        let clientSecret = settings.string("oidc_client_secret")
        if let value = clientSecret.value, !value.isEmpty, let location = clientSecret.location {
            secrets.append(SecretMaterial(kind: "OIDC client secret", value: value, path: clientSecret.path, location: location))
        }
        return VaultBackend(
            issuer: issuer, keySource: keySource, algorithms: settings.stringList("jwt_supported_algs"),
            defaultLeaseTTL: tune?.defaultTTL ?? .absent("tune.default_lease_ttl", at: nil),
            maxLeaseTTL: tune?.maxTTL ?? .absent("tune.max_lease_ttl", at: nil), secrets: secrets,
            staticKeys: staticKeys)
    }

    static func role(
        _ settings: VaultSettings, name: String, backend: VaultBackend?, backendReference: Field<String>?,
        sink: ImportSink
    ) {
        let anchor = settings.anchor
        let claimsType = settings.string("bound_claims_type")
        var conditions: [FederationTrust.ClaimCondition] = []
        let subject = settings.string("bound_subject")
        if !subject.isAbsent, subject.value != "" {  // `vault read` prints an unset bound_subject as "".
            conditions.append(
                .init(claim: .known("sub", path: subject.path, at: subject.location, display: "bound_subject"),
                      match: .known("exact", path: subject.path, at: subject.location),
                      values: subject.map { _ in [subject] }, location: subject.location ?? anchor))
        }
        let audiences = settings.stringList("bound_audiences")
        if !audiences.isAbsent, !(audiences.value?.isEmpty ?? false) {
            conditions.append(
                .init(claim: .known("aud", path: audiences.path, at: audiences.location, display: "bound_audiences"),
                      match: .known("exact", path: audiences.path, at: audiences.location),
                      values: audiences, location: audiences.location ?? anchor))
        }
        let (claims, unresolved) = settings.boundClaims()
        for claim in claims {
            let match: Field<String> = claimsType.isAbsent
                ? .productDefault("exact", path: "bound_claims_type", at: claim.location,
                                  note: "Vault default: bound_claims_type string (exact match) (\(docs))")
                : claimsType.map { $0 == "glob" ? "glob" : "exact" }
            conditions.append(
                .init(claim: .known(claim.key, path: "bound_claims.\(claim.key)", at: claim.location, display: claim.key),
                      match: match, values: claim.values, location: claim.location))
        }
        var ttl = effectiveTTL(settings.duration(settings.has("ttl") && !settings.has("token_ttl") ? "ttl" : "token_ttl"),
                               mount: backend?.defaultLeaseTTL, what: "default_lease_ttl")
        var maxTTL = settings.duration("token_explicit_max_ttl")
        if let cap = maxTTL.value, cap > 0, let seconds = ttl.value, seconds > cap {
            // token_explicit_max_ttl is a hard cap on the token's whole life, whatever token_ttl says.
            ttl = maxTTL
        }
        if maxTTL.value == 0 || maxTTL.isAbsent {
            maxTTL = effectiveTTL(
                settings.duration(settings.has("max_ttl") && !settings.has("token_max_ttl") ? "max_ttl" : "token_max_ttl"),
                mount: backend?.maxLeaseTTL, what: "max_lease_ttl")
        }
        var logging = settings.bool("verbose_oidc_logging")
        if logging.isAbsent {
            logging = .productDefault(false, path: logging.path, at: anchor, note: "Vault default: verbose_oidc_logging false (\(docs))")
        }
        var provider = backend?.issuer ?? .absent("backend.bound_issuer", at: anchor)
        if backend == nil, let backendReference, !backendReference.isAbsent {
            provider = Field(.placeholder(backendReference.display ?? "backend"), path: backendReference.path,
                             location: backendReference.location, display: backendReference.display)
        }
        var roleType = settings.string("role_type")
        if roleType.isAbsent {
            roleType = .productDefault("oidc", path: roleType.path, at: anchor, note: "Vault default: role_type oidc (\(docs))")
        }
        let metadata = EntityMetadata.unowned(name: name, format: format, at: anchor)
        sink.estate.federationTrusts.append(
            FederationTrust(
                metadata: metadata, platform: "vault-jwt", provider: provider, conditions: conditions,
                expectedAudience: nil, tokenTTL: ttl, tokenMaxTTL: maxTTL, verboseLogging: logging,
                humanLogin: roleType.map { $0 == "oidc" }, unresolvedConditions: unresolved))
        sink.estate.verifiers.append(verifier(settings, metadata: metadata, backend: backend, provider: provider,
                                              audiences: audiences, logging: logging))
    }

    /// Vault reads 0 (or unset) as "use the mount's tuned value, else the system default of 768h".
    private static func effectiveTTL(_ field: Field<Int>, mount: Field<Int>?, what: String) -> Field<Int> {
        guard field.isAbsent || field.value == 0 else { return field }
        if let mount, let seconds = mount.value, seconds > 0 {
            return Field(.known(seconds), path: field.path, location: mount.location, display: mount.display,
                         note: "\(field.path) is \(field.isAbsent ? "not set" : "0"): Vault uses the mount's tuned \(what)")
        }
        return .productDefault(
            systemDefaultTTL, path: field.path, at: field.location,
            note: "\(field.path) is \(field.isAbsent ? "not set" : "0"): Vault uses the mount's \(what), "
                + "by default the system's 768h (\(docs))")
    }

    private static func verifier(
        _ settings: VaultSettings, metadata: EntityMetadata, backend: VaultBackend?, provider: Field<String>,
        audiences: ListField, logging: Field<Bool>
    ) -> Verifier {
        let anchor = settings.anchor
        var skew = settings.duration("clock_skew_leeway")
        if skew.isAbsent || skew.value == 0 {
            skew = .productDefault(60, path: skew.path, at: skew.location ?? anchor,
                                   note: "Vault default: clock_skew_leeway 60s when unset or 0 (\(docs))")
        }
        let keySource = backend?.keySource ?? .absent("backend.jwks_url", at: anchor)
        let trusted = Verifier.TrustedIssuer(issuer: provider, jwksURI: keySource, location: anchor)
        let vaultAlways: (String) -> Field<Bool> = { what in
            .productDefault(true, path: "validates.\(what)", at: anchor, note: "Vault always checks \(what) on JWT login (\(docs))")
        }
        let audienceChecked: Field<Bool> = audiences.isAbsent || audiences.value?.isEmpty == true
            ? .known(false, path: "bound_audiences", at: audiences.location ?? anchor, display: "not set",
                     note: "without bound_audiences Vault accepts only tokens that carry no aud claim, unchecked")
            : audiences.map { _ in true }
        var verifier = Verifier(
            metadata: metadata,
            trustedIssuers: .known([trusted], path: "backend", at: anchor, display: provider.display ?? "(no issuer)",
                note: !provider.isAbsent ? nil
                    : backend == nil ? "the role's auth backend (its bound_issuer and keys) is not among the inputs"
                    : "the backend sets no bound_issuer"),
            algorithms: backend?.algorithms ?? .absent("backend.jwt_supported_algs", at: anchor),
            validates: .init(
                signature: vaultAlways("signature"),
                issuer: provider.isAbsent ? .absent("backend.bound_issuer", at: anchor) : provider.map { _ in true },
                audience: audienceChecked, expiration: vaultAlways("expiration"), notBefore: vaultAlways("notBefore")),
            audiences: audiences, maxTokenAge: .absent("max_age", at: anchor), clockSkew: skew,
            jwks: .init(cacheTTL: .absent("jwks cache", at: anchor), refreshOnUnknownKid: .absent("jwks refresh", at: anchor),
                        tlsVerify: .productDefault(true, path: "jwks_ca_pem", at: anchor,
                                                   note: "Vault verifies the key server's certificate against the system roots when jwks_ca_pem is unset (\(docs))")),
            trustsTokenHeaders: .productDefault(false, path: "trustsTokenHeaders", at: anchor,
                                                note: "Vault verifies with its configured keys only, never jku/x5u/jwk headers"),
            tokenSources: .productDefault([.known("body", path: "jwt", at: anchor)], path: "tokenSources", at: anchor,
                                          note: "the JWT is sent in the login request body (POST auth/<mount>/login, parameter jwt)"),
            forwardsToken: .productDefault(false, path: "forwardsToken", at: anchor,
                                           note: "login exchanges the JWT for a Vault token; the JWT is not passed on"),
            requiresToken: .productDefault(true, path: "requiresToken", at: anchor, note: "JWT login requires a token"),
            revocationCheck: .productDefault("none", path: "revocationCheck", at: anchor,
                                             note: "Vault JWT auth has no revocation check for incoming JWTs"),
            replayProtection: .productDefault(false, path: "replayProtection", at: anchor,
                                              note: "Vault JWT auth does not track jti, so a JWT can log in again until it expires"),
            logsTokenValues: logging, secrets: backend?.secrets ?? [])
        if backend?.staticKeys == true { verifier.localKeys = "static public keys (jwt_validation_pubkeys)" }
        return verifier
    }
}
