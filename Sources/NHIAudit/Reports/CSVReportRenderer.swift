import Foundation

/// `report.csv`: one row per result under a header row, RFC 4180 (CRLF line ends, fields with a comma, quote
/// or line break quoted, quotes doubled). A cell a spreadsheet would read as a formula (starting with `=`,
/// `+`, `-`, `@`, tab or CR; OWASP "CSV Injection") gets a leading `'` so it stays text.
public struct CSVReportRenderer: ReportRenderer {
    public let format = "csv"
    public let fileName = "report.csv"

    public init() {}

    public func render(_ document: ResultDocument, resources: ReportResources) throws -> Data {
        let frameworks = XMLReportRenderer.frameworkOrder(
            Set(FrameworkCatalog.order).union(document.results.flatMap(\.frameworks.keys)))
        let header = [
            "id", "control", "title", "status", "severity", "entity_kind", "entity_name", "file", "line", "column",
            "field", "message", "evidence", "policy", "waiver_ticket", "waiver_expires", "waiver_expired", "first_seen",
            "is_new", "in_baseline",
        ] + frameworks
        var lines = [Self.row(header)]
        for result in document.results {
            let evidence = result.evidence.map { item in
                "\(item.file):\(item.line):\(item.column) \(item.field)"
                    + (item.value.map { " = \($0)" } ?? "") + (item.note.map { " (\($0))" } ?? "")
            }
            lines.append(
                Self.row(
                    [
                        result.id, result.control, result.title, result.status.rawValue, result.severity.rawValue,
                        result.entity.kind.rawValue, result.entity.name, result.location.file,
                        String(result.location.line), String(result.location.column), result.location.field,
                        result.message, evidence.joined(separator: "; "), result.policy ?? "",
                        result.waiver?.ticket ?? "", result.waiver?.expires ?? "",
                        Self.flag(result.waiver?.expired), result.firstSeen ?? "", Self.flag(result.isNew),
                        Self.flag(result.inBaseline),
                    ] + frameworks.map { (result.frameworks[$0] ?? []).joined(separator: " ") }))
        }
        return Data(lines.joined().utf8)
    }

    /// `true`, `false`, or empty where the run did not know (no waiver, no history, no baseline).
    static func flag(_ value: Bool?) -> String { value.map(String.init) ?? "" }

    static func row(_ cells: [String]) -> String {
        cells.map { quote(neutralise($0)) }.joined(separator: ",") + "\r\n"
    }

    static func neutralise(_ cell: String) -> String {
        guard let first = cell.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) else { return cell }
        return "'" + cell
    }

    static func quote(_ cell: String) -> String {
        guard cell.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) else {
            return cell
        }
        return "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
