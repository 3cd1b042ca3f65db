import Foundation
import GRDB
@testable import NHIAudit
import Testing

/// Recording reads the results in the document's order but writes rows, and numbers strings, in fingerprint
/// order: the database must be the one the fingerprint-ordered writer made.
@Suite struct HistoryRecordingOrderTests {
    /// Strings get their ids when a row first names them, rows going by fingerprint (columns in table order),
    /// whatever order the document lists the results in.
    @Test func stringIdsFollowTheRowsNotTheDocument() throws {
        let folder = try HistoryFixtures.temporaryFolder()
        let path = folder.appendingPathComponent("h.sqlite").path
        var document = HistoryFixtures.document([
            ("a.yaml", HistoryFixtures.issuer("alpha", defaultTTL: "12h")),
            ("b.yaml", HistoryFixtures.verifier("beta", clockSkew: "10m")),
            ("c.yaml", HistoryFixtures.issuer("gamma", defaultTTL: "30m")),
        ])
        let byFingerprint = document.results.map(\.id).sorted()
        #expect(document.results.map(\.id) != byFingerprint, "a document listed by fingerprint tests nothing")
        try HistoryStore.open(at: path).record(&document, paths: ["."])

        let reader = try DatabaseQueue(path: path)
        defer { try? reader.close() }
        let rows = try reader.read { db in
            var rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT fingerprint, control, entityKind, entityName, field, file, message, waiver, waiverExpires
                    FROM results
                    """
            ).map { row in
                (StoredFingerprint(row[0] as DatabaseValue).string, (1...8).compactMap { row[$0] as Int64? })
            }
            for data in try Data.fetchAll(db, sql: "SELECT results FROM packed_results") {
                rows += PackedResults.entries(data).map { ($0.key.string, $0.ids) }
            }
            return rows.sorted { $0.0 < $1.0 }
        }
        #expect(rows.map(\.0) == byFingerprint)
        var firstUses: [Int64] = []
        for id in rows.flatMap(\.1) where !firstUses.contains(id) { firstUses.append(id) }
        #expect(firstUses == Array(1...Int64(firstUses.count)))
    }

    /// Fingerprints read back straight from SQLite (the previous run's findings, first-seen times), stored as
    /// BLOB or, when not hex, as TEXT: the next run knows them all.
    @Test func findingsOfEveryFingerprintShapeAreKnownToTheNextRun() throws {
        let folder = try HistoryFixtures.temporaryFolder()
        let store = try HistoryStore.open(at: folder.appendingPathComponent("h.sqlite").path)
        func scan(day: Int) throws -> ResultDocument {
            var document = HistoryFixtures.document([("a.yaml", HistoryFixtures.issuer("sts", defaultTTL: "12h"))], day: day)
            let findings = document.results.indices.filter { document.results[$0].status.isFinding }
            try #require(findings.count >= 2)
            document.results[findings[0]].id = "legacy-fingerprint"
            try store.record(&document, paths: ["a.yaml"])
            return document
        }
        let first = try scan(day: 0)
        let second = try scan(day: 1)
        let findings = second.results.filter { $0.status.isFinding }
        #expect(findings.contains { $0.id == "legacy-fingerprint" } && findings.contains { $0.id.count == 20 })
        for finding in findings {
            #expect(finding.isNew == false, "\(finding.id)")
            #expect(finding.firstSeen == first.generatedAt, "\(finding.id)")
        }
        #expect(second.history?.newFindings == 0)
        #expect(second.history?.resolvedFindings == 0)
    }

    /// The in-place sort against the standard library's, with many repeated fingerprints and every small size.
    @Test func rowsSortLikeTheStandardSort() {
        var random = SystemRandomNumberGenerator()
        for count in Array(0...40) + [100, 1_000, 20_000] {
            let rows = (0..<count).map { index in
                RunRows.Row(
                    high: UInt64.random(in: 0...UInt64(max(count / 4, 1)), using: &random) << 40,
                    low: UInt16.random(in: 0...2, using: &random), status: .pass, severity: .low, line: 0,
                    index: UInt32(index), control: 0, entityKind: 0, entityName: 0, field: 0, file: 0)
            }.shuffled()
            var sorted = rows
            sorted.withUnsafeMutableBufferPointer { RunRows.sort($0) }
            let expected = rows.sorted { $0.precedes($1) }
            #expect(sorted.map(\.index) == expected.map(\.index), "\(count) rows")
        }
    }

    /// The `runs.inputs` column against the generic encoder it replaced, with hostile texts in every string.
    @Test func inputsColumnMatchesTheGenericEncoder() throws {
        let hostile = OSCALSARIFDirectWriterTests.hostile
        let statuses: [InputRecord.Status] = [.assessed, .partial, .notAssessed]
        let inputs = hostile.enumerated().map { offset, text in
            InputRecord(
                path: text, sha256: "sha256:" + text, bytes: [0, -1, Int.max, Int.min][offset % 4], format: text,
                status: statuses[offset % 3], entities: offset - 3,
                notes: Array(repeating: text, count: offset % 3))
        }
        for list in [[], Array(inputs.prefix(1)), inputs] {
            WriterEquivalence.expectSame(
                Data(InputsColumn.json(list).utf8), Data(try FastJSON.compactString(list).utf8),
                "\(list.count) inputs", reference: "FastJSON")
        }
    }
}
