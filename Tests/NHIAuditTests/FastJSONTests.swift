import Foundation
import NHIAudit
import Testing

@Suite struct FastJSONTests {
    @Test func reportJSONRoundTripsThroughFoundationsDecoder() throws {
        let document = Harness.evaluate(
            """
            apiVersion: nhi-audit/v1
            kind: Issuer
            metadata: {name: "quote \\" back\\\\slash \\t tab / slash é ☃"}
            spec: {tokens: {defaultTTL: 12h}, signing: {secret: "not-a-real-secret-123"}}
            """)
        let data = try JSONReportRenderer().render(document, resources: ReportResources(templates: Repository.templates))
        let decoded = try JSONDecoder().decode(ResultDocument.self, from: data)
        #expect(decoded.results.count == document.results.count)
        #expect(decoded.results.map(\.entity.name).contains("quote \" back\\slash \t tab / slash é ☃"))
        let again = try JSONReportRenderer().render(decoded, resources: ReportResources(templates: Repository.templates))
        #expect(again == data)
        #expect(try JSONSerialization.jsonObject(with: data) is [String: Any])
    }

    @Test func fixedWidthIntegersAndDoublesEncode() throws {
        struct Sample: Encodable {
            var big: Int64 = 9_000_000_000
            var small: UInt8 = 7
            var ratio: Double = 9.5
            var list: [Int32] = [1, 2]
            var nothing: String? = nil
        }
        let text = String(decoding: try JSONReportRenderer.encodeForTesting(Sample()), as: UTF8.self)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(object["big"] as? Int == 9_000_000_000)
        #expect(object["small"] as? Int == 7)
        #expect(object["ratio"] as? Double == 9.5)
        #expect(object["list"] as? [Int] == [1, 2])
        #expect(object["nothing"] == nil)
    }
}

@Suite struct StreamedReportTests {
    /// The hand-written result writer must write exactly what the generic encoder writes, for every optional
    /// field (waiver, firstSeen, isNew, inBaseline, evidence values and notes) that the nightly fixture has.
    @Test func resultWriterMatchesTheGenericEncoder() throws {
        let document = try HistoryReportFixtures.document()
        #expect(document.results.contains { $0.waiver != nil } && document.results.contains { $0.inBaseline != nil })
        #expect(document.results.contains { $0.evidence.contains { $0.value != nil } })
        let lines = try JSONReportRenderer.resultLinesForTesting(document.results)
        for (result, lines) in zip(document.results, lines) {
            #expect(lines.written == lines.generic, "result \(result.id) \(result.control)")
        }
    }

    /// One result per line, and the file decodes back to the same document.
    @Test func reportJSONListsOneResultPerLine() throws {
        let document = try HistoryReportFixtures.document()
        let data = try JSONReportRenderer().render(document, resources: ReportResources(templates: Repository.templates))
        let text = String(decoding: data, as: UTF8.self)
        let lines = text.split(separator: "\n").filter { $0.hasPrefix(#"    {"control":"#) }
        #expect(lines.count == document.results.count)
        let decoded = try JSONDecoder().decode(ResultDocument.self, from: data)
        #expect(decoded.results.map(\.id) == document.results.map(\.id))
        #expect(decoded.results.map(\.waiver) == document.results.map(\.waiver))
    }

    /// A streamed report file is the same bytes as the in-memory rendering, for every format.
    @Test func streamedFilesEqualInMemoryRenderings() throws {
        let document = try ReportEstate.evaluate()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("nhi-stream-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let scan = Scan(paths: [], outputDirectory: folder, home: Repository.root, clock: ReportClock(epochSeconds: 1_795_000_000))
        let urls = try scan.write(document, formats: ReportFormats.all)
        #expect(urls.count == ReportFormats.all.count)
        for (renderer, url) in zip(ReportFormats.all, urls) {
            let inMemory = try renderer.render(document, resources: ReportResources(templates: Repository.templates))
            #expect(try Data(contentsOf: url) == inMemory, "\(renderer.format)")
        }
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".tmp") }
        #expect(leftovers.isEmpty)
    }

    /// Reports larger than one write chunk (1 MiB) arrive whole: every chunk written once, in order.
    @Test func reportsLargerThanAChunkArriveWhole() throws {
        let document = HTMLReportFixtures.large(count: 6_000)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("nhi-stream-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let scan = Scan(paths: [], outputDirectory: folder, home: Repository.root, clock: ReportClock(epochSeconds: 1_795_000_000))
        let formats: [any ReportRenderer] = [JSONReportRenderer(), XMLReportRenderer()]
        let urls = try scan.write(document, formats: formats)
        let json = try Data(contentsOf: urls[0])
        #expect(json.count > 3 * (1 << 20), "several chunks")
        #expect(try JSONDecoder().decode(ResultDocument.self, from: json).results.map(\.id) == document.results.map(\.id))
        for (renderer, url) in zip(formats, urls) {
            let inMemory = try renderer.render(document, resources: ReportResources(templates: Repository.templates))
            #expect(try Data(contentsOf: url) == inMemory, "\(renderer.format)")
        }
    }

    /// A failing format (a broken template) writes nothing and leaves the previous reports in place.
    @Test func aFailingFormatLeavesPreviousReportsIntact() throws {
        let document = try ReportEstate.evaluate()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("nhi-stream-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data("previous".utf8).write(to: folder.appendingPathComponent("report.json"))
        let home = folder.appendingPathComponent("home")
        try FileManager.default.createDirectory(at: home.appendingPathComponent("templates"), withIntermediateDirectories: true)
        for name in ["report.css", "report.js"] {
            try FileManager.default.copyItem(
                at: Repository.templates.appendingPathComponent(name), to: home.appendingPathComponent("templates/\(name)"))
        }
        try Data("{{#unclosed}}".utf8).write(to: home.appendingPathComponent("templates/report.html.mustache"))
        let scan = Scan(paths: [], outputDirectory: folder, home: home, clock: ReportClock(epochSeconds: 1_795_000_000))
        #expect(throws: (any Error).self) {
            try scan.write(document, formats: [JSONReportRenderer(), HTMLReportRenderer()])
        }
        #expect(try String(contentsOf: folder.appendingPathComponent("report.json"), encoding: .utf8) == "previous")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        #expect(!names.contains("report.html") && !names.contains { $0.hasSuffix(".tmp") })
    }
}
