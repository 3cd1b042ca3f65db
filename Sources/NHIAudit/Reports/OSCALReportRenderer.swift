import Foundation

/// `report.oscal.json`: NIST OSCAL 1.1.2 assessment results. One observation per result (props carry control
/// and status, relevant evidence points at file:line), one finding per failing result and one per assessed
/// framework requirement (satisfied or not), nhi-audit as the `tool` actor of every origin.
///
/// OSCAL requires `import-ap` (the assessment plan the results answer). nhi-audit runs without a plan, so it
/// points at the fragment `#assessment-plan-not-provided`: a relative href that claims no external plan.
/// Framework requirement ids are not NIST SP 800-53 control ids, so each control selection and finding names
/// its framework with a prop in the `urn:nhi-audit:oscal` namespace. UUIDs are derived from the input digest
/// and result ids (`DeterministicUUID`), so equal inputs give equal bytes.
///
/// A waived result is an accepted risk, not a satisfied objective: its finding targets the requirement with
/// state `not-satisfied`, reason `other`, and remarks naming the waiver (owner, approver, ticket, expiry). A
/// failure whose waiver expired is an ordinary failure whose remarks say the waiver lapsed.
public struct OSCALReportRenderer: StreamingReportRenderer {
    public static let namespace = "urn:nhi-audit:oscal"
    public static let oscalVersion = "1.1.2"
    public let format = "oscal"
    public let fileName = "report.oscal.json"

    /// Observations and findings made as trees and written by the generic writer: the reference the direct
    /// writer (`OSCALResultWriter`) is held equal to.
    var itemsByTrees = false

    public init() {}

    public static func renderWithGenericTreesForTesting(_ document: ResultDocument) throws -> Data {
        var renderer = OSCALReportRenderer()
        renderer.itemsByTrees = true
        return try renderer.render(document, resources: ReportResources(templates: URL(fileURLWithPath: "/")))
    }

