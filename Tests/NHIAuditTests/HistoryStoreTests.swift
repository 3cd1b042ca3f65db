import Foundation
import GRDB
import NHIAudit
import Testing

@Suite struct HistoryStoreTests {
    @Test func recordsRunsFirstSeenAndNewFindings() throws {
        let folder = try HistoryFixtures.temporaryFolder()
        let store = try HistoryStore.open(at: folder.appendingPathComponent("h.sqlite").path)
        var first = HistoryFixtures.document([("a.yaml", HistoryFixtures.issuer("old", defaultTTL: "12h"))])
        try store.record(&first, paths: ["a.yaml"])
        #expect(first.history?.run == 1)
        #expect(first.history?.previousRun == nil)
        let old = try #require(first.results.first { $0.control == "ISS-TTL-001" })
        #expect(old.isNew == false)
        #expect(old.firstSeen == first.generatedAt)

        var second = HistoryFixtures.document(
            [("a.yaml", HistoryFixtures.issuer("old", defaultTTL: "12h", extraLines: 3)), ("b.yaml", HistoryFixtures.issuer("fresh", defaultTTL: "6h"))], day: 1)
        try store.record(&second, paths: ["a.yaml", "b.yaml"])
        let again = try #require(second.results.first { $0.control == "ISS-TTL-001" && $0.entity.name == "old" })
        let fresh = try #require(second.results.first { $0.control == "ISS-TTL-001" && $0.entity.name == "fresh" })
        #expect(again.isNew == false)
        #expect(again.firstSeen == first.generatedAt)
        #expect(fresh.isNew == true)
        #expect(fresh.firstSeen == second.generatedAt)
        #expect(second.history?.previousRun == 1)
        #expect(second.history?.trend.map(\.run) == [1, 2])
        #expect(second.history?.trend.last?.fail == second.summary.byStatus["fail"])
        // Everything "fresh" fails is new (ISS-TTL-001, and GRAPH-006: no verifier trusts it); nothing of "old" is.
        let freshFailures = second.results.filter { $0.entity.name == "fresh" && $0.status == .fail }.count
        #expect(freshFailures >= 1)
        #expect(second.history?.newFindings == freshFailures)
        #expect(try store.runs().map(\.id) == [2, 1])
        #expect(try store.results(of: 2).count == second.results.count)
    }

    @Test func inlineSecretNeverReachesTheDatabase() throws {
        let secret = "hs256-shared-secret-Zq8v2LmN4pR7tY1w"
        let folder = try HistoryFixtures.temporaryFolder()
        let path = folder.appendingPathComponent("h.sqlite").path
        let issuer = """
            apiVersion: nhi-audit/v1
            kind: Issuer
            metadata: {name: sts, owner: team-a}
            spec:
              signing: {algorithm: HS256, keyType: oct, keyStorage: inline, secret: "\(secret)"}
              tokens: {defaultTTL: 12h}
            """
        var document = HistoryFixtures.document([("a.yaml", issuer)])
        try HistoryStore.open(at: path).record(&document, paths: ["a.yaml"])
        var bytes = Data()
        for suffix in ["", "-wal"] { bytes += (try? Data(contentsOf: URL(fileURLWithPath: path + suffix))) ?? Data() }
        #expect(!bytes.isEmpty)
        #expect(bytes.range(of: Data(secret.utf8)) == nil)
        #expect(bytes.range(of: Data("Zq8v2LmN".utf8)) == nil)
    }

    @Test func pruneKeepsTheNewestOrDropsOldRuns() throws {
        let folder = try HistoryFixtures.temporaryFolder()
        let store = try HistoryStore.open(at: folder.appendingPathComponent("h.sqlite").path)
        for day in 0..<5 {
            var document = HistoryFixtures.document([("a.yaml", HistoryFixtures.issuer("sts", defaultTTL: "12h"))], day: day * 10)
            try store.record(&document, paths: ["a.yaml"])
        }
        #expect(try store.prune(generatedBefore: ReportClock(epochSeconds: HistoryFixtures.day + 15 * 86_400).timestamp) == 2)
        #expect(try store.runs().map(\.id) == [5, 4, 3])
        #expect(try store.prune(keep: 1) == 2)
        #expect(try store.runs().map(\.id) == [5])
        #expect(try store.results(of: 3).isEmpty, "results of pruned runs go with them")
    }

