import Foundation
import GRDB
import GRDBSQLite

extension HistoryStore {
    /// Records a run and fills the document's history: `history` (previous run, trend) and, per finding,
    /// `firstSeen` and `isNew`. In one IMMEDIATE transaction, so concurrent scans serialize and a killed scan
    /// leaves either the whole run or none of it.
    public func record(_ document: inout ResultDocument, paths: [String]) throws {
        try record(&document, paths: paths) { _ in }
    }

    /// Records the run as `record(_:paths:)` does, and runs `work` on the annotated document (rendering the
    /// reports) while the result rows are inserted on another thread. The run row, its id and the annotations
    /// are settled first, inside the transaction that then inserts the rows and commits only once all are in
    /// and `work` has succeeded: a run whose reports failed (a full disk) or were stopped (a signal) is not
    /// recorded, so its findings cannot pass as known to the next `--fail-on-new`. The call returns after both
    /// `work` and the commit, and throws the first error of either.
    public func record<T>(
        _ document: inout ResultDocument, paths: [String], whileInserting work: (inout ResultDocument) throws -> T
    ) throws -> T {
        let progress = RecordingProgress(document)
        Thread.detachNewThread { [self] in
            do {
                try write { db in
                    let settled: SettledRun
                    do {  // its own scope, so the document is let go before the caller annotates it
                        guard let unannotated = progress.takeDocument() else { return }
                        settled = try Self.insertRun(unannotated, paths: paths, db)
                    }
                    progress.settle(settled)
                    guard let annotated = progress.waitAnnotated() else { return }
                    try Self.insertResults(of: annotated, run: settled.info.run, firstSeen: settled.firstSeen, db)
                    // Thrown inside the transaction, it rolls the run back.
                    guard progress.waitWorkSucceeded() else { throw StoreError(description: "the reports failed") }
                }
                progress.finish(nil)
            } catch {
                progress.finish(error)
            }
        }
        let settled: SettledRun
        do {
            settled = try progress.waitSettled().get()
        } catch {
            _ = progress.waitFinished()
            throw error
        }
        // The thread has let go of the document: annotating changes the records in place, copying none.
        document.history = settled.info
        // By the fingerprint's stored bytes: no hex text is made for any result.
        for index in document.results.indices where document.results[index].status.isFinding {
            let key = document.results[index].storedID
            document.results[index].firstSeen = settled.firstSeen[key] ?? document.generatedAt
            document.results[index].isNew = settled.previousFindings.map { !$0.contains(key) } ?? false
        }
        // Annotations change no stored column, so the rows are read from the annotated document, shared from here.
        progress.handBack(document)
        let outcome = Result { try work(&document) }
        let succeeded = if case .success = outcome { true } else { false }
        progress.workDone(succeeded: succeeded)
        // When the work failed, its error is the one to report; the rollback it caused is not news.
        if let error = progress.waitFinished(), succeeded { throw error }
        return try outcome.get()
    }

    /// What the run row settles before its results are inserted.
    struct SettledRun: Sendable {
        var info: HistoryInfo
        /// Findings of the previous run (nil when this is the first).
        var previousFindings: Set<StoredFingerprint>?
        var firstSeen: [StoredFingerprint: String]
    }

