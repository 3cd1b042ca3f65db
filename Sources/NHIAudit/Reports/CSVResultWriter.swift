/// Writes report.csv's result rows straight into the output: the bytes `CSVReportRenderer.appendRow` writes for
/// the same cells (a test holds the two equal), without an array of strings per row. A control's title and
/// framework cells, the same in all its results, are made once.
struct CSVResultWriter {
    private let frameworks: [String]
    private var controls: [String: (title: String, frameworks: [String: [String]], head: [UInt8], mappings: [UInt8])] =
        [:]
    private var entityName = EscapedRun(CSVCell.append)
    private var file = EscapedRun(CSVCell.append)
    /// A cell made of several parts (the evidence), quoted as a whole.
    private var scratch: [UInt8] = []

    init(frameworks: [String]) { self.frameworks = frameworks }

    /// One row, the columns of `CSVReportRenderer`'s header in order, ended by CRLF.
    mutating func write(_ results: [ResultDocument.Result], _ index: Int, into out: inout [UInt8]) {
        let result = results[index]
        if !result.storedID.appendHexDigits(into: &out) { CSVCell.append(result.id, into: &out) }
        out.append(0x2C)
        let control = controlCells(result)
        out.append(contentsOf: control.head)
        out.append(0x2C)
        CSVCell.append(result.status.rawValue, into: &out)
        out.append(0x2C)
        CSVCell.append(result.severity.rawValue, into: &out)
        out.append(0x2C)
        CSVCell.append(result.entity.kind.rawValue, into: &out)
        out.append(0x2C)
        entityName.append(result.entity.name, into: &out)
        out.append(0x2C)
        let location = result.location
        file.append(location.file, into: &out)
        out.append(0x2C)
        CSVCell.integer(location.line, into: &out)
        out.append(0x2C)
        CSVCell.integer(location.column, into: &out)
        out.append(0x2C)
        CSVCell.append(location.field, into: &out)
        out.append(0x2C)
        CSVCell.append(result.message, into: &out)
        out.append(0x2C)
        evidence(result.evidence, into: &out)
        out.append(0x2C)
        CSVCell.append(result.policy ?? "", into: &out)
        out.append(0x2C)
        let waiver = result.waiver
        CSVCell.append(waiver?.ticket ?? "", into: &out)
        out.append(0x2C)
        CSVCell.append(waiver?.expires ?? "", into: &out)
        out.append(0x2C)
        CSVCell.flag(waiver?.expired, into: &out)
        out.append(0x2C)
        CSVCell.append(result.firstSeen ?? "", into: &out)
        out.append(0x2C)
        CSVCell.flag(result.isNew, into: &out)
        out.append(0x2C)
        CSVCell.flag(result.inBaseline, into: &out)
        out.append(contentsOf: control.mappings)
        out.append(0x0D)
        out.append(0x0A)
    }

    /// `control,title`, and `,mapping` for each framework column.
    private mutating func controlCells(_ result: ResultDocument.Result) -> (head: [UInt8], mappings: [UInt8]) {
        let title = result.title
        let mappings = result.frameworks
        if let cached = controls[result.control], cached.title == title, cached.frameworks == mappings {
            return (cached.head, cached.mappings)
        }
        var head: [UInt8] = []
        CSVCell.append(result.control, into: &head)
        head.append(0x2C)
        CSVCell.append(title, into: &head)
        var cells: [UInt8] = []
        for framework in frameworks {
            cells.append(0x2C)
            CSVCell.append((mappings[framework] ?? []).joined(separator: " "), into: &cells)
        }
        if controls[result.control] == nil { controls[result.control] = (title, mappings, head, cells) }
        return (head, cells)
    }

    /// `file:line:column field[ = value][ (note)]` per item, joined by `; `, as one cell.
    private mutating func evidence(_ items: [Evidence], into out: inout [UInt8]) {
        scratch.removeAll(keepingCapacity: true)
        for index in items.indices {
            if index > 0 { scratch.append(contentsOf: "; ".utf8) }
            scratch.append(contentsOf: items[index].file.utf8)
            scratch.append(0x3A)
            ByteWords.appendDecimal(items[index].line, into: &scratch)
            scratch.append(0x3A)
            ByteWords.appendDecimal(items[index].column, into: &scratch)
            scratch.append(0x20)
            scratch.append(contentsOf: items[index].field.utf8)
            if let value = items[index].value {
                scratch.append(contentsOf: " = ".utf8)
                scratch.append(contentsOf: value.utf8)
            }
            if let note = items[index].note {
                scratch.append(contentsOf: " (".utf8)
                scratch.append(contentsOf: note.utf8)
                scratch.append(0x29)
            }
        }
        scratch.withUnsafeBufferPointer { CSVCell.append($0, into: &out) }
    }
}
