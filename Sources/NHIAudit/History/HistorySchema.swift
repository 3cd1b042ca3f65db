import GRDB

/// The history database's schema. Migrations are append-only: never edit a released one, add the next.
/// `PRAGMA user_version` mirrors the migration count so older tools can refuse a newer database before
/// touching it, and `application_id` marks the file as ours.
enum HistorySchema {
    /// "NHIA" in ASCII: `PRAGMA application_id` of every history database.
    static let applicationID: Int32 = 0x4E48_4941
    static let version = 2

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.execute(sql: "PRAGMA application_id = \(applicationID)")
            try db.create(table: "runs") { table in
                table.autoIncrementedPrimaryKey("id")
                table.column("generatedAt", .text).notNull()
                table.column("toolVersion", .text).notNull()
                table.column("catalogVersion", .text).notNull()
                table.column("inputDigest", .text).notNull()
                table.column("runDigest", .text)
                table.column("paths", .text).notNull()  // JSON list of scanned paths
                table.column("inputs", .text).notNull()  // JSON [{path, sha256, format, status}]
                table.column("policies", .text).notNull()  // JSON, the policies in force
                table.column("summary", .text).notNull()  // JSON, ResultDocument.Summary
                table.column("fail", .integer).notNull()
                table.column("pass", .integer).notNull()
                table.column("indeterminate", .integer).notNull()
                table.column("waived", .integer).notNull()
                table.column("notApplicable", .integer).notNull()
            }
            try db.create(table: "results") { table in
                table.column("run", .integer).notNull().references("runs", onDelete: .cascade)
                table.column("fingerprint", .text).notNull()
                table.column("control", .text).notNull()
                table.column("status", .text).notNull()
                table.column("severity", .text).notNull()
                table.column("entityKind", .text).notNull()
                table.column("entityName", .text).notNull()
                table.column("file", .text).notNull()
                table.column("line", .integer).notNull()
                table.column("field", .text).notNull()
                table.column("message", .text).notNull()
                table.column("waiver", .text)
                table.column("waiverExpires", .text)
                table.primaryKey(["run", "fingerprint"])
            }
            try db.create(index: "results_fingerprint", on: "results", columns: ["fingerprint"])
            try db.execute(sql: "PRAGMA user_version = 1")
        }
        migrator.registerMigration("v2", migrate: HistorySchemaV2.migrate)
        return migrator
    }
}