    @Test func corruptFileIsRefusedAndLeftUntouched() throws {
        let folder = try HistoryFixtures.temporaryFolder()
        let path = folder.appendingPathComponent("h.sqlite").path
        let garbage = Data("this is not a database, but someone's notes\n".utf8)
        try garbage.write(to: URL(fileURLWithPath: path))
        #expect {
            try HistoryStore.open(at: path)
        } throws: { error in
            "\(error)".contains("not an SQLite database")
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == garbage)
    }

    @Test func damagedDatabaseIsRefusedAndLeftUntouched() throws {
        let folder = try HistoryFixtures.temporaryFolder()
        let path = folder.appendingPathComponent("h.sqlite").path
        do {
            let store = try HistoryStore.open(at: path)
            var document = HistoryFixtures.document([("a.yaml", HistoryFixtures.issuer("sts", defaultTTL: "12h"))])
            try store.record(&document, paths: ["a.yaml"])
        }
        try checkpoint(path)
        var bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        // Overwrite the pages after the header page: the header still says SQLite, the b-trees are garbage.
        for index in 4096..<bytes.count { bytes[index] = 0xA5 }
        try bytes.write(to: URL(fileURLWithPath: path))
        #expect(throws: HistoryStore.StoreError.self) { try HistoryStore.open(at: path) }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == bytes)
    }

    @Test func newerSchemaVersionIsRefusedAndLeftUntouched() throws {
        let folder = try HistoryFixtures.temporaryFolder()
        let path = folder.appendingPathComponent("h.sqlite").path
        _ = try HistoryStore.open(at: path)
        do {
            let queue = try DatabaseQueue(path: path)
            try queue.write { db in
                try db.execute(sql: "INSERT INTO grdb_migrations VALUES ('v3-from-the-future')")
                try db.execute(sql: "PRAGMA user_version = 3")
            }
            try queue.close()
        }
        try checkpoint(path)
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect {
            try HistoryStore.open(at: path)
        } throws: { error in
            "\(error)".contains("newer than this nhi-audit")
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
    }

    @Test func foreignSQLiteDatabaseIsRefused() throws {
        let folder = try HistoryFixtures.temporaryFolder()
        let path = folder.appendingPathComponent("other.sqlite").path
        let queue = try DatabaseQueue(path: path)
        try queue.write { try $0.execute(sql: "CREATE TABLE notes (text TEXT)") }
        try queue.close()
        #expect {
            try HistoryStore.open(at: path)
        } throws: { error in
            "\(error)".contains("not an nhi-audit history")
        }
    }

    @Test func databaseUsesWALAndVersionedMigrations() throws {
        let folder = try HistoryFixtures.temporaryFolder()
        let path = folder.appendingPathComponent("h.sqlite").path
        _ = try HistoryStore.open(at: path)
        let queue = try DatabaseQueue(path: path)
        defer { try? queue.close() }
        let (mode, version, migrations) = try queue.read { db in
            (
                try String.fetchOne(db, sql: "PRAGMA journal_mode"), try Int.fetchOne(db, sql: "PRAGMA user_version"),
                try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations")
            )
        }
        #expect(mode == "wal")
        #expect(version == 2)
        #expect(migrations == ["v1", "v2"])
    }

    /// Moves WAL content into the main file, so byte comparisons see the whole database.
    func checkpoint(_ path: String) throws {
        let queue = try DatabaseQueue(path: path)
        try queue.writeWithoutTransaction { try $0.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)") }
        try queue.close()
    }
}
