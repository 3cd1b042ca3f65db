import Foundation
import NHIAudit
import Testing

/// The example estate `examples/acme` loads as its README says, and the cross-entity controls find what the
/// README promises, file by file.
@Suite struct ExampleEstateTests {
    static let acme = Repository.examples.appendingPathComponent("acme").path
    static let loaded = EstateLoader().load(paths: [acme])
    static let document = Evaluator(catalog: Repository.catalog).evaluate(loaded, clock: Harness.clock)

    static func status(_ control: String, _ kind: EntityKind, _ name: String) -> ResultStatus? {
        let matches = document.results.filter { $0.control == control && $0.entity == EntityRef(kind: kind, name: name) }
        return matches.count == 1 ? matches[0].status : nil
    }

    @Test func estateHasTheAdvertisedSize() {
        let estate = Self.loaded.estate
        #expect(estate.issuers.count >= 4)
        #expect(estate.verifiers.count >= 8)
        #expect(estate.policies.count >= 1)
        #expect(Set(estate.issuers.map(\.metadata.name)).count == estate.issuers.count, "issuer names are unique")
        #expect(Set(estate.verifiers.map(\.metadata.name)).count == estate.verifiers.count, "verifier names are unique")
        #expect(!estate.verifiers.contains { $0.metadata.name == "notifications-api" }, "the broken file loads nothing")
    }

    @Test func theBrokenFileIsReportedWithItsLineAndTheOthersAreAssessed() throws {
        let inputs = Self.loaded.inputs
        let broken = try #require(inputs.first { $0.path.hasSuffix("broken/typo.yaml") })
        #expect(broken.status == .notAssessed)
        // The README is read too: listed as not a recognized format (INP-002), never counted as passing.
        let readme = try #require(inputs.first { $0.path.hasSuffix("acme/README.md") })
        #expect(readme.status == .notAssessed)
        for input in inputs where input.path != broken.path && input.path != readme.path {
            #expect(input.status == .assessed, "\(input.path): \(input.notes)")
        }
        let diagnostics = Self.loaded.diagnostics.map { "\($0.code.rawValue) \($0.location.file)" }.sorted()
        #expect(diagnostics == ["INP-001 \(broken.path)", "INP-002 \(readme.path)"])
        let failures = Self.document.results.filter { $0.control == "INP-001" && $0.status == .fail }
        #expect(failures.count == 1)
        let failure = try #require(failures.first)
        #expect(failure.location.file == broken.path)
        // The flow sequence opened on line 15 is still open when the next key starts on line 16.
        #expect(failure.location.line == 16, "\(failure.location.line): \(failure.message)")
        #expect(failure.message.contains("YAML syntax error"))
    }

    static let verifierExpectations: [String: [ResultStatus]] = [
        // GRAPH-001, GRAPH-002, GRAPH-003, GRAPH-004, GRAPH-005
        "edge-gateway": [.pass, .pass, .pass, .pass, .pass],
        "ci-deployer": [.pass, .pass, .pass, .fail, .pass],
        "orders-api": [.pass, .pass, .pass, .pass, .pass],
        "search-api": [.pass, .pass, .fail, .pass, .pass],
        "inventory-staging": [.pass, .indeterminate, .pass, .pass, .pass],
        "payments-api": [.pass, .pass, .fail, .pass, .pass],
        "payments-ledger": [.pass, .fail, .fail, .fail, .pass],
        "legacy-admin-api": [.pass, .indeterminate, .pass, .fail, .pass],
        "reporting-staging": [.pass, .pass, .pass, .indeterminate, .fail],
        // Real formats: Istio, Envoy and Vault have no environment label here (Envoy and Vault cannot carry one).
        "payments/refunds-jwt": [.pass, .pass, .pass, .fail, .pass],
        "checkout-envoy.yaml/keycloak": [.pass, .pass, .pass, .fail, .indeterminate],
        "vault_jwt_auth_backend_role.deploy": [.pass, .pass, .pass, .pass, .indeterminate],
    ]

    @Test(arguments: verifierExpectations.keys.sorted())
    func graphControlsJudgeEachVerifierAsTheReadmeSays(_ name: String) throws {
        let expected = try #require(Self.verifierExpectations[name])
        for (offset, status) in expected.enumerated() {
            let control = "GRAPH-00\(offset + 1)"
            #expect(Self.status(control, .verifier, name) == status, "\(control) on \(name)")
        }
    }

    @Test func graphControlsCoverEveryVerifierOfTheEstate() {
        #expect(Set(Self.loaded.estate.verifiers.map(\.metadata.name)) == Set(Self.verifierExpectations.keys))
    }

    @Test func onlyTheOrphanIssuerIsAnOffboardingCandidate() {
        for issuer in Self.loaded.estate.issuers {
            let expected: ResultStatus = issuer.metadata.name == "build-cache-sts" ? .fail : .pass
            #expect(Self.status("GRAPH-006", .issuer, issuer.metadata.name) == expected, "\(issuer.metadata.name)")
        }
    }

