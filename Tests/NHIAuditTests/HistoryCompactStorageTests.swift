import Foundation
import GRDB
@testable import NHIAudit
import Testing

/// Schema v2: compact rows, the incremental first-seen table, and the conversion of v1 databases.
@Suite struct HistoryCompactStorageTests {
    /// A v1 database (as released) with two runs, opened by this version: converted in place, nothing lost.
    @Test func v1DatabaseIsConvertedLosslessly() throws {
        let folder = try HistoryFixtures.temporaryFolder()
        let path = folder.appendingPathComponent("h.sqlite").path
        let queue = try DatabaseQueue(path: path)
        try HistorySchema.migrator.migrate(queue, upTo: "v1")
        let expected: [HistoryStore.StoredResult] = [
            stored("00112233445566778899", "ISS-TTL-001", .fail, .high, "sts", "defaultTTL 12h exceeds 1h"),
            stored("legacy-fingerprint", "ISS-ALG-001", .pass, .critical, "sts", "ES256 is asymmetric"),
            stored("ffeeddccbbaa99887766", "ISS-JTI-001", .waived, .medium, "sts", "no jti", waiver: "accepted"),
        ]
        try queue.write { db in
            for (run, day) in [(1, "2026-11-01T00:00:00Z"), (2, "2026-11-02T00:00:00Z")] {
                try db.execute(
                    sql: """
                        INSERT INTO runs (id, generatedAt, toolVersion, catalogVersion, inputDigest, paths, inputs, policies,
                          summary, fail, pass, indeterminate, waived, notApplicable)
                        VALUES (?, ?, '0.1', '1', 'digest', '["."]', '[]', '[]', '{}', 1, 1, 0, 1, 0)
                        """, arguments: [run, day])
            }
            for (run, results) in [(1, expected), (2, [stored("00112233445566778899", "ISS-TTL-001", .pass, .high, "sts", "defaultTTL 30m")])] {
                for result in results {
                    try db.execute(
                        sql: "INSERT INTO results VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        arguments: [
                            run, result.fingerprint, result.control, result.status.rawValue, result.severity.rawValue,
                            result.entity.kind.rawValue, result.entity.name, result.file, result.line, result.field,
                            result.message, result.waiver, result.waiverExpires,
                        ])
                }
            }
        }
        try queue.close()

