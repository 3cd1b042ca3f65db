import Foundation
import FoundationXML
import NHIAudit
import Testing

/// History, waivers and the baseline in every format: the fixture first, then each renderer.
@Suite struct ReportsHistoryTests {
    static let document: ResultDocument = {
        do { return try HistoryReportFixtures.document() } catch { fatalError("history fixture: \(error)") }
    }()

    func ttl(_ entity: String) throws -> ResultDocument.Result {
        try #require(Self.document.results.first { $0.control == "ISS-TTL-001" && $0.entity.name == entity })
    }

    @Test func theFixtureHasHistoryWaiversAndABaseline() throws {
        let document = Self.document
        #expect(document.history?.run == 3 && document.history?.previousRun == 2)
        #expect(document.history?.trend.count == 3)
        #expect(document.runDigest?.count == 64)
        #expect(document.baseline?.source == "nightly/baseline.json")
        #expect(try ttl("legacy-billing").status == .waived)
        #expect(try ttl("legacy-billing").waiver?.expired == false)
        #expect(try ttl("batch-old").status == .fail)
        #expect(try ttl("batch-old").waiver?.expired == true)
        #expect(try ttl("batch-old").isNew == false)
        #expect(try ttl("fresh-sts").isNew == true)
        #expect(try ttl("fresh-sts").inBaseline == false)
        #expect(try ttl("batch-old").firstSeen == document.history?.trend.first?.generatedAt)
        #expect(document.results.contains { $0.control == "WAIVER-001" && $0.status == .fail })
    }

    @Test func xmlWithHistoryIsValidAndCarriesIt() throws {
        let xml = try ReportEstate.render("xml", Self.document)
        let issues = try XMLSchemaValidator(schema: ReportsXMLTests.schema).validate(xml, name: "report.xml")
        #expect(issues.isEmpty, "report.xml with history is invalid: \(issues)")
        let root = try #require(try XMLDocument(data: xml).rootElement())
        func nodes(_ path: String) throws -> [XMLNode] { try root.nodes(forXPath: path) }
        func attribute(_ node: XMLNode?, _ name: String) -> String? {
            (node as? XMLElement)?.attributes?.first { $0.localName == name }?.stringValue
        }
        #expect(try nodes("@runDigest").first?.stringValue == Self.document.runDigest)
        #expect(try nodes("*[local-name()='history']/*[local-name()='point']").count == 3)
        #expect(try nodes("*[local-name()='history']/@newFindings").first?.stringValue
            == String(Self.document.history?.newFindings ?? -1))
        #expect(try nodes("*[local-name()='baseline']/@source").first?.stringValue == "nightly/baseline.json")
        let waived = try ttl("legacy-billing")
        let waiver = try nodes("//*[local-name()='result'][@id='\(waived.id)']/*[local-name()='waiver']")
        #expect(attribute(waiver.first, "ticket") == "SEC-1")
        #expect(attribute(waiver.first, "expired") == "false")
        #expect((waiver.first as? XMLElement)?.stringValue == "vendor SDK cannot refresh tokens")
        let fresh = try ttl("fresh-sts")
        let element = try nodes("//*[local-name()='result'][@id='\(fresh.id)']").first
        #expect(attribute(element, "isNew") == "true")
        #expect(attribute(element, "inBaseline") == "false")
        #expect(attribute(element, "firstSeen") == fresh.firstSeen)

