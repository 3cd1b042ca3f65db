import Foundation
import NHIAudit
import Testing

/// report.csv's rows are written by hand (`CSVResultWriter`); they must be the bytes the rows of strings it
/// replaced make, for every optional part, every formula start and every character RFC 4180 quotes.
@Suite struct CSVResultWriterTests {
    static let resources = ReportResources(templates: Repository.templates)

    /// Quoting and neutralising cases at every offset of an 8-byte word (the scan skips plain words at once).
    static let hostile = [
        "", ",", "\"", "\r", "\n", "\r\n", "=", "+", "-", "@", "\t", "'", "=SUM(A1)", "+1", "-2", "@x", "\tx",
        "\rx", "a=b", "a, \"b\"\r\nline two\rend", "\"\"", "é ☃ 漢字", "emoji 🔐🧪", "=\"quoted\",formula",
        "\u{00}\u{07}\u{7F}", ReportEstate.hostileName, ReportEstate.formulaName,
    ] + [",", "\"", "\r", "\n", "\t", "=", "é"].flatMap { special in
        (0..<9).map { String(repeating: "x", count: 8 + $0) + special + "-tail/09" }
    }

    static func expectSameBytes(_ document: ResultDocument, _ comment: Comment) throws {
        WriterEquivalence.expectSame(
            try CSVReportRenderer().render(document, resources: resources),
            try CSVReportRenderer.renderWithStringRowsForTesting(document, resources: resources), "\(comment)",
            reference: "rows of strings")
    }

    @Test func theExampleEstateIsWrittenAsRowsOfStringsWriteIt() throws {
        let document = ExampleEstateTests.document
        #expect(document.results.count > 100)
        try Self.expectSameBytes(document, "examples/acme")
    }

    @Test func historyBaselineAndWaiverPartsAreWrittenAsRowsOfStringsWriteThem() throws {
        let document = try HistoryReportFixtures.document()
        #expect(document.results.contains { $0.waiver != nil } && document.results.contains { $0.inBaseline != nil })
        #expect(document.results.contains { $0.evidence.contains { $0.note != nil || $0.value != nil } })
        try Self.expectSameBytes(document, "nightly fixture")
    }

    /// Every hostile string in every cell a row has, including framework columns only one result maps to.
    @Test func hostileCellsAreQuotedAndNeutralisedAsRowsOfStringsDoIt() throws {
        var document = try HistoryReportFixtures.document()
        let template = try #require(document.results.first { $0.waiver != nil && !$0.evidence.isEmpty })
        document.results = Self.hostile.enumerated().map { offset, text in
            var result = WriterEquivalence.hostileResult(template, text, offset: offset)
            if offset % 3 == 0 { result.control = template.control }
            result.entity = EntityRef(kind: EntityKind(text), name: text)
            return result
        }
        try Self.expectSameBytes(document, "hostile cells")
        document.results = document.results.map(WriterEquivalence.withoutOptionalParts)
        try Self.expectSameBytes(document, "hostile cells, no optional parts")
    }

    @Test func aReportWithoutResultsIsWrittenAsRowsOfStringsWriteIt() throws {
        var document = try HistoryReportFixtures.document()
        document.results = []
        try Self.expectSameBytes(document, "no results")
    }
}
