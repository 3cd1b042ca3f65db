/// A system that mints tokens for machines (an OIDC provider, SPIRE server, Vault, a custom STS).
public struct Issuer: Entity {
    public static let kind = EntityKind.issuer

    public struct Signing: Sendable {
        public var algorithm: Field<String>
        public var keyType: Field<String>
        public var keySize: Field<Int>
        public var keyStorage: Field<String>
        public var rotationPeriod: Field<Int>
        public var keyCreated: Field<CalendarDate>

        public init(
            algorithm: Field<String>, keyType: Field<String>, keySize: Field<Int>, keyStorage: Field<String>,
            rotationPeriod: Field<Int>, keyCreated: Field<CalendarDate>
        ) {
            self.algorithm = algorithm
            self.keyType = keyType
            self.keySize = keySize
            self.keyStorage = keyStorage
            self.rotationPeriod = rotationPeriod
            self.keyCreated = keyCreated
        }
    }

    public struct Tokens: Sendable {
        public var defaultTTL: Field<Int>
        public var maxTTL: Field<Int>
        public var audiences: ListField
        public var includesJti: Field<Bool>
        public var senderConstraint: Field<String>

        public init(
            defaultTTL: Field<Int>, maxTTL: Field<Int>, audiences: ListField, includesJti: Field<Bool>,
            senderConstraint: Field<String>
        ) {
            self.defaultTTL = defaultTTL
            self.maxTTL = maxTTL
            self.audiences = audiences
            self.includesJti = includesJti
            self.senderConstraint = senderConstraint
        }
    }

    public struct Logging: Sendable {
        public var issuance: Field<Bool>
        public var includesTokenValues: Field<Bool>

        public init(issuance: Field<Bool>, includesTokenValues: Field<Bool>) {
            self.issuance = issuance
            self.includesTokenValues = includesTokenValues
        }
    }

    public var metadata: EntityMetadata
    /// The `iss` claim value.
    public var issuerURL: Field<String>
    public var jwksURI: Field<String>
    public var signing: Signing
    public var tokens: Tokens
    /// none | denylist | introspection | key-rollover
    public var revocation: Field<String>
    public var logging: Logging
    public var secrets: [SecretMaterial]

    public init(
        metadata: EntityMetadata, issuerURL: Field<String>, jwksURI: Field<String>, signing: Signing, tokens: Tokens,
        revocation: Field<String>, logging: Logging, secrets: [SecretMaterial]
    ) {
        self.metadata = metadata
        self.issuerURL = issuerURL
        self.jwksURI = jwksURI
        self.signing = signing
        self.tokens = tokens
        self.revocation = revocation
        self.logging = logging
        self.secrets = secrets
    }
}
