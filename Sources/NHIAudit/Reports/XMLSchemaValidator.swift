import CLibXML2
import Foundation

/// Validates XML documents against an XSD with libxml2. Documents are parsed with `XML_PARSE_NONET` and
/// without `XML_PARSE_NOENT`, so external entities are neither fetched nor expanded (no XXE).
public final class XMLSchemaValidator: @unchecked Sendable {
    /// One problem: the line in the document (0 when libxml2 gives none) and libxml2's reason.
    public struct Issue: Sendable, Hashable, CustomStringConvertible {
        public var line: Int
        public var reason: String
        public var description: String { "line \(line): \(reason)" }
    }

    /// The parsed schema is immutable once built; libxml2 allows validating with it from several threads,
    /// each validation using its own context.
    private let schema: xmlSchemaPtr

    public init(schema url: URL) throws {
        xmlInitParser()
        let collector = IssueCollector()
        guard let parser = xmlSchemaNewParserCtxt(url.path) else {
            throw ReportError("\(url.path): cannot create a schema parser")
        }
        defer { xmlSchemaFreeParserCtxt(parser) }
        xmlSchemaSetParserStructuredErrors(parser, IssueCollector.callback, Unmanaged.passUnretained(collector).toOpaque())
        guard let schema = withExtendedLifetime(collector, { xmlSchemaParse(parser) }) else {
            let reasons = collector.issues.map(\.description).joined(separator: "; ")
            throw ReportError("\(url.path): not a usable XML schema: \(reasons)")
        }
        self.schema = schema
    }

    deinit { xmlSchemaFree(schema) }

    /// The problems found; empty means the document is well-formed and valid.
    public func validate(_ data: Data, name: String = "document.xml") -> [Issue] {
        let collector = IssueCollector()
        let context = Unmanaged.passUnretained(collector).toOpaque()
        return withExtendedLifetime(collector) {
            // libxml2 keeps the structured error handler per thread; set it only around this parse.
            xmlSetStructuredErrorFunc(context, IssueCollector.callback)
            let options = Int32(XML_PARSE_NONET.rawValue)
            let document = data.withUnsafeBytes { bytes in
                xmlReadMemory(
                    bytes.baseAddress?.assumingMemoryBound(to: CChar.self), Int32(bytes.count), name, nil, options)
            }
            xmlSetStructuredErrorFunc(nil, nil)
            guard let document else {
                return collector.issues.isEmpty ? [Issue(line: 0, reason: "not well-formed XML")] : collector.issues
            }
            defer { xmlFreeDoc(document) }
            guard let validation = xmlSchemaNewValidCtxt(schema) else {
                return [Issue(line: 0, reason: "cannot create a validation context")]
            }
            defer { xmlSchemaFreeValidCtxt(validation) }
            xmlSchemaSetValidStructuredErrors(validation, IssueCollector.callback, context)
            let code = xmlSchemaValidateDoc(validation, document)
            if code != 0 && collector.issues.isEmpty {
                return [Issue(line: 0, reason: "libxml2 validation failed with code \(code)")]
            }
            return collector.issues
        }
    }
}

private final class IssueCollector {
    var issues: [XMLSchemaValidator.Issue] = []

    static let callback: xmlStructuredErrorFunc = { context, error in
        guard let context, let error else { return }
        let collector = Unmanaged<IssueCollector>.fromOpaque(context).takeUnretainedValue()
        let reason = error.pointee.message.map { String(cString: $0) } ?? "unknown libxml2 error"
        collector.issues.append(
            .init(line: Int(error.pointee.line), reason: reason.trimmingCharacters(in: .whitespacesAndNewlines)))
    }
}
