/// VER-ALG-002: HMAC and public-key algorithms are accepted together (RFC 8725 §2.1 key confusion: a token
/// signed with HS256 using the issuer's *public* key as the HMAC secret verifies).
public struct VerifierMixedAlgorithmControl: VerifierControl {
    public static let id = "VER-ALG-002"
    public init() {}

    static func isSymmetric(_ algorithm: String) -> Bool { algorithm.uppercased().hasPrefix("HS") }

    static func isAsymmetric(_ algorithm: String) -> Bool {
        let upper = algorithm.uppercased()
        return ["RS", "PS", "ES"].contains { upper.hasPrefix($0) } || ["EDDSA", "ED25519", "ED448"].contains(upper)
    }

    public func check(_ verifier: Verifier, policy: EffectivePolicy, context: EvaluationContext) -> Outcome {
        let algorithms = verifier.algorithms
        guard let items = algorithms.value else { return .unknown(algorithms) }
        let symmetric = items.filter { $0.value.map(Self.isSymmetric) ?? false }
        let asymmetric = items.filter { $0.value.map(Self.isAsymmetric) ?? false }
        if !symmetric.isEmpty, !asymmetric.isEmpty {
            let names = { (fields: [Field<String>]) in fields.compactMap(\.value).joined(separator: ", ") }
            return .fail(
                "symmetric \(names(symmetric)) accepted together with asymmetric \(names(asymmetric)): a token "
                    + "HMAC-signed with the public key as secret verifies", sources: symmetric + asymmetric)
        }
        if let unresolved = algorithms.unresolvedItems.first {
            return .unknown(unresolved, needed: "it could mix symmetric and asymmetric algorithms")
        }
        if items.isEmpty {
            return .indeterminate("no algorithm is listed (VER-ALG-001 reports this)", at: algorithms)
        }
        let family = symmetric.isEmpty ? "asymmetric" : "symmetric"
        return .pass("only \(family) algorithms are accepted: " + algorithms.knownItems.joined(separator: ", "),
            at: algorithms)
    }

    public static let examples = ControlExamples(
        failing: [
            ControlExample(
                """
                apiVersion: nhi-audit/v1
                kind: Verifier
                metadata: {name: orders-api}
                spec:
                  algorithms:
                    - RS256
                    - ↓HS256
                """)
        ],
        passing: [
            ControlExample(
                """
                apiVersion: nhi-audit/v1
                kind: Verifier
                metadata: {name: orders-api}
                spec:
                  algorithms: [RS256, PS256, ES256, EdDSA]
                """),
            ControlExample(
                """
                apiVersion: nhi-audit/v1
                kind: Verifier
                metadata: {name: internal-cron}
                spec:
                  algorithms: [HS256]
                """),
        ])
}
