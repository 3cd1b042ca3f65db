import Foundation
import NHIAudit
import Testing

@Suite struct ReportsXMLTests {
    static let schema = Repository.templates.appendingPathComponent("report.xsd")

    @Test func xmlReportOfAnEvaluatedEstateIsValidAgainstItsSchema() throws {
        let document = try ReportEstate.evaluate()
        let xml = try ReportEstate.render("xml", document)
        let issues = try XMLSchemaValidator(schema: Self.schema).validate(xml, name: "report.xml")
        #expect(issues.isEmpty, "report.xml is invalid: \(issues)")
        let text = String(decoding: xml, as: UTF8.self)
        #expect(text.contains(#"<report xmlns="urn:nhi-audit:report:1""#))
        #expect(document.results.contains { $0.status == .fail } && document.results.contains { $0.status == .pass })
        for result in document.results {
            #expect(
                text.contains(
                    #"<result id="\#(result.id)" control="\#(result.control)" status="\#(result.status.rawValue)" "#
                        + #"severity="\#(result.severity.rawValue)""#))
        }
    }

    @Test func brokenXMLIsRejectedWithLineAndReason() throws {
        let validator = try XMLSchemaValidator(schema: Self.schema)
        let valid = String(decoding: try ReportEstate.render("xml", try ReportEstate.evaluate()), as: UTF8.self)
        let unknownStatus = valid.replacingOccurrences(of: #"status="pass""#, with: #"status="compliant""#)
        let unknownStatusIssues = validator.validate(Data(unknownStatus.utf8))
        #expect(unknownStatusIssues.contains { $0.line > 1 && $0.reason.contains("compliant") }, "\(unknownStatusIssues)")

        let noControl = valid.replacingOccurrences(of: #" control="ISS-TTL-001""#, with: "")
        #expect(validator.validate(Data(noControl.utf8)).contains { $0.reason.contains("control") })

        let malformed = validator.validate(Data("<report xmlns=\"urn:nhi-audit:report:1\">\n<tool>\n".utf8))
        #expect(!malformed.isEmpty && malformed.allSatisfy { $0.line >= 1 }, "\(malformed)")
    }

    @Test func externalEntitiesAreNeverExpanded() throws {
        let secretFile = FileManager.default.temporaryDirectory.appendingPathComponent("nhi-audit-xxe-\(UUID()).txt")
        try Data("xxe leaked content".utf8).write(to: secretFile)
        defer { try? FileManager.default.removeItem(at: secretFile) }
        let valid = String(decoding: try ReportEstate.render("xml", try ReportEstate.evaluate()), as: UTF8.self)
        // A pattern-typed element: were the entity expanded, libxml2 would quote the file's text in its error.
        let hostile = valid
            .replacingOccurrences(
                of: "<report ", with: "<!DOCTYPE report [<!ENTITY leak SYSTEM \"file://\(secretFile.path)\">]>\n<report ")
            .replacingOccurrences(of: "<control>ISS-TTL-001</control>", with: "<control>&leak;</control>")
        #expect(hostile.contains("&leak;"))
        let issues = try XMLSchemaValidator(schema: Self.schema).validate(Data(hostile.utf8))
        #expect(!issues.isEmpty)
        #expect(!issues.contains { $0.reason.contains("xxe leaked content") }, "\(issues)")
    }

    @Test func junitReportIsValidAgainstTheAntJUnitSchema() throws {
        guard let schema = SharedSchemas.file("junit.xsd") else { return }
        let document = try ReportEstate.evaluate()
        let junit = try ReportEstate.render("junit", document)
        let issues = try XMLSchemaValidator(schema: schema).validate(junit, name: "report.junit.xml")
        #expect(issues.isEmpty, "report.junit.xml is invalid: \(issues)")
        let text = String(decoding: junit, as: UTF8.self)
        let failure = try #require(document.results.first { $0.status == .fail && $0.control == "ISS-TTL-001" })
        #expect(text.contains(#"<failure message="\#(failure.message)" type="\#(failure.severity.rawValue)">"#))
        #expect(text.contains("\(failure.location.file):\(failure.location.line):\(failure.location.column)"))
    }

    @Test func xmlWriterReplacesCharactersXMLCannotCarry() throws {
        var document = try ReportEstate.evaluate()
        document.results[0].message = "bell \u{07} and nul \u{00} end"
        let xml = try ReportEstate.render("xml", document)
        #expect(try XMLSchemaValidator(schema: Self.schema).validate(xml).isEmpty)
        #expect(String(decoding: xml, as: UTF8.self).contains("bell \u{FFFD} and nul \u{FFFD} end"))
    }
}
