/// A SPIRE server or agent configuration: the workload-identity facts the WKL-* controls judge. A server is
/// also imported as an `Issuer` (of JWT-SVIDs), so the core issuer controls apply to it too.
public struct SpireDeployment: Entity {
    public static let kind = EntityKind("spire-deployment")

    public struct Plugin: Sendable {
        /// `NodeAttestor`, `WorkloadAttestor`, `KeyManager` ...
        public var type: String
        /// `k8s_psat`, `join_token`, `disk` ...
        public var name: String
        public var location: SourceLocation
        /// `skip_kubelet_verification`, `kubelet_read_only_port` and similar settings that weaken attestation.
        public var settings: [String: Field<String>]

        public init(type: String, name: String, location: SourceLocation, settings: [String: Field<String>]) {
            self.type = type
            self.name = name
            self.location = location
            self.settings = settings
        }
    }

    public var metadata: EntityMetadata
    /// `server` or `agent`.
    public var role: String
    public var trustDomain: Field<String>
    public var caTTL: Field<Int>
    public var x509SVIDTTL: Field<Int>
    public var jwtSVIDTTL: Field<Int>
    /// `default_svid_ttl` (deprecated) or the older `svid_ttl`, when written.
    public var legacySVIDTTL: Field<Int>
    /// `disk`, `memory`, `kms`, `hsm`, from the KeyManager plugin.
    public var keyStorage: Field<String>
    public var plugins: [Plugin]
    public var secrets: [SecretMaterial]

    public init(
        metadata: EntityMetadata, role: String, trustDomain: Field<String>, caTTL: Field<Int>,
        x509SVIDTTL: Field<Int>, jwtSVIDTTL: Field<Int>, legacySVIDTTL: Field<Int>, keyStorage: Field<String>,
        plugins: [Plugin], secrets: [SecretMaterial] = []
    ) {
        self.metadata = metadata
        self.role = role
        self.trustDomain = trustDomain
        self.caTTL = caTTL
        self.x509SVIDTTL = x509SVIDTTL
        self.jwtSVIDTTL = jwtSVIDTTL
        self.legacySVIDTTL = legacySVIDTTL
        self.keyStorage = keyStorage
        self.plugins = plugins
        self.secrets = secrets
    }

    public func plugins(_ type: String) -> [Plugin] { plugins.filter { $0.type == type } }
}
