import Foundation

/// `report.csv`: one row per result under a header row, RFC 4180 (CRLF line ends, fields with a comma, quote
/// or line break quoted, quotes doubled). A cell a spreadsheet would read as a formula (starting with `=`,
/// `+`, `-`, `@`, tab or CR; OWASP "CSV Injection") gets a leading `'` so it stays text.
public struct CSVReportRenderer: StreamingReportRenderer {
    public let format = "csv"
    public let fileName = "report.csv"

    /// Rows made as arrays of strings, as `CSVResultWriter` must write them: the reference for tests.
    private var rowsOfStrings = false

    public init() {}

    /// The whole report with every row made as an array of strings (the hand-written writer's reference).
    public static func renderWithStringRowsForTesting(_ document: ResultDocument, resources: ReportResources) throws
        -> Data
    {
        var renderer = CSVReportRenderer()
        renderer.rowsOfStrings = true
        return try renderer.render(document, resources: resources)
    }

    public func write(_ document: ResultDocument, resources: ReportResources, to output: ReportOutput) throws {
        let frameworks = XMLReportRenderer.frameworkOrder(Self.frameworkKeys(document.results))
        let header = [
            "id", "control", "title", "status", "severity", "entity_kind", "entity_name", "file", "line", "column",
            "field", "message", "evidence", "policy", "waiver_ticket", "waiver_expires", "waiver_expired", "first_seen",
            "is_new", "in_baseline",
        ] + frameworks
        Self.appendRow(header, into: &output.pending)
        let results = document.results, rowsOfStrings = rowsOfStrings
        try OrderedChunks.write(count: results.count, to: output) {
            var rows = CSVResultWriter(frameworks: frameworks)
            return { index, out in
                if rowsOfStrings {
                    Self.appendRow(Self.cells(results[index], frameworks: frameworks), into: &out)
                } else {
                    rows.write(results, index, into: &out)
                }
            }
        }
    }

    /// The catalog's frameworks and any other a result maps to. A control's results share one dictionary, which
    /// compares equal to itself without reading it: its keys are read once per control, not once per result.
    private static func frameworkKeys(_ results: [ResultDocument.Result]) -> Set<String> {
        var keys = Set(FrameworkCatalog.order)
        var byControl: [String: [String: [String]]] = [:]
        for index in results.indices {
            let result = results[index]
            let mappings = result.frameworks
            guard byControl[result.control] != mappings else { continue }
            keys.formUnion(mappings.keys)
            byControl[result.control] = mappings
        }
        return keys
    }

    private static func cells(_ result: ResultDocument.Result, frameworks: [String]) -> [String] {
        let evidence = result.evidence.map { item in
            "\(item.file):\(item.line):\(item.column) \(item.field)"
                + (item.value.map { " = \($0)" } ?? "") + (item.note.map { " (\($0))" } ?? "")
        }
        let cells: [String] = [
            result.id, result.control, result.title, result.status.rawValue, result.severity.rawValue,
            result.entity.kind.rawValue, result.entity.name, result.location.file,
            String(result.location.line), String(result.location.column), result.location.field,
            result.message, evidence.joined(separator: "; "), result.policy ?? "",
            result.waiver?.ticket ?? "", result.waiver?.expires ?? "",
            Self.flag(result.waiver?.expired), result.firstSeen ?? "", Self.flag(result.isNew),
            Self.flag(result.inBaseline),
        ]
        return cells + frameworks.map { (result.frameworks[$0] ?? []).joined(separator: " ") }
    }

    /// `true`, `false`, or empty where the run did not know (no waiver, no history, no baseline).
    static func flag(_ value: Bool?) -> String { value.map(String.init) ?? "" }

    static func appendRow(_ cells: [String], into out: inout [UInt8]) {
        for (index, cell) in cells.enumerated() {
            if index > 0 { out.append(UInt8(ascii: ",")) }
            appendCell(cell, into: &out)
        }
        out.append(contentsOf: [0x0D, 0x0A])
    }

    private static let formulaStarts = Array("=+-@\t\r".utf8)

    /// Neutralised first (a leading `'`), then quoted if the cell holds a comma, quote or line break.
    static func appendCell(_ cell: String, into out: inout [UInt8]) {
        var cell = cell
        cell.withUTF8 { bytes in
            let formula = bytes.first.map { formulaStarts.contains($0) } ?? false
            let quoted = bytes.contains { (byte: UInt8) -> Bool in
                byte == 0x2C || byte == 0x22 || byte == 0x0A || byte == 0x0D  // comma, quote, LF, CR
            }
            if quoted { out.append(0x22) }
            if formula { out.append(UInt8(ascii: "'")) }
            if quoted {
                for byte in bytes {
                    if byte == 0x22 { out.append(0x22) }
                    out.append(byte)
                }
                out.append(0x22)
            } else {
                out.append(contentsOf: bytes)
            }
        }
    }
}