    /// Streamed: observations and findings (one per result, and per requirement) are made one at a time as
    /// they are written, so the document never exists whole in memory.
    public func write(_ document: ResultDocument, resources: ReportResources, to output: ReportOutput) throws {
        let toolUUID = DeterministicUUID.make("tool", document.tool.name)
        let origins: JSONValue = [["actors": [["type": "tool", "actor-uuid": .string(toolUUID)]]]]
        // Each result's observation UUID, computed once: requirement findings cite many of them.
        let observationUUID = ResultUUIDMaker(kind: "observation")
        let observationUUIDs = document.results.indices.map { index in
            itemsByTrees
                ? DeterministicUUID.make("observation", document.results[index].id) : observationUUID.make(document.results[index].id)
        }
        let failing = document.results.indices.filter { document.results[$0].status.isFinding }
        let requirements = Self.decidedRequirements(document)
        var byControl: [String: [Int]] = [:]
        for index in document.results.indices { byControl[document.results[index].control, default: []].append(index) }
        // Placeholders for the streamed arrays: random, so no input value can stand for one; never written.
        let observationsKey = "nhi-audit-observations-\(UUID().uuidString)"
        let findingsKey = "nhi-audit-findings-\(UUID().uuidString)"
        let relatedKey = "nhi-audit-related-\(UUID().uuidString)"
        var directWriter: OSCALResultWriter?
        func writer(at indent: Int) throws -> OSCALResultWriter {
            if let directWriter, directWriter.indent == indent { return directWriter }
            let made = try OSCALResultWriter(indent: indent, generatedAt: document.generatedAt, origins: origins)
            directWriter = made
            return made
        }
        let byTrees = itemsByTrees
        let streams: [String: FastJSON.StreamedArray] = [
            observationsKey: byTrees
                ? FastJSON.StreamedArray(count: document.results.count) { index, output, indent in
                    let tree = observation(document.results[index], uuid: observationUUIDs[index], document: document, origins: origins)
                    try FastJSON.write(tree.fastJSONNode, to: output, indent: indent, streams: [:])
                }
                : FastJSON.StreamedArray(count: document.results.count) {
                    // One writer per thread; made at the first item, when the indent is known.
                    var writer: OSCALResultWriter?
                    return { index, indent, out in
                        if writer == nil {
                            writer = try OSCALResultWriter(indent: indent, generatedAt: document.generatedAt, origins: origins)
                        }
                        writer!.writeObservation(document.results[index], uuid: observationUUIDs[index], into: &out)
                    }
                },
            findingsKey: FastJSON.StreamedArray(count: failing.count + requirements.count) { position, output, indent in
                if position < failing.count {
                    let index = failing[position]
                    guard byTrees else {
                        return try writer(at: indent).writeFinding(
                            document.results[index], observation: observationUUIDs[index], into: &output.pending)
                    }
                    let tree = resultFinding(document.results[index], observation: observationUUIDs[index], document, origins)
                    return try FastJSON.write(tree.fastJSONNode, to: output, indent: indent, streams: [:])
                }
                let (framework, item) = requirements[position - failing.count]
                var (finding, evidence) = Self.requirementFinding(item, framework: framework, document, byControl: byControl, origins: origins)
                guard !byTrees else {
                    if !evidence.isEmpty {
                        finding["related-observations"] = .array(evidence.map { ["observation-uuid": .string(observationUUIDs[$0])] })
                    }
                    return try FastJSON.write(JSONValue.object(finding).fastJSONNode, to: output, indent: indent, streams: [:])
                }
                // A requirement can cite most results: its citations are streamed, written directly.
                if !evidence.isEmpty { finding["related-observations"] = .string(relatedKey) }
                let related = FastJSON.StreamedArray(count: evidence.count) { position, output, indent in
                    OSCALResultWriter.writeRelatedObservation(observationUUIDs[evidence[position]], indent: indent, into: &output.pending)
                }
                try FastJSON.write(JSONValue.object(finding).fastJSONNode, to: output, indent: indent, streams: [relatedKey: related])
            },
        ]
        var result: [String: JSONValue] = [
            "uuid": .string(DeterministicUUID.make("result", document.inputDigest, document.generatedAt)),
            "title": "nhi-audit scan",
            "description": .string(
                "Automated evaluation of \(document.inputs.count) input file(s) against nhi-audit catalog "
                    + "\(document.catalog.version): \(document.summary.results) result(s)."),
            "start": .string(document.generatedAt),
            "end": .string(document.generatedAt),
            "props": .array(
                [Self.prop("input-digest", document.inputDigest)]
                    + (document.runDigest.map { [Self.prop("run-digest", $0)] } ?? [])),
            "local-definitions": [
                "components": [
                    [
                        "uuid": .string(toolUUID), "type": "software", "title": .string(document.tool.name),
                        "description": .string(
                            "\(document.tool.name) \(document.tool.version): audits machine-token issuers and verifiers."),
                        "props": [Self.prop("version", document.tool.version)],
                        "status": ["state": "operational"],
                    ]
                ],
                "assessment-assets": [
                    "assessment-platforms": [
                        [
                            "uuid": .string(DeterministicUUID.make("platform", document.tool.name)),
                            "title": .string(document.tool.name),
                            "uses-components": [["component-uuid": .string(toolUUID)]],
                        ]
                    ]
                ],
            ],
            "reviewed-controls": ["control-selections": .array(Self.controlSelections(document))],
        ]
        if !document.results.isEmpty { result["observations"] = .string(observationsKey) }
        if !(failing.isEmpty && requirements.isEmpty) { result["findings"] = .string(findingsKey) }
        let root: JSONValue = [
            "assessment-results": [
                "uuid": .string(DeterministicUUID.make("assessment-results", document.inputDigest, document.generatedAt)),
                "metadata": [
                    "title": "nhi-audit assessment results",
                    "last-modified": .string(document.generatedAt),
                    "version": .string(document.tool.version),
                    "oscal-version": .string(Self.oscalVersion),
                    "props": .array(
                        document.catalog.frameworks.map { Self.prop("framework-catalog", "\($0.id)@\($0.version)") }),
                ],
                "import-ap": [
                    "href": "#assessment-plan-not-provided",
                    "remarks": "nhi-audit assesses configuration files without an OSCAL assessment plan.",
                ],
                "results": [.object(result)],
            ]
        ]
        try FastJSON.writeDocument(root.fastJSONNode, to: output, streams: streams)
    }

