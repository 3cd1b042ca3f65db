/// VER-SIG-001: the verifier accepts tokens without checking their signature.
public struct VerifierSignatureControl: VerifierControl {
    public static let id = "VER-SIG-001"
    public init() {}

    public func check(_ verifier: Verifier, policy: EffectivePolicy, context: EvaluationContext) -> Outcome {
        .flag(
            verifier.validates.signature, unsafe: false,
            fail: "token signatures are not validated: anyone can mint a token with any claims and it is accepted",
            pass: "token signatures are validated")
    }

    public static let examples = ControlExamples(
        failing: [
            ControlExample(
                """
                apiVersion: nhi-audit/v1
                kind: Verifier
                metadata: {name: orders-api}
                spec:
                  validates:
                    signature: ↓false
                    issuer: true
                """)
        ],
        passing: [
            ControlExample(
                """
                apiVersion: nhi-audit/v1
                kind: Verifier
                metadata: {name: orders-api}
                spec:
                  validates: {signature: true}
                """)
        ])
}
