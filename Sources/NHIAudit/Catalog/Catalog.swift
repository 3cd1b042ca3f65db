import Foundation
import Yams

/// Controls and framework catalogs loaded from `mappings/`, validated on load: every framework ID a control
/// cites must exist in its catalog, and every control in the data must have code (and the reverse).
public struct Catalog: Sendable {
    public var version: String
    public var controls: [ControlDescriptor]
    public var frameworks: [FrameworkCatalog]

    public struct LoadError: Error, CustomStringConvertible {
        public var description: String
    }

    public func control(_ id: String) -> ControlDescriptor? { controls.first { $0.id == id } }
    public func framework(_ id: String) -> FrameworkCatalog? { frameworks.first { $0.id == id } }

    public static func load(from mappings: URL, registry: ControlRegistry = .standard) throws -> Catalog {
        let decoder = YAMLDecoder()
        func decode<T: Decodable>(_ type: T.Type, _ url: URL) throws -> T {
            do {
                return try decoder.decode(type, from: try String(contentsOf: url, encoding: .utf8))
            } catch {
                throw LoadError(description: "\(url.path): \(error)")
            }
        }
        struct Header: Decodable { var version: String }
        let header = try decode(Header.self, mappings.appendingPathComponent("catalog.yaml"))
        let frameworks = try FrameworkCatalog.order.map {
            try decode(FrameworkCatalog.self, mappings.appendingPathComponent("frameworks/\($0).yaml"))
        }
        let controlDirectory = mappings.appendingPathComponent("controls")
        let files = try FileManager.default.contentsOfDirectory(atPath: controlDirectory.path)
            .filter { $0.hasSuffix(".yaml") }.sorted()
        let controls = try files.map { try decode(ControlDescriptor.self, controlDirectory.appendingPathComponent($0)) }
        let catalog = Catalog(version: header.version, controls: controls.sorted { $0.id < $1.id }, frameworks: frameworks)
        try catalog.validate(registry: registry)
        return catalog
    }

    /// Loud failure for a wrong framework ID: the worst bug a compliance tool can have.
    public func validate(registry: ControlRegistry) throws {
        var problems: [String] = []
        var seen = Set<String>()
        for control in controls {
            if !seen.insert(control.id).inserted { problems.append("\(control.id): defined twice") }
            for (frameworkID, requirementIDs) in control.frameworks {
                guard let framework = framework(frameworkID) else {
                    problems.append("\(control.id): unknown framework '\(frameworkID)'")
                    continue
                }
                for requirementID in requirementIDs where framework.requirement(requirementID) == nil {
                    problems.append("\(control.id): '\(requirementID)' is not in \(framework.title) \(framework.version)")
                }
            }
        }
        let coded = Set(registry.controlIDs)
        for id in coded.subtracting(seen).sorted() { problems.append("\(id): has code but no mappings/controls/\(id).yaml") }
        for id in seen.subtracting(coded).sorted() { problems.append("\(id): has data but no control type") }
        if !problems.isEmpty {
            throw LoadError(description: "the control catalog is invalid:\n  " + problems.joined(separator: "\n  "))
        }
    }
}
