import Foundation

/// A report format: a pure function of the result document. Small formats implement `render`; formats that
/// grow with the number of results implement `write(_:resources:to:)` and stream.
public protocol ReportRenderer: Sendable {
    /// The name used with `--format`.
    var format: String { get }
    var fileName: String { get }
    func render(_ document: ResultDocument, resources: ReportResources) throws -> Data
    func write(_ document: ResultDocument, resources: ReportResources, to output: ReportOutput) throws
}

extension ReportRenderer {
    public func write(_ document: ResultDocument, resources: ReportResources, to output: ReportOutput) throws {
        output.append(try render(document, resources: resources))
    }
}

/// For streaming renderers: the whole report in memory (tests, the fuzzer).
public protocol StreamingReportRenderer: ReportRenderer {}

extension StreamingReportRenderer {
    public func render(_ document: ResultDocument, resources: ReportResources) throws -> Data {
        let output = ReportOutput()
        try write(document, resources: resources, to: output)
        return try output.data
    }
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
