import NHIAudit
import Testing

/// Edge cases of the cross-entity controls: unknown values never pass, and large estates stay bounded.
@Suite struct GraphControlTests {
    static func results(_ control: String, _ text: String) -> [ResultDocument.Result] {
        Harness.evaluate(text).results.filter { $0.control == control }
    }

    static func verifier(_ name: String, _ spec: String, metadata: String = "") -> String {
        """
        apiVersion: nhi-audit/v1
        kind: Verifier
        metadata: {name: \(name)\(metadata)}
        spec: \(spec)
        ---

        """
    }

    static let keycloak = """
        apiVersion: nhi-audit/v1
        kind: Issuer
        metadata: {name: keycloak, environment: prod}
        spec:
          issuer: https://sso.example.com/realms/prod
          jwksUri: https://sso.example.com/realms/prod/certs
          signing: {algorithm: RS256}
        ---

        """

    @Test func aPlaceholderIssuerIsIndeterminateNotPassOrFail() throws {
        let text = Self.keycloak + Self.verifier("api", #"{trustedIssuers: [{issuer: "${ISSUER_URL}"}], algorithms: [RS256]}"#)
        for control in ["GRAPH-001", "GRAPH-004", "GRAPH-006"] {
            let result = try #require(Self.results(control, text).first)
            #expect(result.status == .indeterminate, "\(control): \(result.message)")
            #expect(result.message.contains("${ISSUER_URL}") || result.message.contains("'api'"), "\(result.message)")
        }
    }

    @Test func environmentsAreComparedOnlyWhenBothAreKnown() throws {
        let unknownVerifier = Self.keycloak
            + Self.verifier("api", "{trustedIssuers: [{issuer: https://sso.example.com/realms/prod}]}")
        let first = try #require(Self.results("GRAPH-005", unknownVerifier).first)
        #expect(first.status == .indeterminate)
        #expect(first.message.contains("metadata.environment is not set"))

        let unknownIssuer = Self.keycloak.replacingOccurrences(of: ", environment: prod", with: "")
            + Self.verifier(
                "api", "{trustedIssuers: [{issuer: https://sso.example.com/realms/prod}]}", metadata: ", environment: dev")
        let second = try #require(Self.results("GRAPH-005", unknownIssuer).first)
        #expect(second.status == .indeterminate)
        #expect(second.message.contains("Issuer 'keycloak'"))
    }

    @Test func anUnusedAlgorithmIsNotPassedWhenAnotherTrustedIssuerIsUnknown() throws {
        let text = Self.keycloak
            + Self.verifier(
                "api", "{trustedIssuers: [{issuer: https://sso.example.com/realms/prod}, {issuer: https://other.example}], "
                    + "algorithms: [RS256, ES256]}")
        let result = try #require(Self.results("GRAPH-004", text).first)
        #expect(result.status == .indeterminate)
        #expect(result.message.contains("https://other.example"))
    }

    @Test func aKeySetURLDifferingOnlyInPathCaseIsAMismatch() throws {
        let text = Self.keycloak
            + Self.verifier(
                "api", "{trustedIssuers: [{issuer: https://sso.example.com/realms/prod, jwksUri: https://sso.example.com/realms/PROD/certs}]}")
        #expect(Self.results("GRAPH-002", text).first?.status == .fail)
    }

    @Test func aSharedAudienceNamesAtMostTenOthersAndCountsTheRest() throws {
        let count = 3000
        let text = (0..<count).map { Self.verifier(String(format: "svc-%04d", $0), "{audiences: [shared]}") }.joined()
        let results = Self.results("GRAPH-003", text)
        #expect(results.count == count)
        #expect(results.allSatisfy { $0.status == .fail })
        let first = try #require(results.first { $0.entity.name == "svc-0000" })
        let names = (1...10).map { String(format: "'svc-%04d'", $0) }.joined(separator: ", ")
        #expect(first.evidence.first?.note == "also accepted by verifiers \(names) and \(count - 11) more")
    }

    @Test func anIssuerIsAnOffboardingCandidateOnlyWhenEveryTrustIsKnown() throws {
        let untrusted = Self.keycloak + Self.verifier("api", "{trustedIssuers: [{issuer: https://other.example}]}")
        #expect(Self.results("GRAPH-006", untrusted).first?.status == .fail)
        let unknownTrust = Self.keycloak + Self.verifier("api", "{audiences: [x]}")
        let result = try #require(Self.results("GRAPH-006", unknownTrust).first)
        #expect(result.status == .indeterminate)
        #expect(result.message.contains("'api'"))
    }
}
