/// A Kubernetes workload (Pod, or the pod template of a Deployment, StatefulSet, DaemonSet, Job, CronJob).
public struct Workload: Entity {
    public static let kind = EntityKind("workload")

    /// A projected `serviceAccountToken` volume source.
    public struct ProjectedToken: Sendable {
        public var location: SourceLocation
        public var path: String
        public var audience: Field<String>
        public var expirationSeconds: Field<Int>

        public init(location: SourceLocation, path: String, audience: Field<String>, expirationSeconds: Field<Int>) {
            self.location = location
            self.path = path
            self.audience = audience
            self.expirationSeconds = expirationSeconds
        }
    }

    public var metadata: EntityMetadata
    /// Pod, Deployment, StatefulSet, DaemonSet, Job, CronJob.
    public var resourceKind: String
    public var namespace: Field<String>
    public var serviceAccountName: Field<String>
    /// `automountServiceAccountToken` as written on the pod spec (absent when not written).
    public var podAutomount: Field<Bool>
    /// Whether the API server mounts a service-account token: the pod's setting, else its ServiceAccount's,
    /// else the Kubernetes default (set by the Kubernetes linker).
    public var effectiveAutomount: Field<Bool>
    public var projectedTokens: [ProjectedToken]
    public var secrets: [SecretMaterial] { [] }

    public init(
        metadata: EntityMetadata, resourceKind: String, namespace: Field<String>, serviceAccountName: Field<String>,
        podAutomount: Field<Bool>, effectiveAutomount: Field<Bool>, projectedTokens: [ProjectedToken]
    ) {
        self.metadata = metadata
        self.resourceKind = resourceKind
        self.namespace = namespace
        self.serviceAccountName = serviceAccountName
        self.podAutomount = podAutomount
        self.effectiveAutomount = effectiveAutomount
        self.projectedTokens = projectedTokens
    }
}
