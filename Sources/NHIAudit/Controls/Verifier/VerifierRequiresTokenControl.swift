/// VER-REQ-001: requests that carry no token at all are let through.
public struct VerifierRequiresTokenControl: VerifierControl {
    public static let id = "VER-REQ-001"
    public init() {}

    public func check(_ verifier: Verifier, policy: EffectivePolicy, context: EvaluationContext) -> Outcome {
        .flag(
            verifier.requiresToken, unsafe: false,
            fail: "requests without a token are let through: validation only rejects bad tokens, so omitting "
                + "the token bypasses it",
            pass: "requests without a token are rejected")
    }

    public static let examples = ControlExamples(
        failing: [
            ControlExample(
                """
                apiVersion: nhi-audit/v1
                kind: Verifier
                metadata: {name: billing-sidecar}
                spec: {requiresToken: ↓false}
                """)
        ],
        passing: [
            ControlExample(
                """
                apiVersion: nhi-audit/v1
                kind: Verifier
                metadata: {name: billing-sidecar}
                spec: {requiresToken: true}
                """)
        ])
}
