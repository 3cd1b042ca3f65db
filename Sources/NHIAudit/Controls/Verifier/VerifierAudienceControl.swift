/// VER-AUD-001: the `aud` claim is not checked, or the verifier names no audience to check it against.
public struct VerifierAudienceControl: VerifierControl {
    public static let id = "VER-AUD-001"
    public init() {}

    public func check(_ verifier: Verifier, policy: EffectivePolicy, context: EvaluationContext) -> Outcome {
        var verdict = Verdict()
        let validates = verifier.validates.audience
        if validates.value == false {
            verdict.fail(
                "the aud claim is not validated: a token minted for any other service is accepted here",
                at: validates)
        }
        let audiences = verifier.audiences
        if let items = verdict.require(audiences) {
            if items.isEmpty {
                verdict.fail("no audience is configured", at: audiences)
            } else if audiences.knownItems.isEmpty, let unresolved = audiences.unresolvedItems.first {
                // Every audience is a placeholder: which tokens are accepted depends on values not in the input.
                verdict.indeterminate(.unknown(unresolved, needed: "no audience in the list is resolved"))
            }
        }
        _ = verdict.require(validates)
        return verdict.outcome(
            pass: "the aud claim is validated against " + audiences.knownItems.joined(separator: ", "),
            at: [validates, audiences])
    }

    public static let examples = ControlExamples(
        failing: [
            ControlExample(
                """
                apiVersion: nhi-audit/v1
                kind: Verifier
                metadata: {name: orders-api}
                spec:
                  audiences: [orders-api]
                  validates:
                    audience: ↓false
                """),
            ControlExample(
                """
                apiVersion: nhi-audit/v1
                kind: Verifier
                metadata: {name: orders-api}
                spec:
                  validates: {audience: true}
                  audiences: ↓[]
                """),
        ],
        passing: [
            ControlExample(
                """
                apiVersion: nhi-audit/v1
                kind: Verifier
                metadata: {name: orders-api}
                spec:
                  validates: {audience: true}
                  audiences: ["https://orders.acme.example"]
                """)
        ])
}
