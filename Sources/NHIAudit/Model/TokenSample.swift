/// A compact JWT found in the inputs, decoded but never verified. The token itself is a secret: only its
/// fingerprint is kept (`secrets`); header and claims are kept as fields.
public struct TokenSample: Entity {
    public static let kind = EntityKind("token-sample")

    public struct Header: Sendable {
        public var alg: Field<String>
        public var typ: Field<String>
        public var kid: Field<String>
        /// Header parameters that tell a verifier where to fetch or find the key (RFC 7515 sections 4.1.2-4.1.5).
        public var jku: Field<String>
        public var x5u: Field<String>
        public var jwk: Field<String>

        public init(
            alg: Field<String>, typ: Field<String>, kid: Field<String>, jku: Field<String>, x5u: Field<String>,
            jwk: Field<String>
        ) {
            self.alg = alg
            self.typ = typ
            self.kid = kid
            self.jku = jku
            self.x5u = x5u
            self.jwk = jwk
        }
    }

    public struct Claims: Sendable {
        public var iss: Field<String>
        public var sub: Field<String>
        public var aud: ListField
        public var exp: Field<Int>
        public var iat: Field<Int>
        public var nbf: Field<Int>
        public var jti: Field<String>
        /// Members of the `cnf` confirmation claim (RFC 7800), e.g. `jkt`, `x5t#S256`.
        public var cnf: Field<String>

        public init(
            iss: Field<String>, sub: Field<String>, aud: ListField, exp: Field<Int>, iat: Field<Int>, nbf: Field<Int>,
            jti: Field<String>, cnf: Field<String>
        ) {
            self.iss = iss
            self.sub = sub
            self.aud = aud
            self.exp = exp
            self.iat = iat
            self.nbf = nbf
            self.jti = jti
            self.cnf = cnf
        }
    }

    public var metadata: EntityMetadata
    public var header: Header
    public var claims: Claims
    /// False when the signature segment is empty (an unsecured JWT, RFC 7519 section 6).
    public var signed: Bool
    public var secrets: [SecretMaterial]

    public init(metadata: EntityMetadata, header: Header, claims: Claims, signed: Bool, secrets: [SecretMaterial]) {
        self.metadata = metadata
        self.header = header
        self.claims = claims
        self.signed = signed
        self.secrets = secrets
    }
}
