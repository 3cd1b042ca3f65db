/// The organisation's thresholds, as written in a `Policy` document. Absent fields fall back to the baseline.
public struct Policy: Entity {
    public static let kind = EntityKind.policy

    public var metadata: EntityMetadata
    public var environments: ListField
    public var maxTokenTTL: Field<Int>
    public var maxClockSkew: Field<Int>
    public var allowedAlgorithms: ListField
    public var minRSAKeyBits: Field<Int>
    public var maxKeyRotationPeriod: Field<Int>
    public var maxJwksCacheTTL: Field<Int>
    public var requireRevocationAbove: Field<Int>
    public var allowedKeyStorage: ListField
    public var accessReviewInterval: Field<Int>
    public var requireOwner: Field<Bool>
    public var maxWaiverDuration: Field<Int>
    public var secrets: [SecretMaterial] { [] }

    public init(
        metadata: EntityMetadata, environments: ListField, maxTokenTTL: Field<Int>, maxClockSkew: Field<Int>,
        allowedAlgorithms: ListField, minRSAKeyBits: Field<Int>, maxKeyRotationPeriod: Field<Int>,
        maxJwksCacheTTL: Field<Int>, requireRevocationAbove: Field<Int>, allowedKeyStorage: ListField,
        accessReviewInterval: Field<Int>, requireOwner: Field<Bool>,
        maxWaiverDuration: Field<Int> = .absent("maxWaiverDuration", at: nil)
    ) {
        self.metadata = metadata
        self.environments = environments
        self.maxTokenTTL = maxTokenTTL
        self.maxClockSkew = maxClockSkew
        self.allowedAlgorithms = allowedAlgorithms
        self.minRSAKeyBits = minRSAKeyBits
        self.maxKeyRotationPeriod = maxKeyRotationPeriod
        self.maxJwksCacheTTL = maxJwksCacheTTL
        self.requireRevocationAbove = requireRevocationAbove
        self.allowedKeyStorage = allowedKeyStorage
        self.accessReviewInterval = accessReviewInterval
        self.requireOwner = requireOwner
        self.maxWaiverDuration = maxWaiverDuration
    }
}

/// A threshold in force and where it came from (a Policy line, or the built-in baseline).
public struct Threshold<Value: Sendable>: Sendable {
    public var value: Value
    /// nil when the baseline applies.
    public var location: SourceLocation?
    public var path: String

    public var source: String { location.map { "\($0)" } ?? "built-in baseline" }
}

/// The thresholds that apply to one entity: a Policy's values where written, the baseline elsewhere.
public struct EffectivePolicy: Sendable {
    /// The policy's name, or `baseline` when no Policy applies.
    public var name: String
    public var maxTokenTTL: Threshold<Int>
    public var maxClockSkew: Threshold<Int>
    public var allowedAlgorithms: Threshold<[String]>
    public var minRSAKeyBits: Threshold<Int>
    public var maxKeyRotationPeriod: Threshold<Int>
    public var maxJwksCacheTTL: Threshold<Int>
    public var requireRevocationAbove: Threshold<Int>
    public var allowedKeyStorage: Threshold<[String]>
    public var accessReviewInterval: Threshold<Int>
    public var requireOwner: Threshold<Bool>
    public var maxWaiverDuration: Threshold<Int> = Threshold(value: 180 * 86_400, location: nil, path: "maxWaiverDuration")

    public static let baselineName = "baseline"

