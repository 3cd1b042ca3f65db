import Foundation

/// `report.junit.xml` in Apache Ant's JUnit format (strict XSD: windyroad/JUnit-Schema), for CI dashboards.
/// One suite per control, one test case per result. A failure is `<failure>`; an indeterminate result is
/// `<error>` (the check could not reach a verdict, which CI must not show as green); not-applicable is
/// `<skipped>`; a pass has no child.
public struct JUnitReportRenderer: StreamingReportRenderer {
    public let format = "junit"
    public let fileName = "report.junit.xml"

    /// Test cases written by libxml2 one by one, as `JUnitCaseWriter` must write them: the reference for tests.
    private var casesByLibxml2 = false

    public init() {}

    /// The whole report with every test case written through libxml2 (the hand-written writer's reference).
    public static func renderWithLibxml2CasesForTesting(_ document: ResultDocument, resources: ReportResources) throws
        -> Data
    {
        var renderer = JUnitReportRenderer()
        renderer.casesByLibxml2 = true
        return try renderer.render(document, resources: resources)
    }

    /// Streamed; results are grouped by control as indexes, not copies.
    public func write(_ document: ResultDocument, resources: ReportResources, to output: ReportOutput) throws {
        var byControl: [String: [Int]] = [:]
        for index in document.results.indices { byControl[document.results[index].control, default: []].append(index) }
        let xml = try XMLTextWriter(output: output)
        var cases = JUnitCaseWriter()
        try xml.element("testsuites") {
            for (index, control) in document.controls.enumerated() {
                try writeSuite(
                    control, results: byControl[control.id] ?? [], id: index, document: document, xml, output, &cases)
            }
        }
        try xml.finish()
    }

    private func writeSuite(
        _ control: ControlDescriptor, results: [Int], id: Int, document: ResultDocument, _ xml: XMLTextWriter,
        _ output: ReportOutput, _ cases: inout JUnitCaseWriter
    ) throws {
        var failures = 0, errors = 0, skipped = 0
        for index in results {
            switch document.results[index].status {
            case .fail: failures += 1
            case .indeterminate: errors += 1
            case .notApplicable, .waived: skipped += 1
            case .pass: break
            }
        }
        try xml.element(
            "testsuite",
            attributes: [
                "name": control.id, "package": "nhi-audit", "id": String(id),
                "timestamp": Self.timestamp(document.generatedAt), "hostname": "nhi-audit",
                "tests": String(results.count), "failures": String(failures), "errors": String(errors),
                "skipped": String(skipped), "time": "0",
            ]
        ) {
            try xml.element("properties") {
                try property("title", control.title, xml)
                try property("severity", control.severity.rawValue, xml)
                for framework in XMLReportRenderer.frameworkOrder(control.frameworks.keys) {
                    try property(framework, control.requirements(in: framework).joined(separator: ", "), xml)
                }
            }
            if casesByLibxml2 {
                for index in results { try writeCase(document.results[index], xml) }
            } else {
                try xml.flush()
                for index in results {
                    cases.write(document.results, index, into: &output.pending)
                    try output.flushIfFull()
                }
            }
            try xml.element("system-out", "")
            try xml.element("system-err", "")
        }
    }

    private func property(_ name: String, _ value: String, _ xml: XMLTextWriter) throws {
        try xml.element("property", attributes: ["name": name, "value": value]) {}
    }

    private func writeCase(_ result: ResultDocument.Result, _ xml: XMLTextWriter) throws {
        let location = result.location
        let name = "\(result.entity) at \(location.file):\(location.line)"
            + (location.field.isEmpty ? "" : " \(location.field)")
        try xml.element("testcase", attributes: ["name": name, "classname": result.control, "time": "0"]) {
            let detail = """
                \(result.control) \(result.title)
                \(location.file):\(location.line):\(location.column) \(location.field)
                \(result.message)
                result id \(result.id)
                """ + (result.waiver.map { Self.waiverLine($0) } ?? "") + (result.firstSeen.map { "\nfirst seen \($0)" } ?? "")
            switch result.status {
            case .fail:
                try xml.element("failure", attributes: ["message": result.message, "type": result.severity.rawValue]) {
                    try xml.text(detail)
                }
            case .indeterminate:
                try xml.element("error", attributes: ["message": result.message, "type": "indeterminate"]) {
                    try xml.text(detail)
                }
            case .notApplicable:
                try xml.element("skipped", attributes: ["message": result.message]) {}
            case .waived:
                // An accepted risk: not a pass, and not a CI failure either.
                let waiver = result.waiver.map { " (waived until \($0.expires) by \($0.approvedBy), \($0.ticket))" } ?? ""
                try xml.element("skipped", attributes: ["message": "waived: \(result.message)\(waiver)"]) {}
            case .pass:
                break
            }
        }
    }

    static func waiverLine(_ waiver: WaiverRecord) -> String {
        "\nwaiver \(waiver.name)\(waiver.expired ? " EXPIRED" : "") on \(waiver.expires): owner \(waiver.owner), "
            + "approved by \(waiver.approvedBy), ticket \(waiver.ticket): \(waiver.justification)"
    }

    /// Ant's timestamp has no zone designator (the XSD pattern stops at seconds); generatedAt is UTC.
    static func timestamp(_ generatedAt: String) -> String { String(generatedAt.prefix(19)) }
}
