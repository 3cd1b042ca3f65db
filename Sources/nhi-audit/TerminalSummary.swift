import NHIAudit

/// The short summary `scan` prints: counts, the worst findings, where the reports are. Each line is made visible
/// text: names, paths and messages come from the inputs.
struct TerminalSummary {
    var document: ResultDocument
    var written: [String]
    var threshold: FailThreshold

    var text: String {
        let summary = document.summary
        var lines: [String] = []
        let entities = summary.entities.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }.joined(separator: ", ")
        lines.append(
            "nhi-audit \(document.tool.version): \(counted(document.inputs.count, "input")), "
                + (entities.isEmpty ? "no entities" : entities))
        let inputs = summary.inputs
        lines.append(
            "inputs: \(inputs["assessed"] ?? 0) assessed, \(inputs["partial"] ?? 0) partly assessed, "
                + "\(inputs["not-assessed"] ?? 0) not assessed")
        let statuses = ResultStatus.allCases.map { "\(summary.byStatus[$0.rawValue] ?? 0) \($0.rawValue)" }
        lines.append("results: " + statuses.joined(separator: ", "))
        let severities = Severity.allCases.map { "\(summary.bySeverity[$0.rawValue] ?? 0) \($0.rawValue)" }
        lines.append("failures by severity: " + severities.joined(separator: ", "))
        // Worst severity first, then report order (file, line): results are already in report order, so one
        // pass keeps each severity's first ten failures instead of sorting hundreds of thousands of them.
        var failures = 0
        var firstBySeverity: [Severity: [Int]] = [:]
        for index in document.results.indices where document.results[index].status == .fail {
            failures += 1
            let severity = document.results[index].severity
            if firstBySeverity[severity, default: []].count < 10 {
                firstBySeverity[severity, default: []].append(index)
            }
        }
        let top = Severity.allCases.sorted { $0.rank > $1.rank }.flatMap { firstBySeverity[$0] ?? [] }.prefix(10)
        if !top.isEmpty {
            lines.append("top findings:")
            for result in top.map({ document.results[$0] }) {
                lines.append(
                    "  \(result.severity.rawValue.uppercased()) \(result.control) \(result.location.file):\(result.location.line):\(result.location.column) \(result.entity.kind) \(result.entity.name): \(result.message)")
            }
            if failures > 10 { lines.append("  ... and \(failures - 10) more in the reports") }
        }
        for framework in FrameworkCatalog.order {
            guard let items = document.coverage[framework] else { continue }
            let counts = ResultDocument.CoverageItem.Status.allCases.map { status in
                "\(items.filter { $0.status == status }.count) \(status.rawValue)"
            }
            lines.append("coverage \(framework): \(counts.joined(separator: ", ")) of \(items.count)")
        }
        lines.append("reports: " + written.joined(separator: ", "))
        if let severity = threshold.severity {
            let breached = threshold.isBreached(by: document)
            lines.append(breached ? "FAIL: failures at or above \(severity.rawValue)" : "PASS: no failure at or above \(severity.rawValue)")
        }
        return lines.map(VisibleText.escape).joined(separator: "\n")
    }
}