    private func observation(
        _ result: ResultDocument.Result, uuid: String, document: ResultDocument, origins: JSONValue
    ) -> JSONValue {
        let location = result.location
        let evidence = result.evidence.isEmpty
            ? [Self.evidence(location.file, location.line, location.column, location.field, value: nil)]
            : result.evidence.map { Self.evidence($0.file, $0.line, $0.column, $0.field, value: $0.value) }
        var props = [
            Self.prop("result-id", result.id), Self.prop("control", result.control),
            Self.prop("status", result.status.rawValue), Self.prop("severity", result.severity.rawValue),
            Self.prop("entity", result.entity.description),
        ]
        if let firstSeen = result.firstSeen { props.append(Self.prop("first-seen", firstSeen)) }
        if let isNew = result.isNew { props.append(Self.prop("new-since-previous-run", String(isNew))) }
        if let inBaseline = result.inBaseline { props.append(Self.prop("in-baseline", String(inBaseline))) }
        if let waiver = result.waiver {
            props += [Self.prop("waiver", waiver.name), Self.prop("waiver-expires", waiver.expires)]
        }
        var observation: [String: JSONValue] = [
            "uuid": .string(uuid),
            "title": .string("\(result.control) \(result.entity)"),
            "description": .string(result.message),
            "props": .array(props),
            "methods": ["TEST"],
            "types": ["control-objective"],
            "origins": origins,
            "relevant-evidence": .array(evidence),
            "collected": .string(document.generatedAt),
        ]
        if let waiver = result.waiver { observation["remarks"] = .string(Self.waiverRemarks(waiver)) }
        return .object(observation)
    }

    static func waiverRemarks(_ waiver: WaiverRecord) -> String {
        (waiver.expired ? "Waiver \(waiver.name) expired on \(waiver.expires); the failure counts again. "
            : "Risk accepted by waiver \(waiver.name) until \(waiver.expires). ")
            + "Owner \(waiver.owner), approved by \(waiver.approvedBy), ticket \(waiver.ticket), declared at "
            + "\(waiver.source). Justification: \(waiver.justification)"
    }

    private func resultFinding(
        _ result: ResultDocument.Result, observation: String, _ document: ResultDocument, _ origins: JSONValue
    ) -> JSONValue {
        let requirements = Self.requirements(of: result)
        let target = requirements.first?.1 ?? result.control
        var finding: [String: JSONValue] = [
            "uuid": .string(DeterministicUUID.make("finding", result.id)),
            "title": .string("\(result.control): \(result.title)"),
            "description": .string("\(result.entity): \(result.message)"),
            "props": .array(
                [Self.prop("result-id", result.id), Self.prop("severity", result.severity.rawValue)]
                    + requirements.map { Self.prop("requirement", "\($0.0)/\($0.1)") }),
            "origins": origins,
            "target": Self.targetOf(
                target, framework: requirements.first?.0, state: "not-satisfied",
                reason: result.status == .waived ? "other" : "fail"),
            "related-observations": [["observation-uuid": .string(observation)]],
        ]
        if let waiver = result.waiver { finding["remarks"] = .string(Self.waiverRemarks(waiver)) }
        return .object(finding)
    }

    /// The framework requirements a result's control maps to, in report order.
    static func requirements(of result: ResultDocument.Result) -> [(String, String)] {
        XMLReportRenderer.frameworkOrder(result.frameworks.keys).flatMap { framework in
            (result.frameworks[framework] ?? []).map { (framework, $0) }
        }
    }

