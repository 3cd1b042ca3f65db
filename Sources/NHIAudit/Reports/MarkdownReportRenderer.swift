import Foundation

/// `report.md`: a summary short enough for a pull-request comment or a CI job summary: counts, coverage per
/// framework with an honest denominator, what is new since the previous run and the baseline, the ten most
/// severe failures linked by file:line, expired waivers, and the inputs that were not assessed. Every value
/// from the inputs is Markdown-escaped.
public struct MarkdownReportRenderer: ReportRenderer {
    public static let topFailures = 10
    public let format = "md"
    public let fileName = "report.md"

    public init() {}

    public func render(_ document: ResultDocument, resources: ReportResources) throws -> Data {
        var lines = [heading(document), "", counts(document), ""]
        lines += coverage(document) + [""]
        lines += changes(document)
        lines += failures(document)
        lines += expiredWaivers(document)
        lines += notAssessed(document)
        lines.append(
            "<sub>\(MarkdownText.escape("\(document.tool.name) \(document.tool.version)")) · catalog "
                + "\(MarkdownText.escape(document.catalog.version)) · \(document.generatedAt) · input digest "
                + "`\(document.inputDigest.prefix(16))`"
                + (document.runDigest.map { " · run digest `\($0.prefix(16))`" } ?? "") + "</sub>")
        return Data((lines.joined(separator: "\n") + "\n").utf8)
    }

    private func heading(_ document: ResultDocument) -> String {
        let failures = document.summary.byStatus[ResultStatus.fail.rawValue, default: 0]
        let severities = Severity.allCases.compactMap { severity in
            document.summary.bySeverity[severity.rawValue].flatMap { $0 > 0 ? "\($0) \(severity.rawValue)" : nil }
        }
        return "## nhi-audit: \(failures) failure\(failures == 1 ? "" : "s")"
            + (severities.isEmpty ? "" : " (\(severities.joined(separator: ", ")))")
    }

    private func counts(_ document: ResultDocument) -> String {
        let statuses = ResultStatus.allCases.map { "\($0.rawValue) \(document.summary.byStatus[$0.rawValue, default: 0])" }
        let inputs = document.summary.inputs.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }
        let new = document.results.filter { $0.isNew == true && $0.status == .fail }.count
        let newText = document.history == nil ? "" : " · new \(new)"
        return "**\(document.summary.results) results:** \(statuses.joined(separator: " · "))\(newText). "
            + "**\(counted(document.inputs.count, "input")):** \(inputs.joined(separator: ", "))."
    }

    private func coverage(_ document: ResultDocument) -> [String] {
        var lines = [
            "| Framework | Requirements | Assessed | Pass | Fail | Waived | Indeterminate | Not assessed | Manual evidence |",
            "|---|---:|---:|---:|---:|---:|---:|---:|---:|",
        ]
        for framework in XMLReportRenderer.frameworkOrder(document.coverage.keys) {
            let items = document.coverage[framework] ?? []
            func count(_ status: ResultDocument.CoverageItem.Status) -> Int { items.filter { $0.status == status }.count }
            let assessed = count(.pass) + count(.fail) + count(.waived) + count(.indeterminate)
            let title = document.catalog.frameworks.first { $0.id == framework }?.title ?? framework
            lines.append(
                "| \(MarkdownText.escape(title)) | \(items.count) | \(assessed) | \(count(.pass)) | \(count(.fail)) | \(count(.waived)) | "
                    + "\(count(.indeterminate)) | \(count(.notAssessed)) | \(count(.manual)) |")
        }
        return lines
    }

    private func failures(_ document: ResultDocument) -> [String] {
        let failing = document.results.enumerated().filter { $0.element.status == .fail }
            .sorted { ($1.element.severity.rank, $0.offset) < ($0.element.severity.rank, $1.offset) }.map(\.element)
        guard !failing.isEmpty else { return ["No failures.", ""] }
        var lines = [
            "### Top failures (\(min(failing.count, Self.topFailures)) of \(failing.count))", "",
            "| Severity | Control | Entity | Where | Message |", "|---|---|---|---|---|",
        ]
        for result in failing.prefix(Self.topFailures) {
            let location = result.location
            let place = "\(location.file):\(location.line)"
            lines.append(
                "| \(result.severity.rawValue) | \(result.control) | \(MarkdownText.escape(result.entity.description)) | "
                    + "[\(MarkdownText.escape(place))](<\(SARIFReportRenderer.uri(location.file))#L\(location.line)>) | "
                    + "\(MarkdownText.escape(result.message)) |")
        }
        return lines + [""]
    }

    /// Since the previous run and against the baseline, when the run had them.
    private func changes(_ document: ResultDocument) -> [String] {
        var lines: [String] = []
        if let history = document.history {
            let previous = history.previousRun.map { run in
                "run \(run)" + (history.previousGeneratedAt.map { " (\($0))" } ?? "")
            }
            lines.append(
                previous.map {
                    "**Since \($0):** \(history.newFindings) new, \(history.resolvedFindings) resolved (this is run \(history.run))."
                } ?? "**First recorded run** (run \(history.run)): nothing to compare with yet.")
        }
        if let baseline = document.baseline {
            lines.append(
                "**Baseline** \(MarkdownText.escape(baseline.source)): \(baseline.findings) accepted finding(s); "
                    + "\(baseline.newFindings) new failure(s) not in it.")
        }
        return lines.isEmpty ? [] : lines + [""]
    }

    private func expiredWaivers(_ document: ResultDocument) -> [String] {
        let expired = document.results.filter { $0.waiver?.expired == true }
        guard !expired.isEmpty else { return [] }
        var lines = [
            "### Expired waivers (\(expired.count))", "",
            "| Waiver | Expired | Owner | Approved by | Ticket | Control | Entity |", "|---|---|---|---|---|---|---|",
        ]
        for result in expired {
            guard let waiver = result.waiver else { continue }
            let cells = [
                MarkdownText.escape(waiver.name), waiver.expires, MarkdownText.escape(waiver.owner),
                MarkdownText.escape(waiver.approvedBy), MarkdownText.escape(waiver.ticket), result.control,
                MarkdownText.escape(result.entity.description),
            ]
            lines.append("| " + cells.joined(separator: " | ") + " |")
        }
        return lines + [""]
    }

    private func notAssessed(_ document: ResultDocument) -> [String] {
        let inputs = document.inputs.filter { $0.status != .assessed }
        guard !inputs.isEmpty else { return [] }
        var lines = ["### Inputs not fully assessed", ""]
        for input in inputs {
            let notes = input.notes.isEmpty ? "" : ": " + MarkdownText.escape(input.notes.joined(separator: "; "))
            lines.append("- \(MarkdownText.escape(input.path)) (\(input.status.rawValue))\(notes)")
        }
        return lines + [""]
    }
}
