/// `application.properties` (and profile variants) with Spring resource server settings.
public struct SpringPropertiesImporter: TextImporter {
    public let format = "spring-boot/properties"

    public init() {}

    /// A dotted `key: value` line is valid in both syntaxes; a YAML or JSON file is left to the YAML reader.
    public func recognizes(_ source: SourceText) -> Bool {
        !StructuredText.isStructured(source) && source.text.contains(SpringResourceServer.prefix.dropLast()) && SpringResourceServer.isResourceServer(settings(source))
    }

    public func importText(_ source: SourceText, into sink: ImportSink) {
        sink.estate.verifiers.append(
            SpringResourceServer.verifier(settings(source), name: source.path, format: format, sink: sink.diagnostics))
    }

    private func settings(_ source: SourceText) -> FlatSettings {
        let entries = PropertiesParser.parse(source.text, file: source.path).map {
            FlatSettings.Entry(key: SpringResourceServer.canonical($0.key), value: $0.value, location: $0.location)
        }
        return FlatSettings(entries: entries, anchor: SourceLocation(file: source.path, line: 1, column: 1))
    }
}
