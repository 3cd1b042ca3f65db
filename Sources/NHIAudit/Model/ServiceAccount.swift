/// A Kubernetes ServiceAccount.
public struct ServiceAccount: Entity {
    public static let kind = EntityKind("serviceaccount")

    public var metadata: EntityMetadata
    public var namespace: Field<String>
    public var accountName: String
    public var automount: Field<Bool>
    public var secrets: [SecretMaterial] { [] }

    public init(metadata: EntityMetadata, namespace: Field<String>, accountName: String, automount: Field<Bool>) {
        self.metadata = metadata
        self.namespace = namespace
        self.accountName = accountName
        self.automount = automount
    }
}

/// A legacy `kubernetes.io/service-account-token` Secret: the token controller fills it with a token that
/// never expires (Kubernetes docs, "Manually create a long-lived API token for a ServiceAccount").
public struct ServiceAccountTokenSecret: Entity {
    public static let kind = EntityKind("serviceaccount-token-secret")

    public var metadata: EntityMetadata
    public var namespace: Field<String>
    /// The `kubernetes.io/service-account.name` annotation.
    public var serviceAccountName: Field<String>
    /// `type: kubernetes.io/service-account-token`, for evidence.
    public var type: Field<String>
    public var secrets: [SecretMaterial]

    public init(
        metadata: EntityMetadata, namespace: Field<String>, serviceAccountName: Field<String>, type: Field<String>,
        secrets: [SecretMaterial]
    ) {
        self.metadata = metadata
        self.namespace = namespace
        self.serviceAccountName = serviceAccountName
        self.type = type
        self.secrets = secrets
    }
}
