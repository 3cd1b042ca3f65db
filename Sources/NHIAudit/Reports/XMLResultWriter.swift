/// Writes report.xml's `<results>` section straight into the output: the bytes libxml2's xmlTextWriter writes
/// for it (a test holds the two equal), several times faster. Reports carry hundreds of thousands of results;
/// a control's title and framework mappings, the same in all its results, are still written by libxml2, once.
struct XMLResultWriter {
    private var fragments: [String: (title: String, frameworks: [String: [String]], titleXML: [UInt8], frameworksXML: [UInt8])] = [:]

    /// `  <results>` at depth 1 with one result per line, as libxml2 indents them; `  <results/>` when empty.
    mutating func write(_ results: [ResultDocument.Result], to output: ReportOutput) throws {
        guard !results.isEmpty else {
            output.append("  <results/>\n")
            return
        }
        output.append("  <results>\n")
        for index in results.indices {  // through indexes: no copy of each record
            try write(results, index, into: &output.pending)
            try output.flushIfFull()
        }
        output.append("  </results>\n")
    }

    /// libxml2 indents the end tag of an element whose children were written without indentation.
    private mutating func write(_ results: [ResultDocument.Result], _ index: Int, into out: inout [UInt8]) throws {
        out.append(contentsOf: #"    <result id=""#.utf8)
        XMLEscaping.attribute(results[index].id, into: &out)
        out.append(contentsOf: #"" control=""#.utf8)
        let control = results[index].control
        XMLEscaping.attribute(control, into: &out)
        out.append(contentsOf: #"" status=""#.utf8)
        XMLEscaping.attribute(results[index].status.rawValue, into: &out)
        out.append(contentsOf: #"" severity=""#.utf8)
        XMLEscaping.attribute(results[index].severity.rawValue, into: &out)
        out.append(0x22)
        Self.optionalAttribute(" policy=\"", results[index].policy, into: &out)
        Self.optionalAttribute(" firstSeen=\"", results[index].firstSeen, into: &out)
        Self.optionalAttribute(" isNew=\"", results[index].isNew.map { $0 ? "true" : "false" }, into: &out)
        Self.optionalAttribute(" inBaseline=\"", results[index].inBaseline.map { $0 ? "true" : "false" }, into: &out)
        out.append(0x3E)
        let fragment = try fragment(control, title: results[index].title, frameworks: results[index].frameworks)
        out.append(contentsOf: fragment.titleXML)
        out.append(contentsOf: #"<entity kind=""#.utf8)
        XMLEscaping.attribute(results[index].entity.kind.rawValue, into: &out)
        out.append(contentsOf: #"" name=""#.utf8)
        XMLEscaping.attribute(results[index].entity.name, into: &out)
        out.append(contentsOf: #""/>"#.utf8)
        Self.location(
            "<location", results[index].location.file, results[index].location.line, results[index].location.column,
            results[index].location.field, into: &out)
        out.append(contentsOf: "/>".utf8)
        Self.element("message", results[index].message, into: &out)
        for item in results[index].evidence.indices {
            Self.location(
                "<evidence", results[index].evidence[item].file, results[index].evidence[item].line,
                results[index].evidence[item].column, results[index].evidence[item].field, into: &out)
            let value = results[index].evidence[item].value
            let note = results[index].evidence[item].note
            if value == nil && note == nil {
                out.append(contentsOf: "/>".utf8)
                continue
            }
            out.append(0x3E)
            if let value { Self.element("value", value, into: &out) }
            if let note { Self.element("note", note, into: &out) }
            out.append(contentsOf: "</evidence>".utf8)
        }
        out.append(contentsOf: fragment.frameworksXML)
        if let waiver = results[index].waiver { Self.write(waiver, into: &out) }
        out.append(contentsOf: "    </result>\n".utf8)
    }

    private mutating func fragment(_ control: String, title: String, frameworks: [String: [String]]) throws
        -> (titleXML: [UInt8], frameworksXML: [UInt8])
    {
        if let cached = fragments[control], cached.title == title, cached.frameworks == frameworks {
            return (cached.titleXML, cached.frameworksXML)
        }
        let titleXML = Array(try XMLTextWriter.fragment { try $0.element("title", title) }.utf8)
        let frameworksXML = Array(
            try XMLTextWriter.fragment { try XMLReportRenderer.writeFrameworks(frameworks, $0) }.utf8)
        if fragments[control] == nil { fragments[control] = (title, frameworks, titleXML, frameworksXML) }
        return (titleXML, frameworksXML)
    }

    private static func write(_ waiver: WaiverRecord, into out: inout [UInt8]) {
        out.append(contentsOf: #"<waiver name=""#.utf8)
        XMLEscaping.attribute(waiver.name, into: &out)
        attribute(#"" owner=""#, waiver.owner, into: &out)
        attribute(#"" approvedBy=""#, waiver.approvedBy, into: &out)
        attribute(#"" ticket=""#, waiver.ticket, into: &out)
        attribute(#"" expires=""#, waiver.expires, into: &out)
        out.append(contentsOf: (waiver.expired ? #"" expired="true" source=""# : #"" expired="false" source=""#).utf8)
        XMLEscaping.attribute(waiver.source, into: &out)
        out.append(contentsOf: #""><justification>"#.utf8)
        XMLEscaping.text(waiver.justification, into: &out)
        out.append(contentsOf: "</justification></waiver>".utf8)
    }

    /// `<element file=".." line=".." column=".." field=".."`, the start tag left open.
    private static func location(
        _ start: StaticString, _ file: String, _ line: Int, _ column: Int, _ field: String, into out: inout [UInt8]
    ) {
        append(start, into: &out)
        attribute(#" file=""#, file, into: &out)
        append(#"" line=""#, into: &out)
        XMLEscaping.integer(line, into: &out)
        append(#"" column=""#, into: &out)
        XMLEscaping.integer(column, into: &out)
        attribute(#"" field=""#, field, into: &out)
        out.append(0x22)
    }

    /// `prefix` (the previous attribute's closing quote, the name and the opening quote), then the value.
    private static func attribute(_ prefix: StaticString, _ value: String, into out: inout [UInt8]) {
        append(prefix, into: &out)
        XMLEscaping.attribute(value, into: &out)
    }

    /// A whole optional attribute: `prefix` (space, name, opening quote), value and closing quote, if any.
    private static func optionalAttribute(_ prefix: StaticString, _ value: String?, into out: inout [UInt8]) {
        guard let value else { return }
        attribute(prefix, value, into: &out)
        out.append(0x22)
    }

    private static func element(_ name: StaticString, _ text: String, into out: inout [UInt8]) {
        out.append(0x3C)
        append(name, into: &out)
        out.append(0x3E)
        XMLEscaping.text(text, into: &out)
        out.append(contentsOf: "</".utf8)
        append(name, into: &out)
        out.append(0x3E)
    }

    @inline(__always)
    private static func append(_ text: StaticString, into out: inout [UInt8]) {
        out.append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }
}
