/// Everything read from the inputs, in the normalized model. Controls read only this.
public struct Estate: Sendable {
    public var issuers: [Issuer] = []
    public var verifiers: [Verifier] = []
    public var policies: [Policy] = []
    public var keySets: [KeySet] = []
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
        return entities
    }

    public mutating func merge(_ other: Estate) {
        issuers.append(contentsOf: other.issuers)
        verifiers.append(contentsOf: other.verifiers)
        policies.append(contentsOf: other.policies)
        keySets.append(contentsOf: other.keySets)
        waivers.append(contentsOf: other.waivers)
        preferredPolicyFiles.formUnion(other.preferredPolicyFiles)
    }
}
