import Foundation
import NHIAudit
import Testing

@Suite struct KeycloakImporterTests {
    @Test func realmExportBecomesAnIssuerAndMachineClients() throws {
        let result = OIDCFixtures.load("keycloak/payments-realm.json")
        #expect(result.record.format == "keycloak")
        let issuer = try #require(result.estate.issuers.first)
        #expect(issuer.metadata.name == "payments")
        #expect(issuer.tokens.defaultTTL.value == 7200)
        #expect(issuer.tokens.defaultTTL.location?.line == 4)
        #expect(issuer.tokens.maxTTL.value == 86_400)
        #expect(issuer.tokens.maxTTL.path == "clients[1].attributes.access.token.lifespan")
        #expect(issuer.signing.algorithm.value == "ES256")
        #expect(issuer.signing.keyType.value == "EC")
        // The built-in account-console is a console for people: not a machine client.
        #expect(result.estate.machineClients.map(\.metadata.name) == ["payments/settlement-batch", "payments/ledger-sync"])
    }

    @Test func committedSecretsAreFingerprintsButMaskedOnesAreNot() throws {
        let result = OIDCFixtures.load("keycloak/payments-realm.json")
        let issuer = try #require(result.estate.issuers.first)
        #expect(issuer.secrets.map(\.kind) == ["Keycloak realm symmetric key (hmac-generated)"])
        let clients = result.estate.machineClients
        #expect(clients[0].secrets.count == 1)
        #expect(clients[0].secrets[0].location.line == 19)
        #expect(clients[1].secrets.isEmpty, "\"**********\" is Keycloak's mask, not a secret")
        let report = OIDCFixtures.evaluate("keycloak/payments-realm.json")
        let json = try report.renderedEverywhere()
        #expect(!json.contains("made-up-client-secret-for-tests-0001"))
        #expect(!json.contains("bWFkZS11cC1obWFjLXNlY3JldC1mb3ItdGVzdHM"))
    }

    @Test func absentSettingsUseKeycloakDefaultsWithNotes() throws {
        let result = OIDCFixtures.load("keycloak/minimal-realm.json")
        let issuer = try #require(result.estate.issuers.first)
        #expect(issuer.tokens.defaultTTL.value == 300)
        #expect(issuer.tokens.defaultTTL.note?.contains("Keycloak default") == true)
        #expect(issuer.signing.algorithm.value == "RS256")
        let client = try #require(result.estate.machineClients.first)
        #expect(client.fullScopeAllowed.value == true)
        #expect(client.fullScopeAllowed.note?.contains("Keycloak default") == true)
        let report = OIDCFixtures.evaluate("keycloak/minimal-realm.json")
        #expect(report.failures("ISS-CLI-001").map(\.location.line) == [5])
    }

    @Test func templatedClientIsIndeterminateAndBadLifespanIsReported() throws {
        let result = OIDCFixtures.load("keycloak/templated-client.json")
        let client = try #require(result.estate.machineClients.first)
        #expect(client.secrets.isEmpty)
        if case .placeholder = client.directAccessGrantsEnabled.state {} else {
            Issue.record("expected a placeholder, got \(client.directAccessGrantsEnabled.state)")
        }
        #expect(result.diagnostics.contains { $0.code == .unreadable && $0.location.line == 9 })
        let report = OIDCFixtures.evaluate("keycloak/templated-client.json")
        #expect(report.statuses("ISS-CLI-001") == [.indeterminate])
    }

    @Test func brokenExportIsReportedNotDropped() {
        let result = OIDCFixtures.load("keycloak/broken-realm.json")
        #expect(result.estate.allEntities.isEmpty)
        #expect(result.diagnostics.contains { $0.code == .unreadable })
    }

    @Test func nonKeycloakJSONIsNotClaimed() {
        let result = EstateLoader().loadFile(path: "package.json", data: Data(#"{"name": "x", "realm": "y"}"#.utf8))
        #expect(result.record.format != "keycloak")
    }

    @Test func aFullServerExportListsSeveralRealms() {
        let text = #"[{"realm": "a", "accessTokenLifespan": 60}, {"realm": "b", "clients": []}]"#
        let result = EstateLoader().loadFile(path: "export.json", data: Data(text.utf8))
        #expect(result.estate.issuers.map(\.metadata.name) == ["a", "b"])
    }
}
