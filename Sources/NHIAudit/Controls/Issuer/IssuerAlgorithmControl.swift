/// ISS-ALG-001: the issuer signs with an algorithm the policy does not allow.
public struct IssuerAlgorithmControl: IssuerControl {
    public static let id = "ISS-ALG-001"
    public init() {}

    public func check(_ issuer: Issuer, policy: EffectivePolicy, context: EvaluationContext) -> Outcome {
        let algorithm = issuer.signing.algorithm
        guard let name = algorithm.value else { return .unknown(algorithm) }
        let allowed = policy.allowedAlgorithms
        let allowedText = "[\(allowed.value.joined(separator: ", "))] (\(allowed.source))"
        // RFC 8725 §3.1/§3.2: `none` means unsigned tokens; no policy can make them authenticate anything.
        if name.lowercased() == "none" {
            return .fail(
                "the issuer mints unsigned tokens (algorithm \(name)); allowedAlgorithms is \(allowedText)",
                at: algorithm, severity: .critical)
        }
        // JWA algorithm names are case-sensitive (RFC 7515 §4.1.1).
        if allowed.value.contains(name) {
            return .pass("signing algorithm \(name) is in allowedAlgorithms \(allowedText)", at: algorithm)
        }
        let symmetric = ["HS256", "HS384", "HS512"].contains(name.uppercased())
        let detail = symmetric ? "; an HMAC key is shared with every verifier, each of which can then mint tokens" : ""
        return .fail(
            "signing algorithm \(name) is not in allowedAlgorithms \(allowedText)\(detail)", at: algorithm,
            severity: symmetric ? .high : nil)
    }

    public static let examples = ControlExamples(
        failing: [
            ControlExample(
                """
                apiVersion: nhi-audit/v1
                kind: Issuer
                metadata: {name: legacy}
                spec:
                  signing: {algorithm: ↓none}
                """, severity: .critical),
            ControlExample(
                """
                apiVersion: nhi-audit/v1
                kind: Issuer
                metadata: {name: legacy}
                spec:
                  signing:
                    algorithm: ↓HS256
                """, severity: .high),
            ControlExample(
                """
                apiVersion: nhi-audit/v1
                kind: Policy
                metadata: {name: strict}
                spec: {allowedAlgorithms: [ES256]}
                ---
                apiVersion: nhi-audit/v1
                kind: Issuer
                metadata: {name: sts}
                spec:
                  signing: {algorithm: ↓RS256}
                """, severity: .high),
        ],
        passing: [
            ControlExample(
                """
                apiVersion: nhi-audit/v1
                kind: Issuer
                metadata: {name: sts}
                spec:
                  signing: {algorithm: ES256}
                """)
        ])
}
