import ArgumentParser
import Foundation
import NHIAudit

struct ScanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scan",
        abstract: "Scan files and folders, evaluate every control and write reports.",
        discussion: """
            Exit codes: 0 no failure at or above --fail-on; 1 at least one; 2 usage or tool error; 3 an expired \
            waiver or coverage below --min-coverage (3 wins over 1). Waived results never fail the gate; with \
            --baseline (or --fail-on-new) only failures not in the baseline count.

            Every run is recorded in the history database (--history, default \(HistoryStore.defaultPath); \
            --no-history to skip): see `nhi-audit history` and `nhi-audit diff`.
            """)

    @Argument(help: "Files or folders to scan (folders are walked recursively; hidden folders are skipped).")
    var paths: [String]

    @Option(name: .long, help: "Folder the reports are written to.")
    var out: String = "nhi-audit-report"

    @Option(name: .long, help: "Comma-separated formats (\(ReportFormats.names.joined(separator: ", ")), or all).")
    var format: String = "html,xml,json"

    @Option(name: .long, help: "A file of Policy documents; they win over policies found among the inputs.")
    var policy: [String] = []

    @Option(name: .customLong("fail-on"), help: "Lowest failure severity that makes the exit code 1: critical, high, medium, low or none.")
    var failOn: String = "high"

    @OptionGroup var homeOptions: HomeOptions

    @OptionGroup var nightly: NightlyOptions

    func run() throws {
        try exitForToolError {
            PendingFiles.removeOnTermination()
            let threshold = try FailThreshold(failOn)
            try nightly.check()
            let renderers = try Self.renderers(for: format)
            for path in paths + policy where !FileManager.default.fileExists(atPath: path) {
                throw ToolError("\(path): no such file or folder")
            }
            var scan = Scan(
                paths: paths, policyFiles: policy, outputDirectory: URL(fileURLWithPath: out),
                home: try homeOptions.resolve(), clock: .fromEnvironment())
            scan.waiverFiles = nightly.waivers
            scan.excludedPaths = nightly.noHistory ? [] : HistoryStore.files(at: nightly.history.path)
            var document = try scan.run()
            let written = try nightly.annotate(&document, paths: paths + policy + nightly.waivers) {
                try scan.write($0, formats: renderers)
            }
            print(TerminalSummary(document: document, written: written.map(\.path), threshold: threshold).text)
            let problems = try nightly.governanceProblems(document)
            print(NightlySummary(document: document, problems: problems).text)
            let code: Int32 = !problems.isEmpty ? 3 : threshold.isBreached(by: document) ? 1 : 0
            // Exit with the document still alive: freeing hundreds of thousands of results one by one only
            // delays the exit code (about a second at 100k files). The reports are committed and closed, and
            // exit() flushes standard output.
            Foundation.exit(code)
        }
    }

    static func renderers(for list: String) throws -> [any ReportRenderer] {
        let names = list.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        if names.contains("all") { return ReportFormats.all }
        return try names.map { name in
            guard let renderer = ReportFormats.renderer(named: name) else {
                throw ToolError("unknown format '\(name)'; use \(ReportFormats.names.joined(separator: ", ")) or all")
            }
            return renderer
        }
    }
}

/// `--fail-on`: the lowest failure severity that fails the run.
struct FailThreshold {
    var severity: Severity?

    init(_ text: String) throws {
        if text.lowercased() == "none" {
            severity = nil
        } else if let severity = Severity(rawValue: text.lowercased()), severity != .info {
            self.severity = severity
        } else {
            throw ToolError("--fail-on takes critical, high, medium, low or none, not '\(text)'")
        }
    }

    func isBreached(by document: ResultDocument) -> Bool {
        guard let severity else { return false }
        let results = document.results  // read through indexes: a closure over each element copies every record
        return results.indices.contains {
            results[$0].status == .fail && results[$0].severity >= severity && results[$0].inBaseline != true
        }
    }
}
