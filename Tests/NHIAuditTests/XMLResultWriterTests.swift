import Foundation
import NHIAudit
import Testing

/// report.xml's results are written by hand (`XMLResultWriter`); they must be the bytes libxml2's text writer
/// writes for them, result by result, for every optional part and every character libxml2 escapes or cleans.
@Suite struct XMLResultWriterTests {
    static let resources = ReportResources(templates: Repository.templates)

    /// Characters libxml2 escapes in text or attributes, characters XML 1.0 forbids, and UTF-8 of 2 to 4 bytes.
    static let hostile = [
        "", "<", "&", "\"", "'", ">", "\n", "\r", "\t", "\u{07}", "\u{00}", "]]>", "a\r\nb\tc", "&amp;",
        "é ☃ 漢字", "emoji 🔐🧪", "\u{FFFE}", "\u{FFFF}", "\u{FFFD}", "\u{F000}\u{FFEF}\u{FFFD}x\u{FFFE}", "\u{7F}\u{85}\u{1F}",
        "\u{10FFFF}\u{E000}\u{D7FF}", #"legacy "quotes" </script><img src=x onerror=alert(1)>"#,
    ] + ["<", ">", "&", "\"", "\r", "\n", "\t", "\u{07}", "\u{00}", "\u{1F}", "\u{FFFE}", "\u{FFFF}", "é"].flatMap { special in
        // At every offset of an 8-byte word, after a whole plain word (the escaper skips plain words at once).
        (0..<9).map { String(repeating: "x", count: 8 + $0) + special + "-tail/09" }
    }

    static func expectSameBytes(_ document: ResultDocument, _ comment: Comment) throws {
        WriterEquivalence.expectSame(
            try XMLReportRenderer().render(document, resources: resources),
            try XMLReportRenderer.renderWithLibxml2ResultsForTesting(document, resources: resources), "\(comment)",
            reference: "libxml2")
    }

    @Test func theExampleEstateIsWrittenAsLibxml2WritesIt() throws {
        let document = ExampleEstateTests.document
        #expect(document.results.count > 100)
        try Self.expectSameBytes(document, "examples/acme")
    }

    /// Waivers (held and expired), firstSeen, isNew, inBaseline, evidence with values and notes.
    @Test func historyBaselineAndWaiverPartsAreWrittenAsLibxml2WritesThem() throws {
        let document = try HistoryReportFixtures.document()
        #expect(document.results.contains { $0.waiver != nil } && document.results.contains { $0.inBaseline != nil })
        #expect(document.results.contains { $0.firstSeen != nil } && document.results.contains { $0.isNew != nil })
        #expect(document.results.contains { $0.evidence.contains { $0.value != nil } })
        try Self.expectSameBytes(document, "nightly fixture")
    }

    /// Every hostile string in every text and attribute a result has.
    @Test func hostileStringsAreEscapedAsLibxml2EscapesThem() throws {
        var document = try HistoryReportFixtures.document()
        let template = try #require(document.results.first { $0.waiver != nil && !$0.evidence.isEmpty })
        document.results = Self.hostile.enumerated().map { offset, text in
            WriterEquivalence.hostileResult(template, text, offset: offset)
        }
        try Self.expectSameBytes(document, "hostile strings")
        document.results = document.results.map(WriterEquivalence.withoutOptionalParts)
        try Self.expectSameBytes(document, "hostile strings, no optional parts")
    }

    @Test func aReportWithoutResultsIsWrittenAsLibxml2WritesIt() throws {
        var document = try HistoryReportFixtures.document()
        document.results = []
        try Self.expectSameBytes(document, "no results")
    }
}
