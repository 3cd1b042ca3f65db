import Foundation
import NHIAudit
import Testing

/// Behaviour of the issuer and governance controls beyond their own examples: policy selection by
/// environment, indeterminate results on placeholders, date boundaries, and redaction of inline secrets.
@Suite struct IssuerControlTests {
    private func results(_ control: String, _ text: String) -> [ResultDocument.Result] {
        Harness.evaluate(text).results.filter { $0.control == control }
    }

    private func only(_ control: String, _ text: String) throws -> ResultDocument.Result {
        let found = results(control, text)
        try #require(found.count == 1, "\(control): expected one result, got \(found.map(\.message))")
        return found[0]
    }

    @Test func policyIsChosenByEnvironmentAndNamedInTheMessage() {
        let found = results(
            "ISS-KEY-001",
            """
            apiVersion: nhi-audit/v1
            kind: Policy
            metadata: {name: prod-policy}
            spec:
              appliesTo: {environments: [prod]}
              allowedKeyStorage: [hsm]
            ---
            apiVersion: nhi-audit/v1
            kind: Issuer
            metadata: {name: prod-sts, environment: prod}
            spec:
              signing: {keyStorage: kms}
            ---
            apiVersion: nhi-audit/v1
            kind: Issuer
            metadata: {name: dev-sts, environment: dev}
            spec:
              signing: {keyStorage: kms}
            """)
        let prod = found.first { $0.entity.name == "prod-sts" }
        let dev = found.first { $0.entity.name == "dev-sts" }
        #expect(prod?.status == .fail)
        #expect(prod?.policy == "prod-policy")
        #expect(prod?.message.contains("(example.yaml:6:") == true, "\(prod?.message ?? "")")
        #expect(dev?.status == .pass)
        #expect(dev?.policy == "baseline")
        #expect(dev?.message.contains("built-in baseline") == true, "\(dev?.message ?? "")")
    }

    @Test func placeholdersAreIndeterminateNeverPass() throws {
        let text = """
            apiVersion: nhi-audit/v1
            kind: Issuer
            metadata: {name: templated, owner: "{{ .Values.owner }}", lastReviewed: "${REVIEWED}"}
            spec:
              issuer: ${ISSUER_URL}
              jwksUri: https://${HOST}/jwks.json
              signing: {algorithm: "${ALG}", keyStorage: PATCH_ME, keyType: RSA, keySize: "${BITS}"}
              tokens: {maxTTL: "${MAX_TTL}", audiences: [billing, "<audience>"], includesJti: "${JTI}"}
              logging: {issuance: "${LOG}"}
            """
        for control in [
            "ISS-TTL-002", "ISS-ALG-001", "ISS-KEY-001", "ISS-AUD-001", "ISS-JTI-001", "ISS-LOG-001", "ISS-URL-001",
            "KEY-SIZE-001", "POL-002", "POL-003",
        ] {
            let result = try only(control, text)
            #expect(result.status == .indeterminate, "\(control): \(result.status) \(result.message)")
            #expect(result.message.contains("placeholder"), "\(control): \(result.message)")
        }
    }

    @Test func aLiteralHTTPSSchemeDecidesDespiteAPlaceholderHost() throws {
        let result = try only(
            "ISS-URL-001",
            """
            apiVersion: nhi-audit/v1
            kind: Issuer
            metadata: {name: sts}
            spec:
              issuer: https://${HOST}
              jwksUri: https://${HOST}/jwks.json
            """)
        #expect(result.status == .pass, "\(result.message)")
    }

    @Test func rotationIsDueTheDayAfterThePeriodEnds() throws {
        func rotation(created: String) throws -> ResultDocument.Result {
            try only(
                "ISS-ROT-001",
                """
                apiVersion: nhi-audit/v1
                kind: Issuer
                metadata: {name: sts}
                spec:
                  signing: {rotationPeriod: 30d, keyCreated: \(created)}
                """)
        }
        // Harness.clock is 2026-11-18.
        #expect(try rotation(created: "2026-10-19").status == .pass)
        let overdue = try rotation(created: "2026-10-18")
        #expect(overdue.status == .fail)
        #expect(overdue.message.contains("31d old"), "\(overdue.message)")
        #expect(overdue.location.field == "spec.signing.keyCreated")
        #expect(try rotation(created: "2027-01-01").status == .indeterminate)
    }

