import Foundation

/// `report.xml` in namespace `urn:nhi-audit:report:1`, valid against `templates/report.xsd`: everything the
/// JSON carries (scope, results with evidence, coverage, controls), written with libxml2's xmlTextWriter.
public struct XMLReportRenderer: StreamingReportRenderer {
    public static let namespace = "urn:nhi-audit:report:1"
    public let format = "xml"
    public let fileName = "report.xml"

    /// Results written by libxml2 one by one, as `XMLResultWriter` must write them: the reference for tests.
    private var resultsByLibxml2 = false

    public init() {}

    /// The whole report with every result written through libxml2 (the hand-written writer's reference).
    public static func renderWithLibxml2ResultsForTesting(_ document: ResultDocument, resources: ReportResources) throws
        -> Data
    {
        var renderer = XMLReportRenderer()
        renderer.resultsByLibxml2 = true
        return try renderer.render(document, resources: resources)
    }

    public func write(_ document: ResultDocument, resources: ReportResources, to output: ReportOutput) throws {
        let xml = try XMLTextWriter(output: output)
        try xml.element(
            "report",
            attributes: [
                "xmlns": Self.namespace, "schemaVersion": document.schemaVersion,
                "generatedAt": document.generatedAt, "inputDigest": document.inputDigest,
                "runDigest": document.runDigest,
            ]
        ) {
            try xml.element("tool", attributes: ["name": document.tool.name, "version": document.tool.version]) {}
            try writeCatalog(document.catalog, xml)
            try writeInputs(document.inputs, xml)
            try writePolicies(document.policies, xml)
            try writeEntities(document.entities, xml)
            try writeSummary(document.summary, xml)
            if let history = document.history { try writeHistory(history, xml) }
            if let baseline = document.baseline { try writeBaseline(baseline, xml) }
            if resultsByLibxml2 {
                try xml.element("results") {
                    var fragments: [String: ControlFragments] = [:]
                    for index in document.results.indices {  // through indexes: no copy of each record
                        try writeResult(document.results[index], xml, fragments: &fragments)
                    }
                }
            } else {
                try xml.flush()
                try XMLResultWriter.write(document.results, to: output)
            }
            try writeCoverage(document.coverage, xml)
            try xml.element("controls") { for control in document.controls { try writeControl(control, xml) } }
        }
        try xml.finish()
    }

    private func writeCatalog(_ catalog: ResultDocument.CatalogInfo, _ xml: XMLTextWriter) throws {
        try xml.element("catalog", attributes: ["version": catalog.version, "controls": String(catalog.controls)]) {
            for framework in catalog.frameworks {
                try xml.element(
                    "framework",
                    attributes: [
                        "id": framework.id, "version": framework.version, "title": framework.title,
                        "source": framework.source,
                    ]) {}
            }
        }
    }

    private func writeInputs(_ inputs: [InputRecord], _ xml: XMLTextWriter) throws {
        try xml.element("inputs") {
            for input in inputs {
                try xml.element(
                    "input",
                    attributes: [
                        "path": input.path, "sha256": input.sha256, "bytes": String(input.bytes),
                        "format": input.format, "status": input.status.rawValue, "entities": String(input.entities),
                    ]
                ) { for note in input.notes { try xml.element("note", note) } }
            }
        }
    }

    private func writePolicies(_ policies: [ResultDocument.PolicyInForce], _ xml: XMLTextWriter) throws {
        try xml.element("policies") {
            for policy in policies {
                try xml.element("policy", attributes: ["name": policy.name, "source": policy.source]) {
                    for environment in policy.environments { try xml.element("environment", environment) }
                    for (name, value) in policy.thresholds.sorted(by: { $0.key < $1.key }) {
                        try xml.element("threshold", attributes: ["name": name, "value": value]) {}
                    }
                }
            }
        }
    }

    private func writeEntities(_ entities: [ResultDocument.EntityRecord], _ xml: XMLTextWriter) throws {
        try xml.element("entities") {
            for entity in entities {
                try xml.element(
                    "entity",
                    attributes: [
                        "kind": entity.kind.rawValue, "name": entity.name, "format": entity.format,
                        "file": entity.file, "line": String(entity.line), "environment": entity.environment,
                        "owner": entity.owner, "policy": entity.policy,
                    ]) {}
            }
        }
    }

    private func writeSummary(_ summary: ResultDocument.Summary, _ xml: XMLTextWriter) throws {
        func counts(_ element: String, _ key: String, _ values: [String: Int]) throws {
            for (name, count) in values.sorted(by: { $0.key < $1.key }) {
                try xml.element(element, attributes: [key: name, "count": String(count)]) {}
            }
        }
        try xml.element("summary", attributes: ["results": String(summary.results)]) {
            try counts("status", "name", summary.byStatus)
            try counts("severity", "name", summary.bySeverity)
            try counts("entities", "kind", summary.entities)
            try counts("inputs", "status", summary.inputs)
        }
    }

