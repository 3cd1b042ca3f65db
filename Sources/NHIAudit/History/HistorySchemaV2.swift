import GRDB

/// Schema v2: compact result rows, so recording a 200k-result scan takes a fraction of a second and a run adds
/// a few MB instead of tens.
/// - `strings`: every text a result row names (control, entity kind and name, field, file, message, waiver),
///   once. Uniqueness is kept by `HistoryRowWriter` under the write lock, so there is no second index to grow.
/// - `results`: `(run, fingerprint)` WITHOUT ROWID; the fingerprint as 10 bytes; status and severity as small
///   integers (`ResultStatus.storedCode`, `Severity.rank`); text columns as `strings` ids. Holds findings,
///   indeterminate results, and passing / not-applicable results that keep their message (their fingerprint
///   has been a finding) or whose fingerprint is not hex.
/// - `packed_results`: per run, one BLOB with the other passing and not-applicable results, which keep no
///   message (see `PackedResults`): a b-tree row each cost more than all the rest of recording a scan.
/// - `first_seen`: fingerprint → earliest `generatedAt` at which it was a finding, kept up to date by each
///   scan (and rebuilt by prune), instead of a GROUP BY over every result of every run.
/// v1 rows are converted losslessly (all their messages kept).
enum HistorySchemaV2 {
    static func migrate(_ db: Database) throws {
        try db.execute(
            sql: """
                ALTER TABLE results RENAME TO results_v1;
                CREATE TABLE strings (id INTEGER PRIMARY KEY, text TEXT NOT NULL);
                CREATE TABLE results (
                  run INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
                  fingerprint NOT NULL,
                  status INTEGER NOT NULL,
                  severity INTEGER NOT NULL,
                  control INTEGER NOT NULL,
                  entityKind INTEGER NOT NULL,
                  entityName INTEGER NOT NULL,
                  field INTEGER NOT NULL,
                  file INTEGER NOT NULL,
                  line INTEGER NOT NULL,
                  message INTEGER,
                  waiver INTEGER,
                  waiverExpires INTEGER,
                  PRIMARY KEY (run, fingerprint)
                ) WITHOUT ROWID;
                CREATE TABLE packed_results (
                  run INTEGER PRIMARY KEY REFERENCES runs(id) ON DELETE CASCADE,
                  results BLOB NOT NULL
                );
                CREATE TABLE first_seen (fingerprint PRIMARY KEY, generatedAt TEXT NOT NULL) WITHOUT ROWID;
                """)
        var writer = try HistoryRowWriter(db)
        let rows = try Row.fetchCursor(db, sql: "SELECT * FROM results_v1 ORDER BY run, fingerprint")
        while let row = try rows.next() {
            let converted = try writer.row(
                key: StoredFingerprint(row["fingerprint"] as String), status: ResultStatus(rawValue: row["status"]) ?? .indeterminate,
                severity: Severity(rawValue: row["severity"]) ?? .info, control: row["control"],
                entityKind: row["entityKind"], entityName: row["entityName"], field: row["field"], file: row["file"],
                line: row["line"], message: row["message"], waiver: row["waiver"], waiverExpires: row["waiverExpires"])
            try writer.insert(converted, run: row["run"])
        }
        let firstSeen = try Row.fetchCursor(
            db,
            sql: """
                SELECT r.fingerprint, MIN(u.generatedAt) FROM results_v1 r JOIN runs u ON u.id = r.run
                WHERE r.status IN ('fail', 'waived') GROUP BY r.fingerprint
                """)
        while let row = try firstSeen.next() {
            try writer.firstSeen(StoredFingerprint(row[0] as String), at: row[1])
        }
        try db.execute(sql: "DROP TABLE results_v1; PRAGMA user_version = 2")
    }
}