    @Test func rotationWithoutKeyCreatedIsIndeterminate() throws {
        let result = try only(
            "ISS-ROT-001",
            """
            apiVersion: nhi-audit/v1
            kind: Issuer
            metadata: {name: sts}
            spec:
              signing: {rotationPeriod: 30d}
            """)
        #expect(result.status == .indeterminate)
        #expect(result.message.contains("keyCreated is not set"), "\(result.message)")
    }

    @Test func revocationNeedsTheLongestLifetime() throws {
        func revocation(_ tokens: String, _ method: String) throws -> ResultDocument.Result {
            try only(
                "ISS-REV-001",
                """
                apiVersion: nhi-audit/v1
                kind: Issuer
                metadata: {name: sts}
                spec:
                  tokens: \(tokens)
                  revocation: {method: \(method)}
                """)
        }
        // A short default says nothing about what callers may request without a maxTTL.
        #expect(try revocation("{defaultTTL: 5m}", "none").status == .indeterminate)
        #expect(try revocation("{defaultTTL: 5m}", "denylist").status == .pass)
        #expect(try revocation("{defaultTTL: 5m, maxTTL: 15m}", "none").status == .pass)
        #expect(try revocation("{defaultTTL: 5m, maxTTL: 16m}", "none").status == .fail)
        #expect(try revocation("{maxTTL: 1h}", "\"${METHOD}\"").status == .indeterminate)
    }

    @Test func keySizeWithNothingToMeasure() throws {
        func keySize(_ signing: String) throws -> ResultDocument.Result {
            try only(
                "KEY-SIZE-001",
                """
                apiVersion: nhi-audit/v1
                kind: Issuer
                metadata: {name: sts}
                spec:
                  signing: \(signing)
                """)
        }
        #expect(try keySize("{keyStorage: kms}").status == .indeterminate)
        #expect(try keySize("{algorithm: none}").status == .notApplicable)
        #expect(try keySize("{algorithm: RS256}").status == .indeterminate)
        #expect(try keySize("{algorithm: HS384, keySize: 256}").status == .fail)
        #expect(try keySize("{algorithm: HS384, keySize: 384}").status == .pass)
        #expect(try keySize("{keyType: EC, keySize: 160}").status == .fail)
    }

    @Test func algorithmNoneFailsEvenWhenThePolicyAllowsIt() throws {
        let result = try only(
            "ISS-ALG-001",
            """
            apiVersion: nhi-audit/v1
            kind: Policy
            metadata: {name: lax}
            spec: {allowedAlgorithms: [RS256, none]}
            ---
            apiVersion: nhi-audit/v1
            kind: Issuer
            metadata: {name: sts}
            spec:
              signing: {algorithm: NONE}
            """)
        #expect(result.status == .fail)
        #expect(result.severity == .critical)
    }

