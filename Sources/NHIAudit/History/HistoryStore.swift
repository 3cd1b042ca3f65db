import Foundation
import GRDB

#if canImport(Glibc)
import Glibc
#endif

/// The run history: one SQLite database (WAL, busy timeout, versioned migrations) that scans append to.
/// Opening refuses a file that is not an nhi-audit history database, is corrupt, or was written by a newer
/// version, and leaves such a file untouched (checked on a read-only connection first).
public final class HistoryStore: Sendable {
    public static let defaultPath = ".nhi-audit/history.sqlite"
    public static let trendLength = 30

    public struct StoreError: Error, CustomStringConvertible {
        public var description: String
    }

    public struct Run: Codable, Sendable, Hashable {
        public var id: Int64
        public var generatedAt: String
        public var toolVersion: String
        public var catalogVersion: String
        public var inputDigest: String
        public var runDigest: String?
        public var fail: Int
        public var pass: Int
        public var indeterminate: Int
        public var waived: Int
        public var notApplicable: Int
        public var bySeverity: [String: Int]
        public var paths: [String]
    }

    public struct StoredResult: Codable, Sendable, Hashable {
        public var fingerprint: String
        public var control: String
        public var status: ResultStatus
        public var severity: Severity
        public var entity: EntityRef
        public var file: String
        public var line: Int
        public var field: String
        public var message: String
        public var waiver: String?
        public var waiverExpires: String?
    }

    let queue: DatabaseQueue
    public let path: String

    private init(queue: DatabaseQueue, path: String) {
        self.queue = queue
        self.path = path
    }

    /// The database and the files SQLite and the set-up lock keep beside it.
    public static func files(at path: String) -> [String] { ["", "-wal", "-shm", ".lock"].map { path + $0 } }

    /// Opens (and with `create`, creates and migrates) the database at `path`.
    public static func open(at path: String, create: Bool = true) throws -> HistoryStore {
        if !create && !FileManager.default.fileExists(atPath: path) {
            throw StoreError(description: "\(path): no history database (run `nhi-audit scan` first)")
        }
        try FileManager.default.createDirectory(
            at: URL(fileURLWithPath: path).deletingLastPathComponent(), withIntermediateDirectories: true)
        // Two scans creating the database at once would both run the first migration: serialize set-up.
        return try withSetupLock(path) {
            if FileManager.default.fileExists(atPath: path) { try checkExisting(path) }
            var config = Configuration()
            config.journalMode = .wal
            config.busyMode = .timeout(60)
            // Under WAL, NORMAL syncs at checkpoints, not at every commit: a committed run survives the process
            // being killed (SIGKILL, crash), only an OS crash or power loss can lose the last commits, and the
            // database stays consistent either way (https://www.sqlite.org/pragma.html#pragma_synchronous).
            config.prepareDatabase { db in try db.execute(sql: "PRAGMA synchronous = NORMAL") }
            let queue = try wrap(path) { try DatabaseQueue(path: path, configuration: config) }
            try wrap(path) { try HistorySchema.migrator.migrate(queue) }
            return HistoryStore(queue: queue, path: path)
        }
    }

    /// Refuses, without writing, a file that is not ours, is damaged, or is newer than this tool.
    static func checkExisting(_ path: String) throws {
        let handle = FileHandle(forReadingAtPath: path)
        let header = (try? handle?.read(upToCount: 16)) ?? nil
        try? handle?.close()
        guard let header, !header.isEmpty else { return }  // an empty file: SQLite treats it as a new database
        guard header == Data("SQLite format 3\0".utf8) else {
            throw StoreError(description: "\(path) is not an SQLite database (corrupt or another file); refusing to use or overwrite it — move it away or pass --history to another path")
        }
        var config = Configuration()
        config.readonly = true
        config.busyMode = .timeout(60)
        try wrap(path) {
            let reader = try DatabaseQueue(path: path, configuration: config)
            defer { try? reader.close() }
            try reader.read { db in
                let check = try String.fetchAll(db, sql: "PRAGMA quick_check")
                guard check == ["ok"] else {
                    throw StoreError(description: "\(path) is corrupt (quick_check: \(check.prefix(3).joined(separator: "; "))); refusing to use or overwrite it")
                }
                let tables = try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master WHERE type = 'table'") ?? 0
                let application = try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0
                if tables > 0 && application != HistorySchema.applicationID {
                    throw StoreError(description: "\(path) is an SQLite database but not an nhi-audit history; refusing to use or overwrite it")
                }
                let version = try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0
                let superseded = tables > 0 ? try HistorySchema.migrator.hasBeenSuperseded(db) : false
                if version > HistorySchema.version || superseded {
                    throw StoreError(description: "\(path) has history schema version \(version), newer than this nhi-audit \(NHIAuditVersion.current) knows (\(HistorySchema.version)); upgrade nhi-audit or use another --history path")
                }
            }
        }
    }

    private static func withSetupLock<T>(_ path: String, _ body: () throws -> T) throws -> T {
        let descriptor = Glibc.open(path + ".lock", O_CREAT | O_RDWR, 0o644)
        guard descriptor >= 0 else { return try body() }
        defer { Glibc.close(descriptor) }
        flock(descriptor, LOCK_EX)
        defer { flock(descriptor, LOCK_UN) }
        return try body()
    }

    static func wrap<T>(_ path: String, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as StoreError {
            throw error
        } catch let error as DatabaseError {
            throw StoreError(description: "\(path): history database error: \(error.message ?? "\(error.resultCode)")")
        }
    }

    func write<T>(_ body: (Database) throws -> T) throws -> T {
        try Self.wrap(path) {
            try queue.writeWithoutTransaction { db in
                var value: T?
                // IMMEDIATE: take the write lock up front, so concurrent scans wait (busy timeout) instead of
                // failing on a read-to-write upgrade.
                try db.inTransaction(.immediate) {
                    value = try body(db)
                    return .commit
                }
                return value!
            }
        }
    }

    func read<T>(_ body: (Database) throws -> T) throws -> T {
        try Self.wrap(path) { try queue.read(body) }
    }
}
