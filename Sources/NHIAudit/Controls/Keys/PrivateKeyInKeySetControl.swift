/// KEY-PRIV-001: a key set that should hold public keys carries private members (RFC 7518 section 6.3.2,
/// 6.2.2, 6.4.1): whoever reads the file can mint tokens the set's verifiers accept.
public struct PrivateKeyInKeySetControl: KeySetControl {
    public static let id = "KEY-PRIV-001"
    public init() {}

    public func check(_ set: KeySet, policy: EffectivePolicy, context: EvaluationContext) -> Outcome {
        guard !set.keys.isEmpty else { return .notApplicable("the key set holds no keys") }
        let leaking = set.keys.filter { !$0.privateMembers.isEmpty }
        guard !leaking.isEmpty else {
            return .pass("\(set.keys.count) key(s), none with private members", at: set.keys[0].kty)
        }
        let what = leaking.map { "\($0.label) (\($0.privateMembers.joined(separator: ", ")))" }.joined(separator: "; ")
        return .fail("private key material is published in the key set: \(what)", sources: leaking.flatMap(\.secrets))
    }

    public static let examples = ControlExamples(
        failing: [
            ControlExample(
                """
                {"keys": [
                  {"kty": "RSA", "kid": "k1", "use": "sig", "alg": "RS256", "e": "AQAB", "n": "bm90LWEtcmVhbC1tb2R1bHVz",
                   "d": ↓"bm90LWEtcmVhbC1wcml2YXRlLWV4cG9uZW50"}
                ]}
                """, file: "jwks.json"),
            ControlExample(
                """
                {"kty": "oct", "kid": "hmac", "alg": "HS256", "k": ↓"bWFkZS11cC1zaGFyZWQtc2VjcmV0"}
                """, file: "key.json"),
        ],
        passing: [
            ControlExample(
                """
                {"keys": [{"kty": "EC", "kid": "k1", "use": "sig", "alg": "ES256", "crv": "P-256",
                  "x": "bm90LWEtcmVhbC14LWNvb3JkaW5hdGU", "y": "bm90LWEtcmVhbC15LWNvb3JkaW5hdGU"}]}
                """, file: "jwks.json")
        ])
}
