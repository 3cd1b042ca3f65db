import Foundation
import NHIAudit
import Testing

/// report.junit.xml's test cases are written by hand (`JUnitCaseWriter`); they must be the bytes libxml2's text
/// writer writes for them, for every status, waiver and firstSeen part and every character libxml2 escapes.
@Suite struct JUnitCaseWriterTests {
    static let resources = ReportResources(templates: Repository.templates)

    static func expectSameBytes(_ document: ResultDocument, _ comment: Comment) throws {
        WriterEquivalence.expectSame(
            try JUnitReportRenderer().render(document, resources: resources),
            try JUnitReportRenderer.renderWithLibxml2CasesForTesting(document, resources: resources), "\(comment)",
            reference: "libxml2")
    }

    @Test func theExampleEstateIsWrittenAsLibxml2WritesIt() throws {
        let document = ExampleEstateTests.document
        #expect(Set(document.results.map(\.status)).count >= 4)
        try Self.expectSameBytes(document, "examples/acme")
    }

    @Test func historyBaselineAndWaiverPartsAreWrittenAsLibxml2WritesThem() throws {
        let document = try HistoryReportFixtures.document()
        #expect(document.results.contains { $0.status == .waived && $0.waiver != nil })
        #expect(document.results.contains { $0.waiver?.expired == true } && document.results.contains { $0.firstSeen != nil })
        try Self.expectSameBytes(document, "nightly fixture")
    }

    /// Every hostile string in every part a test case shows, under every status, with and without a waiver.
    @Test func hostileStringsAreEscapedAsLibxml2EscapesThem() throws {
        var document = try HistoryReportFixtures.document()
        let template = try #require(document.results.first { $0.waiver != nil })
        let control = try #require(document.controls.first { $0.id == template.control })
        let statuses = ResultStatus.allCases
        document.controls = XMLResultWriterTests.hostile.map { text in
            var hostile = control
            hostile.id = "CTL-" + text
            return hostile
        }
        document.results = XMLResultWriterTests.hostile.enumerated().flatMap { offset, text in
            statuses.indices.map { choice in
                // The shared hostile result, with this suite's variations: every status, a waiver expired or absent.
                var result = WriterEquivalence.hostileResult(template, text, offset: offset)
                result.status = statuses[(offset + choice) % statuses.count]
                result.firstSeen = choice % 2 == 0 ? text : nil
                result.entity = EntityRef(kind: EntityKind(text), name: text)
                result.location.column = choice
                result.location.field = choice == 1 ? "" : text
                result.waiver?.expired = choice == 2
                if choice == 3 { result.waiver = nil }
                return result
            }
        }
        try Self.expectSameBytes(document, "hostile strings")
        if let schema = SharedSchemas.file("junit.xsd") {
            let junit = try JUnitReportRenderer().render(document, resources: Self.resources)
            let issues = try XMLSchemaValidator(schema: schema).validate(junit, name: "report.junit.xml")
            #expect(issues.isEmpty, "hostile report.junit.xml is invalid: \(issues)")
        }
    }

    @Test func suitesWithoutCasesAreWrittenAsLibxml2WritesThem() throws {
        var document = try HistoryReportFixtures.document()
        document.results = []
        try Self.expectSameBytes(document, "no results")
    }
}
