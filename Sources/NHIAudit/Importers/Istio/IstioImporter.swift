/// Istio security resources: `RequestAuthentication` and `AuthorizationPolicy` (security.istio.io v1, v1beta1).
public struct IstioImporter: DocumentImporter {
    public let format = "istio/security"
    static let kinds = ["RequestAuthentication", "AuthorizationPolicy"]
    static let versions = ["security.istio.io/v1", "security.istio.io/v1beta1"]

    public init() {}

    public func recognizes(_ document: DocumentNode) -> Bool {
        guard let apiVersion = document["apiVersion"]?.scalar, apiVersion.hasPrefix("security.istio.io/") else {
            return false
        }
        return Self.kinds.contains(document["kind"]?.scalar ?? "")
    }

    public func importDocument(_ document: DocumentNode, into sink: ImportSink) {
        let diagnostics = sink.diagnostics
        let apiVersion = document["apiVersion"]?.scalar ?? ""
        guard Self.versions.contains(apiVersion) else {
            diagnostics.add(.init(.unreadable, at: document["apiVersion"]?.location ?? document.location,
                field: "apiVersion",
                "unsupported apiVersion '\(apiVersion)'; nhi-audit reads \(Self.versions.joined(separator: ", "))"))
            return
        }
        let object = KubernetesObject(document, sink: diagnostics)
        guard let name = object.qualifiedName(sink: diagnostics) else { return }
        let spec = FieldReader(document["spec"], path: "spec", anchor: document.location, sink: diagnostics)
        let scope = IstioScope.read(spec, namespace: object.namespace)
        switch object.kind {
        case "RequestAuthentication":
            let format = "istio/RequestAuthentication"
            let read = IstioRequestAuthenticationReader(spec: spec, name: name, scope: scope, sink: diagnostics) {
                object.metadata(name: $0, format: format, sink: diagnostics)
            }
            let (verifiers, keySets) = read.verifiers()
            sink.estate.verifiers.append(contentsOf: verifiers)
            sink.estate.keySets.append(contentsOf: keySets)
        default:
            let metadata = object.metadata(name: name, format: "istio/AuthorizationPolicy", sink: diagnostics)
            sink.estate.accessPolicies.append(
                IstioAuthorizationPolicyReader.read(spec, metadata: metadata, scope: scope, sink: diagnostics))
        }
        spec.reportUnknownKeys()
    }
}

/// `spec.selector.matchLabels` and the resource's namespace.
enum IstioScope {
    static func read(_ spec: FieldReader, namespace: Field<String>) -> WorkloadScope {
        let selector = spec.nested("selector")
        var labels: [String: String] = [:]
        if let matchLabels = selector.raw("matchLabels") {
            for entry in matchLabels.entries { labels[entry.key] = entry.value.scalar ?? "" }
        }
        selector.reportUnknownKeys()
        let targets = [spec.raw("targetRef"), spec.raw("targetRefs")].compactMap { $0 }.filter { !$0.isNull }
        guard let target = targets.first else {
            return WorkloadScope(namespace: namespace, matchLabels: labels, selectorLocation: selector.node?.location)
        }
        // targetRefs bind to a Gateway or Service, not to pod labels: nhi-audit does not match those, so the
        // scope is left undecidable rather than read as namespace-wide.
        spec.sink.add(.init(.unreadable, at: target.anchor, field: target.path,
            "targetRef(s) scoping is not matched against AuthorizationPolicies by nhi-audit; whether a token is "
                + "required stays at the Istio default", severity: .low))
        let unknown = Field<String>(.invalid("scoped by \(target.path)"), path: target.path, location: target.anchor)
        return WorkloadScope(namespace: unknown, matchLabels: labels, selectorLocation: target.anchor)
    }
}
