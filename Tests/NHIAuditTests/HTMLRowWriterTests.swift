import Foundation
import Testing

@testable import NHIAudit

/// The HTML report's findings rows are written straight into the page, escaped for `<script>` as they are
/// written; they must be the generic encoding of the row, escaped afterwards as the rest of the block is.
@Suite struct HTMLRowWriterTests {
    /// The row's shape, encoded by the generic tree encoder.
    struct ReferenceRow: Encodable {
        var column: Int
        var control: String
        var entity: String
        var evidence: [Evidence]
        var field: String
        var file: String
        var firstSeen: String?
        var id: String
        var inBaseline: Bool?
        var isNew: Bool?
        var line: Int
        var message: String
        var severity: String
        var status: String
        var waiver: WaiverRecord?

        init(_ result: ResultDocument.Result) {
            column = result.location.column
            control = result.control
            entity = result.entity.description
            evidence = result.evidence
            field = result.location.field
            file = result.location.file
            firstSeen = result.firstSeen
            id = result.id
            inBaseline = result.inBaseline
            isNew = result.isNew
            line = result.location.line
            message = result.message
            severity = result.severity.rawValue
            status = result.status.rawValue
            waiver = result.waiver
        }
    }

    /// What ends or confuses a script element, next to what JSON escapes; U+2028 and U+2029 against lookalikes
    /// sharing their first byte (€ is E2 82 AC).
    /// Each also past the first eight bytes, where the scan reads whole words.
    static let scriptHostile = ["a&b", "x>y", "<!--", "€", "\u{2028}", "end\u{2029}", "\u{2027}\u{202A}", "</SCRIPT >"]
        .flatMap { [$0, "eight bytes, then " + $0 + " and more"] }

    static func documents() throws -> [ResultDocument] {
        var hostile = try OSCALSARIFDirectWriterTests.hostileDocument()
        let template = hostile.results[0]
        hostile.results += scriptHostile.map { text in
            var result = template
            result.id = text
            result.control = text
            result.message = text
            result.entity.name = text
            result.location.file = text
            result.evidence[0].note = text
            return result
        }
        return [try HistoryReportFixtures.document(), ExampleEstateTests.document, hostile]
    }

    @Test func rowsAreTheGenericEncodingEscapedForScript() throws {
        for document in try Self.documents() {
            try Self.expectRowsMatch(document.results + document.results.map(WriterEquivalence.withoutOptionalParts))
        }
    }

    /// Each result's row, written by one writer per escaper (as in a report: its caches serve many rows),
    /// against the generic encoding.
    static func expectRowsMatch(_ results: [ResultDocument.Result]) throws {
        var plainWriter = HTMLRowWriter<PlainJSONEscaper>()
        var scriptWriter = HTMLRowWriter<ScriptJSONEscaper>()
        for result in results {
            let generic = Array(try FastJSON.compactString(ReferenceRow(result)).utf8)
            var plain: [UInt8] = []
            try plainWriter.write(result, into: &plain)
            #expect(String(decoding: plain, as: UTF8.self) == String(decoding: generic, as: UTF8.self))
            var expected: [UInt8] = []
            ScriptSafeContentTypes.escapeJSONForScript(generic, into: &expected)
            var script: [UInt8] = []
            try scriptWriter.write(result, into: &script)
            #expect(String(decoding: script, as: UTF8.self) == String(decoding: expected, as: UTF8.self))
        }
    }
}
