/// Writes report.xml's `<results>` section straight into the output: the bytes libxml2's xmlTextWriter writes
/// for it (a test holds the two equal), several times faster. Reports carry hundreds of thousands of results;
/// a control's title and framework mappings, the same in all its results, are still written by libxml2, once.
struct XMLResultWriter {
    private var fragments: [String: Fragment] = [:]
    /// Repeated over the consecutive results of one file.
    private var file = EscapedRun(XMLEscaping.attribute)
    private var entityName = EscapedRun(XMLEscaping.attribute)
    private var policy = EscapedRun(XMLEscaping.attribute)

    /// A control's escaped name, title and framework mappings, the same in all its results.
    private struct Fragment {
        var title: String
        var frameworks: [String: [String]]
        var controlXML: [UInt8]
        var titleXML: [UInt8]
        var frameworksXML: [UInt8]
    }

    private static let statuses = ResultStatus.allCases
    private static let severities = Severity.allCases
    /// `" status=".." severity=".."`, by status and severity.
    private static let statusAndSeverity: [[[UInt8]]] = statuses.map { status in
        severities.map { severity in
            var out = Array(#"" status=""#.utf8)
            XMLEscaping.attribute(status.rawValue, into: &out)
            out.append(contentsOf: #"" severity=""#.utf8)
            XMLEscaping.attribute(severity.rawValue, into: &out)
            out.append(0x22)
            return out
        }
    }

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
        let result = results[index]  // one reference to the record; each accessor below reads it once
        Self.append(#"    <result id=""#, into: &out)
        if !result.storedID.appendHexDigits(into: &out) { XMLEscaping.attribute(result.id, into: &out) }
        Self.append(#"" control=""#, into: &out)
        let fragment = try fragment(result.control, title: result.title, frameworks: result.frameworks)
        out.append(contentsOf: fragment.controlXML)
        let status = Self.statuses.firstIndex(of: result.status)!
        out.append(contentsOf: Self.statusAndSeverity[status][Self.severities.firstIndex(of: result.severity)!])
        if let value = result.policy {
            Self.append(#" policy=""#, into: &out)
            policy.append(value, into: &out)
            out.append(0x22)
        }
        Self.optionalAttribute(" firstSeen=\"", result.firstSeen, into: &out)
        Self.optionalAttribute(" isNew=\"", result.isNew.map { $0 ? "true" : "false" }, into: &out)
        Self.optionalAttribute(" inBaseline=\"", result.inBaseline.map { $0 ? "true" : "false" }, into: &out)
        out.append(0x3E)
        out.append(contentsOf: fragment.titleXML)
        Self.append(#"<entity kind=""#, into: &out)
        let entity = result.entity
        XMLEscaping.attribute(entity.kind.rawValue, into: &out)
        Self.append(#"" name=""#, into: &out)
        entityName.append(entity.name, into: &out)
        Self.append(#""/>"#, into: &out)
        let location = result.location
        self.location("<location", location.file, location.line, location.column, location.field, into: &out)
        Self.append("/>", into: &out)
        Self.element("message", result.message, into: &out)
        for item in result.evidence {  // made on each access: read once
            self.location("<evidence", item.file, item.line, item.column, item.field, into: &out)
            if item.value == nil && item.note == nil {
                Self.append("/>", into: &out)
                continue
            }
            out.append(0x3E)
            if let value = item.value { Self.element("value", value, into: &out) }
            if let note = item.note { Self.element("note", note, into: &out) }
            Self.append("</evidence>", into: &out)
        }
        out.append(contentsOf: fragment.frameworksXML)
        if let waiver = result.waiver { Self.write(waiver, into: &out) }
        Self.append("    </result>\n", into: &out)
    }

    private mutating func fragment(_ control: String, title: String, frameworks: [String: [String]]) throws
        -> Fragment
    {
        if let cached = fragments[control], cached.title == title, cached.frameworks == frameworks { return cached }
        var controlXML: [UInt8] = []
        XMLEscaping.attribute(control, into: &controlXML)
        let fragment = Fragment(
            title: title, frameworks: frameworks, controlXML: controlXML,
            titleXML: Array(try XMLTextWriter.fragment { try $0.element("title", title) }.utf8),
            frameworksXML: Array(
                try XMLTextWriter.fragment { try XMLReportRenderer.writeFrameworks(frameworks, $0) }.utf8))
        if fragments[control] == nil { fragments[control] = fragment }
        return fragment
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
    private mutating func location(
        _ start: StaticString, _ file: String, _ line: Int, _ column: Int, _ field: String, into out: inout [UInt8]
    ) {
        Self.append(start, into: &out)
        Self.append(#" file=""#, into: &out)
        self.file.append(file, into: &out)
        Self.append(#"" line=""#, into: &out)
        ByteWords.appendDecimal(line, into: &out)
        Self.append(#"" column=""#, into: &out)
        ByteWords.appendDecimal(column, into: &out)
        Self.attribute(#"" field=""#, field, into: &out)
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
