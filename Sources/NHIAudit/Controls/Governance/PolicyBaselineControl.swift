/// POL-001: a Policy relaxes a threshold below the built-in baseline, so every control using it is weaker.
public struct PolicyBaselineControl: PolicyControl {
    public static let id = "POL-001"
    public init() {}

    public func check(_ policy: Policy, policy _: EffectivePolicy, context: EvaluationContext) -> Outcome {
        let base = EffectivePolicy.baseline
        var review = BaselineReview()
        review.duration(policy.maxTokenTTL, base.maxTokenTTL)
        review.duration(policy.maxClockSkew, base.maxClockSkew)
        review.allowList(policy.allowedAlgorithms, base.allowedAlgorithms)
        review.threshold(policy.minRSAKeyBits, base.minRSAKeyBits.value, isWeaker: <) { "\($0) bits" }
        review.duration(policy.maxKeyRotationPeriod, base.maxKeyRotationPeriod)
        review.duration(policy.maxJwksCacheTTL, base.maxJwksCacheTTL)
        review.duration(policy.requireRevocationAbove, base.requireRevocationAbove)
        review.allowList(policy.allowedKeyStorage, base.allowedKeyStorage)
        review.duration(policy.accessReviewInterval, base.accessReviewInterval)
        review.threshold(policy.requireOwner, base.requireOwner.value, isWeaker: { !$0 && $1 }) { "\($0)" }

        let unknownText = review.unknown.isEmpty ? "" : "; not judged: \(review.unknown.joined(separator: "; "))"
        if !review.weaker.isEmpty {
            // Document order, so the finding points at the first weaker line.
            let ordered = review.weaker.enumerated().sorted {
                ($0.element.location ?? policy.metadata.location, $0.offset)
                    < ($1.element.location ?? policy.metadata.location, $1.offset)
            }.map(\.element)
            return .fail(
                "\(ordered.count) threshold(s) weaker than the baseline: "
                    + ordered.map(\.text).joined(separator: "; ") + unknownText,
                sources: ordered.map(\.source))
        }
        if !review.unknown.isEmpty {
            return .indeterminate(
                "cannot decide: \(review.unknown.joined(separator: "; ")); the thresholds that are set are at least as "
                    + "strict as the baseline")
        }
        return .pass("every threshold the policy sets is at least as strict as the baseline")
    }

    public static let examples = ControlExamples(
        failing: [
            ControlExample(
                """
                apiVersion: nhi-audit/v1
                kind: Policy
                metadata: {name: lax}
                spec:
                  maxTokenTTL: 15m
                  allowedAlgorithms: [RS256, ↓HS256]
                  requireOwner: false
                """),
            ControlExample(
                """
                apiVersion: nhi-audit/v1
                kind: Policy
                metadata: {name: lax}
                spec:
                  maxTokenTTL: ↓24h
                  minRSAKeyBits: 1024
                """),
        ],
        passing: [
            ControlExample(
                """
                apiVersion: nhi-audit/v1
                kind: Policy
                metadata: {name: strict}
                spec:
                  maxTokenTTL: 15m
                  allowedAlgorithms: [ES256, EdDSA]
                  minRSAKeyBits: 3072
                  allowedKeyStorage: [hsm]
                  requireOwner: true
                """)
        ])
}

/// Collects a Policy's thresholds that are weaker than the baseline, and those that cannot be judged.
/// A threshold the Policy leaves unset falls back to the baseline, so it is never weaker.
private struct BaselineReview {
    struct Weakness {
        var source: any EvidenceSource & Sendable
        var location: SourceLocation?
        var text: String
    }

    var weaker: [Weakness] = []
    var unknown: [String] = []

    mutating func threshold<V>(_ field: Field<V>, _ baseline: V, isWeaker: (V, V) -> Bool, format: (V) -> String) {
        if field.isAbsent { return }
        guard let value = field.value else {
            unknown.append(field.unknownReason ?? field.path)
            return
        }
        if isWeaker(value, baseline) {
            weaker.append(
                Weakness(
                    source: field, location: field.location,
                    text: "\(field.path) \(format(value)) is weaker than the baseline \(format(baseline))"))
        }
    }

    mutating func duration(_ field: Field<Int>, _ baseline: Threshold<Int>) {
        threshold(field, baseline.value, isWeaker: >, format: DurationParser.format)
    }

    mutating func allowList(_ list: ListField, _ baseline: Threshold<[String]>) {
        if list.isAbsent { return }
        guard let items = list.value else {
            unknown.append(list.unknownReason ?? list.path)
            return
        }
        let baselineText = "[\(baseline.value.joined(separator: ", "))]"
        for item in items {
            guard let value = item.value else {
                unknown.append(item.unknownReason ?? item.path)
                continue
            }
            if !baseline.value.contains(value) {
                weaker.append(
                    Weakness(
                        source: item, location: item.location,
                        text: "\(list.path) allows \(value), outside the baseline \(baselineText)"))
            }
        }
    }
}
