/// VER-JWKS-002: cached keys outlive the policy's maxJwksCacheTTL, or an unknown `kid` does not trigger a
/// refetch, so a rotated or revoked key keeps verifying (or a new one fails) longer than necessary.
public struct VerifierJWKSRefreshControl: VerifierControl {
    public static let id = "VER-JWKS-002"
    public init() {}

    public func check(_ verifier: Verifier, policy: EffectivePolicy, context: EvaluationContext) -> Outcome {
        var verdict = Verdict()
        let cacheTTL = verifier.jwks.cacheTTL
        let refresh = verifier.jwks.refreshOnUnknownKid
        let limit = policy.maxJwksCacheTTL
        let limitText = "the policy's maxJwksCacheTTL \(DurationParser.format(limit.value)) (\(limit.source))"
        if let seconds = verdict.require(cacheTTL), seconds > limit.value {
            verdict.fail("JWKS cache TTL \(DurationParser.format(seconds)) exceeds \(limitText)", at: cacheTTL)
        }
        if refresh.value == false {
            verdict.fail("an unknown kid does not trigger a JWKS refetch", at: refresh)
        }
        _ = verdict.require(refresh)
        return verdict.outcome(
            pass: "JWKS cache TTL \(cacheTTL.value.map(DurationParser.format) ?? "") is within \(limitText) and an "
                + "unknown kid triggers a refetch",
            at: [cacheTTL, refresh])
    }

    public static let examples = ControlExamples(
        failing: [
            ControlExample(
                """
                apiVersion: nhi-audit/v1
                kind: Verifier
                metadata: {name: orders-api}
                spec:
                  jwks:
                    cacheTTL: ↓24h
                    refreshOnUnknownKid: true
                """),
            ControlExample(
                """
                apiVersion: nhi-audit/v1
                kind: Verifier
                metadata: {name: orders-api}
                spec:
                  jwks: {cacheTTL: 5m, refreshOnUnknownKid: ↓false}
                """),
        ],
        passing: [
            ControlExample(
                """
                apiVersion: nhi-audit/v1
                kind: Verifier
                metadata: {name: orders-api}
                spec:
                  jwks: {cacheTTL: 15m, refreshOnUnknownKid: true}
                """)
        ])
}
