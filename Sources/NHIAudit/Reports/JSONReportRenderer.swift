import Foundation

/// `report.json`: the result document itself, with sorted keys so equal inputs give equal bytes.
public struct JSONReportRenderer: ReportRenderer {
    public let format = "json"
    public let fileName = "report.json"

    public init() {}

    public func render(_ document: ResultDocument, resources: ReportResources) throws -> Data {
        var data = try Self.encoder.encode(document)
        data.append(0x0A)
        return data
    }

    static var encoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return encoder
    }
}
