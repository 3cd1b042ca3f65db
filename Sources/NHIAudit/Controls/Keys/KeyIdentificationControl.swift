/// KEY-KID-001: keys a verifier cannot select or pin: no `kid`, a duplicate `kid`, no `use`/`alg`
/// (RFC 7517 sections 4.2-4.5, RFC 8725 section 3.1), or a set whose shape consumers do not read.
public struct KeyIdentificationControl: KeySetControl {
    public static let id = "KEY-KID-001"
    public init() {}

    public func check(_ set: KeySet, policy: EffectivePolicy, context: EvaluationContext) -> Outcome {
        var problems: [String] = set.shapeProblems
        var sources: [any EvidenceSource & Sendable] = []
        if !set.shapeProblems.isEmpty {
            sources.append(Field<String>(.absent, path: "keys", location: set.metadata.location))
        }
        guard !set.keys.isEmpty || !problems.isEmpty else { return .notApplicable("the key set holds no keys") }
        var seen: Set<String> = []
        for key in set.keys {
            if key.kid.isAbsent {
                problems.append("\(key.label) has no kid")
                sources.append(key.anchorField)
            } else if let kid = key.kid.value, !seen.insert(kid).inserted {
                problems.append("kid \(kid) is used twice")
                sources.append(key.kid)
            }
            let missing = [key.use, key.alg].filter(\.isAbsent).map { $0.path.split(separator: ".").last.map(String.init) ?? $0.path }
            if !missing.isEmpty {
                problems.append("\(key.label) has no \(missing.joined(separator: " or "))")
                sources.append(key.anchorField)
            }
        }
        if !problems.isEmpty { return .fail(problems.joined(separator: "; "), sources: sources) }
        return .pass("every key has a unique kid, use and alg", at: set.keys[0].kid)
    }

    public static let examples = ControlExamples(
        failing: [
            ControlExample(
                """
                {"keys": [
                  ↓{"kty": "EC", "crv": "P-256", "x": "bm90LWEtcmVhbC14LWNvb3JkaW5hdGU", "y": "bm90LWEtcmVhbC15LWNvb3JkaW5hdGU"}
                ]}
                """, file: "jwks.json"),
            ControlExample(
                """
                ↓{"signingKeys": [
                  {"kty": "RSA", "kid": "k1", "use": "sig", "alg": "RS256", "e": "AQAB", "n": "bm90LWEtcmVhbC1tb2R1bHVz"}
                ]}
                """, file: "keys.json"),
        ],
        passing: [
            ControlExample(
                """
                {"keys": [{"kty": "RSA", "kid": "k1", "use": "sig", "alg": "RS256", "e": "AQAB", "n": "bm90LWEtcmVhbC1tb2R1bHVz"}]}
                """, file: "jwks.json")
        ])
}
