import ArgumentParser
import NHIAudit

struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff", abstract: "What changed between two recorded runs (default: the last two).",
        discussion: """
            Categories, by result fingerprint (control, entity, field; not the line): new, regressed (was pass, \
            indeterminate or not-applicable, or severity rose), waiver-expired, resolved, still-failing.
            """)

    @Argument(help: "The earlier run id (default: the second newest).")
    var runA: String?

    @Argument(help: "The later run id (default: the newest).")
    var runB: String?

    @Option(name: .long, help: "text, json or md.")
    var format: String = "text"

    @OptionGroup var history: HistoryOptions

    func run() throws {
        try exitForToolError {
            guard ["text", "json", "md"].contains(format) else { throw ToolError("--format takes text, json or md, not '\(format)'") }
            let store = try history.open()
            let latest = try historyCall { try store.runs(limit: 2) }
            let later = try resolveRun(runB, in: store, default: latest.first)
            let earlier = try resolveRun(runA, in: store, default: runA == nil ? latest.dropFirst().first : nil)
            let diff = try historyCall {
                RunDiff(from: earlier, to: later, old: try store.results(of: earlier.id), new: try store.results(of: later.id))
            }
            switch format {
            case "json": print(try RunDiffRenderer.json(diff))
            case "md": print(RunDiffRenderer.markdown(diff), terminator: "")
            default: print(RunDiffRenderer.text(diff))
            }
        }
    }
}
