import Foundation
import NHIAudit
import Testing

@Suite struct DiscoveryAndJWKSImporterTests {
    @Test func discoveryWithoutExtensionIsRecognisedByContent() throws {
        let result = OIDCFixtures.load("discovery/openid-configuration")
        let document = try #require(result.estate.discoveryDocuments.first)
        #expect(document.issuer.value == "https://login.example.com/realms/ops")
        #expect(document.endpoints.map(\.path) == ["jwks_uri", "token_endpoint"])
        #expect(OIDCFixtures.evaluate("discovery/openid-configuration").statuses("ISS-DISC-001") == [.pass])
    }

    @Test func insecureDiscoveryFailsAtTheIssuer() throws {
        let report = OIDCFixtures.evaluate("discovery/insecure-openid-configuration.json")
        let failure = try #require(report.failures("ISS-DISC-001").first)
        #expect(failure.location.line == 2)
        #expect(failure.message.contains("authorization_endpoint, jwks_uri"))
        #expect(failure.message.contains("request_object_signing_alg_values_supported"))
        #expect(!failure.message.contains("token_endpoint"))
    }

    @Test func templatedDiscoveryIsIndeterminate() {
        #expect(OIDCFixtures.evaluate("discovery/templated-openid-configuration").statuses("ISS-DISC-001") == [.indeterminate])
    }

    @Test func discoveryIssuerDisagreeingWithTheKeyPublisherFails() {
        let native = """
            apiVersion: nhi-audit/v1
            kind: Issuer
            metadata: {name: ops}
            spec:
              issuer: https://sso.example.com/realms/ops
              jwksUri: https://login.example.com/realms/ops/protocol/openid-connect/certs
            """
        let report = Harness.evaluate(files: [
            ("issuer.yaml", native), ("openid-configuration", OIDCFixtures.text("discovery/openid-configuration")),
        ])
        #expect(report.failures("ISS-DISC-001").first?.message.contains("differs from https://sso.example.com") == true)
    }

    @Test func goodJWKSPassesEveryKeyControl() {
        let report = OIDCFixtures.evaluate("jwks/good-jwks.json")
        for control in ["KEY-PRIV-001", "KEY-SYM-001", "KEY-KID-001"] {
            #expect(report.statuses(control) == [.pass], "\(control)")
        }
    }

    @Test func leakyJWKSFailsWithFingerprintsOnly() throws {
        let report = OIDCFixtures.evaluate("jwks/leaky-jwks.json")
        #expect(report.failures("KEY-PRIV-001").first?.location.line == 4)
        #expect(report.failures("KEY-SYM-001").first?.location.line == 5)
        #expect(report.failures("KEY-KID-001").first?.message.contains("kid dup is used twice") == true)
        let json = try report.renderedEverywhere()
        #expect(!json.contains("bm90LWEtcmVhbC1wcml2YXRlLWV4cG9uZW50"))
        #expect(!json.contains("bWFkZS11cC1zaGFyZWQtc2VjcmV0"))
    }

    @Test(arguments: ["jwks/wrong-member.json", "jwks/bare-jwk.json", "jwks/nested-jwk.json"])
    func malformedKeySetsAreReadAndFlagged(_ name: String) throws {
        let result = OIDCFixtures.load(name)
        let set = try #require(result.estate.keySets.first)
        #expect(set.origin == .malformedJWKS)
        #expect(set.keys.count == 1)
        #expect(OIDCFixtures.evaluate(name).failures("KEY-KID-001").first?.location.line == 1)
    }

    @Test func nestedPrivateJWKIsCritical() {
        let report = OIDCFixtures.evaluate("jwks/nested-jwk.json")
        #expect(report.failures("KEY-PRIV-001").first?.severity == .critical)
    }

    @Test func brokenJWKSIsAnInputFinding() {
        let result = OIDCFixtures.load("jwks/broken-jwks.json")
        #expect(result.estate.keySets.isEmpty)
        #expect(result.diagnostics.contains { $0.code == .unreadable && $0.location.line == 1 })
    }
}