        let store = try HistoryStore.open(at: path)
        #expect(try store.results(of: 1) == expected.sorted { $0.fingerprint < $1.fingerprint })
        #expect(try store.firstSeen() == ["00112233445566778899": "2026-11-01T00:00:00Z", "ffeeddccbbaa99887766": "2026-11-01T00:00:00Z"])
        let runs = try store.runs()
        let diff = RunDiff(from: runs[1], to: runs[0], old: try store.results(of: 1), new: try store.results(of: 2))
        let resolved = try #require(diff.entries.first { $0.control == "ISS-TTL-001" })
        #expect(resolved.category == .resolved)
        #expect(resolved.message == "defaultTTL 30m", "the later run's message")
        let reader = try DatabaseQueue(path: path)
        defer { try? reader.close() }
        #expect(try reader.read { try Int.fetchOne($0, sql: "PRAGMA user_version") } == HistorySchema.version)
        #expect(try reader.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM sqlite_master WHERE name = 'results_v1'") } == 0)
    }

    /// Passes keep no message until their fingerprint has been a finding; then `diff` shows it for a resolved one.
    @Test func passKeepsItsMessageOnlyOnceItWasAFinding() throws {
        let folder = try HistoryFixtures.temporaryFolder()
        let store = try HistoryStore.open(at: folder.appendingPathComponent("h.sqlite").path)
        var first = HistoryFixtures.document([("a.yaml", HistoryFixtures.issuer("sts", defaultTTL: "12h"))])
        try store.record(&first, paths: ["a.yaml"])
        var second = HistoryFixtures.document([("a.yaml", HistoryFixtures.issuer("sts", defaultTTL: "30m"))], day: 1)
        try store.record(&second, paths: ["a.yaml"])

        let firstRows = try store.results(of: 1)
        #expect(firstRows.count == first.results.count)
        #expect(firstRows.filter { $0.status == .pass }.allSatisfy { $0.message.isEmpty })
        #expect(firstRows.filter { $0.status.isFinding }.allSatisfy { !$0.message.isEmpty })
        for row in firstRows {
            let result = try #require(first.results.first { $0.id == row.fingerprint })
            #expect((row.control, row.entity, row.field) == (result.control, result.entity, result.location.field))
            #expect((row.file, row.line, row.status, row.severity) == (result.location.file, result.location.line, result.status, result.severity))
        }
        let fixed = try #require(second.results.first { $0.control == "ISS-TTL-001" })
        #expect(fixed.status == .pass)
        #expect(try store.results(of: 2).first { $0.fingerprint == fixed.id }?.message == fixed.message)

        let runs = try store.runs()
        let forward = RunDiff(from: runs[1], to: runs[0], old: try store.results(of: 1), new: try store.results(of: 2))
        #expect(forward.entries.first { $0.fingerprint == fixed.id }?.message == fixed.message)
        // Backwards (run 2 as the earlier run) nothing resolves: run 2 has no finding run 1 lacks.
        let backward = RunDiff(from: runs[0], to: runs[1], old: try store.results(of: 2), new: try store.results(of: 1))
        #expect(backward.entries.first { $0.fingerprint == fixed.id }?.category == .regressed)
    }

    /// First-seen is kept per scan, keeps the earliest time, and prune rebuilds it over the runs kept.
    @Test func firstSeenFollowsRecordsAndPrune() throws {
        let folder = try HistoryFixtures.temporaryFolder()
        let path = folder.appendingPathComponent("h.sqlite").path
        let store = try HistoryStore.open(at: path)
        var times: [String] = []
        for day in [0, 10, 20] {
            var document = HistoryFixtures.document([("a.yaml", HistoryFixtures.issuer("sts", defaultTTL: "12h"))], day: day)
            try store.record(&document, paths: ["a.yaml"])
            times.append(document.generatedAt)
            #expect(document.results.first { $0.control == "ISS-TTL-001" }?.firstSeen == times[0])
        }
        let fingerprint = try #require(try store.results(of: 3).first { $0.control == "ISS-TTL-001" }?.fingerprint)
        #expect(try store.firstSeen()[fingerprint] == times[0])
        #expect(try store.prune(keep: 2) == 1)
        #expect(try store.firstSeen()[fingerprint] == times[1])
        // No string is left that no kept result names (texts are stored once each).
        var named = Set<String>()
        for run in try store.runs() {
            for result in try store.results(of: run.id) {
                named.formUnion([result.control, result.entity.kind.rawValue, result.entity.name, result.field, result.file])
                named.formUnion([result.message, result.waiver ?? "", result.waiverExpires ?? ""].filter { !$0.isEmpty })
            }
        }
        let reader = try DatabaseQueue(path: path)
        defer { try? reader.close() }
        #expect(try reader.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM strings") } == named.count)
        #expect(try store.prune(keep: 0) == 2)
        #expect(try store.firstSeen().isEmpty)
        #expect(try reader.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM strings") } == 0)
    }

    private func stored(
        _ fingerprint: String, _ control: String, _ status: ResultStatus, _ severity: Severity, _ entity: String,
        _ message: String, waiver: String? = nil
    ) -> HistoryStore.StoredResult {
        HistoryStore.StoredResult(
            fingerprint: fingerprint, control: control, status: status, severity: severity,
            entity: EntityRef(kind: .issuer, name: entity), file: "a.yaml", line: 7, field: "spec.tokens", message: message,
            waiver: waiver, waiverExpires: waiver.map { _ in "2026-12-31" })
    }
}
