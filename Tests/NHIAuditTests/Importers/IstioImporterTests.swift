import NHIAudit
import Testing

@Suite struct IstioImporterTests {
    @Test func inlineSampleKeyBecomesAKeySetUsedByTheVerifier() throws {
        let result = MeshFixtures.loadText(
            """
            apiVersion: security.istio.io/v1
            kind: RequestAuthentication
            metadata: {name: inline-demo, namespace: shop}
            spec:
              jwtRules:
              - issuer: testing@secure.istio.io
                jwks: '{"keys": [{"e": "AQAB", "kty": "RSA", "n": "abc"}]}'
            """)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(\.oneLine))")
        let keySet = try #require(result.estate.keySets.first)
        #expect(keySet.usedBy == result.estate.verifiers.first?.ref)
        #expect(keySet.keys.count == 1)
        #expect(keySet.keys[0].location.line == 7)
    }
}

