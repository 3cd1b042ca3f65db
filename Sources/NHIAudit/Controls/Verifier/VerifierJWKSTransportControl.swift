/// VER-JWKS-001: verification keys are fetched over plain HTTP or without certificate verification, so
/// whoever sits on the path can substitute their own keys.
public struct VerifierJWKSTransportControl: VerifierControl {
    public static let id = "VER-JWKS-001"
    public init() {}

    public func check(_ verifier: Verifier, policy: EffectivePolicy, context: EvaluationContext) -> Outcome {
        guard let entries = verifier.trustedIssuers.value else { return .unknown(verifier.trustedIssuers) }
        if entries.isEmpty {
            return .notApplicable("no trusted issuer, so no JWKS is fetched", at: verifier.trustedIssuers)
        }
        var verdict = Verdict()
        let uris = entries.map(\.jwksURI)
        let plain = uris.filter { field in field.value.map { !URLMatching.isHTTPS($0) } ?? false }
        if !plain.isEmpty {
            let names = plain.compactMap(\.value).joined(separator: ", ")
            verdict.fail("JWKS fetched without TLS from \(names)", at: plain)
        }
        let tlsVerify = verifier.jwks.tlsVerify
        if tlsVerify.value == false {
            verdict.fail("the JWKS server's TLS certificate is not verified", at: tlsVerify)
        }
        for uri in uris { _ = verdict.require(uri) }
        _ = verdict.require(tlsVerify)
        return verdict.outcome(
            pass: "every JWKS is fetched over https with certificate verification",
            at: uris as [any EvidenceSource & Sendable] + [tlsVerify])
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
                    - issuer: https://sts.acme.example
                      jwksUri: ↓http://sts.acme.example/jwks
                  jwks: {tlsVerify: true}
                """),
            ControlExample(
                """
                apiVersion: nhi-audit/v1
                kind: Verifier
                metadata: {name: orders-api}
                spec:
                  trustedIssuers:
                    - {issuer: "https://sts.acme.example", jwksUri: "https://sts.acme.example/jwks"}
                  jwks:
                    tlsVerify: ↓false
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
                  jwks: {tlsVerify: true}
                """)
        ])
}
