import Foundation
import NHIAudit
import Testing

@Suite struct KubernetesImporterTests {
    private func workload(_ loaded: EstateLoader.Loaded, _ name: String) throws -> Workload {
        try #require(loaded.estate.workloads.first { $0.metadata.name == name },
            "no workload \(name); have \(loaded.estate.workloads.map(\.metadata.name))")
    }

    private func results(_ loaded: EstateLoader.Loaded, _ control: String) -> [ResultDocument.Result] {
        Evaluator(catalog: Repository.catalog).evaluate(loaded, clock: Harness.clock).results
            .filter { $0.control == control }
    }

    @Test func dedicatedAccountWithoutAutomountAndShortAudiencedToken() throws {
        let loaded = MeshFixtures.load("k8s/good.yaml")
        #expect(loaded.diagnostics.isEmpty, "\(loaded.diagnostics.map(\.oneLine))")
        let reporter = try workload(loaded, "billing/reporter")
        #expect(reporter.resourceKind == "Deployment")
        #expect(reporter.serviceAccountName.value == "reporter")
        #expect(reporter.podAutomount.isAbsent)
        // Taken from the ServiceAccount by the linker.
        #expect(reporter.effectiveAutomount.value == false)
        #expect(reporter.effectiveAutomount.location?.line == 10)
        #expect(reporter.projectedTokens.first?.audience.value == "vault")
        #expect(reporter.projectedTokens.first?.expirationSeconds.value == 600)
        // `team` label names the owner; app.kubernetes.io/part-of does not.
        #expect(reporter.metadata.owner.value == "billing")
        let account = try #require(loaded.estate.serviceAccounts.first)
        #expect(account.metadata.owner.value == "team-billing")
        #expect(account.metadata.environment.value == "production")
        #expect(account.metadata.lastReviewed.value == CalendarDate(iso: "2026-10-01"))
        for control in ["WKL-TOK-001", "WKL-TOK-002", "WKL-TOK-003", "WKL-TOK-004"] {
            #expect(results(loaded, control).allSatisfy { $0.status == .pass }, "\(control)")
        }
    }

    @Test func defaultAccountLegacySecretAndUnaudiencedToken() throws {
        let loaded = MeshFixtures.load("k8s/broken.yaml")
        let web = try workload(loaded, "default/web")
        #expect(web.namespace.note?.contains("default") == true)
        #expect(web.serviceAccountName.value == "default")
        #expect(web.serviceAccountName.note?.contains("default") == true)
        #expect(web.effectiveAutomount.value == true)
        #expect(web.projectedTokens.first?.expirationSeconds.value == 3600)
        #expect(web.projectedTokens.first?.audience.isAbsent == true)
        let nightly = try workload(loaded, "ops/nightly")
        #expect(nightly.resourceKind == "CronJob")
        #expect(nightly.effectiveAutomount.value == true)
        #expect(nightly.effectiveAutomount.note?.contains("ops/backup") == true)
        let secret = try #require(loaded.estate.serviceAccountTokenSecrets.first)
        #expect(secret.serviceAccountName.value == "backup")
        #expect(secret.secrets.count == 1)
        #expect(loaded.estate.serviceAccountTokenSecrets.count == 1, "an Opaque Secret is not a token Secret")
        let tok1 = results(loaded, "WKL-TOK-001")
        #expect(tok1.first { $0.entity.name == "default/web" }?.status == .fail)
        #expect(tok1.first { $0.entity.name == "default/web" }?.location.line == 11)
        let tok3 = results(loaded, "WKL-TOK-003").filter { $0.status == .fail }
        #expect(Set(tok3.map(\.entity.name)) == ["ops/ci-token", "ops/backup"])
        let tok4 = results(loaded, "WKL-TOK-004")
        #expect(tok4.first { $0.entity.name == "default/web" }?.status == .fail)
        #expect(tok4.first { $0.entity.name == "ops/nightly" }?.status == .pass)
        let document = Evaluator(catalog: Repository.catalog).evaluate(loaded, clock: Harness.clock)
        let json = try JSONReportRenderer().render(document, resources: ReportResources(templates: Repository.templates))
        #expect(!String(decoding: json, as: UTF8.self).contains("ZmFrZS10b2tlbi1mb3ItbmhpLWF1ZGl0LXRlc3Rz"))
    }

    @Test func malformedObjectsAreReportedAndStillAssessedWherePossible() throws {
        let loaded = MeshFixtures.load("k8s/malformed.yaml")
        let messages = loaded.diagnostics.map(\.oneLine)
        #expect(messages.contains { $0.contains(":7:") && $0.contains("expected a mapping") })
        #expect(messages.contains { $0.contains(":14:") && $0.contains("expected true or false") })
        #expect(messages.contains { $0.contains(":19:") && $0.contains("below the API server's minimum of 600") })
        #expect(messages.contains { $0.contains("unknown field 'audiance'") })
        #expect(messages.contains { $0.contains("Deployment without a pod spec") })
        let secret = try #require(loaded.estate.serviceAccountTokenSecrets.first)
        #expect(secret.serviceAccountName.isAbsent)
        let short = try workload(loaded, "apps/short")
        #expect(short.effectiveAutomount.value == nil)
        #expect(results(loaded, "WKL-TOK-002").first?.status == .indeterminate)
    }

    @Test func templateExpressionsMakeResultsIndeterminate() throws {
        let loaded = MeshFixtures.load("k8s/templated.yaml")
        #expect(loaded.diagnostics.contains { $0.message.contains("metadata.name is the unresolved placeholder") })
        let agent = try workload(loaded, "apps/agent")
        #expect(agent.serviceAccountName.unknownReason?.contains("${AGENT_SA}") == true)
        #expect(agent.effectiveAutomount.unknownReason?.contains("${AGENT_SA}") == true)
        let statuses = ["WKL-TOK-001", "WKL-TOK-002", "WKL-TOK-004"].map { results(loaded, $0).first?.status }
        #expect(statuses == [.indeterminate, .indeterminate, .indeterminate])
    }

    @Test func listWrapsAccountsAndPods() throws {
        let loaded = MeshFixtures.load("k8s/list.yaml")
        #expect(loaded.diagnostics.isEmpty, "\(loaded.diagnostics.map(\.oneLine))")
        let api = try workload(loaded, "shop/api")
        #expect(api.effectiveAutomount.value == true)
        #expect(api.effectiveAutomount.note?.contains("from ServiceAccount shop/api") == true)
        #expect(results(loaded, "WKL-TOK-002").first?.status == .fail)
    }
}
