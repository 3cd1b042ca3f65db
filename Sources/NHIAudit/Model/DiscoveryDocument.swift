/// OpenID Connect Discovery 1.0 / RFC 8414 authorization server metadata.
public struct DiscoveryDocument: Entity {
    public static let kind = EntityKind("discovery")

    public var metadata: EntityMetadata
    public var issuer: Field<String>
    public var jwksURI: Field<String>
    /// Every `*_endpoint` member and `jwks_uri`, in document order.
    public var endpoints: [Field<String>]
    /// Every `*_alg_values_supported` list, in document order.
    public var algorithmLists: [ListField]
    public var secrets: [SecretMaterial]

    public init(
        metadata: EntityMetadata, issuer: Field<String>, jwksURI: Field<String>, endpoints: [Field<String>],
        algorithmLists: [ListField], secrets: [SecretMaterial]
    ) {
        self.metadata = metadata
        self.issuer = issuer
        self.jwksURI = jwksURI
        self.endpoints = endpoints
        self.algorithmLists = algorithmLists
        self.secrets = secrets
    }
}
