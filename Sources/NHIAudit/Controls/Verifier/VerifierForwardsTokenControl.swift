/// VER-FWD-001: the original bearer token is passed on to the upstream service.
public struct VerifierForwardsTokenControl: VerifierControl {
    public static let id = "VER-FWD-001"
    public init() {}

    public func check(_ verifier: Verifier, policy: EffectivePolicy, context: EvaluationContext) -> Outcome {
        .flag(
            verifier.forwardsToken, unsafe: true,
            fail: "the original bearer token is forwarded upstream, where any service that receives it can "
                + "replay it wherever its audience is accepted",
            pass: "the original bearer token is not forwarded upstream")
    }

    public static let examples = ControlExamples(
        failing: [
            ControlExample(
                """
                apiVersion: nhi-audit/v1
                kind: Verifier
                metadata: {name: edge-gateway}
                spec:
                  forwardsToken: ↓true
                """)
        ],
        passing: [
            ControlExample(
                """
                apiVersion: nhi-audit/v1
                kind: Verifier
                metadata: {name: edge-gateway}
                spec:
                  forwardsToken: false
                """)
        ])
}
