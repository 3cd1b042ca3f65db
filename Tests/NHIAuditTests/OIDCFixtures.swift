import Foundation
import NHIAudit

/// Fixtures of the OIDC, key, token and application-verifier importers (`Tests/Fixtures/<area>/`).
enum OIDCFixtures {
    static let root = Repository.root.appendingPathComponent("Tests/Fixtures")

    static func text(_ name: String) -> String {
        (try? String(contentsOf: root.appendingPathComponent(name), encoding: .utf8)) ?? ""
    }

    /// Imports one fixture through the real loader, under its name relative to `Tests/Fixtures`.
    static func load(_ name: String) -> EstateLoader.FileResult {
        EstateLoader().loadFile(path: name, data: Data(text(name).utf8))
    }

    static func evaluate(_ names: String...) -> ResultDocument {
        Harness.evaluate(files: names.map { ($0, text($0)) })
    }
}

extension ResultDocument {
    func failures(_ control: String) -> [ResultDocument.Result] {
        results.filter { $0.control == control && $0.status == .fail }
    }

    func statuses(_ control: String) -> [ResultStatus] {
        results.filter { $0.control == control }.map(\.status)
    }
}

extension ResultDocument {
    /// Every registered report format's output, concatenated: what must never contain a secret.
    func renderedEverywhere() throws -> String {
        let resources = ReportResources(templates: Repository.templates)
        return try ReportFormats.all.map { String(decoding: try $0.render(self, resources: resources), as: UTF8.self) }
            .joined(separator: "\n")
    }
}