    /// The documented baseline (README, "Policy"): what applies when an estate has no Policy.
    public static let baseline = EffectivePolicy(
        name: baselineName,
        maxTokenTTL: Threshold(value: 3600, location: nil, path: "maxTokenTTL"),
        maxClockSkew: Threshold(value: 60, location: nil, path: "maxClockSkew"),
        allowedAlgorithms: Threshold(
            value: ["RS256", "PS256", "ES256", "ES384", "EdDSA"], location: nil, path: "allowedAlgorithms"),
        minRSAKeyBits: Threshold(value: 2048, location: nil, path: "minRSAKeyBits"),
        maxKeyRotationPeriod: Threshold(value: 90 * 86_400, location: nil, path: "maxKeyRotationPeriod"),
        maxJwksCacheTTL: Threshold(value: 3600, location: nil, path: "maxJwksCacheTTL"),
        requireRevocationAbove: Threshold(value: 15 * 60, location: nil, path: "requireRevocationAbove"),
        allowedKeyStorage: Threshold(value: ["hsm", "kms"], location: nil, path: "allowedKeyStorage"),
        accessReviewInterval: Threshold(value: 90 * 86_400, location: nil, path: "accessReviewInterval"),
        requireOwner: Threshold(value: true, location: nil, path: "requireOwner"))

    /// The policy's written values over the baseline. Unknown (placeholder, invalid) values keep the baseline.
    public init(policy: Policy) {
        let base = EffectivePolicy.baseline
        name = policy.metadata.name
        maxTokenTTL = Self.merge(policy.maxTokenTTL, base.maxTokenTTL)
        maxClockSkew = Self.merge(policy.maxClockSkew, base.maxClockSkew)
        allowedAlgorithms = Self.merge(Self.resolvedList(policy.allowedAlgorithms), base.allowedAlgorithms)
        minRSAKeyBits = Self.merge(policy.minRSAKeyBits, base.minRSAKeyBits)
        maxKeyRotationPeriod = Self.merge(policy.maxKeyRotationPeriod, base.maxKeyRotationPeriod)
        maxJwksCacheTTL = Self.merge(policy.maxJwksCacheTTL, base.maxJwksCacheTTL)
        requireRevocationAbove = Self.merge(policy.requireRevocationAbove, base.requireRevocationAbove)
        allowedKeyStorage = Self.merge(Self.resolvedList(policy.allowedKeyStorage), base.allowedKeyStorage)
        accessReviewInterval = Self.merge(policy.accessReviewInterval, base.accessReviewInterval)
        requireOwner = Self.merge(policy.requireOwner, base.requireOwner)
        maxWaiverDuration = Self.merge(policy.maxWaiverDuration, base.maxWaiverDuration)
    }

    private init(
        name: String, maxTokenTTL: Threshold<Int>, maxClockSkew: Threshold<Int>, allowedAlgorithms: Threshold<[String]>,
        minRSAKeyBits: Threshold<Int>, maxKeyRotationPeriod: Threshold<Int>, maxJwksCacheTTL: Threshold<Int>,
        requireRevocationAbove: Threshold<Int>, allowedKeyStorage: Threshold<[String]>,
        accessReviewInterval: Threshold<Int>, requireOwner: Threshold<Bool>
    ) {
        self.name = name
        self.maxTokenTTL = maxTokenTTL
        self.maxClockSkew = maxClockSkew
        self.allowedAlgorithms = allowedAlgorithms
        self.minRSAKeyBits = minRSAKeyBits
        self.maxKeyRotationPeriod = maxKeyRotationPeriod
        self.maxJwksCacheTTL = maxJwksCacheTTL
        self.requireRevocationAbove = requireRevocationAbove
        self.allowedKeyStorage = allowedKeyStorage
        self.accessReviewInterval = accessReviewInterval
        self.requireOwner = requireOwner
    }

    /// A list with any unresolved item is unknown as a whole (a placeholder could allow anything), so the
    /// baseline applies; POL-001 reports the placeholder.
    private static func resolvedList(_ field: ListField) -> Field<[String]> {
        guard let items = field.value, items.allSatisfy({ $0.value != nil }) else {
            return Field(.absent, path: field.path, location: field.location)
        }
        return field.map { $0.compactMap(\.value) }
    }

    private static func merge<V>(_ field: Field<V>, _ fallback: Threshold<V>) -> Threshold<V> {
        guard let value = field.value else { return fallback }
        return Threshold(value: value, location: field.location, path: field.path)
    }
}
