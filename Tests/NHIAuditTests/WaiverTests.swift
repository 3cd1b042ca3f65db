import NHIAudit
import Testing

@Suite struct WaiverTests {
    let issuer = ("issuers.yaml", HistoryFixtures.issuer("legacy-sts", defaultTTL: "12h"))

    func result(_ document: ResultDocument, _ control: String, entity: String? = nil) -> ResultDocument.Result? {
        document.results.first { $0.control == control && (entity == nil || $0.entity.name == entity) }
    }

    @Test func unexpiredWaiverWaivesWithItsRecordAndNeverPasses() throws {
        let document = HistoryFixtures.document([issuer, ("w.yaml", HistoryFixtures.waiver("legacy", control: "ISS-TTL-001", entity: "legacy-*", expires: "2026-12-31"))])
        let waived = try #require(result(document, "ISS-TTL-001"))
        #expect(waived.status == .waived)
        #expect(waived.waiver?.ticket == "SEC-1")
        #expect(waived.waiver?.expired == false)
        #expect(document.summary.byStatus["waived"] == 1)
        #expect(!document.results.contains { $0.control == "ISS-TTL-001" && $0.status == .fail })
        #expect(result(document, "WAIVER-002")?.status == .pass)
        #expect(result(document, "WAIVER-001")?.status == .pass)
        let requirement = try #require(document.coverage["nist-csf-2.0"]?.first { $0.id == "PR.AA-04" })
        #expect(requirement.status == .waived)
        #expect(requirement.counts["waived"] == 1)
    }

    @Test func waiverExpiresOnAPinnedClock() throws {
        let files = [issuer, ("w.yaml", HistoryFixtures.waiver("legacy", control: "ISS-TTL-001", entity: "legacy-sts", expires: "2026-11-20"))]
        // 2026-11-20 is the last day the waiver holds; 2026-11-21 it has expired.
        let lastDay = HistoryFixtures.document(files, day: 2)
        #expect(result(lastDay, "ISS-TTL-001")?.status == .waived)
        let dayAfter = HistoryFixtures.document(files, day: 3)
        let failing = try #require(result(dayAfter, "ISS-TTL-001"))
        #expect(failing.status == .fail)
        #expect(failing.waiver?.expired == true)
        let expired = try #require(result(dayAfter, "WAIVER-001"))
        #expect(expired.status == .fail)
        #expect(expired.entity == EntityRef(kind: EntityKind("waiver"), name: "legacy"))
        #expect(expired.location.line == 11)
    }

    @Test func waiverMatchingNothingIsStale() throws {
        let document = HistoryFixtures.document([issuer, ("w.yaml", HistoryFixtures.waiver("ghost", control: "ISS-TTL-001", entity: "decommissioned-*", expires: "2026-12-31"))])
        #expect(result(document, "ISS-TTL-001")?.status == .fail)
        let stale = try #require(result(document, "WAIVER-002"))
        #expect(stale.status == .fail)
        #expect(stale.message.contains("matches no failing result"))
    }

    @Test(arguments: ["control", "justification", "owner", "approvedBy", "ticket", "expires"])
    func waiverMissingARequiredFieldIsAnInputErrorAndWaivesNothing(_ field: String) throws {
        let document = HistoryFixtures.document([issuer, ("w.yaml", HistoryFixtures.waiver("partial", control: "ISS-TTL-001", entity: "legacy-*", expires: "2026-12-31", omit: field))])
        let error = try #require(document.results.first { $0.control == "INP-001" && $0.location.field == "spec.\(field)" })
        #expect(error.location.file == "w.yaml")
        #expect(error.location.line >= 1)
        #expect(error.message.contains("has no \(field)"))
        #expect(result(document, "ISS-TTL-001")?.status == .fail)
    }

    @Test func waiverBeyondMaxWaiverDurationIsNotApplied() throws {
        let policy = ("policy.yaml", "apiVersion: nhi-audit/v1\nkind: Policy\nmetadata: {name: org}\nspec: {maxWaiverDuration: 30d}\n")
        let document = HistoryFixtures.document([issuer, policy, ("w.yaml", HistoryFixtures.waiver("long", control: "ISS-TTL-001", entity: "legacy-*", expires: "2027-01-31"))])
        #expect(result(document, "WAIVER-003")?.status == .fail)
        #expect(result(document, "ISS-TTL-001")?.status == .fail)
        #expect(document.policies.first { $0.name == "org" }?.thresholds["maxWaiverDuration"]?.hasPrefix("30d") == true)
    }

    @Test func selectorByEnvironmentAndFile() {
        let byEnvironment = """
            apiVersion: nhi-audit/v1
            kind: Waiver
            metadata: {name: env}
            spec:
              control: ISS-TTL-001
              selector: {environment: staging, file: "*.yaml"}
              justification: staging only
              owner: team-a
              approvedBy: ciso
              ticket: SEC-2
              expires: 2026-12-01
            """
        let document = HistoryFixtures.document([issuer, ("w.yaml", byEnvironment)])
        // The issuer is in prod: the staging waiver matches nothing.
        #expect(result(document, "ISS-TTL-001")?.status == .fail)
        #expect(result(document, "WAIVER-002")?.status == .fail)
    }
}
