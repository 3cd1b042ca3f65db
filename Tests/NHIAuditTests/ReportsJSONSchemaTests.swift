import Foundation
import NHIAudit
import Testing

@Suite struct ReportsJSONSchemaTests {
    @Test func sarifIsValidAgainstTheSARIF210Schema() throws {
        guard let schema = SharedSchemas.file("sarif-2.1.0.json") else { return }
        let sarif = try ReportEstate.render("sarif", try ReportEstate.evaluate())
        let errors = try SharedSchemas.jsonSchemaErrors(schema: schema, document: sarif, name: "report.sarif")
        #expect(errors.isEmpty, "report.sarif is invalid:\n\(errors.joined(separator: "\n"))")
    }

    @Test func oscalIsValidAgainstTheOSCALAssessmentResultsSchema() throws {
        guard let schema = SharedSchemas.file("oscal-1.1.2-assessment-results.json") else { return }
        let oscal = try ReportEstate.render("oscal", try ReportEstate.evaluate())
        let errors = try SharedSchemas.jsonSchemaErrors(schema: schema, document: oscal, name: "report.oscal.json")
        #expect(errors.isEmpty, "report.oscal.json is invalid:\n\(errors.joined(separator: "\n"))")
    }

    @Test func anEmptyEstateStillGivesValidSARIFAndOSCAL() throws {
        let document = Harness.evaluate(files: [])
        for (format, schemaName) in [("sarif", "sarif-2.1.0.json"), ("oscal", "oscal-1.1.2-assessment-results.json")] {
            guard let schema = SharedSchemas.file(schemaName) else { continue }
            let errors = try SharedSchemas.jsonSchemaErrors(
                schema: schema, document: try ReportEstate.render(format, document), name: "empty.\(format).json")
            #expect(errors.isEmpty, "\(format): \(errors)")
        }
    }

    @Test func theSchemaCheckRejectsABrokenOSCALDocument() throws {
        guard let schema = SharedSchemas.file("oscal-1.1.2-assessment-results.json") else { return }
        let oscal = try ReportEstate.render("oscal", try ReportEstate.evaluate())
        var root = try #require(try JSONSerialization.jsonObject(with: oscal) as? [String: Any])
        var results = try #require(root["assessment-results"] as? [String: Any])
        results["uuid"] = "not-a-uuid"
        root["assessment-results"] = results
        let broken = try JSONSerialization.data(withJSONObject: root)
        let errors = try SharedSchemas.jsonSchemaErrors(schema: schema, document: broken, name: "broken.json")
        #expect(errors.contains { $0.contains("/assessment-results/uuid") }, "\(errors)")
    }

    @Test func sarifRulesCarryWhatGitHubCodeScanningReads() throws {
        let document = try ReportEstate.evaluate()
        let sarif = try JSONSerialization.jsonObject(with: try ReportEstate.render("sarif", document)) as? [String: Any]
        let run = try #require((sarif?["runs"] as? [[String: Any]])?.first)
        let driver = try #require((run["tool"] as? [String: Any])?["driver"] as? [String: Any])
        let rules = try #require(driver["rules"] as? [[String: Any]])
        #expect(rules.map { $0["id"] as? String } == document.controls.map(\.id))
        let rule = try #require(rules.first { $0["id"] as? String == "ISS-TTL-001" })
        let properties = try #require(rule["properties"] as? [String: Any])
        #expect(properties["security-severity"] as? String == "8.0")
        let tags = try #require(properties["tags"] as? [String])
        #expect(tags.contains("owasp-nhi-2025/NHI7") && tags.contains("nist-csf-2.0/PR.AA-04"))
        #expect(((rule["help"] as? [String: Any])?["markdown"] as? String)?.contains("rfc6819") == true)

        let results = try #require(run["results"] as? [[String: Any]])
        let failure = try #require(document.results.first { $0.status == .fail && $0.control == "ISS-TTL-001" })
        let sarifFailure = try #require(
            results.first { ($0["partialFingerprints"] as? [String: String])?["nhiAuditResultId/v1"] == failure.id })
        #expect(sarifFailure["level"] as? String == "error")
        let location = try #require((sarifFailure["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])
        #expect((location["artifactLocation"] as? [String: Any])?["uri"] as? String == failure.location.file)
        #expect((location["region"] as? [String: Any])?["startLine"] as? Int == failure.location.line)
        #expect((location["region"] as? [String: Any])?["startColumn"] as? Int == failure.location.column)
    }

    @Test func oscalIdentifiersAreDeterministicVersion5UUIDs() throws {
        let text = String(decoding: try ReportEstate.render("oscal", try ReportEstate.evaluate()), as: UTF8.self)
        let uuid = try Regex(#""uuid" : "([0-9a-f-]{36})""#)
        let uuids = text.matches(of: uuid).map { String($0.output[1].substring ?? "") }
        #expect(!uuids.isEmpty)
        #expect(uuids.allSatisfy { Array($0)[14] == "5" && "89ab".contains(Array($0)[19]) }, "\(uuids)")
        #expect(Set(uuids).count == uuids.count, "UUIDs repeat")
    }
}
