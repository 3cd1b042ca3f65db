/// VER-HDR-001: the verifier lets the token choose its own verification key (jku, x5u, embedded jwk).
public struct VerifierTokenHeadersControl: VerifierControl {
    public static let id = "VER-HDR-001"
    public init() {}

    public func check(_ verifier: Verifier, policy: EffectivePolicy, context: EvaluationContext) -> Outcome {
        .flag(
            verifier.trustsTokenHeaders, unsafe: true,
            fail: "the verification key is taken from the token's jku/x5u/jwk header: an attacker signs with "
                + "their own key and points the header at it",
            pass: "verification keys come only from configuration, never from token headers")
    }

    public static let examples = ControlExamples(
        failing: [
            ControlExample(
                """
                apiVersion: nhi-audit/v1
                kind: Verifier
                metadata: {name: legacy-gateway}
                spec:
                  trustsTokenHeaders: ↓true
                """)
        ],
        passing: [
            ControlExample(
                """
                apiVersion: nhi-audit/v1
                kind: Verifier
                metadata: {name: legacy-gateway}
                spec:
                  trustsTokenHeaders: false
                """)
        ])
}
