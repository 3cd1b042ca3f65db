import Foundation

/// KEY-DEMO-001: a verifier trusts a well-known public demo key whose private half is published, so anyone
/// can mint tokens it accepts. Judged on verifiers (by JWKS URL) and on key sets (by key fingerprint).
public struct DemoKeyControl: Control {
    public static let id = "KEY-DEMO-001"
    public init() {}

    /// Istio's sample JWKS (security/tools/jwt/samples/jwks.json, kid DHFbpoIUqrY8t2zpA2qXfCmr5VO5ZEr4RzHU_-envvQ):
    /// its private key (key.pem) is in the same public directory.
    static let knownKeys: [String: String] = [
        "sha256:1e8ac6382ee57456": "Istio's sample JWT key (istio/istio security/tools/jwt/samples, private key public)"
    ]

    static func knownURL(_ url: String) -> String? {
        let lowered = url.lowercased()
        let istio = lowered.hasPrefix("https://raw.githubusercontent.com/istio/istio/")
            || lowered.hasPrefix("http://raw.githubusercontent.com/istio/istio/")
        if istio, lowered.hasSuffix("/security/tools/jwt/samples/jwks.json") {
            return "Istio's sample JWKS (its private key is published next to it in the istio repository)"
        }
        return nil
    }

    private enum JwtURL {
        static func isHTTP(_ text: String) -> Bool {
            let lowered = text.lowercased()
            return lowered.hasPrefix("https://") || lowered.hasPrefix("http://")
        }
    }

    public func evaluate(_ context: EvaluationContext) -> [EntityOutcome] {
        let verifiers = context.estate.verifiers.map { verifier in
            EntityOutcome(
                entity: verifier.ref, anchor: verifier.metadata.location,
                policy: context.policyName(for: verifier.metadata), outcome: check(verifier, keySets: context.estate.keySets))
        }
        let keySets = context.estate.keySets.map { keySet in
            EntityOutcome(
                entity: keySet.ref, anchor: keySet.metadata.location, policy: context.policyName(for: keySet.metadata),
                outcome: check(keySet))
        }
        return verifiers + keySets
    }

    private func check(_ verifier: Verifier, keySets: [KeySet]) -> Outcome {
        for keySet in keySets where keySet.usedBy == verifier.ref {
            let outcome = check(keySet)
            if outcome.status == .fail { return outcome }
        }
        guard let issuers = verifier.trustedIssuers.value else { return .unknown(verifier.trustedIssuers) }
        var unknown: Outcome?
        for issuer in issuers {
            let uri = issuer.jwksURI
            if let url = uri.value {
                if let what = Self.knownURL(url) { return .fail("the verifier trusts \(what)", at: uri) }
                continue
            }
            let inline = keySets.contains { $0.usedBy == verifier.ref }
            // Istio without jwksUri/jwks uses the issuer's discovery document, never a sample file.
            let discovered = verifier.metadata.format.hasPrefix("istio/") && uri.isAbsent
                && issuer.issuer.value.map { JwtURL.isHTTP($0) } == true
            if !inline, !discovered { unknown = unknown ?? .unknown(uri, needed: "the keys trusted are not known") }
        }
        if let unknown { return unknown }
        return .pass("the verifier's key sources are not a known demo key set", at: verifier.trustedIssuers)
    }

    private func check(_ keySet: KeySet) -> Outcome {
        guard !keySet.keys.isEmpty else { return .notApplicable("the key set holds no keys", at: keySet.sourceURL) }
        for key in keySet.keys {
            if let fingerprint = key.publicFingerprint, let what = Self.knownKeys[fingerprint] {
                let evidence = Field<String>.known(
                    fingerprint, path: key.path, at: key.location, display: "public key \(fingerprint)",
                    note: key.kid.value.map { "kid \($0)" })
                return .fail("the key set contains \(what)", at: evidence)
            }
        }
        let first = keySet.keys[0]
        return .pass(
            "no key is a known public demo key",
            at: Field<String>.known(first.publicFingerprint ?? "", path: first.path, at: first.location))
    }

    public static let examples = ControlExamples(
        failing: [
            ControlExample(
                """
                apiVersion: security.istio.io/v1
                kind: RequestAuthentication
                metadata: {name: jwt-example, namespace: istio-system}
                spec:
                  jwtRules:
                  - issuer: testing@secure.istio.io
                    jwksUri: ↓https://raw.githubusercontent.com/istio/istio/release-1.24/security/tools/jwt/samples/jwks.json
                """),
            ControlExample(
                """
                apiVersion: security.istio.io/v1
                kind: RequestAuthentication
                metadata: {name: inline-demo, namespace: shop}
                spec:
                  jwtRules:
                  - issuer: testing@secure.istio.io
                    jwks: '{"keys": [↓{"e": "AQAB", "kid": "DHFbpoIUqrY8t2zpA2qXfCmr5VO5ZEr4RzHU_-envvQ", "kty": "RSA", "n": "xAE7eB6qugXyCAG3yhh7pkDkT65pHymX-P7KfIupjf59vsdo91bSP9C8H07pSAGQO1MV_xFj9VswgsCg4R6otmg5PV2He95lZdHtOcU5DXIg_pbhLdKXbi66GlVeK6ABZOUW3WYtnNHD-91gVuoeJT_DwtGGcp4ignkgXfkiEm4sw-4sfb4qdt5oLbyVpmW6x9cfa7vs2WTfURiCrBoUqgBo_-4WTiULmmHSGZHOjzwa8WtrtOQGsAFjIbno85jp6MnGGGZPYZbDAa_b3y5u-YpW7ypZrvD8BgtKVjgtQgZhLAGezMt0ua3DRrWnKqTZ0BJ_EyxOGuHJrLsn00fnMQ"}]}'
                """),
        ],
        passing: [
            ControlExample(
                """
                apiVersion: security.istio.io/v1
                kind: RequestAuthentication
                metadata: {name: jwt, namespace: shop}
                spec:
                  jwtRules:
                  - issuer: https://issuer.example.com
                    jwksUri: https://issuer.example.com/.well-known/jwks.json
                """)
        ])
}