    static func insertRun(_ document: ResultDocument, paths: [String], _ db: Database) throws -> SettledRun {
        let previous = try runs(db, limit: 1).first
        let firstSeen = try firstSeen(db)
        let previousFailing = try previous.map { try failingFingerprints(db, run: $0.id) } ?? []
        let counts = document.summary.byStatus
        try db.execute(
            sql: """
                INSERT INTO runs (generatedAt, toolVersion, catalogVersion, inputDigest, runDigest, paths, inputs,
                  policies, summary, fail, pass, indeterminate, waived, notApplicable)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                document.generatedAt, document.tool.version, document.catalog.version, document.inputDigest,
                document.runDigest, try json(paths), InputsColumn.json(document.inputs),
                try json(document.policies), try json(document.summary),
                counts[ResultStatus.fail.rawValue] ?? 0, counts[ResultStatus.pass.rawValue] ?? 0,
                counts[ResultStatus.indeterminate.rawValue] ?? 0, counts[ResultStatus.waived.rawValue] ?? 0,
                counts[ResultStatus.notApplicable.rawValue] ?? 0,
            ])
        let run = db.lastInsertedRowID
        var failingNow = Set<StoredFingerprint>()
        for index in document.results.indices where document.results[index].status.isFinding {
            failingNow.insert(document.results[index].storedID)
        }
        let trend = try runs(db, limit: trendLength).reversed().map(\.trendPoint)
        let info = HistoryInfo(
            run: run, previousRun: previous?.id, previousGeneratedAt: previous?.generatedAt, trend: trend,
            newFindings: previous == nil ? 0 : failingNow.subtracting(previousFailing).count,
            resolvedFindings: previousFailing.subtracting(failingNow).count)
        return SettledRun(info: info, previousFindings: previous == nil ? nil : previousFailing, firstSeen: firstSeen)
    }

    static func insertResults(
        of document: ResultDocument, run: Int64, firstSeen: [StoredFingerprint: String], _ db: Database
    ) throws {
        let generatedAt = document.generatedAt
        var writer = try HistoryRowWriter(db)
        // Rows are written in the order SQLite keeps fingerprints: they append to the b-tree instead of splitting
        // pages all over it, the packed BLOB is sorted, and a repeated fingerprint is skipped as INSERT OR IGNORE
        // would. Texts get their ids in that order too (see `HistoryRowWriter`).
        let rows = RunRows(document, numberingWith: &writer)
        var packed: [UInt8] = []
        var last: StoredFingerprint?
        try rows.forEachInStoredOrder { key, result in
            guard key != last else { return }
            last = key
            let seen = firstSeen.isEmpty ? nil : firstSeen[key]
            // Only `diff` reads a stored message: for findings, and for a resolved finding the later run's
            // message. So passing and not-applicable results keep theirs only once the fingerprint has been a
            // finding (a diff from a run before that one to this one can be asked for).
            let keepMessage = result.status.isFinding || result.status == .indeterminate || seen != nil
            let control = try writer.id(result.control)
            let entityKind = try writer.id(result.entityKind)
            let entityName = try writer.id(result.entityName)
            let field = try writer.id(result.field)
            let file = try writer.id(result.file)
            let message = keepMessage ? try writer.id(writer.ordinal(document.results[Int(result.index)].message)) : nil
            let waiver = rows.waivers.isEmpty ? nil : rows.waivers[result.index]
            let row = HistoryRow(
                key: key, status: result.status, severity: result.severity, control: control, entityKind: entityKind,
                entityName: entityName, field: field, file: file, line: Int(result.line), message: message,
                waiver: try waiver.map { try writer.id($0.name) }, waiverExpires: try waiver.map { try writer.id($0.expires) })
            if PackedResults.fits(row) {
                PackedResults.append(row, to: &packed)
            } else {
                try writer.insert(row, run: run)
            }
            if row.status.isFinding && (seen.map { generatedAt < $0 } ?? true) {
                try writer.firstSeen(row.key, at: generatedAt)
            }
        }
        if !packed.isEmpty { try writer.insertPacked(packed, run: run) }
    }

    /// The earliest `generatedAt` at which each fingerprint was a finding (fail or waived), over all runs kept.
    public func firstSeen() throws -> [String: String] {
        Dictionary(uniqueKeysWithValues: try read(Self.firstSeen).map { ($0.key.string, $0.value) })
    }

    /// Keyed by the stored bytes, so that no result makes its hex text to be looked up. The times are the runs'
    /// few `generatedAt` texts: each is kept once, not once per fingerprint.
    static func firstSeen(_ db: Database) throws -> [StoredFingerprint: String] {
        var firstSeen: [StoredFingerprint: String] = [:]
        var times: [String: String] = [:]
        let rows = try db.makeStatement(sql: "SELECT fingerprint, generatedAt FROM first_seen")
        try forEachRow(of: rows, db) { statement in
            var time = String(cString: sqlite3_column_text(statement, 1))
            if let kept = times[time] { time = kept } else { times[time] = time }
            firstSeen[StoredFingerprint(column: 0, of: statement)] = time
        }
        return firstSeen
    }

    /// After runs are deleted: first-seen times over the runs kept, and no strings only deleted results named.
    static func forgetDeletedRuns(_ db: Database) throws {
        try db.execute(
            sql: """
                DELETE FROM first_seen;
                INSERT INTO first_seen (fingerprint, generatedAt)
                  SELECT r.fingerprint, MIN(u.generatedAt) FROM results r JOIN runs u ON u.id = r.run
                  WHERE r.status IN \(ResultStatus.storedFindingCodes) GROUP BY r.fingerprint;
                """)
        var used = Set(
            try Int64.fetchAll(
                db,
                sql: """
                    SELECT control FROM results UNION SELECT entityKind FROM results UNION SELECT entityName FROM results
                    UNION SELECT field FROM results UNION SELECT file FROM results
                    UNION SELECT message FROM results WHERE message IS NOT NULL
                    UNION SELECT waiver FROM results WHERE waiver IS NOT NULL
                    UNION SELECT waiverExpires FROM results WHERE waiverExpires IS NOT NULL
                    """))
        let packed = try Data.fetchCursor(db, sql: "SELECT results FROM packed_results")
        while let data = try packed.next() { for entry in PackedResults.entries(data) { used.formUnion(entry.ids) } }
        let delete = try db.makeStatement(sql: "DELETE FROM strings WHERE id = ?")
        for id in try Int64.fetchAll(db, sql: "SELECT id FROM strings") where !used.contains(id) {
            try delete.execute(arguments: [id])
        }
    }

    static func strings(_ db: Database) throws -> [Int64: String] {
        var texts: [Int64: String] = [:]
        let rows = try Row.fetchCursor(db, sql: "SELECT id, text FROM strings")
        while let row = try rows.next() { texts[row[0]] = row[1] }
        return texts
    }

    /// Runs, newest first.
    public func runs(limit: Int? = nil) throws -> [Run] { try read { try Self.runs($0, limit: limit) } }

    public func run(_ id: Int64) throws -> Run? { try read { try Self.runs($0, limit: nil, id: id).first } }

    /// A run's results, by fingerprint. `message` is empty where it was not kept (see `record`).
    public func results(of run: Int64) throws -> [StoredResult] {
        try read { db in
            let rows = try Row.fetchCursor(
                db,
                sql: """
                    SELECT r.fingerprint, r.status, r.severity, c.text, k.text, n.text, f.text, p.text, r.line, m.text,
                      w.text, e.text
                    FROM results r JOIN strings c ON c.id = r.control JOIN strings k ON k.id = r.entityKind
                      JOIN strings n ON n.id = r.entityName JOIN strings f ON f.id = r.field JOIN strings p ON p.id = r.file
                      LEFT JOIN strings m ON m.id = r.message LEFT JOIN strings w ON w.id = r.waiver
                      LEFT JOIN strings e ON e.id = r.waiverExpires
                    WHERE r.run = ?
                    """, arguments: [run])
            var results: [StoredResult] = []
            if let packed = try Data.fetchOne(db, sql: "SELECT results FROM packed_results WHERE run = ?", arguments: [run]) {
                let texts = try Self.strings(db)
                for entry in PackedResults.entries(packed) {
                    let text = entry.ids.map { texts[$0] ?? "" }
                    results.append(
                        StoredResult(
                            fingerprint: entry.key.string, control: text[0], status: entry.status, severity: entry.severity,
                            entity: EntityRef(kind: EntityKind(text[1]), name: text[2]), file: text[4], line: entry.line,
                            field: text[3], message: "", waiver: nil, waiverExpires: nil))
                }
            }
            while let row = try rows.next() {
                results.append(
                    StoredResult(
                        fingerprint: StoredFingerprint.string(row[0]), control: row[3],
                        status: ResultStatus(storedCode: row[1]), severity: Severity(storedCode: row[2]),
                        entity: EntityRef(kind: EntityKind(row[4] as String), name: row[5]), file: row[7], line: row[8],
                        field: row[6], message: row[9] ?? "", waiver: row[10], waiverExpires: row[11]))
            }
            return results.sorted { $0.fingerprint < $1.fingerprint }
        }
    }

    /// Deletes all but the newest `keep` runs; returns how many were deleted.
    public func prune(keep: Int) throws -> Int {
        try write { db in
            try db.execute(
                sql: "DELETE FROM runs WHERE id NOT IN (SELECT id FROM runs ORDER BY id DESC LIMIT ?)", arguments: [max(keep, 0)])
            let deleted = db.changesCount
            try Self.forgetDeletedRuns(db)
            return deleted
        }
    }

    /// Deletes runs generated before `cutoff` (an ISO 8601 UTC timestamp); returns how many were deleted.
    public func prune(generatedBefore cutoff: String) throws -> Int {
        try write { db in
            try db.execute(sql: "DELETE FROM runs WHERE generatedAt < ?", arguments: [cutoff])
            let deleted = db.changesCount
            try Self.forgetDeletedRuns(db)
            return deleted
        }
    }

    static func runs(_ db: Database, limit: Int?, id: Int64? = nil) throws -> [Run] {
        var sql = "SELECT * FROM runs"
        var arguments: StatementArguments = []
        if let id {
            sql += " WHERE id = ?"
            arguments += [id]
        }
        sql += " ORDER BY id DESC"
        if let limit { sql += " LIMIT \(limit)" }
        return try Row.fetchAll(db, sql: sql, arguments: arguments).map { row in
            let summary = try? JSONDecoder().decode(ResultDocument.Summary.self, from: Data((row["summary"] as String).utf8))
            let paths = (try? JSONDecoder().decode([String].self, from: Data((row["paths"] as String).utf8))) ?? []
            return Run(
                id: row["id"], generatedAt: row["generatedAt"], toolVersion: row["toolVersion"],
                catalogVersion: row["catalogVersion"], inputDigest: row["inputDigest"], runDigest: row["runDigest"],
                fail: row["fail"], pass: row["pass"], indeterminate: row["indeterminate"], waived: row["waived"],
                notApplicable: row["notApplicable"], bySeverity: summary?.bySeverity ?? [:], paths: paths)
        }
    }

    static func failingFingerprints(_ db: Database, run: Int64) throws -> Set<StoredFingerprint> {
        var fingerprints = Set<StoredFingerprint>()
        let rows = try db.makeStatement(
            sql: "SELECT fingerprint FROM results WHERE run = ? AND status IN \(ResultStatus.storedFindingCodes)")
        sqlite3_bind_int64(rows.sqliteStatement, 1, run)
        try forEachRow(of: rows, db) { fingerprints.insert(StoredFingerprint(column: 0, of: $0)) }
        return fingerprints
    }

    /// Steps through a query's rows, reading columns straight from SQLite.
    private static func forEachRow(of query: Statement, _ db: Database, _ body: (SQLiteStatement) -> Void) throws {
        let statement = query.sqliteStatement
        while true {
            switch sqlite3_step(statement) {
            case SQLITE_ROW: body(statement)
            case SQLITE_DONE: return
            case let code:
                throw DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(db.sqliteConnection)))
            }
        }
    }

    static func json(_ value: some Encodable) throws -> String {
        try FastJSON.compactString(value)
    }
}

extension HistoryStore.Run {
    var trendPoint: HistoryInfo.Point {
        .init(
            run: id, generatedAt: generatedAt, fail: fail, pass: pass, indeterminate: indeterminate, waived: waived,
            notApplicable: notApplicable, bySeverity: bySeverity)
    }
}

extension ResultStatus {
    /// A finding: failing, or failing with the risk accepted.
    public var isFinding: Bool { self == .fail || self == .waived }
}
