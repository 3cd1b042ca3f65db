import Foundation
import GRDB
import GRDBSQLite

/// One result as the history keeps it (schema v2): texts as ids into the `strings` table. `message` is nil when
/// not kept (see `HistoryStore.record`). Made by `HistoryRowWriter.row`.
struct HistoryRow {
    var key: StoredFingerprint
    var status: ResultStatus
    var severity: Severity
    var control: Int64
    var entityKind: Int64
    var entityName: Int64
    var field: Int64
    var file: Int64
    var line: Int
    var message: Int64?
    var waiver: Int64?
    var waiverExpires: Int64?
}

/// `Fingerprint.of` makes 20 lowercase hex digits; the history keeps them as their 10 bytes (a BLOB), held here
/// as two integers so sorting a run's rows compares integers. Any other fingerprint is kept as TEXT, so nothing
/// is lost. Byte order equals hex text order.
struct StoredFingerprint: Hashable, Sendable {
    var high: UInt64 = 0
    var low: UInt16 = 0
    /// Set when the fingerprint is not 20 lowercase hex digits.
    var text: String? {
        get { textBox?.text }
        set { textBox = newValue.map(TextBox.init) }
    }
    /// Boxed: almost no fingerprint has a text, and every result holds one fingerprint (24 bytes, not 32).
    private var textBox: TextBox?

    private final class TextBox: Sendable {
        let text: String
        init(_ text: String) { self.text = text }
    }

    static func == (lhs: StoredFingerprint, rhs: StoredFingerprint) -> Bool {
        lhs.high == rhs.high && lhs.low == rhs.low && lhs.text == rhs.text
    }

    func hash(into hasher: inout Hasher) {
        hasher.combine(high)
        hasher.combine(low)
        hasher.combine(text)
    }

    init(high: UInt64, low: UInt16) {
        self.high = high
        self.low = low
    }

    init(_ fingerprint: String) {
        var count = 0
        for character in fingerprint.utf8 {
            let nibble: UInt64
            switch character {
            case 0x30...0x39: nibble = UInt64(character - 0x30)
            case 0x61...0x66: nibble = UInt64(character - 0x61 + 10)
            default: text = fingerprint; return
            }
            if count < 16 { high = high << 4 | nibble } else if count < 20 { low = low << 4 | UInt16(nibble) }
            count += 1
        }
        if count != 20 { text = fingerprint }
    }

    var string: String {
        if let text { return text }
        var bytes = (high.bigEndian, low.bigEndian)
        return withUnsafeBytes(of: &bytes) { Hex.string($0.prefix(10)) }
    }

    /// A stored fingerprint as read back: the BLOB's 10 bytes, or the TEXT of any other fingerprint.
    init(_ value: DatabaseValue) {
        switch value.storage {
        case .blob(let data) where data.count == 10:
            var high: UInt64 = 0
            var low: UInt16 = 0
            for (position, byte) in data.enumerated() {
                if position < 8 { high = high << 8 | UInt64(byte) } else { low = low << 8 | UInt16(byte) }
            }
            self.init(high: high, low: low)
        default:
            self.init(Self.string(value))
        }
    }

    /// Column `index` of `statement`'s current row, read as `init(_: DatabaseValue)` reads it but without boxing
    /// the value: the previous run's findings and the first-seen table are read this way before every scan's
    /// reports can start.
    init(column index: Int32, of statement: SQLiteStatement) {
        switch sqlite3_column_type(statement, index) {
        case SQLITE_BLOB:
            let bytes = UnsafeRawBufferPointer(
                start: sqlite3_column_blob(statement, index), count: Int(sqlite3_column_bytes(statement, index)))
            guard bytes.count == 10 else {
                self.init(Hex.string(bytes))
                return
            }
            self.init(
                high: bytes.prefix(8).reduce(0) { $0 << 8 | UInt64($1) }, low: bytes.suffix(2).reduce(0) { $0 << 8 | UInt16($1) })
        case SQLITE_TEXT: self.init(String(cString: sqlite3_column_text(statement, index)))
        default: self.init("")
        }
    }

    static func string(_ value: DatabaseValue) -> String {
        switch value.storage {
        case .blob(let data): Hex.string(data)
        case .string(let text): text
        default: ""
        }
    }

