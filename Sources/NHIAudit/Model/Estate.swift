/// Everything read from the inputs, in the normalized model. Controls read only this.
public struct Estate: Sendable {
    public var issuers: [Issuer] = []
    public var verifiers: [Verifier] = []
    public var policies: [Policy] = []
    public var keySets: [KeySet] = []
    public var machineClients: [MachineClient] = []
    public var tokenSamples: [TokenSample] = []
    public var discoveryDocuments: [DiscoveryDocument] = []
    public var accessPolicies: [AccessPolicy] = []
    public var workloads: [Workload] = []
    public var serviceAccounts: [ServiceAccount] = []
    public var serviceAccountTokenSecrets: [ServiceAccountTokenSecret] = []
    public var federationTrusts: [FederationTrust] = []
    public var spireDeployments: [SpireDeployment] = []
    /// Accepted risks (`kind: Waiver`); governance records, not audited configuration, so not in `allEntities`.
    public var waivers: [Waiver] = []
    /// Files given with `--policy`: their Policy documents win over ones found among the inputs.
    public var preferredPolicyFiles: Set<String> = []

    public init() {}

    /// Every entity, for controls that apply to all kinds (ownership, inline secrets).
    public var allEntities: [any Entity] {
        var entities: [any Entity] = []
        entities.append(contentsOf: issuers)
        entities.append(contentsOf: verifiers)
        entities.append(contentsOf: policies)
        entities.append(contentsOf: keySets)
        entities.append(contentsOf: machineClients)
        entities.append(contentsOf: tokenSamples)
        entities.append(contentsOf: discoveryDocuments)
        entities.append(contentsOf: accessPolicies)
        entities.append(contentsOf: workloads)
        entities.append(contentsOf: serviceAccounts)
        entities.append(contentsOf: serviceAccountTokenSecrets)
        entities.append(contentsOf: federationTrusts)
        entities.append(contentsOf: spireDeployments)
        return entities
    }

    public mutating func merge(_ other: Estate) {
        issuers.append(contentsOf: other.issuers)
        verifiers.append(contentsOf: other.verifiers)
        policies.append(contentsOf: other.policies)
        keySets.append(contentsOf: other.keySets)
        machineClients.append(contentsOf: other.machineClients)
        tokenSamples.append(contentsOf: other.tokenSamples)
        discoveryDocuments.append(contentsOf: other.discoveryDocuments)
        accessPolicies.append(contentsOf: other.accessPolicies)
        workloads.append(contentsOf: other.workloads)
        serviceAccounts.append(contentsOf: other.serviceAccounts)
        serviceAccountTokenSecrets.append(contentsOf: other.serviceAccountTokenSecrets)
        federationTrusts.append(contentsOf: other.federationTrusts)
        spireDeployments.append(contentsOf: other.spireDeployments)
        waivers.append(contentsOf: other.waivers)
        preferredPolicyFiles.formUnion(other.preferredPolicyFiles)
    }
}