    @Test func findingsNameTheOtherSideAndPointAtTheDecidingLine() throws {
        func result(_ control: String, _ name: String) throws -> ResultDocument.Result {
            try #require(Self.document.results.first { $0.control == control && $0.entity.name == name })
        }
        let shared = try result("GRAPH-003", "search-api")
        #expect(shared.evidence.first?.note == "also accepted by verifiers 'payments-api', 'payments-ledger'")
        #expect(shared.location.file.hasSuffix("commerce/verifiers.yaml"))
        #expect(shared.evidence.first?.value == "internal-services")

        let crossing = try result("GRAPH-005", "reporting-staging")
        #expect(crossing.message.contains("'staging'") && crossing.message.contains("'prod'"))
        #expect(crossing.message.contains("https://sso.acme.example/realms/services"))
        #expect(crossing.evidence.first?.value == "https://sso.acme.example/realms/services")

        let mirror = try result("GRAPH-002", "payments-ledger")
        #expect(mirror.evidence.first?.value == "https://keys.payments.acme.example/spire-bundle.json")
        #expect(mirror.message.contains("https://spire.acme.example/keys"))

        let placeholder = try result("GRAPH-002", "inventory-staging")
        #expect(placeholder.message.contains("${KEYCLOAK_STAGING_JWKS_URL}"))

        let leftover = try result("GRAPH-004", "ci-deployer")
        #expect(leftover.message.contains("RS256") && leftover.message.contains("'ci-token-service'"))

        let insecureKeys = try result("VER-JWKS-001", "checkout-envoy.yaml/keycloak")
        #expect(insecureKeys.status == .fail && insecureKeys.location.file.hasSuffix("commerce/checkout-envoy.yaml"))
    }

    @Test func everyImportedFormatContributesEntities() {
        let formats = Set(Self.loaded.inputs.filter { $0.status == .assessed }.map(\.format))
        for format in ["nhi-audit/v1", "istio/security", "envoy/jwt_authn", "kubernetes/workloads", "terraform",
            "aws/iam-trust-policy", "jwks"]
        {
            #expect(formats.contains(format), "\(format) among \(formats.sorted())")
        }
    }

    /// Each framework shows both: requirements every mapped control passes, and requirements that fail.
    static let passingRequirements: [String: Set<String>] = [
        "owasp-nhi-2025": ["NHI3", "NHI6", "NHI10"],
        "nist-csf-2.0": ["PR.AA-02", "PR.PS-04", "DE.CM-03"],
        "nist-sp-800-207": ["tenet-7"],
    ]

    @Test(arguments: passingRequirements.keys.sorted())
    func eachFrameworkShowsPassingAndFailingRequirements(_ framework: String) throws {
        let coverage = try #require(Self.document.coverage[framework])
        let passing = Set(coverage.filter { $0.status == .pass }.map(\.id))
        #expect(passing == Self.passingRequirements[framework])
        #expect(coverage.contains { $0.status == .fail })
        #expect(!coverage.contains { $0.status == .notAssessed || $0.status == .indeterminate },
            "every automated requirement is judged")
    }

    @Test func theCleanControlsNeverFailAndTheOthersFailSomewhere() {
        let failing = Set(Self.document.results.filter { $0.status == .fail }.map(\.control))
        let judged = Set(Self.document.results.filter { $0.status == .pass || $0.status == .fail }.map(\.control))
        let clean: Set<String> = [
            "FED-AUD-001", "FED-CLM-001", "FED-LOG-001", "FED-SUB-001", "FED-SUB-002", "FED-TTL-001", "GRAPH-001",
            "ISS-LOG-001", "VER-LOG-001", "KEY-DEMO-001", "KEY-PRIV-001", "KEY-SYM-001", "VER-ALG-001",
            "VER-PRIN-001", "WKL-TOK-003", "WKL-TOK-004",
        ]
        #expect(judged.subtracting(failing) == clean)
    }

    @Test func everyCitedValueIsWrittenOnItsLine() {
        let misplaced = EvidencePlacement.misplaced(in: Self.document)
        #expect(misplaced.isEmpty, "evidence not where it says:\n\(misplaced.joined(separator: "\n"))")
        #expect(Self.document.results.contains { $0.evidence.contains { $0.value != nil && $0.note == nil } })
    }

    @Test func theInlineSecretAppearsInNoRenderedFormat() throws {
        let resources = ReportResources(templates: Repository.templates)
        for renderer in ReportFormats.all {
            let data = try renderer.render(Self.document, resources: resources)
            let text = String(decoding: data, as: UTF8.self)
            #expect(!text.isEmpty, "\(renderer.format)")
            #expect(!text.contains("FAKE-demo-key-16"), "\(renderer.format)")
        }
    }
}