    /// The framework requirements that results decided (coverage `pass` or `fail`), in report order.
    static func decidedRequirements(_ document: ResultDocument) -> [(String, ResultDocument.CoverageItem)] {
        XMLReportRenderer.frameworkOrder(document.coverage.keys).flatMap { framework in
            (document.coverage[framework] ?? []).filter { $0.status == .pass || $0.status == .fail }.map { (framework, $0) }
        }
    }

    /// One finding per decided framework requirement, but its `related-observations`: the observations of its
    /// controls' passing (or failing) results in document order, given as result indexes.
    static func requirementFinding(
        _ item: ResultDocument.CoverageItem, framework: String, _ document: ResultDocument, byControl: [String: [Int]],
        origins: JSONValue
    ) -> (finding: [String: JSONValue], evidence: [Int]) {
        let satisfied = item.status == .pass
        let evidence = Set(item.controls).flatMap { byControl[$0] ?? [] }
            .filter { document.results[$0].status == (satisfied ? .pass : .fail) }.sorted()
        let finding: [String: JSONValue] = [
            "uuid": .string(DeterministicUUID.make("requirement", document.inputDigest, framework, item.id)),
            "title": .string("\(framework) \(item.id): \(item.title)"),
            "description": .string(
                "\(item.id) is \(satisfied ? "satisfied" : "not satisfied") by the automated controls "
                    + item.controls.joined(separator: ", ") + "."),
            "origins": origins,
            "target": targetOf(item.id, framework: framework, state: satisfied ? "satisfied" : "not-satisfied"),
        ]
        return (finding, evidence)
    }

    /// One selection per framework listing the requirements automated controls map to; `include-all` when
    /// no requirement is mapped (OSCAL needs at least one selection).
    static func controlSelections(_ document: ResultDocument) -> [JSONValue] {
        let selections: [JSONValue] = XMLReportRenderer.frameworkOrder(document.coverage.keys).compactMap { framework in
            let ids = (document.coverage[framework] ?? []).filter { $0.status != .manual }.map(\.id)
            guard !ids.isEmpty else { return nil }
            let title = document.catalog.frameworks.first { $0.id == framework }.map { "\($0.title), version \($0.version)" }
            return [
                "description": .string(title ?? framework),
                "props": [prop("framework", framework)],
                "include-controls": .array(ids.map { ["control-id": .string($0)] }),
            ]
        }
        return selections.isEmpty ? [["include-all": [:]]] : selections
    }

    /// The requirement a finding is about; a control id when the control maps to no framework (INP-*).
    static func targetOf(_ id: String, framework: String?, state: String, reason: String? = nil) -> JSONValue {
        var target: [String: JSONValue] = [
            "type": "objective-id", "target-id": .string(id),
            "status": ["state": .string(state), "reason": .string(reason ?? (state == "satisfied" ? "pass" : "fail"))],
        ]
        if let framework { target["props"] = [prop("framework", framework)] }
        return .object(target)
    }

    static func evidence(_ file: String, _ line: Int, _ column: Int, _ field: String, value: String?) -> JSONValue {
        [
            "href": .string("\(SARIFReportRenderer.uri(file))#L\(line)"),
            "description": .string(
                "\(file):\(line):\(column)" + (field.isEmpty ? "" : " \(field)") + (value.map { " = \($0)" } ?? "")),
        ]
    }

    static func prop(_ name: String, _ value: String) -> JSONValue {
        ["name": .string(name), "ns": .string(namespace), "value": .string(propValue(value))]
    }

    /// OSCAL's StringDatatype has no leading or trailing white space and is never empty.
    static func propValue(_ value: String) -> String {
        // Printable ASCII without spaces at either end has nothing to trim (the common case, checked cheaply).
        if value.utf8.first != 0x20, value.utf8.last != 0x20, !value.isEmpty,
            value.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F })
        {
            return value
        }
        let trimmed = value.split(whereSeparator: \.isNewline).joined(separator: " ")
            .trimmingCharacters(in: .whitespaces)
        return trimmed.isEmpty ? "(empty)" : trimmed
    }
}
