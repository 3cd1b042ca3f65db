/// VER-ISS-001: the `iss` claim is not checked, or no trusted issuer is pinned to check it against.
public struct VerifierIssuerControl: VerifierControl {
    public static let id = "VER-ISS-001"
    public init() {}

    public func check(_ verifier: Verifier, policy: EffectivePolicy, context: EvaluationContext) -> Outcome {
        var verdict = Verdict()
        let validates = verifier.validates.issuer
        if validates.value == false {
            verdict.fail("the iss claim is not validated: a token from any issuer whose key is trusted is accepted",
                at: validates)
        }
        var pinned: [String] = []
        if let entries = verdict.require(verifier.trustedIssuers) {
            if entries.isEmpty {
                verdict.fail("no trusted issuer is pinned", at: verifier.trustedIssuers)
            }
            for entry in entries {
                if let issuer = verdict.require(entry.issuer) { pinned.append(issuer) }
            }
        }
        _ = verdict.require(validates)
        return verdict.outcome(
            pass: "the iss claim is validated against \(pinned.count) pinned issuer(s): "
                + pinned.joined(separator: ", "),
            at: [validates, verifier.trustedIssuers])
    }

    public static let examples = ControlExamples(
        failing: [
            ControlExample(
                """
                apiVersion: nhi-audit/v1
                kind: Verifier
                metadata: {name: orders-api}
                spec:
                  trustedIssuers:
                    - {issuer: "https://sts.acme.example", jwksUri: "https://sts.acme.example/jwks"}
                  validates: {signature: true, issuer: ↓false}
                """),
            ControlExample(
                """
                apiVersion: nhi-audit/v1
                kind: Verifier
                metadata: {name: orders-api}
                spec:
                  trustedIssuers: ↓[]
                  validates: {issuer: true}
                """),
        ],
        passing: [
            ControlExample(
                """
                apiVersion: nhi-audit/v1
                kind: Verifier
                metadata: {name: orders-api}
                spec:
                  trustedIssuers:
                    - issuer: https://sts.acme.example
                      jwksUri: https://sts.acme.example/.well-known/jwks.json
                  validates: {issuer: true}
                """)
        ])
}
