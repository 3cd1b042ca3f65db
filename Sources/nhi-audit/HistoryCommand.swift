import ArgumentParser
import Foundation
import NHIAudit

struct HistoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history", abstract: "List recorded runs with their counts, or prune old runs.",
        subcommands: [HistoryListCommand.self, HistoryPruneCommand.self], defaultSubcommand: HistoryListCommand.self)
}

struct HistoryListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List recorded runs, newest first.")

    @Option(name: .long, help: "text or json.")
    var format: String = "text"

    @OptionGroup var history: HistoryOptions

    func run() throws {
        try exitForToolError {
            guard ["text", "json"].contains(format) else { throw ToolError("--format takes text or json, not '\(format)'") }
            let store = try history.open()
            let runs = try historyCall { try store.runs() }
            if format == "json" {
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
                print(String(decoding: try encoder.encode(runs), as: UTF8.self))
                return
            }
            print("\(counted(runs.count, "run")) in \(store.path)")
            for run in runs {
                let severities = Severity.allCases.compactMap { severity in
                    (run.bySeverity[severity.rawValue] ?? 0) > 0 ? "\(run.bySeverity[severity.rawValue]!) \(severity.rawValue)" : nil
                }
                print(
                    "run \(run.id)  \(run.generatedAt)  fail \(run.fail)\(severities.isEmpty ? "" : " (\(severities.joined(separator: ", ")))")  "
                        + "waived \(run.waived)  pass \(run.pass)  indeterminate \(run.indeterminate)  "
                        + "digest \(run.runDigest?.prefix(12) ?? "-")  tool \(run.toolVersion)  catalog \(run.catalogVersion)")
            }
        }
    }
}

struct HistoryPruneCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "prune", abstract: "Delete old runs: keep the newest N, or drop runs older than a duration.")

    @Option(name: .long, help: "Keep the newest N runs.")
    var keep: Int?

    @Option(name: .customLong("older-than"), help: "Delete runs generated longer ago than this (e.g. 90d, 12h), counted from now or SOURCE_DATE_EPOCH.")
    var olderThan: String?

    @OptionGroup var history: HistoryOptions

    func run() throws {
        try exitForToolError {
            if (keep == nil) == (olderThan == nil) { throw ToolError("give exactly one of --keep N or --older-than D") }
            if let keep, keep < 0 { throw ToolError("--keep takes a count of 0 or more") }
            if let olderThan, DurationParser.seconds(from: olderThan) == nil {
                throw ToolError("--older-than takes a duration such as 30d or 12h, not '\(olderThan)'")
            }
            let store = try history.open()
            let deleted: Int
            if let keep {
                deleted = try historyCall { try store.prune(keep: keep) }
            } else {
                let now = ReportClock.fromEnvironment().epochSeconds
                let cutoff = ReportClock(epochSeconds: now - DurationParser.seconds(from: olderThan!)!).timestamp
                deleted = try historyCall { try store.prune(generatedBefore: cutoff) }
            }
            print("pruned \(deleted) runs from \(store.path)")
        }
    }
}
