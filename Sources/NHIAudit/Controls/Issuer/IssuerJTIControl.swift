/// ISS-JTI-001: tokens carry no `jti`, so verifiers cannot detect replay or revoke one token.
public struct IssuerJTIControl: IssuerControl {
    public static let id = "ISS-JTI-001"
    public init() {}

    public func check(_ issuer: Issuer, policy: EffectivePolicy, context: EvaluationContext) -> Outcome {
        let jti = issuer.tokens.includesJti
        guard let included = jti.value else { return .unknown(jti) }
        if included { return .pass("tokens carry a unique identifier (jti)", at: jti) }
        return .fail(
            "tokens carry no jti: a verifier cannot tell a replayed token from a new one, nor deny-list a single "
                + "token", at: jti)
    }

    public static let examples = ControlExamples(
        failing: [
            ControlExample(
                """
                apiVersion: nhi-audit/v1
                kind: Issuer
                metadata: {name: sts}
                spec:
                  tokens: {includesJti: ↓false}
                """)
        ],
        passing: [
            ControlExample(
                """
                apiVersion: nhi-audit/v1
                kind: Issuer
                metadata: {name: sts}
                spec:
                  tokens: {includesJti: true}
                """)
        ])
}
