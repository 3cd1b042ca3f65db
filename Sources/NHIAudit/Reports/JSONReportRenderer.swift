import Foundation

/// `report.json`: the result document itself, with sorted keys so equal inputs give equal bytes. Pretty-printed,
/// except that each result is one compact line: about 30% fewer bytes, and one result per line for `grep`.
public struct JSONReportRenderer: StreamingReportRenderer {
    public let format = "json"
    public let fileName = "report.json"

    /// Entities, inputs and the trust graph made as Codable trees and written by the generic writer: the
    /// reference `JSONRecordWriter` is held equal to.
    var recordsByTrees = false

    public init() {}

    public static func renderWithGenericTreesForTesting(_ document: ResultDocument) throws -> Data {
        var renderer = JSONReportRenderer()
        renderer.recordsByTrees = true
        return try renderer.render(document, resources: ReportResources(templates: URL(fileURLWithPath: "/")))
    }

    public func write(_ document: ResultDocument, resources: ReportResources, to output: ReportOutput) throws {
        var shell = document
        shell.results = []
        if !recordsByTrees {
            shell.entities = []
            shell.inputs = []
            shell.trustGraph = document.trustGraph.map { _ in TrustGraph(nodes: [], edges: []) }
        }
        guard case .object(let root) = try FastJSON.node(for: shell, codingPath: []) else {
            throw ReportError("a report document must be an object")
        }
        // Streamed arrays are written in place of these random placeholders (no input value can forge one).
        let placeholder = "nhi-audit-results-\(UUID().uuidString)"
        var streams: [String: FastJSON.StreamedArray] = [:]
        func stream<Record>(_ records: [Record], as name: String, in object: FastJSON.ObjectBox,
                            _ write: @escaping (Record, Int, inout [UInt8]) -> Void) {
            let key = "\(placeholder)-\(name)"
            object.members[name] = .string(key)
            streams[key] = FastJSON.StreamedArray(count: records.count) {
                { index, indent, out in write(records[index], indent, &out) }
            }
        }
        root.members["results"] = .string(placeholder)
        let results = document.results
        streams[placeholder] = FastJSON.StreamedArray(count: results.count) {
            var writer = ResultJSONWriter()
            return { index, _, out in try writer.write(results[index], into: &out) }
        }
        if !recordsByTrees {
            stream(document.entities, as: "entities", in: root) { JSONRecordWriter.write($0, indent: $1, into: &$2) }
            stream(document.inputs, as: "inputs", in: root) { JSONRecordWriter.write($0, indent: $1, into: &$2) }
            if let graph = document.trustGraph, case .object(let object) = root.members["trustGraph"] {
                stream(graph.edges, as: "edges", in: object) { JSONRecordWriter.write($0, indent: $1, into: &$2) }
                stream(graph.nodes, as: "nodes", in: object) { JSONRecordWriter.write($0, indent: $1, into: &$2) }
            }
        }
        try FastJSON.writeDocument(.object(root), to: output, streams: streams)
    }
}

extension JSONReportRenderer {
    /// The report's JSON writer for any value, for tests of its encoding.
    public static func encodeForTesting(_ value: some Encodable) throws -> Data { try FastJSON.encode(value) }
}

extension JSONReportRenderer {
    /// Results as the report writes them (one writer, as in a report: its caches serve many results) and as the
    /// generic encoder writes them, for the test holding them equal.
    public static func resultLinesForTesting(_ results: [ResultDocument.Result]) throws
        -> [(written: String, generic: String)]
    {
        var writer = ResultJSONWriter()
        return try results.map { result in
            var bytes: [UInt8] = []
            try writer.write(result, into: &bytes)
            return (String(decoding: bytes, as: UTF8.self), try FastJSON.compactString(result))
        }
    }
}
