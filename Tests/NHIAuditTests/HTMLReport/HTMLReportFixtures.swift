import Foundation
import NHIAudit

/// Result documents for the HTML report tests, built from the native fixtures in `Tests/Fixtures/html`.
enum HTMLReportFixtures {
    static let folder = Repository.root.appendingPathComponent("Tests/Fixtures/html")

    static func document(_ names: [String]) -> ResultDocument {
        Harness.evaluate(
            files: names.map { name in
                let url = folder.appendingPathComponent(name)
                return ("Tests/Fixtures/html/\(name)", (try? String(contentsOf: url, encoding: .utf8)) ?? "")
            })
    }

    static var estate: ResultDocument { document(["broken.yaml", "duplicate.yaml", "estate.yaml", "unrecognized.yaml"]) }
    static var hostile: ResultDocument { document(["estate.yaml", "hostile.yaml"]) }

    /// The example estate as a scan of `examples/acme` sees it, when another change has added it.
    static var acme: ResultDocument? {
        let folder = Repository.examples.appendingPathComponent("acme")
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path), !names.isEmpty else { return nil }
        return Harness.evaluate(
            files: names.sorted().filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") || $0.hasSuffix(".json") }
                .compactMap { name in
                    (try? String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)).map {
                        ("examples/acme/\(name)", $0)
                    }
                })
    }

    /// The fixture estate's results multiplied to `count`, varied in entity, status and severity, with a
    /// consistent summary: a scale test for the renderer and the page, not for the controls.
    static func large(count: Int) -> ResultDocument {
        var document = estate
        let base = document.results
        document.results = (0..<count).map { index in
            var result = base[index % base.count]
            result.id = String(format: "%016x", index)
            result.entity.name += "-\(index / base.count % 700)"
            result.location.file = "estate/team-\(index % 97)/tokens.yaml"
            result.location.line = 1 + index % 400
            result.status = ResultStatus.allCases[index % ResultStatus.allCases.count]
            result.severity = Severity.allCases[index / 4 % Severity.allCases.count]
            return result
        }
        var byStatus: [String: Int] = [:]
        var bySeverity: [String: Int] = [:]
        for result in document.results {
            byStatus[result.status.rawValue, default: 0] += 1
            if result.status == .fail { bySeverity[result.severity.rawValue, default: 0] += 1 }
        }
        document.summary.results = count
        document.summary.byStatus = byStatus
        document.summary.bySeverity = bySeverity
        return document
    }

    static func render(_ document: ResultDocument, templates: URL = Repository.templates) throws -> Data {
        try HTMLReportRenderer().render(document, resources: ReportResources(templates: templates))
    }
}
