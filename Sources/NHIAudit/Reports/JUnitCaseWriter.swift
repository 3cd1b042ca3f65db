/// Writes report.junit.xml's `<testcase>` elements straight into the output: the bytes libxml2's xmlTextWriter
/// writes for them (a test holds the two equal), without an attribute dictionary and a detail string per
/// result. libxml2 still writes the suites around them.
struct JUnitCaseWriter {
    /// The suite's control and title, the same in all its cases: escaped once per suite.
    private var classname = EscapedRun(XMLEscaping.attribute)
    private var controlText = EscapedRun(XMLEscaping.text)
    private var titleText = EscapedRun(XMLEscaping.text)

    /// At depth 2 of an indented document, one line per case without children, as libxml2 writes them.
    mutating func write(_ results: [ResultDocument.Result], _ index: Int, into out: inout [UInt8]) {
        let result = results[index]
        let location = result.location
        append(#"    <testcase name=""#, into: &out)
        XMLEscaping.attribute(result.entity.kind.rawValue, into: &out)
        out.append(0x2F)
        XMLEscaping.attribute(result.entity.name, into: &out)
        append(" at ", into: &out)
        XMLEscaping.attribute(location.file, into: &out)
        out.append(0x3A)
        ByteWords.appendDecimal(location.line, into: &out)
        if !location.field.isEmpty {
            out.append(0x20)
            XMLEscaping.attribute(location.field, into: &out)
        }
        append(#"" classname=""#, into: &out)
        classname.append(result.control, into: &out)
        append(#"" time="0""#, into: &out)
        switch result.status {
        case .pass:
            append("/>\n", into: &out)
            return
        case .fail:
            append(">\n      <failure message=\"", into: &out)
            XMLEscaping.attribute(result.message, into: &out)
            append(#"" type=""#, into: &out)
            XMLEscaping.attribute(result.severity.rawValue, into: &out)
            append(#"">"#, into: &out)
            detail(result, into: &out)
            append("</failure>\n", into: &out)
        case .indeterminate:
            append(">\n      <error message=\"", into: &out)
            XMLEscaping.attribute(result.message, into: &out)
            append(#"" type="indeterminate">"#, into: &out)
            detail(result, into: &out)
            append("</error>\n", into: &out)
        case .notApplicable:
            append(">\n      <skipped message=\"", into: &out)
            XMLEscaping.attribute(result.message, into: &out)
            append("\"/>\n", into: &out)
        case .waived:
            append(">\n      <skipped message=\"waived: ", into: &out)
            XMLEscaping.attribute(result.message, into: &out)
            if let waiver = result.waiver {
                append(" (waived until ", into: &out)
                XMLEscaping.attribute(waiver.expires, into: &out)
                append(" by ", into: &out)
                XMLEscaping.attribute(waiver.approvedBy, into: &out)
                append(", ", into: &out)
                XMLEscaping.attribute(waiver.ticket, into: &out)
                out.append(0x29)
            }
            append("\"/>\n", into: &out)
        }
        append("    </testcase>\n", into: &out)
    }

    /// The text of a failure or an error (escaping a concatenation piece by piece escapes it whole: every
    /// character libxml2 escapes or cleans lies within one piece).
    private mutating func detail(_ result: ResultDocument.Result, into out: inout [UInt8]) {
        let location = result.location
        controlText.append(result.control, into: &out)
        out.append(0x20)
        titleText.append(result.title, into: &out)
        out.append(0x0A)
        XMLEscaping.text(location.file, into: &out)
        out.append(0x3A)
        ByteWords.appendDecimal(location.line, into: &out)
        out.append(0x3A)
        ByteWords.appendDecimal(location.column, into: &out)
        out.append(0x20)
        XMLEscaping.text(location.field, into: &out)
        out.append(0x0A)
        XMLEscaping.text(result.message, into: &out)
        append("\nresult id ", into: &out)
        if !result.storedID.appendHexDigits(into: &out) { XMLEscaping.text(result.id, into: &out) }
        if let waiver = result.waiver { XMLEscaping.text(JUnitReportRenderer.waiverLine(waiver), into: &out) }
        if let firstSeen = result.firstSeen {
            append("\nfirst seen ", into: &out)
            XMLEscaping.text(firstSeen, into: &out)
        }
    }

    @inline(__always)
    private func append(_ text: StaticString, into out: inout [UInt8]) {
        out.append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }
}
