/// POL-003: an entity's access was never reviewed, or not within the policy's review interval.
public struct AccessReviewControl: AnyEntityControl {
    public static let id = "POL-003"
    public init() {}

    public func evaluate(_ context: EvaluationContext) -> [EntityOutcome] {
        evaluateOncePerBlock(context) { $0.metadata.lastReviewed.isAbsent }
    }

    public func check(_ entity: any Entity, policy: EffectivePolicy, context: EvaluationContext) -> Outcome {
        if entity is KeySet {
            return .notApplicable("a key set is reviewed with the issuer or verifier that publishes or trusts it")
        }
        let interval = policy.accessReviewInterval
        let rule = "accessReviewInterval \(DurationParser.format(interval.value)) (\(interval.source))"
        let reviewed = entity.metadata.lastReviewed
        if reviewed.isAbsent {
            return .fail("never reviewed (metadata.lastReviewed is not set); \(rule)", at: reviewed)
        }
        guard let day = reviewed.value else { return .unknown(reviewed) }
        let age = day.days(until: context.today)
        if age < 0 {
            return .indeterminate(
                "cannot decide: lastReviewed \(day) is after today (\(context.todayText))", at: reviewed)
        }
        if age * 86_400 > interval.value {
            return .fail("last reviewed \(day), \(age)d before \(context.todayText), longer ago than \(rule)", at: reviewed)
        }
        return .pass("last reviewed \(day), \(age)d before \(context.todayText), within \(rule)", at: reviewed)
    }

    public static let examples = ControlExamples(
        failing: [
            ControlExample(
                """
                apiVersion: nhi-audit/v1
                kind: Issuer
                metadata:
                  name: sts
                  lastReviewed: ↓2025-06-30
                spec:
                  tokens: {maxTTL: 1h}
                """),
            ControlExample(
                """
                apiVersion: nhi-audit/v1
                kind: Verifier
                ↓metadata: {name: gateway, owner: payments}
                spec: {requiresToken: true}
                """),
        ],
        passing: [
            ControlExample(
                """
                apiVersion: nhi-audit/v1
                kind: Issuer
                metadata: {name: sts, lastReviewed: 2026-10-01}
                spec:
                  tokens: {maxTTL: 1h}
                """)
        ])
}
