import ArgumentParser
import Foundation
import NHIAudit

struct BaselineCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "baseline", abstract: "Write a baseline of accepted debt for `scan --baseline`.",
        subcommands: [BaselineWriteCommand.self])
}

struct BaselineWriteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "write", abstract: "Write the findings of the last run (or --run N, or --from report.json) to FILE.")

    @Argument(help: "The baseline file to write.")
    var file: String

    @Option(name: .long, help: "A report.json to take the findings from, instead of the history.")
    var from: String?

    @Option(name: .customLong("run"), help: "A history run id (default: the newest run).")
    var runID: String?

    @OptionGroup var history: HistoryOptions

    func run() throws {
        try exitForToolError {
            let baseline: Baseline = try historyCall {
                if let from { return try Baseline.load(from) }
                let store = try history.open()
                let chosen = try resolveRun(runID, in: store, default: try store.runs(limit: 1).first)
                return Baseline(run: chosen, results: try store.results(of: chosen.id))
            }
            do {
                try AtomicWriter.write(try baseline.encoded(), to: URL(fileURLWithPath: file))
            } catch let error as ReportError {
                throw ToolError(error.description)
            }
            print(VisibleText.escape("wrote \(counted(baseline.findings.count, "finding")) from \(baseline.source) to \(file)"))
        }
    }
}
