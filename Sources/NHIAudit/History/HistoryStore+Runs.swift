import Foundation
import GRDB

extension HistoryStore {
    /// Records a run and fills the document's history: `history` (previous run, trend) and, per finding,
    /// `firstSeen` and `isNew`. In one IMMEDIATE transaction, so concurrent scans serialize and a killed scan
    /// leaves either the whole run or none of it.
    public func record(_ document: inout ResultDocument, paths: [String]) throws {
        let snapshot = document
        let (info, previousFindings, firstSeen) = try write { db in
            let previous = try Self.runs(db, limit: 1).first
            let firstSeen = try Self.firstSeen(db)
            let previousFailing = try previous.map { try Self.failingFingerprints(db, run: $0.id) } ?? []
            let counts = snapshot.summary.byStatus
            try db.execute(
                sql: """
                    INSERT INTO runs (generatedAt, toolVersion, catalogVersion, inputDigest, runDigest, paths, inputs,
                      policies, summary, fail, pass, indeterminate, waived, notApplicable)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    snapshot.generatedAt, snapshot.tool.version, document.catalog.version, document.inputDigest,
                    snapshot.runDigest, try Self.json(paths), try Self.json(snapshot.inputs),
                    try Self.json(snapshot.policies), try Self.json(snapshot.summary),
                    counts[ResultStatus.fail.rawValue] ?? 0, counts[ResultStatus.pass.rawValue] ?? 0,
                    counts[ResultStatus.indeterminate.rawValue] ?? 0, counts[ResultStatus.waived.rawValue] ?? 0,
                    counts[ResultStatus.notApplicable.rawValue] ?? 0,
                ])
            let run = db.lastInsertedRowID
            let insert = try db.makeStatement(
                sql: """
                    INSERT OR IGNORE INTO results (run, fingerprint, control, status, severity, entityKind, entityName,
                      file, line, field, message, waiver, waiverExpires) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """)
            for result in snapshot.results {
                try insert.execute(arguments: [
                    run, result.id, result.control, result.status.rawValue, result.severity.rawValue,
                    result.entity.kind.rawValue, result.entity.name, result.location.file, result.location.line,
                    result.location.field, result.message, result.waiver?.name, result.waiver?.expires,
                ])
            }
            let failingNow = Set(snapshot.results.filter { $0.status.isFinding }.map(\.id))
            let trend = try Self.runs(db, limit: Self.trendLength).reversed().map(\.trendPoint)
            let info = HistoryInfo(
                run: run, previousRun: previous?.id, previousGeneratedAt: previous?.generatedAt, trend: trend,
                newFindings: previous == nil ? 0 : failingNow.subtracting(previousFailing).count,
                resolvedFindings: previousFailing.subtracting(failingNow).count)
            return (info, previous == nil ? nil : previousFailing, firstSeen)
        }
        document.history = info
        for index in document.results.indices where document.results[index].status.isFinding {
            let id = document.results[index].id
            document.results[index].firstSeen = firstSeen[id] ?? document.generatedAt
            document.results[index].isNew = previousFindings.map { !$0.contains(id) } ?? false
        }
    }

    /// The earliest `generatedAt` at which each fingerprint was a finding (fail or waived), over all runs kept.
    public func firstSeen() throws -> [String: String] { try read(Self.firstSeen) }

    static func firstSeen(_ db: Database) throws -> [String: String] {
        let rows = try Row.fetchAll(
            db,
            sql: """
                SELECT r.fingerprint AS fingerprint, MIN(u.generatedAt) AS first FROM results r
                JOIN runs u ON u.id = r.run WHERE r.status IN ('fail', 'waived') GROUP BY r.fingerprint
                """)
        return Dictionary(uniqueKeysWithValues: rows.map { ($0["fingerprint"] as String, $0["first"] as String) })
    }

    /// Runs, newest first.
    public func runs(limit: Int? = nil) throws -> [Run] { try read { try Self.runs($0, limit: limit) } }

    public func run(_ id: Int64) throws -> Run? { try read { try Self.runs($0, limit: nil, id: id).first } }

    public func results(of run: Int64) throws -> [StoredResult] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM results WHERE run = ? ORDER BY fingerprint", arguments: [run]).map { row in
                StoredResult(
                    fingerprint: row["fingerprint"], control: row["control"],
                    status: ResultStatus(rawValue: row["status"]) ?? .indeterminate,
                    severity: Severity(rawValue: row["severity"]) ?? .info,
                    entity: EntityRef(kind: EntityKind(row["entityKind"] as String), name: row["entityName"]),
                    file: row["file"], line: row["line"], field: row["field"], message: row["message"],
                    waiver: row["waiver"], waiverExpires: row["waiverExpires"])
            }
        }
    }

    /// Deletes all but the newest `keep` runs; returns how many were deleted.
    public func prune(keep: Int) throws -> Int {
        try write { db in
            try db.execute(
                sql: "DELETE FROM runs WHERE id NOT IN (SELECT id FROM runs ORDER BY id DESC LIMIT ?)", arguments: [max(keep, 0)])
            return db.changesCount
        }
    }

    /// Deletes runs generated before `cutoff` (an ISO 8601 UTC timestamp); returns how many were deleted.
    public func prune(generatedBefore cutoff: String) throws -> Int {
        try write { db in
            try db.execute(sql: "DELETE FROM runs WHERE generatedAt < ?", arguments: [cutoff])
            return db.changesCount
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

    static func failingFingerprints(_ db: Database, run: Int64) throws -> Set<String> {
        Set(try String.fetchAll(db, sql: "SELECT fingerprint FROM results WHERE run = ? AND status IN ('fail', 'waived')", arguments: [run]))
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
