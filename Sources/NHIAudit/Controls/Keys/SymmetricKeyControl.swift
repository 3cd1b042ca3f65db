/// KEY-SYM-001: a symmetric (`oct`) key in a key set. Whoever can verify with it can also sign with it, so an
/// HMAC key shared between issuer and verifiers lets every verifier mint tokens (RFC 8725 section 3.5).
public struct SymmetricKeyControl: KeySetControl {
    public static let id = "KEY-SYM-001"
    public init() {}

    public func check(_ set: KeySet, policy: EffectivePolicy, context: EvaluationContext) -> Outcome {
        guard !set.keys.isEmpty else { return .notApplicable("the key set holds no keys") }
        let symmetric = set.keys.filter(\.isSymmetric)
        if !symmetric.isEmpty {
            return .fail(
                "symmetric key(s) in the key set: \(symmetric.map(\.label).joined(separator: ", ")); "
                    + "every holder can mint tokens as well as verify them", sources: symmetric.map(\.kty))
        }
        if let unknown = set.keys.first(where: { $0.kty.value == nil }) { return .unknown(unknown.kty) }
        return .pass("every key is asymmetric (\(Set(set.keys.compactMap(\.kty.value)).sorted().joined(separator: ", ")))",
            at: set.keys[0].kty)
    }

    public static let examples = ControlExamples(
        failing: [
            ControlExample(
                """
                {"keys": [{"kty": ↓"oct", "kid": "shared", "use": "sig", "alg": "HS256", "k": "bWFkZS11cC1zaGFyZWQtc2VjcmV0"}]}
                """, file: "jwks.json")
        ],
        passing: [
            ControlExample(
                """
                {"keys": [{"kty": "RSA", "kid": "k1", "use": "sig", "alg": "RS256", "e": "AQAB", "n": "bm90LWEtcmVhbC1tb2R1bHVz"}]}
                """, file: "jwks.json")
        ])
}
