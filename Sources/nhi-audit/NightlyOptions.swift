import ArgumentParser
import Foundation
import NHIAudit

/// The `scan` options for nightly runs: history, waivers, baselines and the extra gates.
struct NightlyOptions: ParsableArguments {
    @OptionGroup var history: HistoryOptions

    @Flag(name: .customLong("no-history"), help: "Do not record this run in the history database.")
    var noHistory = false

    @Option(name: .long, help: "A file of Waiver documents (apiVersion nhi-audit/v1, kind Waiver); repeatable.")
    var waivers: [String] = []

    @Option(name: .long, help: "A baseline file (`baseline write`), a report.json, or a history run id: only findings not in it are new debt and judged by the gate.")
    var baseline: String?

    @Flag(name: .customLong("fail-on-new"), help: "Judge only findings new since --baseline, or else since the last recorded run.")
    var failOnNew = false

    @Option(name: .customLong("min-coverage"), help: "PCT for every framework, or FRAMEWORK=PCT; exit 3 when the assessed share of automated requirements is lower. Repeatable.")
    var minCoverage: [String] = []

    /// Usage errors, exit code 2 like every other (ArgumentParser's `validate` would exit 64).
    func check() throws {
        if failOnNew && noHistory && baseline == nil {
            throw ToolError("--fail-on-new needs the history (drop --no-history) or a --baseline")
        }
        _ = try coverageTargets()
    }

    /// Records the run (filling `history`, `firstSeen`, `isNew`), applies the baseline (`inBaseline`), then
    /// runs `work` (writing the reports) on the annotated document while the history rows are inserted.
    func annotate<T>(
        _ document: inout ResultDocument, paths: [String], then work: (ResultDocument) throws -> T
    ) throws -> T {
        try historyCall {
            let store = noHistory ? nil : try history.open(create: true)
            var chosen: Baseline?
            if let baseline {
                chosen = try load(baseline, store: store)
            } else if failOnNew, let store, let last = try store.runs(limit: 1).first {
                chosen = Baseline(run: last, results: try store.results(of: last.id))
            } else if failOnNew {
                chosen = Baseline(source: "no earlier run", generatedAt: document.generatedAt, findings: [])
            }
            guard let store else {
                chosen?.apply(to: &document)
                return try work(document)
            }
            return try store.record(&document, paths: paths) { document in
                chosen?.apply(to: &document)
                return try work(document)
            }
        }
    }

    private func load(_ reference: String, store: HistoryStore?) throws -> Baseline {
        if FileManager.default.fileExists(atPath: reference) { return try Baseline.load(reference) }
        guard let id = Int64(reference) else { throw ToolError("--baseline \(reference): no such file, and not a run id") }
        guard let store else { throw ToolError("--baseline \(reference) names a run, but --no-history is set") }
        guard let run = try store.run(id) else { throw ToolError("--baseline \(reference): no such run in \(store.path)") }
        return Baseline(run: run, results: try store.results(of: id))
    }

    /// Exit code 3 reasons: expired waivers (WAIVER-001 failures) and coverage below target.
    func governanceProblems(_ document: ResultDocument) throws -> [String] {
        var problems = document.results.indices.filter {
            document.results[$0].status == .fail && document.results[$0].control == WaiverExpiredControl.id
        }.map { document.results[$0] }
            .map { "expired waiver: \($0.message)" }
        for (framework, target) in try coverageTargets().sorted(by: { $0.key < $1.key }) {
            guard let items = document.coverage[framework] else { continue }
            let share = CoverageShare.percent(items) ?? 0
            if share < target {
                problems.append(String(format: "coverage %@: %.1f%% assessed, below --min-coverage %.1f%%", framework, share, target))
            }
        }
        return problems
    }

    func coverageTargets() throws -> [String: Double] {
        var targets: [String: Double] = [:]
        for entry in minCoverage {
            let parts = entry.split(separator: "=", maxSplits: 1).map(String.init)
            guard let percent = Double(parts.last!.trimmingCharacters(in: CharacterSet(charactersIn: "% "))), (0...100).contains(percent) else {
                throw ToolError("--min-coverage takes PCT or FRAMEWORK=PCT with PCT in 0...100, not '\(entry)'")
            }
            if parts.count == 1 {
                for framework in FrameworkCatalog.order { targets[framework] = percent }
            } else if FrameworkCatalog.order.contains(parts[0]) {
                targets[parts[0]] = percent
            } else {
                throw ToolError("--min-coverage: unknown framework '\(parts[0])'; use \(FrameworkCatalog.order.joined(separator: ", "))")
            }
        }
        return targets
    }
}
