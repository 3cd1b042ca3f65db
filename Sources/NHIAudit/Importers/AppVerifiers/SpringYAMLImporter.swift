/// `application.yml` / `.yaml` documents with Spring resource server settings, nested or with dotted keys.
public struct SpringYAMLImporter: DocumentImporter {
    public let format = "spring-boot/yaml"

    public init() {}

    public func recognizes(_ document: DocumentNode) -> Bool {
        guard document.keyTexts.contains(where: { $0.hasPrefix("spring") }) else { return false }
        return SpringResourceServer.isResourceServer(settings(document))
    }

    public func importDocument(_ document: DocumentNode, into sink: ImportSink) {
        let name = document.location.line > 1 ? "\(document.file)#\(document.location.line)" : document.file
        sink.estate.verifiers.append(
            SpringResourceServer.verifier(settings(document), name: name, format: format, sink: sink.diagnostics))
    }

    private func settings(_ document: DocumentNode) -> FlatSettings {
        var entries: [FlatSettings.Entry] = []
        flatten(document, prefix: "", into: &entries)
        return FlatSettings(entries: entries, anchor: document.location)
    }

    private func flatten(_ node: DocumentNode, prefix: String, into entries: inout [FlatSettings.Entry]) {
        for entry in node.entries {
            let key = prefix.isEmpty ? SpringResourceServer.canonical(entry.key) : prefix + "." + SpringResourceServer.canonical(entry.key)
            if entry.value.isMapping {
                flatten(entry.value, prefix: key, into: &entries)
            } else if entry.value.isSequence {
                let items = entry.value.items.compactMap(\.scalar)
                entries.append(.init(key: key, value: items.joined(separator: ","), location: entry.value.location, items: items))
            } else if let scalar = entry.value.scalar {
                entries.append(.init(key: key, value: scalar, location: entry.value.location))
            }
        }
    }
}
