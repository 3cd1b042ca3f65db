/// A run's results reduced to what their rows store, read once in the document's order and then visited in the
/// order the rows are written (see `HistoryStore.insertResults`). In the document's order the records are read
/// front to back instead of jumping through the heap once per result, and the strings results share (file,
/// entity, field, control) are met while they are still in cache.
struct RunRows {
    /// One result, 40 bytes: the fingerprint, the fields a row stores, and the texts as the writer's ordinals.
    struct Row {
        var high: UInt64
        var low: UInt16
        var status: ResultStatus
        var severity: Severity
        var line: Int32
        /// Position in the document: the message (for the few rows that keep it) is read from the record.
        var index: UInt32
        var control: UInt32
        var entityKind: UInt32
        var entityName: UInt32
        var field: UInt32
        var file: UInt32

        func precedes(_ other: Row) -> Bool { (high, low, index) < (other.high, other.low, other.index) }
    }

    /// Results with a hex fingerprint, by fingerprint bytes then document position.
    private var hex: [Row] = []
    /// The few with any other fingerprint: stored as TEXT, which SQLite orders before every BLOB.
    private var text: [(key: StoredFingerprint, text: String, row: Row)] = []
    /// Waiver name and expiry ordinals by document position: few results have a waiver.
    private(set) var waivers: [UInt32: (name: UInt32, expires: UInt32)] = [:]

    init(_ document: ResultDocument, numberingWith writer: inout HistoryRowWriter) {
        hex.reserveCapacity(document.results.count)
        for index in document.results.indices {
            let key = document.results[index].storedID
            let entity = document.results[index].entity
            let location = document.results[index].location
            let row = Row(
                high: key.high, low: key.low, status: document.results[index].status,
                severity: document.results[index].severity, line: Int32(truncatingIfNeeded: location.line),
                index: UInt32(index), control: writer.ordinal(document.results[index].control),
                entityKind: writer.ordinal(entity.kind.rawValue),
                entityName: writer.ordinal(entity.name), field: writer.ordinal(location.field),
                file: writer.ordinal(location.file))
            if let waiver = document.results[index].waiver {
                let name = writer.ordinal(waiver.name)
                let expires = writer.ordinal(waiver.expires)
                waivers[row.index] = (name, expires)
            }
            if let text = key.text { self.text.append((key, text, row)) } else { hex.append(row) }
        }
        hex.withUnsafeMutableBufferPointer { Self.sort($0) }
        text.sort { ($0.text, $0.row.index) < ($1.text, $1.row.index) }
    }

    /// By fingerprint, then document position. In place: the standard library's stable sort would allocate half
    /// the rows again (4 MB at 222,000 results), and positions make every key unique, so no order among equal
    /// keys is left to keep. Quicksort with a median-of-three pivot (fingerprints are hashes: no adversarial
    /// order), looping on the larger part so the recursion stays logarithmic.
    static func sort(_ rows: UnsafeMutableBufferPointer<Row>) {
        var low = 0
        var high = rows.count - 1
        while high - low > 16 {
            let middle = low + (high - low) / 2
            if rows[middle].precedes(rows[low]) { rows.swapAt(middle, low) }
            if rows[high].precedes(rows[low]) { rows.swapAt(high, low) }
            if rows[high].precedes(rows[middle]) { rows.swapAt(high, middle) }
            let pivot = rows[middle]
            var left = low
            var right = high
            while left <= right {
                while rows[left].precedes(pivot) { left += 1 }
                while pivot.precedes(rows[right]) { right -= 1 }
                if left <= right {
                    rows.swapAt(left, right)
                    left += 1
                    right -= 1
                }
            }
            if right - low < high - left {
                sort(UnsafeMutableBufferPointer(rebasing: rows[low..<right + 1]))
                low = left
            } else {
                sort(UnsafeMutableBufferPointer(rebasing: rows[left..<high + 1]))
                high = right
            }
        }
        guard high > low else { return }
        for next in low + 1...high {  // insertion sort for the short rest
            let row = rows[next]
            var position = next
            while position > low && row.precedes(rows[position - 1]) {
                rows[position] = rows[position - 1]
                position -= 1
            }
            rows[position] = row
        }
    }

    /// Every result in the order SQLite keeps fingerprints (TEXT before BLOB, BLOBs bytewise), the document's
    /// among equal ones.
    func forEachInStoredOrder(_ body: (StoredFingerprint, Row) throws -> Void) rethrows {
        for entry in text { try body(entry.key, entry.row) }
        for row in hex { try body(StoredFingerprint(high: row.high, low: row.low), row) }
    }
}
