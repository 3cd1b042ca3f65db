/// VER-EXP-001: expiry is not enforced, or the verifier does not cap token age at the policy's maxTokenTTL.
public struct VerifierExpirationControl: VerifierControl {
    public static let id = "VER-EXP-001"
    public init() {}

    public func check(_ verifier: Verifier, policy: EffectivePolicy, context: EvaluationContext) -> Outcome {
        var verdict = Verdict()
        let expiration = verifier.validates.expiration
        let maxAge = verifier.maxTokenAge
        let limit = policy.maxTokenTTL
        let limitText = "the policy's maxTokenTTL \(DurationParser.format(limit.value)) (\(limit.source))"
        if expiration.value == false {
            verdict.fail("the exp claim is not validated: an expired token is accepted forever", at: expiration)
        }
        // The catalog makes an absent maxTokenAge a finding: without it the verifier accepts whatever
        // lifetime the issuer chose (RFC 8725 §3.10).
        if maxAge.isAbsent {
            verdict.fail("no maxTokenAge caps token age at \(limitText)", at: maxAge)
        } else if let age = verdict.require(maxAge), age > limit.value {
            verdict.fail("maxTokenAge \(DurationParser.format(age)) exceeds \(limitText)", at: maxAge)
        }
        _ = verdict.require(expiration)
        return verdict.outcome(
            pass: "exp is validated and maxTokenAge \(maxAge.value.map(DurationParser.format) ?? "") is within "
                + limitText,
            at: [maxAge, expiration])
    }

    public static let examples = ControlExamples(
        failing: [
            ControlExample(
                """
                apiVersion: nhi-audit/v1
                kind: Verifier
                metadata: {name: orders-api}
                spec:
                  validates: {expiration: ↓false}
                  maxTokenAge: 10m
                """),
            ControlExample(
                """
                apiVersion: nhi-audit/v1
                kind: Verifier
                metadata: {name: orders-api}
                spec:
                  validates: {expiration: true}
                  maxTokenAge: ↓24h
                """),
            ControlExample(
                """
                apiVersion: nhi-audit/v1
                kind: Verifier
                metadata: {name: orders-api}
                ↓spec:
                  validates: {expiration: true}
                """),
        ],
        passing: [
            ControlExample(
                """
                apiVersion: nhi-audit/v1
                kind: Verifier
                metadata: {name: orders-api}
                spec:
                  validates: {expiration: true}
                  maxTokenAge: 1h
                """)
        ])
}
