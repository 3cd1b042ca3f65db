import Foundation
import Testing

@testable import NHIAudit

/// report.json's entities, inputs and trust graph are written straight into bytes, and its results with cached
/// and reused pieces; they must be the bytes the generic tree writer writes, for every optional part and every
/// character JSON escapes.
@Suite struct JSONRecordWriterTests {
    static let hostile = OSCALSARIFDirectWriterTests.hostile

    static func expectSameBytes(_ document: ResultDocument, _ comment: Comment) throws {
        WriterEquivalence.expectSame(
            try JSONReportRenderer().render(document, resources: ReportResources(templates: Repository.templates)),
            try JSONReportRenderer.renderWithGenericTreesForTesting(document), "JSON, \(comment)", reference: "tree")
    }

    @Test func theExampleEstateIsWrittenAsTheTreeWriterWritesIt() throws {
        let document = ExampleEstateTests.document
        #expect(!document.entities.isEmpty && !document.inputs.isEmpty)
        #expect(document.trustGraph.map { !$0.edges.isEmpty && !$0.nodes.isEmpty } == true)
        try Self.expectSameBytes(document, "examples/acme")
    }

    @Test func historyBaselineAndWaiverPartsAreWrittenAsTheTreeWriterWritesThem() throws {
        try Self.expectSameBytes(try HistoryReportFixtures.document(), "nightly fixture")
    }

    /// Hostile strings in every record string, with and without each optional member, and empty arrays.
    @Test func hostileRecordsAreWrittenAsTheTreeWriterWritesThem() throws {
        var document = try HistoryReportFixtures.document()
        document.entities = Self.hostile.enumerated().map { offset, text in
            ResultDocument.EntityRecord(
                kind: EntityKind(text), name: text, format: text, file: text, line: offset % 2 == 0 ? Int.min : offset,
                environment: offset % 2 == 0 ? text : nil, owner: offset % 3 == 0 ? nil : text, policy: text)
        }
        document.inputs = Self.hostile.enumerated().map { offset, text in
            InputRecord(
                path: text, sha256: text, bytes: offset == 1 ? Int.max : offset, format: text,
                status: offset % 2 == 0 ? .assessed : .notAssessed, entities: -offset,
                notes: offset % 3 == 0 ? [] : Array(repeating: text, count: offset % 3))
        }
        document.trustGraph = TrustGraph(
            nodes: Self.hostile.enumerated().map { offset, text in
                TrustGraph.Node(
                    id: text, kind: offset % 2 == 0 ? .external : .verifier, name: text,
                    environment: offset % 3 == 0 ? nil : text, failingControls: Array(repeating: text, count: offset % 3))
            },
            edges: Self.hostile.enumerated().map { offset, text in
                TrustGraph.Edge(
                    verifier: text, issuer: text, issuerURL: text, jwksUri: offset % 2 == 0 ? nil : text,
                    location: .init(file: text, line: offset, column: offset == 2 ? Int.min : -offset, field: text),
                    verifierFails: offset % 2 == 0)
            })
        try Self.expectSameBytes(document, "hostile records")
        document.entities = []
        document.inputs = []
        document.trustGraph = TrustGraph(nodes: [], edges: [])
        try Self.expectSameBytes(document, "empty records")
        document.trustGraph = nil
        try Self.expectSameBytes(document, "no trust graph")
    }

    /// Every hostile string in every result string, and evidence at, near and away from the result's location.
    @Test func hostileResultsAreWrittenAsTheGenericEncoderWritesThem() throws {
        let document = try OSCALSARIFDirectWriterTests.hostileDocument()
        for (offset, result) in document.results.enumerated() {
            var variants = [result, WriterEquivalence.withoutOptionalParts(result)]
            let place = result.location
            var atPlace = result
            atPlace.evidence = [Evidence(
                at: SourceLocation(file: place.file, line: place.line, column: place.column), field: place.field,
                value: offset % 2 == 0 ? nil : "v", note: offset % 3 == 0 ? nil : place.field)]
            variants.append(atPlace)
            var nearPlace = atPlace  // one piece of evidence differing from the place in each part, one at it
            nearPlace.evidence = Array(repeating: atPlace.evidence[0], count: 5)
            nearPlace.evidence[0].file += "x"
            nearPlace.evidence[1].line = place.line == Int.max ? 0 : place.line + 1
            nearPlace.evidence[2].column += 1
            nearPlace.evidence[3].field += "x"
            variants.append(nearPlace)
            for lines in try JSONReportRenderer.resultLinesForTesting(variants) {
                #expect(lines.written == lines.generic, "result \(offset)")
            }
        }
    }
}
