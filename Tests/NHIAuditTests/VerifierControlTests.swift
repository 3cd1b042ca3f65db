import NHIAudit
import Testing

@Suite struct VerifierControlTests {
    private func results(_ control: String, in document: ResultDocument) -> [ResultDocument.Result] {
        document.results.filter { $0.control == control }
    }

    @Test func placeholderAudiencesAreIndeterminateNotPassing() throws {
        let document = Harness.evaluate(
            """
            apiVersion: nhi-audit/v1
            kind: Verifier
            metadata: {name: orders-api}
            spec:
              validates: {audience: true}
              audiences: ["${ORDERS_AUDIENCE}", "{{ .Values.audience }}"]
            """)
        for control in ["VER-AUD-001", "VER-AUD-002"] {
            let result = try #require(results(control, in: document).first)
            #expect(result.status == .indeterminate, "\(control): \(result.message)")
            #expect(result.message.contains("${ORDERS_AUDIENCE}"), "\(control): \(result.message)")
            #expect(result.location.line == 6)
        }
    }

    @Test func genericAudiencesGiveOneResultListingEveryGenericItem() throws {
        let document = Harness.evaluate(
            """
            apiVersion: nhi-audit/v1
            kind: Verifier
            metadata: {name: orders-api, environment: eu-west}
            spec:
              audiences:
                - orders-api
                - Default
                - eu-west
            """)
        let mine = results("VER-AUD-002", in: document)
        try #require(mine.count == 1)
        #expect(mine[0].status == .fail)
        #expect(mine[0].evidence.map(\.line) == [7, 8])
        #expect(mine[0].evidence.map(\.value) == ["Default", "eu-west"])
    }

    @Test func revocationLooksUpTheTrustedIssuerInAnotherFile() throws {
        let issuers = """
            apiVersion: nhi-audit/v1
            kind: Issuer
            metadata: {name: ci-sts}
            spec:
              issuer: https://sts.acme.example/
              tokens:
                defaultTTL: 1h
                maxTTL: 8h
            """
        let verifiers = """
            apiVersion: nhi-audit/v1
            kind: Verifier
            metadata: {name: short-lived-only}
            spec:
              trustedIssuers:
                - {issuer: "https://other.acme.example", jwksUri: "https://other.acme.example/jwks"}
              revocationCheck: none
            ---
            apiVersion: nhi-audit/v1
            kind: Verifier
            metadata: {name: orders-api}
            spec:
              trustedIssuers:
                - issuer: https://sts.acme.example
                  jwksUri: https://sts.acme.example/jwks
              revocationCheck: none
            """
        let document = Harness.evaluate(files: [("estate/issuers.yaml", issuers), ("estate/verifiers.yaml", verifiers)])
        let mine = results("VER-REV-001", in: document)
        let orders = try #require(mine.first { $0.entity.name == "orders-api" })
        #expect(orders.status == .fail)
        #expect((orders.location.file, orders.location.line, orders.location.column) == ("estate/verifiers.yaml", 16, 20))
        #expect(orders.evidence.contains { $0.file == "estate/issuers.yaml" && $0.line == 8 && $0.field == "spec.tokens.maxTTL" })
        #expect(orders.message.contains("ci-sts") && orders.message.contains("15m (built-in baseline)"))

        let other = try #require(mine.first { $0.entity.name == "short-lived-only" })
        #expect(other.status == .indeterminate)
        #expect(other.message.contains("https://other.acme.example is not in the estate"))
    }

    @Test func revocationFallsBackToDefaultTTLOnlyWhenMaxTTLIsAbsent() throws {
        func status(tokens: String) throws -> ResultStatus {
            let document = Harness.evaluate(
                """
                apiVersion: nhi-audit/v1
                kind: Issuer
                metadata: {name: ci-sts}
                spec:
                  issuer: https://sts.acme.example
                  tokens: \(tokens)
                ---
                apiVersion: nhi-audit/v1
                kind: Verifier
                metadata: {name: orders-api}
                spec:
                  trustedIssuers: [{issuer: "https://sts.acme.example"}]
                  revocationCheck: none
                """)
            return try #require(results("VER-REV-001", in: document).first).status
        }
        #expect(try status(tokens: "{defaultTTL: 1h}") == .fail)
        #expect(try status(tokens: "{defaultTTL: 10m}") == .pass)
        #expect(try status(tokens: "{defaultTTL: 10m, maxTTL: \"${MAX_TTL}\"}") == .indeterminate)
    }

    @Test func thresholdsComeFromThePolicyAndAreNamedWithTheirSource() throws {
        let document = Harness.evaluate(
            """
            apiVersion: nhi-audit/v1
            kind: Policy
            metadata: {name: strict}
            spec:
              maxClockSkew: 30s
              maxJwksCacheTTL: 10m
            ---
            apiVersion: nhi-audit/v1
            kind: Verifier
            metadata: {name: orders-api}
            spec:
              clockSkew: 45s
              jwks: {cacheTTL: 15m, refreshOnUnknownKid: true}
            """, file: "policy.yaml")
        let skew = try #require(results("VER-SKEW-001", in: document).first)
        #expect(skew.status == .fail && skew.severity == .low)
        #expect(skew.message.contains("30s (policy.yaml:5:17)"), "\(skew.message)")
        let cache = try #require(results("VER-JWKS-002", in: document).first)
        #expect(cache.status == .fail && cache.message.contains("10m (policy.yaml:6:20)"), "\(cache.message)")
    }

    @Test func aVerifierThatSaysNothingIsNeverPassed() {
        let document = Harness.evaluate(
            """
            apiVersion: nhi-audit/v1
            kind: Verifier
            metadata: {name: silent}
            spec: {}
            """)
        let verifierResults = document.results.filter { $0.control.hasPrefix("VER-") }
        #expect(verifierResults.count == 16)
        for result in verifierResults {
            // The catalog defines an absent maxTokenAge as a VER-EXP-001 finding; everything else is unknown.
            let expected: ResultStatus = result.control == "VER-EXP-001" ? .fail : .indeterminate
            #expect(result.status == expected, "\(result.control): \(result.status) \(result.message)")
        }
    }

    @Test func tokenLoggingIsJudgedOnIssuersAndVerifiers() {
        let document = Harness.evaluate(
            """
            apiVersion: nhi-audit/v1
            kind: Issuer
            metadata: {name: ci-sts}
            spec:
              logging: {includesTokenValues: false}
            ---
            apiVersion: nhi-audit/v1
            kind: Verifier
            metadata: {name: orders-api}
            spec:
              logging: {tokenValues: true}
            """)
        let mine = results("VER-LOG-001", in: document)
        #expect(mine.map(\.entity.kind) == [.issuer, .verifier])
        #expect(mine.map(\.status) == [.pass, .fail])
    }

    @Test func placeholderAlgorithmCouldBeNoneSoItIsIndeterminate() throws {
        let document = Harness.evaluate(
            """
            apiVersion: nhi-audit/v1
            kind: Verifier
            metadata: {name: orders-api}
            spec:
              algorithms: [RS256, "${EXTRA_ALG}"]
            """)
        #expect(try #require(results("VER-ALG-001", in: document).first).status == .indeterminate)
        #expect(try #require(results("VER-ALG-002", in: document).first).status == .indeterminate)
    }
}
