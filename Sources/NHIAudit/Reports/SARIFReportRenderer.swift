import Foundation

/// `report.sarif`: SARIF 2.1.0 for GitHub code scanning and other SARIF viewers.
///
/// GitHub ignores a result's `kind` and turns every listed result into an alert, so only results that need
/// action are listed: failures (level by severity) and indeterminate results (level `note`, message starting
/// "Indeterminate:", `properties.status` = `indeterminate`) and waived failures, listed with an accepted
/// external suppression (SARIF 3.35; GitHub shows them as dismissed). Passing and not-applicable results are kept in
/// `run.properties.nhiAudit.resultsNotListed` (id, rule, status, entity), so every result stays countable.
public struct SARIFReportRenderer: StreamingReportRenderer {
    public let format = "sarif"
    public let fileName = "report.sarif"

    /// Results made as trees and written by the generic writer: the reference the direct writer
    /// (`SARIFResultWriter`) is held equal to.
    var itemsByTrees = false

    public init() {}

    public static func renderWithGenericTreesForTesting(_ document: ResultDocument) throws -> Data {
        var renderer = SARIFReportRenderer()
        renderer.itemsByTrees = true
        return try renderer.render(document, resources: ReportResources(templates: URL(fileURLWithPath: "/")))
    }

    /// GitHub code scanning reads `security-severity` (a number as a string) to rank security alerts:
    /// over 9.0 critical, 7.0 to 8.9 high, 4.0 to 6.9 medium, 0.1 to 3.9 low.
    public static func securitySeverity(_ severity: Severity) -> String {
        switch severity {
        case .critical: "9.5"
        case .high: "8.0"
        case .medium: "5.5"
        case .low: "3.0"
        case .info: "0.0"
        }
    }

    public static func level(_ severity: Severity) -> String {
        switch severity {
        case .critical, .high: "error"
        case .medium: "warning"
        case .low, .info: "note"
        }
    }

