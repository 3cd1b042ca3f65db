import Foundation

/// `report.json`: the result document itself, with sorted keys so equal inputs give equal bytes. Pretty-printed,
/// except that each result is one compact line: half the bytes, and still one result per line for `grep`.
public struct JSONReportRenderer: StreamingReportRenderer {
    public let format = "json"
    public let fileName = "report.json"

    public init() {}

    public func write(_ document: ResultDocument, resources: ReportResources, to output: ReportOutput) throws {
        var shell = document
        shell.results = []
        var writer = ResultJSONWriter()
        try FastJSON.write(shell, streaming: document.results, under: "results", to: output) { index, bytes in
            try writer.write(document.results[index], into: &bytes)
        }
    }
}

extension JSONReportRenderer {
    /// The report's JSON writer for any value, for tests of its encoding.
    public static func encodeForTesting(_ value: some Encodable) throws -> Data { try FastJSON.encode(value) }
}

extension JSONReportRenderer {
    /// A result as the report writes it and as the generic encoder writes it, for the test holding them equal.
    public static func resultLinesForTesting(_ result: ResultDocument.Result) throws -> (written: String, generic: String) {
        var bytes: [UInt8] = []
        var writer = ResultJSONWriter()
        try writer.write(result, into: &bytes)
        return (String(decoding: bytes, as: UTF8.self), try FastJSON.compactString(result))
    }
}
