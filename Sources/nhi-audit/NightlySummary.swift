import NHIAudit

/// Lines `scan` adds for nightly runs: run id and digest, what is new, the baseline, governance problems.
struct NightlySummary {
    var document: ResultDocument
    var problems: [String]

    var text: String {
        var lines: [String] = []
        if let digest = document.runDigest { lines.append("run digest: sha256:\(digest)") }
        if let history = document.history {
            let previous = history.previousRun.map { "since run \($0): \(history.newFindings) new, \(history.resolvedFindings) resolved" }
            lines.append("history: run \(history.run)\(previous.map { "; \($0)" } ?? " (first recorded run)")")
        }
        if let baseline = document.baseline {
            lines.append("baseline \(baseline.source): \(baseline.findings) known findings; new debt: \(baseline.newFindings) failures (the gate judges only these)")
        }
        let waived = document.summary.byStatus[ResultStatus.waived.rawValue, default: 0]
        if waived > 0 { lines.append("waived: \(waived) failures accepted by unexpired waivers (not passing, not gating)") }
        lines += problems.map { "EXIT 3: \($0)" }
        return lines.map(VisibleText.escape).joined(separator: "\n")
    }
}
