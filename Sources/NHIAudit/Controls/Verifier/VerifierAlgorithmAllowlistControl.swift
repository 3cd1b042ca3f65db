/// VER-ALG-001: the verifier has no explicit algorithm allowlist, or its list accepts `none`.
public struct VerifierAlgorithmAllowlistControl: VerifierControl {
    public static let id = "VER-ALG-001"
    public init() {}

    public func check(_ verifier: Verifier, policy: EffectivePolicy, context: EvaluationContext) -> Outcome {
        let algorithms = verifier.algorithms
        guard let items = algorithms.value else { return .unknown(algorithms) }
        let unsigned = items.filter { $0.value?.lowercased() == "none" }
        if !unsigned.isEmpty {
            return .fail(
                "the algorithm 'none' is accepted: an unsigned token passes signature validation",
                sources: unsigned, severity: .critical)
        }
        if items.isEmpty {
            return .fail(
                "no explicit algorithm allowlist: the token's alg header decides how it is verified", at: algorithms)
        }
        if let unresolved = algorithms.unresolvedItems.first {
            return .unknown(unresolved, needed: "it could be 'none'")
        }
        return .pass("explicit allowlist: " + algorithms.knownItems.joined(separator: ", "), at: algorithms)
    }

    public static let examples = ControlExamples(
        failing: [
            ControlExample(
                """
                apiVersion: nhi-audit/v1
                kind: Verifier
                metadata: {name: orders-api}
                spec:
                  algorithms: [RS256, ↓none]
                """, severity: .critical),
            ControlExample(
                """
                apiVersion: nhi-audit/v1
                kind: Verifier
                metadata: {name: orders-api}
                spec:
                  algorithms: ↓[]
                """, severity: .high),
        ],
        passing: [
            ControlExample(
                """
                apiVersion: nhi-audit/v1
                kind: Verifier
                metadata: {name: orders-api}
                spec:
                  algorithms: [ES256, RS256]
                """)
        ])
}
