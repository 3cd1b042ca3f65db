/// A system that accepts tokens: a gateway, sidecar, API or resource server.
public struct Verifier: Entity {
    public static let kind = EntityKind.verifier

    public struct TrustedIssuer: Sendable {
        public var issuer: Field<String>
        public var jwksURI: Field<String>
        public var location: SourceLocation

        public init(issuer: Field<String>, jwksURI: Field<String>, location: SourceLocation) {
            self.issuer = issuer
            self.jwksURI = jwksURI
            self.location = location
        }
    }

    public struct Validates: Sendable {
        public var signature: Field<Bool>
        public var issuer: Field<Bool>
        public var audience: Field<Bool>
        public var expiration: Field<Bool>
        public var notBefore: Field<Bool>

        public init(
            signature: Field<Bool>, issuer: Field<Bool>, audience: Field<Bool>, expiration: Field<Bool>,
            notBefore: Field<Bool>
        ) {
            self.signature = signature
            self.issuer = issuer
            self.audience = audience
            self.expiration = expiration
            self.notBefore = notBefore
        }
    }

    public struct JWKSFetch: Sendable {
        public var cacheTTL: Field<Int>
        public var refreshOnUnknownKid: Field<Bool>
        public var tlsVerify: Field<Bool>

        public init(cacheTTL: Field<Int>, refreshOnUnknownKid: Field<Bool>, tlsVerify: Field<Bool>) {
            self.cacheTTL = cacheTTL
            self.refreshOnUnknownKid = refreshOnUnknownKid
            self.tlsVerify = tlsVerify
        }
    }

    /// Every field behind one reference. Each control takes each verifier by value, and a copy of some
    /// twenty fields retained about a hundred strings: a tenth of a whole scan's time.
    struct Fields: Sendable {
        var metadata: EntityMetadata
        var trustedIssuers: Field<[TrustedIssuer]>
        var algorithms: ListField
        var validates: Validates
        var audiences: ListField
        var maxTokenAge: Field<Int>
        var clockSkew: Field<Int>
        var jwks: JWKSFetch
        var trustsTokenHeaders: Field<Bool>
        var tokenSources: ListField
        var forwardsToken: Field<Bool>
        var requiresToken: Field<Bool>
        var revocationCheck: Field<String>
        var replayProtection: Field<Bool>
        var logsTokenValues: Field<Bool>
        var secrets: [SecretMaterial]
        var scope: WorkloadScope? = nil
        var localKeys: String? = nil
    }

    private var fields: CopyOnWrite<Fields>

    public var metadata: EntityMetadata {
        get { fields.value.metadata }
        set { fields.value.metadata = newValue }
    }
    public var trustedIssuers: Field<[TrustedIssuer]> {
        get { fields.value.trustedIssuers }
        set { fields.value.trustedIssuers = newValue }
    }
    public var algorithms: ListField {
        get { fields.value.algorithms }
        set { fields.value.algorithms = newValue }
    }
    public var validates: Validates {
        get { fields.value.validates }
        set { fields.value.validates = newValue }
    }
    public var audiences: ListField {
        get { fields.value.audiences }
        set { fields.value.audiences = newValue }
    }
    public var maxTokenAge: Field<Int> {
        get { fields.value.maxTokenAge }
        set { fields.value.maxTokenAge = newValue }
    }
    public var clockSkew: Field<Int> {
        get { fields.value.clockSkew }
        set { fields.value.clockSkew = newValue }
    }
    public var jwks: JWKSFetch {
        get { fields.value.jwks }
        set { fields.value.jwks = newValue }
    }
    /// Honours jku / x5u / embedded jwk headers to find the verification key.
    public var trustsTokenHeaders: Field<Bool> {
        get { fields.value.trustsTokenHeaders }
        set { fields.value.trustsTokenHeaders = newValue }
    }
    /// header | query | cookie
    public var tokenSources: ListField {
        get { fields.value.tokenSources }
        set { fields.value.tokenSources = newValue }
    }
    public var forwardsToken: Field<Bool> {
        get { fields.value.forwardsToken }
        set { fields.value.forwardsToken = newValue }
    }
    public var requiresToken: Field<Bool> {
        get { fields.value.requiresToken }
        set { fields.value.requiresToken = newValue }
    }
    /// none | introspection | denylist
    public var revocationCheck: Field<String> {
        get { fields.value.revocationCheck }
        set { fields.value.revocationCheck = newValue }
    }
    public var replayProtection: Field<Bool> {
        get { fields.value.replayProtection }
        set { fields.value.replayProtection = newValue }
    }
    public var logsTokenValues: Field<Bool> {
        get { fields.value.logsTokenValues }
        set { fields.value.logsTokenValues = newValue }
    }
    public var secrets: [SecretMaterial] {
        get { fields.value.secrets }
        set { fields.value.secrets = newValue }
    }
    /// The workloads a mesh verifier applies to (Istio RequestAuthentication), nil for other formats.
    public var scope: WorkloadScope? {
        get { fields.value.scope }
        set { fields.value.scope = newValue }
    }
    /// Where the keys come from when nothing is fetched (inline keys, a local key file, static public keys).
    public var localKeys: String? {
        get { fields.value.localKeys }
        set { fields.value.localKeys = newValue }
    }

    public init(
        metadata: EntityMetadata, trustedIssuers: Field<[TrustedIssuer]>, algorithms: ListField,
        validates: Validates, audiences: ListField, maxTokenAge: Field<Int>, clockSkew: Field<Int>,
        jwks: JWKSFetch, trustsTokenHeaders: Field<Bool>, tokenSources: ListField, forwardsToken: Field<Bool>,
        requiresToken: Field<Bool>, revocationCheck: Field<String>, replayProtection: Field<Bool>,
        logsTokenValues: Field<Bool>, secrets: [SecretMaterial]
    ) {
        fields = CopyOnWrite(
            Fields(
                metadata: metadata, trustedIssuers: trustedIssuers, algorithms: algorithms, validates: validates,
                audiences: audiences, maxTokenAge: maxTokenAge, clockSkew: clockSkew, jwks: jwks,
                trustsTokenHeaders: trustsTokenHeaders, tokenSources: tokenSources, forwardsToken: forwardsToken,
                requiresToken: requiresToken, revocationCheck: revocationCheck, replayProtection: replayProtection,
                logsTokenValues: logsTokenValues, secrets: secrets))
    }
}
