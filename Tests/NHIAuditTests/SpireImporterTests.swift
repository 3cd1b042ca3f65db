import Foundation
import NHIAudit
import Testing

@Suite struct SpireImporterTests {
    @Test func goodServerBecomesAnIssuerAndPassesTheWorkloadControls() throws {
        let loaded = Fixtures.load("spire/server-good.conf")
        #expect(loaded.record.format == "spire/config")
        #expect(loaded.record.status == .assessed)
        let issuer = try #require(loaded.estate.issuers.first)
        #expect(issuer.issuerURL.value == "https://oidc.prod.example.com")
        #expect(issuer.tokens.defaultTTL.value == 300)
        #expect(issuer.signing.keyType.value == "ec-p384")
        #expect(issuer.signing.algorithm.value == "ES384")
        #expect(issuer.signing.keyStorage.value == "kms")
        let spire = try #require(loaded.estate.spireDeployments.first)
        #expect(spire.role == "server")
        #expect(spire.caTTL.value == 72 * 3600)
        let document = Fixtures.evaluate(["spire/server-good.conf"])
        for control in ["WKL-SVID-001", "WKL-SVID-002", "WKL-ATT-001"] {
            #expect(document.results(control, file: "server-good.conf").map(\.status) == [.pass], "\(control)")
        }
    }

    @Test func defaultsAreSpiresDocumentedOnesWithANote() throws {
        let loaded = Fixtures.load("spire/server-configmap.yaml")
        let spire = try #require(loaded.estate.spireDeployments.first)
        #expect(spire.caTTL.value == 86_400)
        #expect(spire.caTTL.note?.contains("SPIRE default") == true)
        let issuer = try #require(loaded.estate.issuers.first)
        #expect(issuer.signing.keyType.value == "ec-p256")
        #expect(issuer.tokens.defaultTTL.value == 900)
    }

    @Test func weakServerFailsAtTheDecidingLines() {
        let document = Fixtures.evaluate(["spire/server-weak.conf"])
        let ttl = document.results("WKL-SVID-001", file: "server-weak.conf")
        #expect(ttl.map(\.status) == [.fail])
        #expect(ttl.first?.location.line == 5)  // default_jwt_svid_ttl 1h is checked first
        let keys = document.results("WKL-SVID-002", file: "server-weak.conf")
        #expect(keys.map(\.status) == [.fail])
        #expect(keys.first?.location.line == 12)
        let attestation = document.results("WKL-ATT-001", file: "server-weak.conf")
        #expect(attestation.map(\.status) == [.indeterminate], "join_token with an unknown environment")
    }

    @Test func weakAgentFailsAttestationAndItsJoinTokenIsASecret() throws {
        let loaded = Fixtures.load("spire/agent-weak.conf")
        let agent = try #require(loaded.estate.spireDeployments.first)
        #expect(agent.role == "agent")
        #expect(loaded.estate.issuers.isEmpty)
        #expect(agent.secrets.count == 1)
        #expect(agent.secrets.first?.location.line == 4)
        let document = Fixtures.evaluate(["spire/agent-weak.conf"])
        let attestation = document.results("WKL-ATT-001", file: "agent-weak.conf")
        #expect(attestation.map(\.status) == [.fail])
        #expect(attestation.first?.location.line == 15)
        #expect(document.results("WKL-SVID-002", file: "agent-weak.conf").map(\.status) == [.notApplicable])
        let report = String(describing: document.results)
        #expect(!report.contains("0d3b6a1c-5c4e-4d1f-9b61-7a0f54b0a9e1"))
    }

    @Test func embeddedConfigKeepsTheConfigMapsLines() throws {
        let loaded = Fixtures.load("spire/server-configmap.yaml")
        #expect(loaded.record.format == "spire/configmap")
        let spire = try #require(loaded.estate.spireDeployments.first)
        #expect(spire.keyStorage.location == SourceLocation(file: Fixtures.url("spire/server-configmap.yaml").path, line: 14, column: 7))
        #expect(spire.jwtSVIDTTL.location?.line == 11)
        #expect(spire.jwtSVIDTTL.location?.column == 30)
    }

    @Test func malformedConfigIsAnInputFindingWithItsLine() {
        let loaded = Fixtures.load("spire/server-malformed.conf")
        #expect(loaded.estate.allEntities.isEmpty)
        #expect(loaded.diagnostics.contains { $0.code == .unreadable && $0.location.line == 3 })
    }

    @Test func tutorialPlaceholderIssuerIsUnresolved() throws {
        let text = "server {\n  trust_domain = \"x.org\"\n  jwt_issuer = \"https://MY_DISCOVERY_DOMAIN\"\n}\nplugins {\n}\n"
        let loaded = EstateLoader().loadFile(path: "server.conf", data: Data(text.utf8))
        let issuer = try #require(loaded.estate.issuers.first)
        #expect(issuer.issuerURL.value == nil)
        #expect(issuer.issuerURL.unknownReason?.contains("placeholder") == true)
    }

    @Test func deprecatedDefaultSVIDTTLStillSetsTheX509Lifetime() throws {
        let text = "server {\n  trust_domain = \"x.org\"\n  default_svid_ttl = \"2h\"\n}\nplugins {\n}\n"
        let loaded = EstateLoader().loadFile(path: "server.conf", data: Data(text.utf8))
        let spire = try #require(loaded.estate.spireDeployments.first)
        #expect(spire.x509SVIDTTL.value == 7200)
        #expect(spire.legacySVIDTTL.location?.line == 3)
        let document = Harness.evaluate(text, file: "server.conf")
        #expect(document.results("WKL-SVID-001", file: "server.conf").map(\.status) == [.fail])
    }
}
