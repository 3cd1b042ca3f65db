/// One `report.csv` cell as bytes, as `CSVReportRenderer.appendCell` writes it: a leading `'` on a cell a
/// spreadsheet would read as a formula, then RFC 4180 quoting (section 2, rules 6 and 7) when it holds a comma,
/// quote or line break.
enum CSVCell {
    static func append(_ cell: String, into out: inout [UInt8]) {
        let done: Void? = cell.utf8.withContiguousStorageIfAvailable { append($0, into: &out) }
        if done == nil { Array(cell.utf8).withUnsafeBufferPointer { append($0, into: &out) } }
    }

    static func append(_ bytes: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) {
        let formula = bytes.first.map(startsFormula) ?? false
        guard needsQuotes(bytes) else {
            if formula { out.append(0x27) }
            out.append(contentsOf: bytes)
            return
        }
        out.append(0x22)
        if formula { out.append(0x27) }
        var start = 0
        for index in 0..<bytes.count where bytes[index] == 0x22 {
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start...index]))
            out.append(0x22)
            start = index + 1
        }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start...]))
        out.append(0x22)
    }

    /// A decimal integer; a negative one starts with `-`, so it is neutralised like any formula.
    static func integer(_ value: Int, into out: inout [UInt8]) {
        if value < 0 { out.append(0x27) }
        ByteWords.appendDecimal(value, into: &out)
    }

    /// `true`, `false`, or nothing where the run did not know.
    static func flag(_ value: Bool?, into out: inout [UInt8]) {
        guard let value else { return }
        out.append(contentsOf: (value ? "true" : "false").utf8)
    }

    /// `=`, `+`, `-`, `@`, tab, CR.
    private static func startsFormula(_ byte: UInt8) -> Bool {
        byte == 0x3D || byte == 0x2B || byte == 0x2D || byte == 0x40 || byte == 0x09 || byte == 0x0D
    }

    /// Whether a comma, quote, LF or CR occurs, eight bytes at a time (`ByteWords`).
    private static func needsQuotes(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        ByteWords.any(bytes, word: {
            ByteWords.matches(0x2C, $0) | ByteWords.matches(0x22, $0) | ByteWords.matches(0x0A, $0)
                | ByteWords.matches(0x0D, $0)
        }) { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }
    }
}