    func bind(to statement: SQLiteStatement, at index: Int32) {
        if let text {
            sqlite3_bind_text(statement, index, text, -1, HistoryRowWriter.transient)
        } else {
            var bytes = (high.bigEndian, low.bigEndian)
            withUnsafeBytes(of: &bytes) { _ = sqlite3_bind_blob(statement, index, $0.baseAddress, 10, HistoryRowWriter.transient) }
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
///
/// Texts are interned in two steps: `ordinal` numbers a text (hashing it), `id` gives its `strings` row,
/// inserting the text the first time its id is asked for. So texts can be numbered in any order (the document's,
/// where neighbours share their strings) while their rows, and so their ids, follow the order rows are written.
struct HistoryRowWriter {
    private let db: Database
    private let insertRow: Statement
    private let insertString: Statement
    private let upsertFirstSeen: Statement
    private var ordinals: [String: UInt32] = [:]
    /// By ordinal: the `strings` id, or `unstored` for a text not inserted yet (kept in `unstoredTexts`).
    private var ids: [Int64] = []
    private var unstoredTexts: [UInt32: String] = [:]
    /// Texts numbered lately, by a hash of their `String` value's two words (for a short text its bytes, else its
    /// length and storage address): results share the storage of their file, entity, field and control texts,
    /// and `==` on one storage compares addresses, where `ordinals` would hash the whole text. A hit is checked
    /// with `==`, so a slot only ever saves work.
    private var recent: [(text: String, ordinal: UInt32)?] = Array(repeating: nil, count: 1024)
    /// SQLite gives `INTEGER PRIMARY KEY` rows positive ids.
    private static let unstored: Int64 = 0
    /// SQLite copies the bound value (`SQLITE_TRANSIENT`).
    static let transient = unsafeBitCast(OpaquePointer(bitPattern: -1), to: sqlite3_destructor_type.self)

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
        while let row = try cursor.next() {
            ordinals[row[1]] = UInt32(ids.count)  // a repeated text keeps its last id
            ids.append(row[0])
        }
    }

    /// Interns the texts of one result.
    mutating func row(
        key: StoredFingerprint, status: ResultStatus, severity: Severity, control: String, entityKind: String,
        entityName: String, field: String, file: String, line: Int, message: String?, waiver: String?,
        waiverExpires: String?
    ) throws -> HistoryRow {
        HistoryRow(
            key: key, status: status, severity: severity,
            control: try id(ordinal(control)), entityKind: try id(ordinal(entityKind)),
            entityName: try id(ordinal(entityName)), field: try id(ordinal(field)),
            file: try id(ordinal(file)), line: line,
            message: try message.map { try id(ordinal($0)) },
            waiver: try waiver.map { try id(ordinal($0)) },
            waiverExpires: try waiverExpires.map { try id(ordinal($0)) })
    }

    func insert(_ row: HistoryRow, run: Int64) throws {
        let statement = insertRow.sqliteStatement
        sqlite3_reset(statement)
        sqlite3_bind_int64(statement, 1, run)
        row.key.bind(to: statement, at: 2)
        sqlite3_bind_int64(statement, 3, row.status.storedCode)
        sqlite3_bind_int64(statement, 4, Int64(row.severity.rank))
        sqlite3_bind_int64(statement, 5, row.control)
        sqlite3_bind_int64(statement, 6, row.entityKind)
        sqlite3_bind_int64(statement, 7, row.entityName)
        sqlite3_bind_int64(statement, 8, row.field)
        sqlite3_bind_int64(statement, 9, row.file)
        sqlite3_bind_int64(statement, 10, Int64(row.line))
        Self.bind(row.message, to: statement, at: 11)
        Self.bind(row.waiver, to: statement, at: 12)
        Self.bind(row.waiverExpires, to: statement, at: 13)
        try step(statement)
    }

    private static func bind(_ id: Int64?, to statement: SQLiteStatement, at index: Int32) {
        if let id { sqlite3_bind_int64(statement, index, id) } else { sqlite3_bind_null(statement, index) }
    }

    /// Records that a fingerprint was a finding at `generatedAt`, keeping the earliest time.
    func firstSeen(_ key: StoredFingerprint, at generatedAt: String) throws {
        let statement = upsertFirstSeen.sqliteStatement
        sqlite3_reset(statement)
        key.bind(to: statement, at: 1)
        sqlite3_bind_text(statement, 2, generatedAt, -1, Self.transient)
        try step(statement)
    }

    /// The run's packed results (see `PackedResults`), bound without a copy.
    func insertPacked(_ bytes: [UInt8], run: Int64) throws {
        let insert = try db.makeStatement(sql: "INSERT INTO packed_results (run, results) VALUES (?, ?)")
        let statement = insert.sqliteStatement
        sqlite3_bind_int64(statement, 1, run)
        try bytes.withUnsafeBytes { buffer in
            sqlite3_bind_blob64(statement, 2, buffer.baseAddress, sqlite3_uint64(buffer.count), nil)  // SQLITE_STATIC
            defer { sqlite3_clear_bindings(statement) }  // before the buffer goes
            try step(statement)
        }
    }

    /// Numbers a text without inserting it.
    mutating func ordinal(_ text: String) -> UInt32 {
        let words = unsafeBitCast(text, to: (UInt64, UInt64).self)
        let slot = Int(truncatingIfNeeded: ((words.0 ^ words.1) &* 0x9E37_79B9_7F4A_7C15) >> 54)
        if let recent = recent[slot], recent.text == text { return recent.ordinal }
        let ordinal = ordinals[text] ?? add(text)
        recent[slot] = (text, ordinal)
        return ordinal
    }

    /// The `strings` id of a numbered text, inserting the text the first time.
    mutating func id(_ ordinal: UInt32) throws -> Int64 {
        let id = ids[Int(ordinal)]
        return id == Self.unstored ? try insert(ordinal) : id
    }

    private mutating func add(_ text: String) -> UInt32 {
        let ordinal = UInt32(ids.count)
        ordinals[text] = ordinal
        ids.append(Self.unstored)
        unstoredTexts[ordinal] = text
        return ordinal
    }

    private mutating func insert(_ ordinal: UInt32) throws -> Int64 {
        let statement = insertString.sqliteStatement
        sqlite3_reset(statement)
        sqlite3_bind_text(statement, 1, unstoredTexts.removeValue(forKey: ordinal), -1, Self.transient)
        try step(statement)
        let id = db.lastInsertedRowID
        ids[Int(ordinal)] = id
        return id
    }

    private func step(_ statement: SQLiteStatement) throws {
        let code = sqlite3_step(statement)
        guard code == SQLITE_DONE else {
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(db.sqliteConnection)))
        }
    }
}

