/// Writes report.xml's `<results>` section straight into the output: the bytes libxml2's xmlTextWriter writes
/// for it (a test holds the two equal), several times faster. Reports carry hundreds of thousands of results;
/// what depends only on a result's shared `ControlFacts`, status and severity is made once (its title and
/// framework mappings still by libxml2).
struct XMLResultWriter {
    private var facts = FactsCache<Fragment>()
    /// Repeated over the consecutive results of one file.
    private var file = EscapedRun(XMLEscaping.attribute)
    private var entityName = EscapedRun(XMLEscaping.attribute)
    /// The result's location attributes: most results repeat them as their only evidence.
    private var place: [UInt8] = []

    /// What depends only on a result's `ControlFacts` (and its status and severity).
    private struct Fragment {
        /// `" control=".." status=".." severity=".." policy=".."` by `StatusAndSeverity.index`, made when first
        /// needed (empty until then).
        var attributes: [[UInt8]]
        var titleXML: [UInt8]
        var frameworksXML: [UInt8]
    }

    /// `  <results>` at depth 1 with one result per line, as libxml2 indents them; `  <results/>` when empty.
    static func write(_ results: [ResultDocument.Result], to output: ReportOutput) throws {
        guard !results.isEmpty else {
            output.append("  <results/>\n")
            return
        }
        output.append("  <results>\n")
        try OrderedChunks.write(count: results.count, to: output) {
            var writer = XMLResultWriter()
            return { index, out in try writer.write(results, index, into: &out) }
        }
        output.append("  </results>\n")
    }

    /// libxml2 indents the end tag of an element whose children were written without indentation.
    private mutating func write(_ results: [ResultDocument.Result], _ index: Int, into out: inout [UInt8]) throws {
        let result = results[index]  // one reference to the record; each accessor below reads it once
        Self.append(#"    <result id=""#, into: &out)
        if !result.storedID.appendHexDigits(into: &out) { XMLEscaping.attribute(result.id, into: &out) }
        let slot = try facts.slot(of: result, Self.fragment)
        let status = result.status, severity = result.severity
        let attributes = StatusAndSeverity.index(status, severity)
        if facts[slot].attributes[attributes].isEmpty {
            facts[slot].attributes[attributes] = Self.attributes(result.facts, status, severity)
        }
        out.append(contentsOf: facts[slot].attributes[attributes])
        Self.optionalAttribute(" firstSeen=\"", result.firstSeen, into: &out)
        Self.optionalAttribute(" isNew=\"", result.isNew.map { $0 ? "true" : "false" }, into: &out)
        Self.optionalAttribute(" inBaseline=\"", result.inBaseline.map { $0 ? "true" : "false" }, into: &out)
        out.append(0x3E)
        out.append(contentsOf: facts[slot].titleXML)
        Self.append(#"<entity kind=""#, into: &out)
        let entity = result.entity
        XMLEscaping.attribute(entity.kind.rawValue, into: &out)
        Self.append(#"" name=""#, into: &out)
        entityName.append(entity.name, into: &out)
        Self.append(#""/>"#, into: &out)
        place.removeAll(keepingCapacity: true)
        Self.location(
            result.locationFile, result.locationLine, result.locationColumn, result.locationField, &file, into: &place)
        Self.append("<location", into: &out)
        out.append(contentsOf: place)
        Self.append("/>", into: &out)
        Self.element("message", result.message, into: &out)
        if let sole = result.soleEvidenceAtLocation {
            Self.append("<evidence", into: &out)
            out.append(contentsOf: place)
            Self.writeValueAndNote(sole.value, sole.note, into: &out)
        } else {
            for item in result.evidence {  // made on each access: read once
                Self.append("<evidence", into: &out)
                Self.location(item.file, item.line, item.column, item.field, &file, into: &out)
                Self.writeValueAndNote(item.value, item.note, into: &out)
            }
        }
        out.append(contentsOf: facts[slot].frameworksXML)
        if let waiver = result.waiver { Self.write(waiver, into: &out) }
        Self.append("    </result>\n", into: &out)
    }

    /// The end of an `<evidence` start tag whose attributes are written, and its content.
    private static func writeValueAndNote(_ value: String?, _ note: String?, into out: inout [UInt8]) {
        if value == nil && note == nil {
            append("/>", into: &out)
            return
        }
        out.append(0x3E)
        if let value { element("value", value, into: &out) }
        if let note { element("note", note, into: &out) }
        append("</evidence>", into: &out)
    }

    private static func fragment(_ facts: ResultDocument.ControlFacts) throws -> Fragment {
        Fragment(
            attributes: Array(repeating: [], count: StatusAndSeverity.count),
            titleXML: Array(try XMLTextWriter.fragment { try $0.element("title", facts.title) }.utf8),
            frameworksXML: Array(
                try XMLTextWriter.fragment { try XMLReportRenderer.writeFrameworks(facts.frameworks, $0) }.utf8))
    }

    private static func attributes(_ facts: ResultDocument.ControlFacts, _ status: ResultStatus, _ severity: Severity)
        -> [UInt8]
    {
        var out = Array(#"" control=""#.utf8)
        XMLEscaping.attribute(facts.control, into: &out)
        attribute(#"" status=""#, status.rawValue, into: &out)
        attribute(#"" severity=""#, severity.rawValue, into: &out)
        out.append(0x22)
        if let policy = facts.policy {
            attribute(#" policy=""#, policy, into: &out)
            out.append(0x22)
        }
        return out
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

    /// ` file=".." line=".." column=".." field=".."`, the attributes of a start tag left open.
    private static func location(
        _ file: String, _ line: Int, _ column: Int, _ field: String, _ files: inout EscapedRun, into out: inout [UInt8]
    ) {
        Self.append(#" file=""#, into: &out)
        files.append(file, into: &out)
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
