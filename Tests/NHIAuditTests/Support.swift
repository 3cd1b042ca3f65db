import Foundation
import NHIAudit

/// The repository root, found from this file's path, so tests read the real `mappings/` and `templates/`.
enum Repository {
    static let root: URL = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let mappings = root.appendingPathComponent("mappings")
    static let templates = root.appendingPathComponent("templates")
    static let examples = root.appendingPathComponent("examples")
    /// `../shared` next to the checkout: present on developer machines and in CI, absent in a user's clone.
    static let shared = root.deletingLastPathComponent().appendingPathComponent("shared")

    static let catalog: Catalog = {
        do { return try Catalog.load(from: mappings) } catch { fatalError("catalog does not load: \(error)") }
    }()
}

/// Loads in-memory files through the real importers and evaluates them: the same path a scan takes.
enum Harness {
    static let clock = ReportClock(epochSeconds: 1_795_000_000)  // 2026-11-18, fixed for reproducible ages

    static func evaluate(files: [(name: String, text: String)], clock: ReportClock = clock) -> ResultDocument {
        let loader = EstateLoader()
        var loaded = EstateLoader.Loaded()
        for file in files {
            let result = loader.loadFile(path: file.name, data: Data(file.text.utf8))
            loaded.estate.merge(result.estate)
            loaded.inputs.append(result.record)
            loaded.diagnostics.append(contentsOf: result.diagnostics)
        }
        return Evaluator(catalog: Repository.catalog).evaluate(loaded, clock: clock)
    }

    static func evaluate(_ text: String, file: String = "example.yaml") -> ResultDocument {
        evaluate(files: [(file, text)])
    }
}