    /// Streamed: results (and those not listed) are made one at a time as they are written.
    public func write(_ document: ResultDocument, resources: ReportResources, to output: ReportOutput) throws {
        let ruleIndex = Dictionary(
            document.controls.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        let listed = document.results.indices.filter { Self.isListed(document.results[$0]) }
        let notListed = document.results.indices.filter { !Self.isListed(document.results[$0]) }
        // Placeholders for the streamed arrays: random, so no input value can stand for one; never written.
        let listedKey = "nhi-audit-results-\(UUID().uuidString)"
        let notListedKey = "nhi-audit-not-listed-\(UUID().uuidString)"
        let byTrees = itemsByTrees
        let streams: [String: FastJSON.StreamedArray] = [
            listedKey: byTrees
                ? FastJSON.StreamedArray(count: listed.count) { position, output, indent in
                    let result = document.results[listed[position]]
                    let tree = self.result(result, ruleIndex: ruleIndex[result.control])
                    try FastJSON.write(tree.fastJSONNode, to: output, indent: indent, streams: [:])
                }
                : FastJSON.StreamedArray(count: listed.count) {
                    { position, indent, out in
                        let result = document.results[listed[position]]
                        try SARIFResultWriter.write(result, ruleIndex: ruleIndex[result.control], indent: indent, into: &out)
                    }
                },
            notListedKey: byTrees
                ? FastJSON.StreamedArray(count: notListed.count) { position, output, indent in
                    let result = document.results[notListed[position]]
                    let tree: JSONValue = [
                        "id": .string(result.id), "ruleId": .string(result.control),
                        "status": .string(result.status.rawValue), "entity": .string(result.entity.description),
                    ]
                    try FastJSON.write(tree.fastJSONNode, to: output, indent: indent, streams: [:])
                }
                : FastJSON.StreamedArray(count: notListed.count) {
                    { position, indent, out in
                        SARIFResultWriter.writeNotListed(document.results[notListed[position]], indent: indent, into: &out)
                    }
                },
        ]
        var nhiAudit: [String: JSONValue] = [
            "schemaVersion": .string(document.schemaVersion),
            "inputDigest": .string(document.inputDigest),
            "catalogVersion": .string(document.catalog.version),
            "resultsNotListed": .string(notListedKey),
        ]
        if let runDigest = document.runDigest { nhiAudit["runDigest"] = .string(runDigest) }
        let run: JSONValue = [
            "tool": [
                "driver": [
                    "name": .string(document.tool.name),
                    "version": .string(document.tool.version),
                    "rules": .array(document.controls.map(rule)),
                ]
            ],
            "columnKind": "unicodeCodePoints",
            "invocations": [["executionSuccessful": true, "endTimeUtc": .string(document.generatedAt)]],
            "results": .string(listedKey),
            "properties": ["nhiAudit": .object(nhiAudit)],
        ]
        let log: JSONValue = [
            "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
            "version": "2.1.0",
            "runs": [run],
        ]
        try FastJSON.writeDocument(log.fastJSONNode, to: output, streams: streams)
    }

    private func rule(_ control: ControlDescriptor) -> JSONValue {
        let tags = XMLReportRenderer.frameworkOrder(control.frameworks.keys).flatMap { framework in
            control.requirements(in: framework).map { JSONValue.string("\(framework)/\($0)") }
        }
        var rule: [String: JSONValue] = [
            "id": .string(control.id),
            "name": .string(Self.identifier(control.title)),
            "shortDescription": ["text": .string(control.title)],
            "fullDescription": ["text": .string(control.rationale)],
            "help": ["text": .string(helpText(control)), "markdown": .string(helpMarkdown(control))],
            "defaultConfiguration": ["level": .string(Self.level(control.severity))],
            "properties": [
                "tags": .array(["security"] + tags),
                "security-severity": .string(Self.securitySeverity(control.severity)),
                "severity": .string(control.severity.rawValue),
            ],
        ]
        if let url = control.references.compactMap(\.url).first { rule["helpUri"] = .string(url) }
        return .object(rule)
    }

    private func helpText(_ control: ControlDescriptor) -> String {
        let references = control.references.map { "- \($0.title)\($0.url.map { ": \($0)" } ?? "")" }
        return ([control.remediation] + (references.isEmpty ? [] : ["", "References:"] + references))
            .joined(separator: "\n")
    }

    private func helpMarkdown(_ control: ControlDescriptor) -> String {
        let references = control.references.map { reference in
            let title = MarkdownText.escape(reference.title)
            return "- " + (reference.url.map { "[\(title)](<\($0)>)" } ?? title)
        }
        return ([MarkdownText.escape(control.remediation)]
            + (references.isEmpty ? [] : ["", "**References**", ""] + references))
            .joined(separator: "\n")
    }

    private func result(_ result: ResultDocument.Result, ruleIndex: Int?) -> JSONValue {
        let indeterminate = result.status == .indeterminate
        let message = (indeterminate ? "Indeterminate: " : "") + "\(result.entity): \(result.message)"
        var value: [String: JSONValue] = [
            "ruleId": .string(result.control),
            "level": .string(indeterminate ? "note" : Self.level(result.severity)),
            "message": ["text": .string(message)],
            "locations": [
                [
                    "physicalLocation": [
                        "artifactLocation": ["uri": .string(Self.uri(result.location.file))],
                        "region": [
                            "startLine": .int(max(1, result.location.line)),
                            "startColumn": .int(max(1, result.location.column)),
                        ],
                    ],
                    "logicalLocations": [
                        ["fullyQualifiedName": .string(result.entity.description), "kind": "resource"]
                    ],
                ]
            ],
            "partialFingerprints": ["nhiAuditResultId/v1": .string(result.id)],
        ]
        if let ruleIndex { value["ruleIndex"] = .int(ruleIndex) }
        value["properties"] = .object(Self.properties(of: result))
        if result.status == .waived, let waiver = result.waiver { value["suppressions"] = Self.suppressions(waiver) }
        // SARIF 3.27.24: "new" since the previous run, or "unchanged"; only known with history on.
        if let isNew = result.isNew { value["baselineState"] = .string(isNew ? "new" : "unchanged") }
        return .object(value)
    }

    static func properties(of result: ResultDocument.Result) -> [String: JSONValue] {
        var properties: [String: JSONValue] = [
            "status": .string(result.status.rawValue),
            "severity": .string(result.severity.rawValue),
            "field": .string(result.location.field),
            "entity": .string(result.entity.description),
        ]
        if let waiver = result.waiver { properties.merge(Self.waiverProperties(waiver)) { $1 } }
        if let firstSeen = result.firstSeen { properties["firstSeen"] = .string(firstSeen) }
        return properties
    }

    /// A waived result's accepted external suppression.
    static func suppressions(_ waiver: WaiverRecord) -> JSONValue {
        [
            [
                "kind": "external", "status": "accepted",
                "justification": .string(
                    "\(waiver.justification) (waiver \(waiver.name), owner \(waiver.owner), approved by "
                        + "\(waiver.approvedBy), ticket \(waiver.ticket), expires \(waiver.expires))"),
                "location": [
                    "physicalLocation": ["artifactLocation": ["uri": .string(Self.uri(Self.file(of: waiver.source)))]]
                ],
            ]
        ]
    }

    /// Failures and indeterminate results need action; waived ones are listed suppressed, so they stay visible.
    static func isListed(_ result: ResultDocument.Result) -> Bool {
        [.fail, .indeterminate, .waived].contains(result.status)
    }

    static func waiverProperties(_ waiver: WaiverRecord) -> [String: JSONValue] {
        [
            "waiver": .string(waiver.name), "waiverOwner": .string(waiver.owner),
            "waiverApprovedBy": .string(waiver.approvedBy), "waiverTicket": .string(waiver.ticket),
            "waiverExpires": .string(waiver.expires), "waiverExpired": .bool(waiver.expired),
        ]
    }

    /// The file part of a `file:line:column` source.
    static func file(of source: String) -> String {
        var parts = source.split(separator: ":", omittingEmptySubsequences: false)
        while parts.count > 1, let last = parts.last, Int(last) != nil { parts.removeLast() }
        return parts.joined(separator: ":")
    }

    /// The path as given, percent-encoded where a URI reference needs it (spaces, `#`, `?`, `%`).
    static func uri(_ path: String) -> String {
        // Fast path: nothing to encode (RFC 3986 path characters only), checked on bytes.
        let safe = uriSafe
        if path.utf8.allSatisfy({ safe[Int($0)] }) { return path }
        return path.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed.subtracting(.init(charactersIn: "?#%")))
            ?? path
    }

    /// By byte value: a table, not a set, since every path of every result is checked.
    private static let uriSafe: [Bool] = {
        let safe = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~!$&'()*+,=:@/".utf8)  // CharacterSet.urlPathAllowed (no ';')
        return (0...255).map { safe.contains(UInt8($0)) }
    }()

    /// A rule `name` (SARIF 3.49.7): the title as one PascalCase identifier.
    static func identifier(_ title: String) -> String {
        title.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map { $0.prefix(1).uppercased() + $0.dropFirst() }
            .joined()
    }
}