        let validator = try XMLSchemaValidator(schema: ReportsXMLTests.schema)
        let text = String(decoding: xml, as: UTF8.self)
        let badFlag = text.replacingOccurrences(of: #"isNew="true""#, with: #"isNew="yes""#)
        #expect(!validator.validate(Data(badFlag.utf8)).isEmpty, "the XSD stays strict about new attributes")
        let badDate = text.replacingOccurrences(of: #"expires="2026-12-31""#, with: #"expires="end of year""#)
        #expect(!validator.validate(Data(badDate.utf8)).isEmpty)
    }

    @Test func sarifListsWaivedResultsAsAcceptedSuppressions() throws {
        let sarif = try ReportEstate.render("sarif", Self.document)
        if let schema = SharedSchemas.file("sarif-2.1.0.json") {
            let errors = try SharedSchemas.jsonSchemaErrors(schema: schema, document: sarif, name: "history.sarif")
            #expect(errors.isEmpty, "report.sarif with history is invalid:\n\(errors.joined(separator: "\n"))")
        }
        let log = try #require(try JSONSerialization.jsonObject(with: sarif) as? [String: Any])
        let results = try #require((log["runs"] as? [[String: Any]])?.first?["results"] as? [[String: Any]])
        func listed(_ id: String) -> [String: Any]? {
            results.first { ($0["partialFingerprints"] as? [String: String])?["nhiAuditResultId/v1"] == id }
        }
        let waived = try #require(listed(try ttl("legacy-billing").id))
        let suppression = try #require((waived["suppressions"] as? [[String: Any]])?.first)
        #expect(suppression["kind"] as? String == "external")
        #expect(suppression["status"] as? String == "accepted")
        #expect((suppression["justification"] as? String)?.contains("SEC-1") == true)
        let expired = try #require(listed(try ttl("batch-old").id))
        #expect(expired["suppressions"] == nil, "an expired waiver suppresses nothing")
        #expect((expired["properties"] as? [String: Any])?["waiverExpired"] as? Bool == true)
        #expect(listed(try ttl("fresh-sts").id)?["baselineState"] as? String == "new")
        #expect(expired["baselineState"] as? String == "unchanged")
    }

    @Test func oscalWithHistoryIsValidAndMarksWaivedFindings() throws {
        let oscal = try ReportEstate.render("oscal", Self.document)
        if let schema = SharedSchemas.file("oscal-1.1.2-assessment-results.json") {
            let errors = try SharedSchemas.jsonSchemaErrors(schema: schema, document: oscal, name: "history.oscal.json")
            #expect(errors.isEmpty, "report.oscal.json with history is invalid:\n\(errors.joined(separator: "\n"))")
        }
        let root = try #require(try JSONSerialization.jsonObject(with: oscal) as? [String: Any])
        let result = try #require(((root["assessment-results"] as? [String: Any])?["results"] as? [[String: Any]])?.first)
        let findings = try #require(result["findings"] as? [[String: Any]])
        let waivedID = try ttl("legacy-billing").id
        let waived = try #require(findings.first { ($0["props"] as? [[String: Any]])?.contains { $0["value"] as? String == waivedID } == true })
        let status = try #require((waived["target"] as? [String: Any])?["status"] as? [String: Any])
        #expect(status["state"] as? String == "not-satisfied")
        #expect(status["reason"] as? String == "other")
        #expect((waived["remarks"] as? String)?.contains("Risk accepted by waiver legacy-billing-ttl") == true)
    }

    @Test func csvCarriesWaiverAndHistoryColumns() throws {
        let rows = CSVReader.rows(String(decoding: try ReportEstate.render("csv", Self.document), as: UTF8.self))
        let header = try #require(rows.first)
        func column(_ name: String) throws -> Int { try #require(header.firstIndex(of: name), "no column \(name)") }
        let id = try column("id")
        func row(_ entity: String) throws -> [String] {
            let wanted = try ttl(entity).id
            return try #require(rows.first { $0[id] == wanted })
        }
        #expect(try row("legacy-billing")[column("waiver_ticket")] == "SEC-1")
        #expect(try row("legacy-billing")[column("waiver_expires")] == "2026-12-31")
        #expect(try row("batch-old")[column("waiver_expired")] == "true")
        #expect(try row("fresh-sts")[column("is_new")] == "true")
        #expect(try row("fresh-sts")[column("first_seen")] == (try ttl("fresh-sts").firstSeen))
        #expect(try row("batch-old")[column("is_new")] == "false")
        #expect(rows.allSatisfy { $0.count == header.count })
    }

    @Test func markdownCountsWaivedAndNewAndListsExpiredWaivers() throws {
        let text = String(decoding: try ReportEstate.render("md", Self.document), as: UTF8.self)
        let document = Self.document
        #expect(text.contains("waived \(document.summary.byStatus["waived"] ?? -1)"))
        let new = document.results.filter { $0.isNew == true && $0.status == .fail }.count
        #expect(new > 0 && text.contains("new \(new)"))
        #expect(text.contains("**Since run 2"))
        #expect(text.contains("**Baseline** nightly/baseline.json"))
        #expect(text.contains("### Expired waivers (1)"))
        #expect(text.contains(#"| batch\-ttl | 2026-11-10 | team\-a | ciso | SEC\-1 | ISS-TTL-001 | issuer/batch\-old |"#))
    }

    @Test func junitNamesTheExpiredWaiverInTheFailure() throws {
        let text = String(decoding: try ReportEstate.render("junit", Self.document), as: UTF8.self)
        #expect(text.contains("waiver batch-ttl EXPIRED on 2026-11-10"))
        #expect(text.contains("waived: "))
    }
}
