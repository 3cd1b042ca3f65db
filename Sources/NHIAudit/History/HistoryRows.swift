import Foundation
import GRDB
import GRDBSQLite

/// One result as the history keeps it (schema v2). Text values are interned in the `strings` table; a row holds
/// their ids. `message` is nil when not kept (see `HistoryStore.record`).
struct HistoryRow {
    var fingerprint: String
    var status: ResultStatus
    var severity: Severity
    var control: String
    var entityKind: String
    var entityName: String
    var field: String
    var file: String
    var line: Int
    var message: String?
    var waiver: String?
    var waiverExpires: String?
}

/// `Fingerprint.of` makes 20 lowercase hex digits; the history keeps them as their 10 bytes (a BLOB). Any other
/// fingerprint is kept as TEXT, so nothing is lost. Byte order equals hex text order.
enum HistoryFingerprint {
    static func bytes(_ fingerprint: String) -> [UInt8]? {
        let utf8 = fingerprint.utf8
        guard utf8.count == 20 else { return nil }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(10)
        var high: UInt8 = 0
        for (index, character) in utf8.enumerated() {
            let nibble: UInt8
            switch character {
            case 0x30...0x39: nibble = character - 0x30
            case 0x61...0x66: nibble = character - 0x61 + 10
            default: return nil
            }
            if index % 2 == 0 { high = nibble << 4 } else { bytes.append(high | nibble) }
        }
        return bytes
    }

    static func string(_ value: DatabaseValue) -> String {
        switch value.storage {
        case .blob(let data): Hex.string(data)
        case .string(let text): text
        default: ""
        }
    }

    /// The order SQLite keeps stored fingerprints in: TEXT before BLOB, BLOBs bytewise. Inserting a run's rows
    /// in this order appends to the `(run, fingerprint)` b-tree instead of splitting pages all over it.
    static func storageOrder(_ lhs: [UInt8]?, _ lhsText: String, _ rhs: [UInt8]?, _ rhsText: String) -> Bool {
        switch (lhs, rhs) {
        case (nil, nil): lhsText < rhsText
        case (nil, _): true
        case (_, nil): false
        case let (.some(left), .some(right)): left.lexicographicallyPrecedes(right)
        }
    }
}

/// Stable integer codes for the `status` and `severity` columns. Never renumber: stored rows use them.
extension ResultStatus {
    var storedCode: Int64 {
        switch self {
        case .pass: 0
        case .fail: 1
        case .indeterminate: 2
        case .notApplicable: 3
        case .waived: 4
        }
    }

    init(storedCode: Int64) {
        self = ResultStatus.allCases.first { $0.storedCode == storedCode } ?? .indeterminate
    }

    /// The codes of `isFinding` statuses, for SQL.
    static let storedFindingCodes = "(1, 4)"
}

extension Severity {
    init(storedCode: Int64) { self = Severity.allCases.first { Int64($0.rank) == storedCode } ?? .info }
}

/// Writes result rows with prepared statements and values bound straight to SQLite: a scan records hundreds of
/// thousands of rows, and boxing each row's values into `StatementArguments` cost more than SQLite's own work.
/// Valid only inside the write transaction it was made in (the interned strings are read once, under its lock).
struct HistoryRowWriter {
    private let db: Database
    private let insertRow: Statement
    private let insertString: Statement
    private let upsertFirstSeen: Statement
    private var strings: [String: Int64] = [:]
    /// SQLite copies the bound value (`SQLITE_TRANSIENT`).
    private static let transient = unsafeBitCast(OpaquePointer(bitPattern: -1), to: sqlite3_destructor_type.self)

    init(_ db: Database) throws {
        self.db = db
        insertRow = try db.makeStatement(
            sql: """
                INSERT OR IGNORE INTO results (run, fingerprint, status, severity, control, entityKind, entityName, field,
                  file, line, message, waiver, waiverExpires) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
        insertString = try db.makeStatement(sql: "INSERT INTO strings (text) VALUES (?)")
        upsertFirstSeen = try db.makeStatement(
            sql: """
                INSERT INTO first_seen (fingerprint, generatedAt) VALUES (?, ?)
                ON CONFLICT (fingerprint) DO UPDATE SET generatedAt = min(generatedAt, excluded.generatedAt)
                """)
        let cursor = try Row.fetchCursor(db, sql: "SELECT id, text FROM strings")
        while let row = try cursor.next() { strings[row[1]] = row[0] }
    }

    mutating func insert(_ row: HistoryRow, bytes: [UInt8]?, run: Int64) throws {
        let ids = (
            control: try id(row.control), kind: try id(row.entityKind), name: try id(row.entityName),
            field: try id(row.field), file: try id(row.file), message: try id(row.message),
            waiver: try id(row.waiver), expires: try id(row.waiverExpires)
        )
        let statement = insertRow.sqliteStatement
        sqlite3_reset(statement)
        sqlite3_bind_int64(statement, 1, run)
        bind(fingerprint: row.fingerprint, bytes: bytes, to: statement, at: 2)
        sqlite3_bind_int64(statement, 3, row.status.storedCode)
        sqlite3_bind_int64(statement, 4, Int64(row.severity.rank))
        sqlite3_bind_int64(statement, 5, ids.control)
        sqlite3_bind_int64(statement, 6, ids.kind)
        sqlite3_bind_int64(statement, 7, ids.name)
        sqlite3_bind_int64(statement, 8, ids.field)
        sqlite3_bind_int64(statement, 9, ids.file)
        sqlite3_bind_int64(statement, 10, Int64(row.line))
        for (index, value) in [(11, ids.message), (12, ids.waiver), (13, ids.expires)] {
            if let value { sqlite3_bind_int64(statement, Int32(index), value) } else { sqlite3_bind_null(statement, Int32(index)) }
        }
        try step(statement)
    }

    /// Records that `fingerprint` was a finding at `generatedAt`, keeping the earliest time.
    func firstSeen(_ fingerprint: String, bytes: [UInt8]?, at generatedAt: String) throws {
        let statement = upsertFirstSeen.sqliteStatement
        sqlite3_reset(statement)
        bind(fingerprint: fingerprint, bytes: bytes, to: statement, at: 1)
        sqlite3_bind_text(statement, 2, generatedAt, -1, Self.transient)
        try step(statement)
    }

    private mutating func id(_ text: String) throws -> Int64 {
        if let id = strings[text] { return id }
        let statement = insertString.sqliteStatement
        sqlite3_reset(statement)
        sqlite3_bind_text(statement, 1, text, -1, Self.transient)
        try step(statement)
        let id = db.lastInsertedRowID
        strings[text] = id
        return id
    }

    private mutating func id(_ text: String?) throws -> Int64? {
        guard let text else { return nil }
        return try id(text)
    }

    private func bind(fingerprint: String, bytes: [UInt8]?, to statement: SQLiteStatement, at index: Int32) {
        if let bytes {
            bytes.withUnsafeBytes { _ = sqlite3_bind_blob(statement, index, $0.baseAddress, Int32($0.count), Self.transient) }
        } else {
            sqlite3_bind_text(statement, index, fingerprint, -1, Self.transient)
        }
    }

    private func step(_ statement: SQLiteStatement) throws {
        let code = sqlite3_step(statement)
        guard code == SQLITE_DONE else {
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(db.sqliteConnection)))
        }
    }
}
