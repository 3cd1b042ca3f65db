import Foundation
import NHIAudit

/// Loads fixture files of this repository through the real loader (importers and linkers).
enum MeshFixtures {
    static let root = Repository.root.appendingPathComponent("Tests/Fixtures")

    static func path(_ relative: String) -> String { root.appendingPathComponent(relative).path }

    static func load(_ relatives: String...) -> EstateLoader.Loaded {
        EstateLoader().load(paths: relatives.map(path))
    }

    static func loadText(_ text: String, file: String = "inline.yaml") -> EstateLoader.FileResult {
        EstateLoader().loadFile(path: file, data: Data(text.utf8))
    }
}
