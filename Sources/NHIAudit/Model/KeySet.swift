/// One JSON Web Key (RFC 7517) as found in a JWKS, a discovery document or a verifier's inline key set.
/// Private members are never kept: only their names and a fingerprint (`secrets`).
public struct JSONWebKey: Sendable {
    public var location: SourceLocation
    public var path: String
    public var kid: Field<String>
    public var kty: Field<String>
    public var alg: Field<String>
    public var use: Field<String>
    /// `crv` for EC and OKP keys.
    public var curve: Field<String>
    /// RSA modulus bits, EC/OKP curve bits, or oct key bits, when computable.
    public var keyBits: Int?
    /// Names of private members present (`d`, `p`, `q`, `dp`, `dq`, `qi`, and `k` for oct keys).
    public var privateMembers: [String]
    /// SHA-256 fingerprint of the public part (`n` or `x`/`y`), to recognise well-known demo keys.
    public var publicFingerprint: String?
    public var secrets: [SecretMaterial]

    public init(
        location: SourceLocation, path: String, kid: Field<String>, kty: Field<String>, alg: Field<String>,
        use: Field<String>, curve: Field<String>, keyBits: Int?, privateMembers: [String], publicFingerprint: String?,
        secrets: [SecretMaterial]
    ) {
        self.location = location
        self.path = path
        self.kid = kid
        self.kty = kty
        self.alg = alg
        self.use = use
        self.curve = curve
        self.keyBits = keyBits
        self.privateMembers = privateMembers
        self.publicFingerprint = publicFingerprint
        self.secrets = secrets
    }

    public var isSymmetric: Bool { kty.value == "oct" }
}

/// A set of keys a verifier trusts or an issuer publishes.
public struct KeySet: Entity {
    public static let kind = EntityKind("keyset")

    public enum Origin: String, Sendable {
        /// A JWKS document (`{"keys": [...]}`).
        case jwksDocument = "jwks"
        /// A single JWK published on its own, or keys under a non-standard member.
        case malformedJWKS = "malformed-jwks"
        /// Keys written inline in a verifier's configuration (Istio `jwks`, Envoy `local_jwks`).
        case verifierInline = "verifier-inline"
    }

    public var metadata: EntityMetadata
    public var origin: Origin
    public var keys: [JSONWebKey]
    /// The verifier that trusts these keys, when they are inline in its configuration.
    public var usedBy: EntityRef?
    /// A URL the set was (or is to be) fetched from, when known (e.g. a verifier's jwksUri).
    public var sourceURL: Field<String>
    /// Problems with the set's shape (keys under the wrong member ...), for KEY-KID-001 and reports.
    public var shapeProblems: [String]

    public init(
        metadata: EntityMetadata, origin: Origin, keys: [JSONWebKey], usedBy: EntityRef?, sourceURL: Field<String>,
        shapeProblems: [String]
    ) {
        self.metadata = metadata
        self.origin = origin
        self.keys = keys
        self.usedBy = usedBy
        self.sourceURL = sourceURL
        self.shapeProblems = shapeProblems
    }

    public var secrets: [SecretMaterial] { keys.flatMap(\.secrets) }
}