    @Test func policyWeaknessesAreAllListedAndTheFirstIsPointedAt() throws {
        let result = try only(
            "POL-001",
            """
            apiVersion: nhi-audit/v1
            kind: Policy
            metadata: {name: lax}
            spec:
              requireOwner: false
              maxTokenTTL: 12h
              maxClockSkew: 30s
              allowedAlgorithms: [RS256, HS256, none]
              allowedKeyStorage: [kms, file]
              accessReviewInterval: 365d
            """)
        #expect(result.status == .fail)
        #expect(result.location.line == 5, "\(result.location)")
        #expect(result.location.field == "spec.requireOwner")
        #expect(result.evidence.map(\.field) == [
            "spec.requireOwner", "spec.maxTokenTTL", "spec.allowedAlgorithms[1]", "spec.allowedAlgorithms[2]",
            "spec.allowedKeyStorage[1]", "spec.accessReviewInterval",
        ])
        #expect(!result.message.contains("maxClockSkew"))
    }

    @Test func policyWithAPlaceholderThresholdIsIndeterminate() throws {
        let result = try only(
            "POL-001",
            """
            apiVersion: nhi-audit/v1
            kind: Policy
            metadata: {name: templated}
            spec: {maxTokenTTL: "${TTL}", minRSAKeyBits: 4096}
            """)
        #expect(result.status == .indeterminate)
        #expect(result.message.contains("spec.maxTokenTTL"), "\(result.message)")
    }

    @Test func ownerIsNotRequiredWhenThePolicySaysSo() {
        let found = results(
            "POL-002",
            """
            apiVersion: nhi-audit/v1
            kind: Policy
            metadata: {name: sandbox}
            spec:
              appliesTo: {environments: [sandbox]}
              requireOwner: false
            ---
            apiVersion: nhi-audit/v1
            kind: Issuer
            metadata: {name: play-sts, environment: sandbox}
            spec: {}
            ---
            apiVersion: nhi-audit/v1
            kind: Issuer
            metadata: {name: prod-sts, environment: prod}
            spec: {}
            """)
        #expect(found.first { $0.entity.name == "play-sts" }?.status == .notApplicable)
        #expect(found.first { $0.entity.name == "prod-sts" }?.status == .fail)
        // The Policy itself is an entity too, judged under the baseline.
        #expect(found.first { $0.entity.kind == .policy }?.status == .fail)
    }

    @Test func accessReviewBoundaryIsTheInterval() throws {
        func review(_ date: String) throws -> ResultDocument.Result {
            try only(
                "POL-003",
                """
                apiVersion: nhi-audit/v1
                kind: Verifier
                metadata: {name: gateway, lastReviewed: \(date)}
                spec: {}
                """)
        }
        // Harness.clock is 2026-11-18; the baseline interval is 90d.
        #expect(try review("2026-08-20").status == .pass)
        #expect(try review("2026-08-19").status == .fail)
        #expect(try review("2026-12-01").status == .indeterminate)
    }

    @Test func inlineSecretAppearsInNoOutputButItsFingerprintDoes() throws {
        let secret = "s3cr3t-HMAC-key-that-must-never-leak-0123456789"
        let document = Harness.evaluate(
            """
            apiVersion: nhi-audit/v1
            kind: Issuer
            metadata: {name: legacy}
            spec:
              signing: {algorithm: HS256, secret: "\(secret)"}
            ---
            apiVersion: nhi-audit/v1
            kind: Issuer
            metadata: {name: clean}
            spec:
              signing: {algorithm: ES256}
            """)
        let mine = document.results.filter { $0.control == "SEC-001" }
        #expect(mine.first { $0.entity.name == "legacy" }?.status == .fail)
        #expect(mine.first { $0.entity.name == "clean" }?.status == .pass)
        let resources = ReportResources(templates: Repository.templates)
        let data = try JSONReportRenderer().render(document, resources: resources)
        let json = try #require(String(data: data, encoding: .utf8))
        #expect(!json.contains(secret))
        #expect(!json.contains("s3cr3t"))
        #expect(json.contains(SecretMaterial.fingerprint(of: secret)))
    }

    @Test func entitiesOfOtherKindsAreCoveredWithoutChangesToTheControls() throws {
        let at = SourceLocation(file: "jwks.json", line: 1, column: 1)
        let privateKey = SecretMaterial(
            kind: "RSA private key (JWK member d)", value: "private-d", path: "keys[0].d", location: at)
        let key = JSONWebKey(
            location: at, path: "keys[0]", kid: .known("k1", path: "keys[0].kid", at: at),
            kty: .known("RSA", path: "keys[0].kty", at: at), alg: .absent("keys[0].alg", at: at),
            use: .absent("keys[0].use", at: at), curve: .absent("keys[0].crv", at: at), keyBits: 2048,
            privateMembers: ["d"], publicFingerprint: nil, secrets: [privateKey])
        var estate = Estate()
        estate.keySets.append(
            KeySet(
                metadata: .unowned(name: "published", format: "jwks", at: at), origin: .jwksDocument, keys: [key],
                usedBy: nil, sourceURL: .absent("url", at: at), shapeProblems: []))
        let context = EvaluationContext(estate: estate, diagnostics: [], today: Harness.clock.today)
        let secret = try #require(InlineSecretControl().evaluate(context).first)
        #expect(secret.entity.kind == KeySet.kind)
        #expect(secret.outcome.status == .fail)
        #expect(secret.outcome.sources.first?.evidence(fallback: at).value == privateKey.redactedDisplay)
        #expect(OwnerControl().evaluate(context).first?.outcome.status == .notApplicable)
        #expect(AccessReviewControl().evaluate(context).first?.outcome.status == .notApplicable)
    }
}