/// Passing and not-applicable results that keep no message, packed into one BLOB per run (`packed_results`): a
/// scan has ~160k of them, and a b-tree row each cost more than the rest of recording. Per result: the 10
/// fingerprint bytes, then status, severity, control, entity kind, entity name, field, file and line as unsigned
/// LEB128 varints (ids into `strings`).
enum PackedResults {
    struct Entry {
        var key: StoredFingerprint
        var status: ResultStatus
        var severity: Severity
        var ids: [Int64]
        var line: Int
    }

    static func fits(_ row: HistoryRow) -> Bool {
        row.message == nil && row.waiver == nil && row.waiverExpires == nil && row.key.text == nil
    }

    static func append(_ row: HistoryRow, to bytes: inout [UInt8]) {
        withUnsafeBytes(of: row.key.high.bigEndian) { bytes.append(contentsOf: $0) }
        withUnsafeBytes(of: row.key.low.bigEndian) { bytes.append(contentsOf: $0) }
        for value in [row.status.storedCode, Int64(row.severity.rank), row.control, row.entityKind, row.entityName, row.field, row.file, Int64(row.line)] {
            var rest = UInt64(bitPattern: value)
            while rest >= 0x80 {
                bytes.append(UInt8(rest & 0x7F) | 0x80)
                rest >>= 7
            }
            bytes.append(UInt8(rest))
        }
    }

    /// The entries of one run's BLOB; stops at the first malformed entry.
    static func entries(_ data: Data) -> [Entry] {
        let bytes = [UInt8](data)
        var entries: [Entry] = []
        var offset = 0
        func varint() -> Int64? {
            var value: UInt64 = 0
            var shift: UInt64 = 0
            while offset < bytes.count, shift < 64 {
                let byte = bytes[offset]
                offset += 1
                value |= UInt64(byte & 0x7F) << shift
                if byte < 0x80 { return Int64(bitPattern: value) }
                shift += 7
            }
            return nil
        }
        while offset + 10 <= bytes.count {
            let key = StoredFingerprint(
                high: bytes[offset..<offset + 8].reduce(0) { $0 << 8 | UInt64($1) },
                low: bytes[offset + 8..<offset + 10].reduce(0) { $0 << 8 | UInt16($1) })
            offset += 10
            var values: [Int64] = []
            for _ in 0..<8 {
                guard let value = varint() else { return entries }
                values.append(value)
            }
            entries.append(
                Entry(
                    key: key, status: ResultStatus(storedCode: values[0]), severity: Severity(storedCode: values[1]),
                    ids: Array(values[2..<7]), line: Int(values[7])))
        }
        return entries
    }
}
