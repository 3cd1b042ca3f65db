import Foundation
import NHIAudit
import Testing

/// `record(_:paths:whileInserting:)`: reports render while the rows go in, and neither side loses anything.
@Suite struct HistoryConcurrentRecordTests {
    struct RenderFailed: Error {}

    @Test func workSeesTheAnnotatedDocumentAndTheRunIsComplete() throws {
        let folder = try HistoryFixtures.temporaryFolder()
        let store = try HistoryStore.open(at: folder.appendingPathComponent("h.sqlite").path)
        var document = HistoryFixtures.document([("a.yaml", HistoryFixtures.issuer("old", defaultTTL: "12h"))])
        let seen = try store.record(&document, paths: ["a.yaml"]) { annotated in
            (run: annotated.history?.run, firstSeen: annotated.results.first { $0.control == "ISS-TTL-001" }?.firstSeen)
        }
        #expect(seen.run == 1)
        #expect(seen.firstSeen == document.generatedAt)
        #expect(try store.results(of: 1).count == document.results.count)
    }

    /// A run whose reports failed (a full disk) was recorded all the same, so the next `--fail-on-new` took its
    /// findings as known although no report or gate ever showed them. It is rolled back; its error is reported.
    @Test func aFailingRenderRecordsNothingAndIsReported() throws {
        let folder = try HistoryFixtures.temporaryFolder()
        let store = try HistoryStore.open(at: folder.appendingPathComponent("h.sqlite").path)
        var document = HistoryFixtures.document([("a.yaml", HistoryFixtures.issuer("old", defaultTTL: "12h"))])
        #expect(throws: RenderFailed.self) {
            try store.record(&document, paths: ["a.yaml"]) { _ in throw RenderFailed() }
        }
        #expect(try store.runs().isEmpty)
        // The next run is the first: nothing it finds was "seen" by the failed one.
        var next = HistoryFixtures.document([("a.yaml", HistoryFixtures.issuer("old", defaultTTL: "12h"))])
        try store.record(&next, paths: ["a.yaml"])
        #expect(try store.runs().map(\.id) == [1])
        #expect(next.history?.previousRun == nil)
        #expect(try store.results(of: 1).count == next.results.count)
    }

    @Test func changesMadeByWorkNeverReachTheRows() throws {
        let folder = try HistoryFixtures.temporaryFolder()
        let store = try HistoryStore.open(at: folder.appendingPathComponent("h.sqlite").path)
        var document = HistoryFixtures.document([("a.yaml", HistoryFixtures.issuer("old", defaultTTL: "12h"))])
        let index = try #require(document.results.firstIndex { $0.control == "ISS-TTL-001" })
        let original = document.results[index].message
        try store.record(&document, paths: ["a.yaml"]) { annotated in
            for position in annotated.results.indices { annotated.results[position].message = "changed while inserting" }
        }
        let stored = try store.results(of: 1).first { $0.fingerprint == document.results[index].id }
        #expect(stored?.message == original)
    }
}
