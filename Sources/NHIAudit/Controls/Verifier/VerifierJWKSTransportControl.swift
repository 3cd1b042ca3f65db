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
        let uris = entries.map(\.jwksURI)
        if let local = verifier.localKeys, uris.allSatisfy(\.isAbsent) {
            return .notApplicable("no JWKS is fetched: the keys are \(local)", at: verifier.trustedIssuers)
        }
        var verdict = Verdict()
        let plain = uris.filter { field in field.value.map { !URLMatching.isHTTPS($0) } ?? false }
        if !plain.isEmpty {
            let names = plain.compactMap(\.value).joined(separator: ", ")
            verdict.fail("JWKS fetched without TLS from \(names)", at: plain)
        }
        let tlsVerify = verifier.jwks.tlsVerify
        // Importers record a JWKS fetched with no TLS at all (plain-http URL, plaintext cluster) as tlsVerify
        // false with a note saying "plain": that is no TLS, not TLS without certificate verification.
        let withoutTLS = tlsVerify.display.map { $0.lowercased().hasPrefix("http://") } == true
            || tlsVerify.note?.contains("plain") == true
        if tlsVerify.value == false, !withoutTLS {
            verdict.fail("the JWKS server's TLS certificate is not verified", at: tlsVerify)
        } else if tlsVerify.value == false, plain.isEmpty {
            let via = [tlsVerify.display, tlsVerify.note].compactMap { $0 }.joined(separator: ": ")
            verdict.fail("JWKS fetched without TLS (\(via.isEmpty ? tlsVerify.path : via))", at: tlsVerify)
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
