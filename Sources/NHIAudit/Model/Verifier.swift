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

    public var metadata: EntityMetadata
    public var trustedIssuers: Field<[TrustedIssuer]>
    public var algorithms: ListField
    public var validates: Validates
    public var audiences: ListField
    public var maxTokenAge: Field<Int>
    public var clockSkew: Field<Int>
    public var jwks: JWKSFetch
    /// Honours jku / x5u / embedded jwk headers to find the verification key.
    public var trustsTokenHeaders: Field<Bool>
    /// header | query | cookie
    public var tokenSources: ListField
    public var forwardsToken: Field<Bool>
    public var requiresToken: Field<Bool>
    /// none | introspection | denylist
    public var revocationCheck: Field<String>
    public var replayProtection: Field<Bool>
    public var logsTokenValues: Field<Bool>
    public var secrets: [SecretMaterial]
    /// The workloads a mesh verifier applies to (Istio RequestAuthentication), nil for other formats.
    public var scope: WorkloadScope? = nil
    /// Where the keys come from when nothing is fetched (inline keys, a local key file, static public keys).
    public var localKeys: String? = nil

    public init(
        metadata: EntityMetadata, trustedIssuers: Field<[TrustedIssuer]>, algorithms: ListField,
        validates: Validates, audiences: ListField, maxTokenAge: Field<Int>, clockSkew: Field<Int>,
        jwks: JWKSFetch, trustsTokenHeaders: Field<Bool>, tokenSources: ListField, forwardsToken: Field<Bool>,
        requiresToken: Field<Bool>, revocationCheck: Field<String>, replayProtection: Field<Bool>,
        logsTokenValues: Field<Bool>, secrets: [SecretMaterial]
    ) {
        self.metadata = metadata
        self.trustedIssuers = trustedIssuers
        self.algorithms = algorithms
        self.validates = validates
        self.audiences = audiences
        self.maxTokenAge = maxTokenAge
        self.clockSkew = clockSkew
        self.jwks = jwks
        self.trustsTokenHeaders = trustsTokenHeaders
        self.tokenSources = tokenSources
        self.forwardsToken = forwardsToken
        self.requiresToken = requiresToken
        self.revocationCheck = revocationCheck
        self.replayProtection = replayProtection
        self.logsTokenValues = logsTokenValues
        self.secrets = secrets
    }
}
