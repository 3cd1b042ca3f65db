/// A raw input file, decoded as UTF-8.
public struct SourceText: Sendable {
    public let path: String
    public let text: String
    /// Lower-cased, without the dot ("" when the last path component has none). Read once: every text
    /// importer asks for it, and Foundation's substring search behind it cost more than the rest of recognition.
    public let fileExtension: String

    public init(path: String, text: String) {
        self.path = path
        self.text = text
        if let dot = path.lastIndex(of: "."), !path[dot...].contains(Character("/")) {
            fileExtension = String(path[path.index(after: dot)...]).lowercased()
        } else {
            fileExtension = ""
        }
    }

    /// The last component of a path as given (entity names of formats that have no name field use it).
    public static func fileName(of path: String) -> String { String(path.split(separator: "/").last ?? Substring(path)) }
}

/// What importing one file produced: model entities and input diagnostics.
public final class ImportSink {
    public var estate = Estate()
    public let diagnostics: DiagnosticSink

    public init(diagnostics: DiagnosticSink = DiagnosticSink()) { self.diagnostics = diagnostics }

    public func report(_ diagnostic: InputDiagnostic) { diagnostics.add(diagnostic) }
}

/// Translates one YAML/JSON document of a format it recognises into the model.
public protocol DocumentImporter: Sendable {
    /// Format name shown in reports and in the "formats tried" list of INP-002.
    var format: String { get }
    /// Decides by content (apiVersion, kind, characteristic keys), not by file name.
    func recognizes(_ document: DocumentNode) -> Bool
    func importDocument(_ document: DocumentNode, into sink: ImportSink)
}

/// Translates a whole non-YAML file (HCL, properties, NGINX config, JWT lines ...).
public protocol TextImporter: Sendable {
    var format: String { get }
    func recognizes(_ source: SourceText) -> Bool
    func importText(_ source: SourceText, into sink: ImportSink)
}

/// Runs once after every file is imported, to connect facts that live in different documents or files
/// (e.g. an Istio AuthorizationPolicy that makes a RequestAuthentication require a token). Linkers change
/// only the model; controls still read only the model.
public protocol EstateLinker: Sendable {
    func link(_ estate: inout Estate, diagnostics: DiagnosticSink)
}

/// The importers a scan tries, in order. The first that recognises a document or file takes it.
public struct ImporterRegistry: Sendable {
    public var documentImporters: [any DocumentImporter]
    public var textImporters: [any TextImporter]
    public var linkers: [any EstateLinker] = []

    public static let standard = ImporterRegistry(
        documentImporters: [
            NativeImporter(),
            KeycloakImporter(),
            DiscoveryImporter(),
            JWKSImporter(),
            SpringYAMLImporter(),
            OAuth2ProxyAlphaImporter(),
            IstioImporter(),
            EnvoyImporter(),
            KubernetesImporter(),
            SpireConfigMapImporter(),
            VaultJSONImporter(),
            AWSTrustPolicyImporter(),
        ],
        textImporters: [
            JWTSampleImporter(),
            SpringPropertiesImporter(),
            OAuth2ProxyConfigImporter(),
            NginxAuthJWTImporter(),
            SpireConfigImporter(),
            TerraformImporter(),
        ],
        linkers: [
            DuplicateNameLinker(),
            IstioPrincipalLinker(),
            KubernetesLinker(),
        ])

    public var formatNames: [String] { textImporters.map(\.format) + documentImporters.map(\.format) }
}
