import Foundation

/// SPIRE `server.conf` / `agent.conf` files: HCL with a top-level `server {}` or `agent {}` block.
public struct SpireConfigImporter: TextImporter {
    public let format = SpireConfigReader.format
    public init() {}

    public func recognizes(_ source: SourceText) -> Bool {
        TextScan.mayMatch(source.text, keyword: "plugins", orFollowedBy: UInt8(ascii: "{"))
            && (TextScan.mayMatch(source.text, keyword: "server", orFollowedBy: UInt8(ascii: "{"))
                || TextScan.mayMatch(source.text, keyword: "agent", orFollowedBy: UInt8(ascii: "{")))
            && source.text.range(of: #"(?m)^(server|agent)\s*\{"#, options: .regularExpression) != nil
            && source.text.range(of: #"(?m)^plugins\s*\{"#, options: .regularExpression) != nil
    }

    public func importText(_ source: SourceText, into sink: ImportSink) {
        switch HCLParser.parse(source.text, file: source.path) {
        case .success(let parsed):
            HCLDiagnostics.report(parsed.unsupported, into: sink)
            SpireConfigReader.read(parsed.body, file: source.path, sink: sink)
        case .failure(let error):
            sink.report(.init(.unreadable, at: error.location, "HCL syntax error: \(error.reason)"))
        }
    }
}

/// A Kubernetes ConfigMap whose `data` holds a SPIRE configuration (`server.conf`, `agent.conf`).
public struct SpireConfigMapImporter: DocumentImporter {
    public let format = "spire/configmap"
    public init() {}

    public func recognizes(_ document: DocumentNode) -> Bool {
        document["kind"]?.scalar == "ConfigMap" && !embeddedConfigs(document).isEmpty
    }

    public func importDocument(_ document: DocumentNode, into sink: ImportSink) {
        for entry in embeddedConfigs(document) {
            let value = entry.value
            let isBlock = value.isBlockScalar
            // A block scalar's text starts on the line after `|`, indented (by convention) two columns more than
            // its key; a quoted scalar starts at its opening quote.
            let lineOffset = isBlock ? value.location.line : value.location.line - 1
            let columnOffset = isBlock ? entry.keyLocation.column + 1 : value.location.column
            switch HCLParser.parse(value.scalar ?? "", file: document.file, lineOffset: lineOffset, columnOffset: columnOffset) {
            case .success(let parsed):
                HCLDiagnostics.report(parsed.unsupported, into: sink)
                SpireConfigReader.read(parsed.body, file: document.file, sink: sink)
            case .failure(let error):
                sink.report(.init(.unreadable, at: error.location, field: value.path, "HCL syntax error: \(error.reason)"))
            }
        }
    }

    private func embeddedConfigs(_ document: DocumentNode) -> [(key: String, keyLocation: SourceLocation, value: DocumentNode)] {
        (document["data"]?.entries ?? []).filter { entry in
            guard let text = entry.value.scalar else { return false }
            return text.range(of: #"(?m)^\s*(server|agent)\s*\{"#, options: .regularExpression) != nil
        }
    }
}

enum HCLDiagnostics {
    /// Unsupported constructs the parser kept as unresolved expressions: reported as low-severity INP-001.
    static func report(_ problems: [HCLSyntaxError], into sink: ImportSink) {
        for problem in problems {
            sink.report(.init(.unreadable, at: problem.location, problem.reason, severity: .low))
        }
    }
}
