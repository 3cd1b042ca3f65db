/// The native estate format `nhi-audit/v1` (README, "The estate format").
public struct NativeImporter: DocumentImporter {
    public static let apiVersion = "nhi-audit/v1"
    public let format = "nhi-audit/v1"

    public init() {}

    public func recognizes(_ document: DocumentNode) -> Bool {
        document["apiVersion"]?.scalar?.hasPrefix("nhi-audit/") == true
    }

    public func importDocument(_ document: DocumentNode, into sink: ImportSink) {
        let diagnostics = sink.diagnostics
        let apiVersion = document["apiVersion"]?.scalar ?? ""
        guard apiVersion == Self.apiVersion else {
            diagnostics.add(
                .init(
                    .unreadable, at: document["apiVersion"]?.location ?? document.location, field: "apiVersion",
                    "unsupported apiVersion '\(apiVersion)'; this version of nhi-audit reads \(Self.apiVersion)"))
            return
        }
        let root = FieldReader(document, path: "", anchor: document.location, sink: diagnostics)
        _ = root.raw("apiVersion")
        let kind = root.raw("kind")?.scalar
        guard let metadata = readMetadata(root, document: document, kind: kind ?? "?") else {
            root.reportUnknownKeys()
            return
        }
        let spec = root.nested("spec")
        switch kind {
        case "Issuer": sink.estate.issuers.append(NativeIssuerReader.read(spec, metadata: metadata, sink: diagnostics))
        case "Verifier":
            sink.estate.verifiers.append(NativeVerifierReader.read(spec, metadata: metadata, sink: diagnostics))
        case "Policy": sink.estate.policies.append(NativePolicyReader.read(spec, metadata: metadata))
        case "Waiver": sink.estate.waivers.append(WaiverReader.read(spec, metadata: metadata, sink: diagnostics))
        default:
            diagnostics.add(
                .init(
                    .unreadable, at: document["kind"]?.location ?? document.location, field: "kind",
                    "kind '\(kind ?? "")' is not one of Issuer, Verifier, Policy, Waiver; the document is not assessed"))
            return
        }
        if document["spec"] == nil {
            diagnostics.add(.init(.unreadable, at: document.location, field: "spec", "missing spec"))
        }
        spec.reportUnknownKeys()
        root.reportUnknownKeys()
    }

    private func readMetadata(_ root: FieldReader, document: DocumentNode, kind: String) -> EntityMetadata? {
        let metadata = root.nested("metadata")
        defer { metadata.reportUnknownKeys() }
        let name = metadata.string("name")
        let owner = metadata.string("owner")
        let environment = metadata.string("environment")
        let lastReviewed = metadata.date("lastReviewed")
        guard let nameValue = name.value, !nameValue.isEmpty else {
            let reason = name.unknownReason ?? "metadata.name is empty"
            root.sink.add(
                .init(
                    .unreadable, at: name.location ?? document.location, field: "metadata.name",
                    "\(reason); the \(kind) is not assessed"))
            return nil
        }
        return EntityMetadata(
            name: nameValue, owner: owner, environment: environment, lastReviewed: lastReviewed, format: format,
            location: document.location)
    }
}
