import Foundation

/// The JSON block the report's script renders findings from, so 20,000 results cost one parse and a page of
/// rows, not 20,000 DOM nodes. Control texts appear once, not once per result.
struct HTMLReportData: Encodable {
    struct Control: Encodable {
        var title: String
        var severity: String
        var rationale: String
        var remediation: String
        var references: [ControlDescriptor.Reference]
        /// `framework:requirement` keys, e.g. `owasp-nhi-2025:NHI7`.
        var requirements: [String]
    }

    struct Requirement: Encodable {
        var key: String
        var label: String
    }

    struct Row: Encodable {
        var id: String
        var control: String
        var status: String
        var severity: String
        var entity: String
        var file: String
        var line: Int
        var column: Int
        var field: String
        var message: String
        var evidence: [Evidence]
        var waiver: WaiverRecord?
        var firstSeen: String?
        var isNew: Bool?
        var inBaseline: Bool?
    }

    var controls: [String: Control]
    var requirements: [Requirement]
    var results: [Row]

    init(_ document: ResultDocument) {
        var controls: [String: Control] = [:]
        for control in document.controls {
            let keys = FrameworkCatalog.order.flatMap { framework in
                control.requirements(in: framework).map { "\(framework):\($0)" }
            }
            controls[control.id] = Control(
                title: control.title, severity: control.severity.rawValue, rationale: control.rationale,
                remediation: control.remediation, references: control.references, requirements: keys)
        }
        self.controls = controls
        let frameworkTitles = Dictionary(document.catalog.frameworks.map { ($0.id, $0.title) }) { first, _ in first }
        requirements = FrameworkCatalog.order.flatMap { framework in
            (document.coverage[framework] ?? []).filter { !$0.controls.isEmpty }.map {
                Requirement(
                    key: "\(framework):\($0.id)",
                    label: "\(frameworkTitles[framework] ?? framework) \($0.id) \($0.title)")
            }
        }
        results = document.results.map {
            Row(
                id: $0.id, control: $0.control, status: $0.status.rawValue, severity: $0.severity.rawValue,
                entity: $0.entity.description, file: $0.location.file, line: $0.location.line,
                column: $0.location.column, field: $0.location.field, message: $0.message, evidence: $0.evidence,
                waiver: $0.waiver, firstSeen: $0.firstSeen, isNew: $0.isNew, inBaseline: $0.inBaseline)
        }
    }

    func json() throws -> String {
        var shell = self
        shell.results = []
        return try FastJSON.compactString(shell, streaming: results, under: "results")
    }
}
