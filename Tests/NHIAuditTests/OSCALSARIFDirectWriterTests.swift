import Foundation
import NHIAudit
import Testing

/// report.oscal.json's observations and findings, and report.sarif's results, are written straight into bytes;
/// they must be the bytes the generic tree writer writes for them, for every optional part and every character
/// JSON escapes or OSCAL props trim.
@Suite struct OSCALSARIFDirectWriterTests {
    static let resources = ReportResources(templates: Repository.templates)

    /// Every control character, quotes, backslashes, markup, white space OSCAL props trim, and UTF-8 of 2 to 4 bytes.
    static let hostile = (0..<0x20).map { String(UnicodeScalar(UInt8($0))) } + [
        "", " ", "\"", "\\", "\\\"", "/", "\u{7F}", "</script><img src=x onerror=alert(1)>", "é ☃ 漢字", "emoji 🔐🧪",
        " leading", "trailing ", "two\nlines\r\nthree", "\u{2028}\u{2029}\u{FEFF}", #"C:\path\"quoted" file.yaml"#,
        "a b#c?d%e;f", "x:12:3", "\u{10FFFF}",
    ]

    static func expectSameBytes(_ document: ResultDocument, _ comment: Comment) throws {
        WriterEquivalence.expectSame(
            try OSCALReportRenderer().render(document, resources: resources),
            try OSCALReportRenderer.renderWithGenericTreesForTesting(document), "OSCAL, \(comment)", reference: "tree")
        WriterEquivalence.expectSame(
            try SARIFReportRenderer().render(document, resources: resources),
            try SARIFReportRenderer.renderWithGenericTreesForTesting(document), "SARIF, \(comment)", reference: "tree")
    }

    @Test func theExampleEstateIsWrittenAsTheTreeWriterWritesIt() throws {
        let document = ExampleEstateTests.document
        #expect(document.results.count > 100 && document.results.contains { $0.status == .fail })
        try Self.expectSameBytes(document, "examples/acme")
    }

    /// Waivers (held and expired), firstSeen, isNew, inBaseline, evidence with values and notes.
    @Test func historyBaselineAndWaiverPartsAreWrittenAsTheTreeWriterWritesThem() throws {
        let document = try HistoryReportFixtures.document()
        #expect(document.results.contains { $0.waiver != nil } && document.results.contains { $0.inBaseline != nil })
        #expect(document.results.contains { $0.firstSeen != nil } && document.results.contains { $0.isNew != nil })
        #expect(document.results.contains { $0.status == .waived })
        try Self.expectSameBytes(document, "nightly fixture")
    }

    /// Every hostile string in every string a result has, under every status; then without optional parts.
    @Test func hostileStringsAreWrittenAsTheTreeWriterWritesThem() throws {
        var document = try Self.hostileDocument()
        try Self.expectSameBytes(document, "hostile strings")
        document.results = document.results.map(WriterEquivalence.withoutOptionalParts)
        try Self.expectSameBytes(document, "hostile strings, no optional parts")
    }

    @Test func aReportWithoutResultsIsWrittenAsTheTreeWriterWritesIt() throws {
        var document = try HistoryReportFixtures.document()
        document.results = []
        try Self.expectSameBytes(document, "no results")
    }

    static func hostileDocument() throws -> ResultDocument {
        var document = try HistoryReportFixtures.document()
        let template = try #require(document.results.first { $0.waiver != nil && !$0.evidence.isEmpty })
        let known = try #require(document.results.first { !$0.frameworks.isEmpty })
        let statuses = ResultStatus.allCases
        document.results = hostile.enumerated().flatMap { offset, text in
            var result = WriterEquivalence.hostileResult(template, text, offset: offset)
            if offset % 3 == 0 {
                result.control = known.control
                result.frameworks = known.frameworks
            }
            return statuses.map { status in
                var each = result
                each.status = status
                return each
            }
        }
        return document
    }
}
