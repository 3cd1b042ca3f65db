import Foundation

/// A report format: a pure function of the result document.
public protocol ReportRenderer: Sendable {
    /// The name used with `--format`.
    var format: String { get }
    var fileName: String { get }
    func render(_ document: ResultDocument, resources: ReportResources) throws -> Data
}

/// Files renderers may read: templates (users may edit them) and the report schema.
public struct ReportResources: Sendable {
    public var templates: URL

    public init(templates: URL) { self.templates = templates }
}

public struct ReportError: Error, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}

public enum ReportFormats {
    public static let all: [any ReportRenderer] = [
        JSONReportRenderer(),
        XMLReportRenderer(),
        SARIFReportRenderer(),
        JUnitReportRenderer(),
        CSVReportRenderer(),
        OSCALReportRenderer(),
        MarkdownReportRenderer(),
        HTMLReportRenderer(),
    ]

    public static func renderer(named name: String) -> (any ReportRenderer)? { all.first { $0.format == name } }

    public static var names: [String] { all.map(\.format) }
}

/// Writes each report atomically (temp file in the same folder, then rename), so a reader or a killed
/// run never sees half a report.
public enum AtomicWriter {
    public static func write(_ data: Data, to url: URL) throws {
        let directory = url.deletingLastPathComponent()
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let temporary = directory.appendingPathComponent(".\(url.lastPathComponent).\(getpid()).tmp")
        try data.write(to: temporary)
        if rename(temporary.path, url.path) != 0 {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(at: temporary)
            throw ReportError("cannot write \(url.path): \(reason)")
        }
    }
}
