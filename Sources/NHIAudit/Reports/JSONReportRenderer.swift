import Foundation

/// `report.json`: the result document itself, with sorted keys so equal inputs give equal bytes. Pretty-printed,
/// except that each result is one compact line: about 30% fewer bytes, and one result per line for `grep`.
public struct JSONReportRenderer: StreamingReportRenderer {
    public let format = "json"
    public let fileName = "report.json"

    public init() {}

    public func write(_ document: ResultDocument, resources: ReportResources, to output: ReportOutput) throws {
        var shell = document
        shell.results = []
        guard case .object(let root) = try FastJSON.node(for: shell, codingPath: []) else {
            throw ReportError("a report document must be an object")
        }
        // The results array is written one compact line per result, in place of this random placeholder.
        let placeholder = "nhi-audit-results-\(UUID().uuidString)"
        root.members["results"] = .string(placeholder)
        var writer = ResultJSONWriter()
        let results = FastJSON.StreamedArray(count: document.results.count) { index, output, _ in
            try writer.write(document.results[index], into: &output.pending)
        }
        try FastJSON.writeDocument(.object(root), to: output, streams: [placeholder: results])
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