    /// A control's title and framework mappings as written in each of its results, made once.
    private struct ControlFragments {
        var title: String
        var frameworks: [String: [String]]
        var titleXML: String
        var frameworksXML: String
    }

    /// One result per line: its children are not indented.
    private func writeResult(
        _ result: ResultDocument.Result, _ xml: XMLTextWriter, fragments: inout [String: ControlFragments]
    ) throws {
        try xml.start("result")
        let attributes: KeyValuePairs<String, String?> = [
            "id": result.id, "control": result.control, "status": result.status.rawValue,
            "severity": result.severity.rawValue, "policy": result.policy, "firstSeen": result.firstSeen,
            "isNew": result.isNew.map(String.init), "inBaseline": result.inBaseline.map(String.init),
        ]
        for (name, value) in attributes { try xml.attribute(name, value) }
        xml.setIndent(false)
        let cached = fragments[result.control]
        let fragment = try cached.flatMap { $0.title == result.title && $0.frameworks == result.frameworks ? $0 : nil }
            ?? ControlFragments(
                title: result.title, frameworks: result.frameworks,
                titleXML: XMLTextWriter.fragment { try $0.element("title", result.title) },
                frameworksXML: XMLTextWriter.fragment { try Self.writeFrameworks(result.frameworks, $0) })
        if cached == nil { fragments[result.control] = fragment }
        try xml.raw(fragment.titleXML)
        try xml.element("entity", attributes: ["kind": result.entity.kind.rawValue, "name": result.entity.name]) {}
        try writeLocation("location", result.location.file, result.location.line, result.location.column,
                          result.location.field, xml) {}
        try xml.element("message", result.message)
        for evidence in result.evidence {
            try writeLocation("evidence", evidence.file, evidence.line, evidence.column, evidence.field, xml) {
                if let value = evidence.value { try xml.element("value", value) }
                if let note = evidence.note { try xml.element("note", note) }
            }
        }
        try xml.raw(fragment.frameworksXML)
        if let waiver = result.waiver { try writeWaiver(waiver, xml) }
        xml.setIndent(true)
        try xml.end()
    }

    static func writeFrameworks(_ frameworks: [String: [String]], _ xml: XMLTextWriter) throws {
        for framework in Self.frameworkOrder(frameworks.keys) {
            try xml.element("framework", attributes: ["id": framework]) {
                for requirement in frameworks[framework] ?? [] { try xml.element("requirement", requirement) }
            }
        }
    }

    private func writeLocation(
        _ element: String, _ file: String, _ line: Int, _ column: Int, _ field: String, _ xml: XMLTextWriter,
        body: () throws -> Void
    ) throws {
        try xml.element(
            element,
            attributes: ["file": file, "line": String(line), "column": String(column), "field": field],
            body: body)
    }

    private func writeCoverage(_ coverage: [String: [ResultDocument.CoverageItem]], _ xml: XMLTextWriter) throws {
        try xml.element("coverage") {
            for framework in Self.frameworkOrder(coverage.keys) {
                try xml.element("framework", attributes: ["id": framework]) {
                    for item in coverage[framework] ?? [] {
                        try xml.element(
                            "requirement", attributes: ["id": item.id, "status": item.status.rawValue, "group": item.group]
                        ) {
                            try xml.element("title", item.title)
                            for control in item.controls { try xml.element("control", control) }
                            for (status, count) in item.counts.sorted(by: { $0.key < $1.key }) {
                                try xml.element("count", attributes: ["status": status, "results": String(count)]) {}
                            }
                        }
                    }
                }
            }
        }
    }

    private func writeControl(_ control: ControlDescriptor, _ xml: XMLTextWriter) throws {
        try xml.element(
            "control",
            attributes: ["id": control.id, "severity": control.severity.rawValue, "appliesTo": control.appliesTo]
        ) {
            try xml.element("title", control.title)
            try xml.element("rationale", control.rationale)
            try xml.element("remediation", control.remediation)
            for reference in control.references {
                try xml.element("reference", attributes: ["url": reference.url]) { try xml.text(reference.title) }
            }
            for framework in Self.frameworkOrder(control.frameworks.keys) {
                for requirement in control.frameworks[framework] ?? [] {
                    try xml.element("mapping", attributes: ["framework": framework, "requirement": requirement]) {}
                }
            }
        }
    }

    /// The report order of framework ids (`FrameworkCatalog.order`), then any others by name.
    static func frameworkOrder(_ ids: some Collection<String>) -> [String] {
        ids.sorted {
            let left = FrameworkCatalog.order.firstIndex(of: $0) ?? Int.max
            let right = FrameworkCatalog.order.firstIndex(of: $1) ?? Int.max
            return (left, $0) < (right, $1)
        }
    }
}
