/// VER-SKEW-001: the clock-skew leeway stretches every token's lifetime beyond what the policy allows.
public struct VerifierClockSkewControl: VerifierControl {
    public static let id = "VER-SKEW-001"
    public init() {}

    /// Beyond five minutes the leeway is no longer a clock tolerance but a lifetime extension (RFC 7519 §4.1.4
    /// speaks of "a few minutes"), so the failure is raised to medium.
    static let mediumAbove = 5 * 60

    public func check(_ verifier: Verifier, policy: EffectivePolicy, context: EvaluationContext) -> Outcome {
        let skew = verifier.clockSkew
        guard let seconds = skew.value else { return .unknown(skew) }
        let limit = policy.maxClockSkew
        if seconds > limit.value {
            return .fail(
                "clock skew \(DurationParser.format(seconds)) exceeds the policy's maxClockSkew "
                    + "\(DurationParser.format(limit.value)) (\(limit.source))",
                at: skew, severity: seconds > Self.mediumAbove ? .medium : nil)
        }
        return .pass(
            "clock skew \(DurationParser.format(seconds)) is within maxClockSkew \(DurationParser.format(limit.value)) "
                + "(\(limit.source))", at: skew)
    }

    public static let examples = ControlExamples(
        failing: [
            ControlExample(
                """
                apiVersion: nhi-audit/v1
                kind: Verifier
                metadata: {name: orders-api}
                spec: {clockSkew: ↓2m}
                """, severity: .low),
            ControlExample(
                """
                apiVersion: nhi-audit/v1
                kind: Verifier
                metadata: {name: orders-api}
                spec:
                  clockSkew: ↓15m
                """, severity: .medium),
        ],
        passing: [
            ControlExample(
                """
                apiVersion: nhi-audit/v1
                kind: Verifier
                metadata: {name: orders-api}
                spec:
                  clockSkew: 30s
                """)
        ])
}
