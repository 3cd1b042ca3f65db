/// A rule that lets holders of another system's tokens in: a Vault JWT/OIDC auth role, an AWS IAM role trust
/// policy statement federating an OIDC provider (GitHub Actions, EKS/IRSA ...), or any similar binding.
/// Each condition names the claim it tests, how it matches, and the accepted values.
public struct FederationTrust: Entity {
    public static let kind = EntityKind("federation-trust")

    public struct ClaimCondition: Sendable {
        /// The claim tested (`sub`, `aud`, `repository`, `head_ref` ...); a placeholder when the key itself is a
        /// template (`${OIDC_EKS_VARIABLE}`).
        public var claim: Field<String>
        /// `exact`, `glob` (StringLike, Vault glob) or `negated` (StringNotEquals/StringNotLike: excludes, never binds).
        public var match: Field<String>
        public var values: ListField
        public var location: SourceLocation

        public init(claim: Field<String>, match: Field<String>, values: ListField, location: SourceLocation) {
            self.claim = claim
            self.match = match
            self.values = values
            self.location = location
        }

        public var claimName: String? { claim.value }
        public var isBinding: Bool { match.value != "negated" }
    }

    public var metadata: EntityMetadata
    /// `vault-jwt` or `aws-iam`.
    public var platform: String
    /// The issuer whose tokens are accepted (Vault bound_issuer / discovery URL, AWS federated provider).
    public var provider: Field<String>
    public var conditions: [ClaimCondition]
    /// The audience the platform expects (AWS STS: `sts.amazonaws.com`); nil when the platform has none.
    public var expectedAudience: String?
    public var tokenTTL: Field<Int>
    public var tokenMaxTTL: Field<Int>
    public var verboseLogging: Field<Bool>
    /// True for browser logins of people (a Vault `role_type = "oidc"` role), where subject and claim bindings
    /// select users, not workloads.
    public var humanLogin: Field<Bool>
    /// Set when the conditions could not all be read (an unresolved `Condition` or `bound_claims` expression).
    public var unresolvedConditions: Field<String>?
    public var secrets: [SecretMaterial]

    public init(
        metadata: EntityMetadata, platform: String, provider: Field<String>, conditions: [ClaimCondition],
        expectedAudience: String?, tokenTTL: Field<Int>, tokenMaxTTL: Field<Int>, verboseLogging: Field<Bool>,
        humanLogin: Field<Bool>, unresolvedConditions: Field<String>? = nil, secrets: [SecretMaterial] = []
    ) {
        self.metadata = metadata
        self.platform = platform
        self.provider = provider
        self.conditions = conditions
        self.expectedAudience = expectedAudience
        self.tokenTTL = tokenTTL
        self.tokenMaxTTL = tokenMaxTTL
        self.verboseLogging = verboseLogging
        self.humanLogin = humanLogin
        self.unresolvedConditions = unresolvedConditions
        self.secrets = secrets
    }

    /// Binding conditions on one claim.
    public func conditions(on claim: String) -> [ClaimCondition] {
        conditions.filter { $0.isBinding && $0.claimName == claim }
    }

    /// Conditions whose claim name is an unresolved template: they might test any claim.
    public var conditionsOnUnknownClaims: [ClaimCondition] { conditions.filter { $0.claim.value == nil } }
}
