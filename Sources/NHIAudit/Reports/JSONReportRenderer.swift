import Foundation

/// `report.json`: the result document itself, with sorted keys so equal inputs give equal bytes.
public struct JSONReportRenderer: ReportRenderer {
    public let format = "json"
    public let fileName = "report.json"

    public init() {}

    public func render(_ document: ResultDocument, resources: ReportResources) throws -> Data {
        var shell = document
        shell.results = []
        return try FastJSON.encode(shell, streaming: document.results, under: "results")
    }
}

extension JSONReportRenderer {
    /// The report's JSON writer for any value, for tests of its encoding.
    public static func encodeForTesting(_ value: some Encodable) throws -> Data { try FastJSON.encode(value) }
}
