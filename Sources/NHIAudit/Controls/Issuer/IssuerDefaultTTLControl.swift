/// ISS-TTL-001: tokens minted by default live longer than the policy allows.
public struct IssuerDefaultTTLControl: IssuerControl {
    public static let id = "ISS-TTL-001"
    public init() {}

    public func check(_ issuer: Issuer, policy: EffectivePolicy, context: EvaluationContext) -> Outcome {
        let ttl = issuer.tokens.defaultTTL
        guard let seconds = ttl.value else { return .unknown(ttl) }
        let limit = policy.maxTokenTTL.value
        if seconds > limit {
            return .fail(
                "default token lifetime \(DurationParser.format(seconds)) exceeds the policy's maxTokenTTL "
                    + "\(DurationParser.format(limit)) (\(policy.maxTokenTTL.source))", at: ttl)
        }
        return .pass(
            "default token lifetime \(DurationParser.format(seconds)) is within maxTokenTTL \(DurationParser.format(limit))",
            at: ttl)
    }

    public static let examples = ControlExamples(
        failing: [
            ControlExample(
                """
                apiVersion: nhi-audit/v1
                kind: Issuer
                metadata: {name: ci-sts}
                spec:
                  tokens:
                    defaultTTL: ↓12h
                """),
            ControlExample(
                """
                apiVersion: nhi-audit/v1
                kind: Policy
                metadata: {name: strict}
                spec: {maxTokenTTL: 5m}
                ---
                apiVersion: nhi-audit/v1
                kind: Issuer
                metadata: {name: ci-sts}
                spec:
                  tokens: {defaultTTL: ↓10m}
                """),
        ],
        passing: [
            ControlExample(
                """
                apiVersion: nhi-audit/v1
                kind: Issuer
                metadata: {name: ci-sts}
                spec:
                  tokens:
                    defaultTTL: 15m
                """)
        ])
}
