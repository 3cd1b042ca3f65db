/// ISS-REV-001: tokens live longer than the policy tolerates without a way to revoke them.
public struct IssuerRevocationControl: IssuerControl {
    public static let id = "ISS-REV-001"
    public init() {}

    public func check(_ issuer: Issuer, policy: EffectivePolicy, context: EvaluationContext) -> Outcome {
        let revocation = issuer.revocation
        let limit = policy.requireRevocationAbove
        let limitText = "requireRevocationAbove \(DurationParser.format(limit.value)) (\(limit.source))"
        let maxTTL = issuer.tokens.maxTTL
        let defaultTTL = issuer.tokens.defaultTTL
        // The longest lifetime is maxTTL; without it, a defaultTTL above the limit already proves the point.
        let lifetime: Field<Int>
        if maxTTL.value != nil {
            lifetime = maxTTL
        } else if let seconds = defaultTTL.value, seconds > limit.value {
            lifetime = defaultTTL
        } else {
            if let method = revocation.value, method != "none" {
                return .pass("tokens can be revoked (\(method)) whatever their lifetime", at: revocation)
            }
            return .unknown(maxTTL, needed: "the longest token lifetime decides whether revocation is required")
        }
        let seconds = lifetime.value ?? 0
        let lifetimeText = "\(lifetime.path) \(DurationParser.format(seconds))"
        if seconds <= limit.value {
            return .pass("\(lifetimeText) is within \(limitText): revocation is not required", at: lifetime)
        }
        guard let method = revocation.value else {
            return .unknown(revocation, needed: "\(lifetimeText) exceeds \(limitText)")
        }
        if method == "none" {
            return .fail(
                "tokens cannot be revoked (revocation none) while \(lifetimeText) exceeds \(limitText)",
                at: revocation, lifetime)
        }
        return .pass("\(lifetimeText) exceeds \(limitText) and tokens can be revoked (\(method))", at: revocation)
    }

    public static let examples = ControlExamples(
        failing: [
            ControlExample(
                """
                apiVersion: nhi-audit/v1
                kind: Issuer
                metadata: {name: sts}
                spec:
                  tokens: {defaultTTL: 1h, maxTTL: 12h}
                  revocation:
                    method: ↓none
                """),
            ControlExample(
                """
                apiVersion: nhi-audit/v1
                kind: Issuer
                metadata: {name: sts}
                spec:
                  tokens: {defaultTTL: 2h}
                  revocation: {method: ↓none}
                """),
        ],
        passing: [
            ControlExample(
                """
                apiVersion: nhi-audit/v1
                kind: Issuer
                metadata: {name: sts}
                spec:
                  tokens: {maxTTL: 10m}
                  revocation: {method: none}
                """),
            ControlExample(
                """
                apiVersion: nhi-audit/v1
                kind: Issuer
                metadata: {name: sts}
                spec:
                  tokens: {maxTTL: 12h}
                  revocation: {method: introspection}
                """),
        ])
}
