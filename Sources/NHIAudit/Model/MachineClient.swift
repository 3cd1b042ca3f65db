/// An OAuth client that a machine uses (Keycloak client with a service account or a secret): what grants it
/// may use and how wide its tokens are.
public struct MachineClient: Entity {
    public static let kind = EntityKind("machine-client")

    public var metadata: EntityMetadata
    public var clientID: Field<String>
    /// The realm (or tenant) the client belongs to, when the export says.
    public var realm: Field<String>
    public var publicClient: Field<Bool>
    public var bearerOnly: Field<Bool>
    public var serviceAccountsEnabled: Field<Bool>
    /// Resource owner password credentials grant (Keycloak "Direct access grants").
    public var directAccessGrantsEnabled: Field<Bool>
    public var standardFlowEnabled: Field<Bool>
    /// Tokens carry every role of the realm, not only the client's scope.
    public var fullScopeAllowed: Field<Bool>
    /// Per-client access token lifetime override in seconds.
    public var accessTokenLifespan: Field<Int>
    public var secrets: [SecretMaterial]

    public init(
        metadata: EntityMetadata, clientID: Field<String>, realm: Field<String>, publicClient: Field<Bool>,
        bearerOnly: Field<Bool>, serviceAccountsEnabled: Field<Bool>, directAccessGrantsEnabled: Field<Bool>,
        standardFlowEnabled: Field<Bool>, fullScopeAllowed: Field<Bool>, accessTokenLifespan: Field<Int>,
        secrets: [SecretMaterial]
    ) {
        self.metadata = metadata
        self.clientID = clientID
        self.realm = realm
        self.publicClient = publicClient
        self.bearerOnly = bearerOnly
        self.serviceAccountsEnabled = serviceAccountsEnabled
        self.directAccessGrantsEnabled = directAccessGrantsEnabled
        self.standardFlowEnabled = standardFlowEnabled
        self.fullScopeAllowed = fullScopeAllowed
        self.accessTokenLifespan = accessTokenLifespan
        self.secrets = secrets
    }
}
