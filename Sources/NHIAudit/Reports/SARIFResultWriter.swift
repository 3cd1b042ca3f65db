/// Writes SARIF results (and the results not listed) straight into bytes: what FastJSON's pretty writer writes
/// for `SARIFReportRenderer`'s trees of them (a test holds the two equal), without building a tree per result.
/// Waived results' properties and suppressions, rare, are written from their trees.
enum SARIFResultWriter {
    private typealias Pretty = PrettyJSONBytes

    /// A listed result, as an item at `indent` of the run's results.
    static func write(_ result: ResultDocument.Result, ruleIndex: Int?, indent: Int, into out: inout [UInt8]) throws {
        let inner = indent + 2
        let indeterminate = result.status == .indeterminate
        if let isNew = result.isNew {
            Pretty.member("baselineState", first: true, indent: indent, into: &out)
            Pretty.raw(isNew ? "\"new\"" : "\"unchanged\"", into: &out)
        }
        Pretty.member("level", first: result.isNew == nil, indent: indent, into: &out)
        FastJSON.writeString(indeterminate ? "note" : SARIFReportRenderer.level(result.severity), into: &out)
        Pretty.member("locations", indent: indent, into: &out)
        writeLocation(result, indent: inner, into: &out)
        Pretty.member("message", indent: indent, into: &out)
        Pretty.member("text", first: true, indent: inner, into: &out)
        out.append(0x22)
        if indeterminate { Pretty.raw("Indeterminate: ", into: &out) }
        Pretty.escapedEntity(result.entity, into: &out)
        Pretty.raw(": ", into: &out)
        FastJSON.writeEscaped(result.message, into: &out)
        out.append(0x22)
        Pretty.close(0x7D, indent: inner, into: &out)
        Pretty.member("partialFingerprints", indent: indent, into: &out)
        Pretty.member("nhiAuditResultId/v1", first: true, indent: inner, into: &out)
        FastJSON.writeString(result.id, into: &out)
        Pretty.close(0x7D, indent: inner, into: &out)
        Pretty.member("properties", indent: indent, into: &out)
        let waiver = result.waiver
        if waiver != nil {
            out += try Pretty.tree(.object(SARIFReportRenderer.properties(of: result)), indent: inner)
        } else {
            writeProperties(result, indent: inner, into: &out)
        }
        Pretty.member("ruleId", indent: indent, into: &out)
        FastJSON.writeString(result.control, into: &out)
        if let ruleIndex {
            Pretty.member("ruleIndex", indent: indent, into: &out)
            out.append(contentsOf: String(ruleIndex).utf8)
        }
        if result.status == .waived, let waiver {
            Pretty.member("suppressions", indent: indent, into: &out)
            out += try Pretty.tree(SARIFReportRenderer.suppressions(waiver), indent: inner)
        }
        Pretty.close(0x7D, indent: indent, into: &out)
    }

    /// A result kept in `resultsNotListed`, as an item at `indent`.
    static func writeNotListed(_ result: ResultDocument.Result, indent: Int, into out: inout [UInt8]) {
        Pretty.member("entity", first: true, indent: indent, into: &out)
        out.append(0x22)
        Pretty.escapedEntity(result.entity, into: &out)
        out.append(0x22)
        Pretty.member("id", indent: indent, into: &out)
        FastJSON.writeString(result.id, into: &out)
        Pretty.member("ruleId", indent: indent, into: &out)
        FastJSON.writeString(result.control, into: &out)
        Pretty.member("status", indent: indent, into: &out)
        FastJSON.writeString(result.status.rawValue, into: &out)
        Pretty.close(0x7D, indent: indent, into: &out)
    }

    /// The one-item `locations` array, at `indent`.
    private static func writeLocation(_ result: ResultDocument.Result, indent: Int, into out: inout [UInt8]) {
        let location = result.location
        let object = indent + 2
        Pretty.item(first: true, indent: indent, into: &out)
        Pretty.member("logicalLocations", first: true, indent: object, into: &out)
        Pretty.item(first: true, indent: object + 2, into: &out)
        Pretty.member("fullyQualifiedName", first: true, indent: object + 4, into: &out)
        out.append(0x22)
        Pretty.escapedEntity(result.entity, into: &out)
        out.append(0x22)
        Pretty.member("kind", indent: object + 4, into: &out)
        Pretty.raw("\"resource\"", into: &out)
        Pretty.close(0x7D, indent: object + 4, into: &out)
        Pretty.close(0x5D, indent: object + 2, into: &out)
        Pretty.member("physicalLocation", indent: object, into: &out)
        Pretty.member("artifactLocation", first: true, indent: object + 2, into: &out)
        Pretty.member("uri", first: true, indent: object + 4, into: &out)
        FastJSON.writeString(SARIFReportRenderer.uri(location.file), into: &out)
        Pretty.close(0x7D, indent: object + 4, into: &out)
        Pretty.member("region", indent: object + 2, into: &out)
        Pretty.member("startColumn", first: true, indent: object + 4, into: &out)
        out.append(contentsOf: String(max(1, location.column)).utf8)
        Pretty.member("startLine", indent: object + 4, into: &out)
        out.append(contentsOf: String(max(1, location.line)).utf8)
        Pretty.close(0x7D, indent: object + 4, into: &out)
        Pretty.close(0x7D, indent: object + 2, into: &out)
        Pretty.close(0x7D, indent: object, into: &out)
        Pretty.close(0x5D, indent: indent, into: &out)
    }

    /// `properties` of a result without a waiver, at `indent`.
    private static func writeProperties(_ result: ResultDocument.Result, indent: Int, into out: inout [UInt8]) {
        Pretty.member("entity", first: true, indent: indent, into: &out)
        out.append(0x22)
        Pretty.escapedEntity(result.entity, into: &out)
        out.append(0x22)
        Pretty.member("field", indent: indent, into: &out)
        FastJSON.writeString(result.location.field, into: &out)
        if let firstSeen = result.firstSeen {
            Pretty.member("firstSeen", indent: indent, into: &out)
            FastJSON.writeString(firstSeen, into: &out)
        }
        Pretty.member("severity", indent: indent, into: &out)
        FastJSON.writeString(result.severity.rawValue, into: &out)
        Pretty.member("status", indent: indent, into: &out)
        FastJSON.writeString(result.status.rawValue, into: &out)
        Pretty.close(0x7D, indent: indent, into: &out)
    }
}
