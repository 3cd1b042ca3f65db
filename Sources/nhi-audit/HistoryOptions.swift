import ArgumentParser
import Foundation
import NHIAudit

/// `--history PATH`, shared by `scan`, `history`, `diff` and `baseline`.
struct HistoryOptions: ParsableArguments {
    @Option(name: .customLong("history"), help: "The run history database.")
    var path: String = HistoryStore.defaultPath

    func open(create: Bool = false) throws -> HistoryStore {
        do {
            return try HistoryStore.open(at: path, create: create)
        } catch let error as HistoryStore.StoreError {
            throw ToolError(error.description)
        }
    }
}

/// A run id argument or the latest runs by default.
func resolveRun(_ text: String?, in store: HistoryStore, default fallback: HistoryStore.Run?) throws -> HistoryStore.Run {
    guard let text else {
        guard let fallback else { throw ToolError("\(store.path) holds fewer runs than needed; scan again or name the runs") }
        return fallback
    }
    guard let id = Int64(text), let run = try historyCall({ try store.run(id) }) else {
        throw ToolError("no run '\(text)' in \(store.path); `nhi-audit history` lists them")
    }
    return run
}

func historyCall<T>(_ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let error as HistoryStore.StoreError {
        throw ToolError(error.description)
    } catch let error as Baseline.LoadError {
        throw ToolError(error.description)
    }
}
