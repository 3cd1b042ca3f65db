/// Reads `Policy.spec` of the native format.
enum NativePolicyReader {
    static func read(_ spec: FieldReader, metadata: EntityMetadata) -> Policy {
        let appliesTo = spec.nested("appliesTo")
        let policy = Policy(
            metadata: metadata,
            environments: appliesTo.stringList("environments"),
            maxTokenTTL: spec.duration("maxTokenTTL"),
            maxClockSkew: spec.duration("maxClockSkew"),
            allowedAlgorithms: spec.stringList("allowedAlgorithms"),
            minRSAKeyBits: spec.integer("minRSAKeyBits"),
            maxKeyRotationPeriod: spec.duration("maxKeyRotationPeriod"),
            maxJwksCacheTTL: spec.duration("maxJwksCacheTTL"),
            requireRevocationAbove: spec.duration("requireRevocationAbove"),
            allowedKeyStorage: spec.stringList("allowedKeyStorage"),
            accessReviewInterval: spec.duration("accessReviewInterval"),
            requireOwner: spec.bool("requireOwner"),
            maxWaiverDuration: spec.duration("maxWaiverDuration"))
        appliesTo.reportUnknownKeys()
        return policy
    }
}
